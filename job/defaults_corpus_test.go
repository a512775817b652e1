package job_test

import (
	"encoding/json"
	"testing"

	"github.com/jobkit/jobkit/internal/conformance"
	"github.com/jobkit/jobkit/job"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// The values the API server that judged the corpus assigned.
var corpusSystemFields = job.SystemFields{
	UID:               "00000000-0000-4000-8000-000000000001",
	CreationTimestamp: metav1.Date(2025, 1, 1, 0, 0, 0, 0, metav1.Now().UTC().Location()),
	Namespace:         "default",
	NameSuffix:        "x7b9z",
}

// TestDefaultedCorpus runs every create of the corpus that the API server decoded through
// decoding, DropUnknown and SetDefaults, and requires the server's defaulted object byte for
// byte; then through DedupOwnerReferences, SetSystemFields and PrepareForCreate, and
// requires the object the server validated.
func TestDefaultedCorpus(t *testing.T) {
	n, bad := 0, 0
	for _, c := range conformance.CorpusValidate(t) {
		if c.Input.Op != "create" || c.Expect.Defaulted == nil {
			continue
		}
		n++
		j, _, err := job.Decode(c.Input.Object, job.DecodeOptions{FieldValidation: job.Ignore})
		if err != nil {
			t.Errorf("%s: decode: %v", c.Input.ID, err)
			continue
		}
		j.DropUnknown()
		job.SetDefaults(j)
		if !sameJSON(t, c.Input.ID, "defaulted", j, c.Expect.Defaulted) {
			bad++
			continue
		}
		if c.Expect.Prepared == nil {
			continue
		}
		job.DedupOwnerReferences(j)
		job.SetSystemFields(j, corpusSystemFields)
		job.PrepareForCreate(j, nil)
		if !sameJSON(t, c.Input.ID, "prepared", j, c.Expect.Prepared) {
			bad++
		}
	}
	t.Logf("%d creates: %d differ", n, bad)
}

// sameJSON reports whether j encodes to want, and reports the difference when it does not.
func sameJSON(t *testing.T, id, what string, j *job.Job, want json.RawMessage) bool {
	t.Helper()
	got, err := json.Marshal(j)
	if err != nil {
		t.Errorf("%s: encode: %v", id, err)
		return false
	}
	if string(got) != string(want) {
		t.Errorf("%s: %s differs\n  server %s\n  jobkit %s", id, what, want, got)
		return false
	}
	return true
}
