package apiserver_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/jobkit/jobkit/apiserver"
	"github.com/jobkit/jobkit/internal/conformance"
	"github.com/jobkit/jobkit/job"
)

// TestCronJobCorpus runs every CronJob create of the corpus through CreateCronJob: the
// status code, the request error, the errors by type and field and word for word, the
// warnings, and the defaulted and stored objects.
func TestCronJobCorpus(t *testing.T) {
	cases := conformance.CorpusCronJob(t)
	found, problems := map[string]string{}, map[string]string{}
	for _, c := range cases {
		if p := cronJobVerdict(c); p != "" {
			found[c.Input.ID], problems[c.Input.ID] = "cronjob", p
		}
	}
	conformance.CheckKnown(t, "cronjob.jsonl.gz", found, problems)
	t.Logf("%d CronJob creates, %d agree with Kubernetes", len(cases), len(cases)-len(found))
}

func cronJobVerdict(c conformance.ValidateCase) string {
	e := c.Expect
	var meta struct {
		Metadata struct{ Namespace string } `json:"metadata"`
	}
	_ = json.Unmarshal(c.Input.Object, &meta)
	r := apiserver.CreateCronJob(apiserver.CronJobRequest{Namespace: meta.Metadata.Namespace, Body: c.Input.Object, System: judgeSystem, Options: judgeOptions})
	var problems []string
	if r.Code != e.Code {
		problems = append(problems, fmt.Sprintf("code %d, want %d", r.Code, e.Code))
	}
	if e.RequestError != "" && (r.Status == nil || r.Status.Message != e.RequestError) {
		problems = append(problems, fmt.Sprintf("status %v, want the message %q", r.Status, e.RequestError))
	}
	got := make([]string, 0, len(r.Errors))
	for _, x := range r.Errors {
		got = append(got, x.Error())
	}
	for _, x := range e.Errors {
		match := func(m string) bool { return m == x.Message }
		if x.MessageTruncated {
			match = func(m string) bool { return strings.HasPrefix(m, x.Message) }
		}
		if i := slices.IndexFunc(got, match); i >= 0 {
			got = slices.Delete(got, i, i+1)
		} else {
			problems = append(problems, "missing "+x.Message)
		}
	}
	for _, g := range got {
		problems = append(problems, "unexpected "+g)
	}
	wantWarnings := slices.Clone(e.DecodeWarnings)
	if e.Code < 300 {
		wantWarnings = append(wantWarnings, e.Warnings...)
	}
	if gotWarnings := r.Warnings; !slices.Equal(gotWarnings, wantWarnings) && (e.Code < 300 || len(e.DecodeWarnings) > 0) {
		problems = append(problems, fmt.Sprintf("warnings %q, want %q", gotWarnings, wantWarnings))
	}
	if r.Object != nil && e.Prepared != nil {
		if out, _ := json.Marshal(r.Object); string(out) != string(e.Prepared) {
			problems = append(problems, fmt.Sprintf("stored %s\n  want %s", out, e.Prepared))
		}
	}
	if e.Defaulted != nil {
		if d, _, err := job.DecodeCronJob(c.Input.Object, job.DecodeOptions{FieldValidation: job.Ignore}); err == nil {
			d.DropUnknown()
			job.SetCronJobDefaults(d)
			if out, _ := json.Marshal(d); string(out) != string(e.Defaulted) {
				problems = append(problems, fmt.Sprintf("defaulted %s\n  want %s", out, e.Defaulted))
			}
		}
	}
	return strings.Join(problems, "; ")
}
