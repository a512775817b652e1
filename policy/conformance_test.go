package policy_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jobkit/jobkit/internal/conformance"
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/policy"
	"github.com/jobkit/jobkit/validation"
)

// outcome is everything match.jsonl judges, as jobkit answers it.
type outcome struct {
	RuleIndex       *int
	Action          *string
	CountFailed     bool
	Message         *string
	Reason          *string
	PodFailed       bool
	IndexFailed     *bool
	CompletionIndex int
	JobValid        bool
}

// TestMatchConformance answers every case of match.jsonl.
func TestMatchConformance(t *testing.T) {
	cases := conformance.MatchCases(t)
	for _, c := range cases {
		if problem := matchVerdict(c); problem != "" {
			t.Errorf("%s: %s", c.Input.ID, problem)
		}
	}
	t.Logf("%d match cases", len(cases))
}

// TestMatchCorpus answers every pod failure policy case of the repository's judged corpus;
// known disagreements are listed in conformance/known-disagreements.txt.
func TestMatchCorpus(t *testing.T) {
	cases := conformance.CorpusMatch(t)
	found, problems := map[string]string{}, map[string]string{}
	for _, c := range cases {
		if problem := matchVerdict(c); problem != "" {
			area := "pod failure policy"
			if strings.Contains(problem, "JobValid") {
				area = "job validity"
			}
			found[c.Input.ID], problems[c.Input.ID] = area, problem
		}
	}
	conformance.CheckKnown(t, "match.jsonl.gz", found, problems)
	t.Logf("corpus: %d match cases, %d known disagreements", len(cases), len(found))
}

// matchVerdict compares jobkit's answer to a case with the controller's, or returns "".
func matchVerdict(c conformance.MatchCase) string {
	want := outcome{c.Expect.RuleIndex, c.Expect.Action, c.Expect.CountFailed, c.Expect.Message, c.Expect.Reason,
		c.Expect.PodFailed, c.Expect.IndexFailed, c.Expect.CompletionIndex, c.Expect.JobValid}
	got, err := evaluate(c.Input)
	switch {
	case c.Expect.Error != "" && err == nil:
		return "decoded, want error " + c.Expect.Error
	case c.Expect.Error != "":
		return ""
	case err != nil:
		return err.Error()
	}
	if diff := cmp.Diff(want, got); diff != "" {
		return "(-controller +jobkit):\n" + diff
	}
	return ""
}

// evaluate reads a case's Job (defaulted, as the controller sees it) and pod, and answers
// for them.
func evaluate(in conformance.MatchInput) (outcome, error) {
	j, _, err := job.Decode(in.Job, job.DecodeOptions{})
	if err != nil {
		return outcome{}, err
	}
	job.SetDefaults(j)
	var pod policy.Pod
	if err := json.Unmarshal(in.Pod, &pod); err != nil {
		return outcome{}, err
	}
	m := policy.MatchPodFailure(j.Spec.PodFailurePolicy, &pod)
	var o outcome
	if m.Matched() {
		o.RuleIndex, o.Action = new(m.Rule), new(string(m.Action))
	}
	o.CountFailed = m.CountFailed
	if msg := m.Message(); msg != "" {
		o.Message, o.Reason = &msg, new(m.Reason())
	}
	o.PodFailed = policy.IsFailed(&pod, j.Spec.PodReplacementPolicy)
	if j.Spec.BackoffLimitPerIndex != nil {
		o.IndexFailed = new(policy.FailsIndex(j, &pod))
	}
	o.CompletionIndex = policy.CompletionIndex(&pod)
	created := j.DeepCopy()
	job.SetSystemFields(created, job.SystemFields{UID: "00000000-0000-4000-8000-000000000001", Namespace: "default", NameSuffix: "x7b9z"})
	job.PrepareForCreate(created, nil)
	o.JobValid = len(validation.ValidateJob(created, validation.Options{DenyPrivileged: true})) == 0
	return o, nil
}
