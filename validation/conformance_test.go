package validation_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/jobkit/jobkit/internal/conformance"
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/validation"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// The values the API server that judged the cases assigned.
var systemFields = job.SystemFields{
	UID:               "00000000-0000-4000-8000-000000000001",
	CreationTimestamp: metav1.Date(2025, 1, 1, 0, 0, 0, 0, metav1.Now().UTC().Location()),
	Namespace:         "default",
	NameSuffix:        "x7b9z",
}

// judgeOptions are those of the API server that judged the cases: kube-apiserver's own
// defaults, which include rejecting privileged containers.
var judgeOptions = validation.Options{DenyPrivileged: true}

// request runs a case through what the API server does with it: decoding, defaulting,
// preparation and validation, and returns the errors and warnings. A decode error comes
// back as err.
func request(c conformance.ValidateCase) (field.ErrorList, []string, error) {
	j, _, err := job.Decode(c.Input.Object, job.DecodeOptions{})
	if err != nil {
		return nil, nil, err
	}
	j.DropUnknown()
	job.SetDefaults(j)
	var warnings []string
	if c.Input.Op != "status" {
		if w := job.DedupOwnerReferences(j); w != "" {
			warnings = append(warnings, w)
		}
	}
	if c.Input.Op == "create" {
		job.SetSystemFields(j, systemFields)
		job.PrepareForCreate(j, nil)
		return validation.ValidateJob(j, judgeOptions), append(warnings, validation.Warnings(j, nil)...), nil
	}
	old, _, err := job.Decode(c.Input.Old, job.DecodeOptions{})
	if err != nil {
		return nil, nil, fmt.Errorf("old: %w", err)
	}
	job.SetDefaults(old)
	stored(old)
	if c.Input.Op == "status" {
		job.PrepareForStatusUpdate(j, old)
		return validation.ValidateJobStatusUpdate(j, old, judgeOptions), nil, nil
	}
	job.PrepareForUpdate(j, old, nil)
	return validation.ValidateJobUpdate(j, old, judgeOptions), append(warnings, validation.Warnings(j, old)...), nil
}

// producedWarning reports whether jobkit produces warnings of the kind of w.
func producedWarning(w string) bool {
	for _, kind := range []string{"metadata.name: ", "spec: In Indexed Jobs", "fractional byte value", "terminationGracePeriodSeconds: ", ".metadata.ownerReferences contains duplicate entries"} {
		if strings.Contains(w, kind) {
			return true
		}
	}
	return false
}

// warningsVerdict compares the warnings of an accepted request with the server's, for the
// kinds of warning jobkit produces.
func warningsVerdict(c conformance.ValidateCase, got []string) string {
	if len(c.Expect.Errors) > 0 || c.Expect.RequestError != "" || c.Expect.Panic != "" {
		return ""
	}
	var want []string
	for _, w := range c.Expect.Warnings {
		if producedWarning(w) {
			want = append(want, w)
		}
	}
	if !slices.Equal(want, got) {
		return fmt.Sprintf("warnings %q, want %q", got, want)
	}
	return ""
}

// stored fills in what a stored Job always has, as the cases' README says.
func stored(old *job.Job) {
	if old.UID == "" {
		old.UID = systemFields.UID
	}
	if old.CreationTimestamp.IsZero() {
		old.CreationTimestamp = systemFields.CreationTimestamp
	}
	if old.Namespace == "" {
		old.Namespace = systemFields.Namespace
	}
	if old.ResourceVersion == "" {
		old.ResourceVersion = "1"
	}
}

type typeField struct{ Type, Field string }

// verdict compares errors with the expectation: the same (type, field) pairs, as a
// multiset. The errors of core pod template validation are included: jobkit reproduces
// every one the cases hold.
func verdict(c conformance.ValidateCase, got field.ErrorList, decodeErr error) string {
	e := c.Expect
	if e.RequestError != "" || e.Panic != "" {
		if decodeErr == nil && len(got) == 0 {
			return "accepted a request the server rejected: " + e.RequestError + e.Panic
		}
		return ""
	}
	if decodeErr != nil {
		return "decode: " + decodeErr.Error()
	}
	var problems []string
	rest := make([]typeField, 0, len(got))
	for _, x := range got {
		rest = append(rest, typeField{string(x.Type), x.Field})
	}
	for _, x := range e.Errors {
		w := typeField{x.Type, x.Field}
		if i := slices.Index(rest, w); i >= 0 {
			rest = slices.Delete(rest, i, i+1)
		} else {
			problems = append(problems, fmt.Sprintf("missing %s %s", w.Type, w.Field))
		}
	}
	for _, r := range rest {
		problems = append(problems, fmt.Sprintf("unexpected %s %s", r.Type, r.Field))
	}
	return strings.Join(problems, "; ")
}

// TestConformance runs every case of conformance/validate.jsonl.
func TestConformance(t *testing.T) {
	runCases(t, conformance.ValidateCases(t))
}

// TestRealWorld runs every case of realworld/validate.jsonl and realworld/validate-2.jsonl.
func TestRealWorld(t *testing.T) {
	runCases(t, conformance.RealWorldCases(t))
	runCases(t, conformance.RealWorld2Cases(t))
}

func runCases(t *testing.T, cases []conformance.ValidateCase) {
	agree := 0
	for _, c := range cases {
		got, warnings, err := request(c)
		if problem := verdict(c, got, err); problem != "" {
			t.Errorf("%s: %s\n  jobkit: %v", c.Input.ID, problem, got)
			continue
		}
		if problem := warningsVerdict(c, warnings); problem != "" {
			t.Errorf("%s: %s", c.Input.ID, problem)
			continue
		}
		agree++
	}
	t.Logf("%d/%d cases agree with the API server", agree, len(cases))
}
