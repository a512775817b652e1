package job_test

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jobkit/jobkit/internal/conformance"
	"github.com/jobkit/jobkit/job"
)

// TestRoundTripConformance decodes every Job body of the conformance file that the API
// server decodes cleanly and requires the encoding to be the same JSON object.
func TestRoundTripConformance(t *testing.T) {
	roundTrip(t, conformance.ValidateCases(t))
}

// TestRoundTripCorpus does the same with every Job body of the repository's corpus.
func TestRoundTripCorpus(t *testing.T) {
	roundTrip(t, conformance.CorpusValidate(t))
}

func roundTrip(t *testing.T, cases []conformance.ValidateCase) {
	n := 0
	for _, c := range cases {
		if c.Expect.RequestError != "" || len(c.Expect.DecodeWarnings) > 0 {
			continue
		}
		for _, body := range []json.RawMessage{c.Input.Object, c.Input.Old} {
			if body == nil {
				continue
			}
			n++
			var j job.Job
			if err := json.Unmarshal(body, &j); err != nil {
				t.Errorf("%s: decode: %v", c.Input.ID, err)
				continue
			}
			out, err := json.Marshal(&j)
			if err != nil {
				t.Errorf("%s: encode: %v", c.Input.ID, err)
				continue
			}
			if diff := cmp.Diff(withoutNulls(t, body), withoutNulls(t, out)); diff != "" {
				t.Errorf("%s: round trip differs (-in +out):\n%s", c.Input.ID, diff)
			}
		}
	}
	t.Logf("%d Job bodies round-tripped", n)
}

// withoutNulls reads JSON into a generic value and drops object members whose value is
// null: in the Kubernetes API a null member means the same as an absent one, and jobkit
// does not keep the difference.
func withoutNulls(t *testing.T, b []byte) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("%s: %v", b, err)
	}
	return dropNulls(v)
}

func dropNulls(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if x == nil {
				delete(v, k)
				continue
			}
			v[k] = dropNulls(x)
		}
	case []any:
		for i, x := range v {
			v[i] = dropNulls(x)
		}
	}
	return v
}

// TestServerEncodingCorpus decodes every object the API server wrote in the corpus (the
// defaulted and prepared Jobs) and requires jobkit to write it back byte for byte: the same
// members in the same order, with the same omissions and number and string forms.
func TestServerEncodingCorpus(t *testing.T) {
	n := 0
	for _, c := range conformance.CorpusValidate(t) {
		for _, body := range []json.RawMessage{c.Expect.Defaulted, c.Expect.Prepared} {
			if body == nil {
				continue
			}
			n++
			var j job.Job
			if err := json.Unmarshal(body, &j); err != nil {
				t.Errorf("%s: decode: %v", c.Input.ID, err)
				continue
			}
			out, err := json.Marshal(&j)
			if err != nil {
				t.Errorf("%s: encode: %v", c.Input.ID, err)
				continue
			}
			if string(out) != string(body) {
				t.Errorf("%s: encoding differs\n  server %s\n  jobkit %s", c.Input.ID, body, out)
			}
		}
	}
	t.Logf("%d server-written Jobs re-encoded", n)
}
