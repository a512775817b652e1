package k8sapi_test

import (
	"encoding/json"
	"testing"

	"github.com/jobkit/jobkit/internal/conformance"
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/k8sapi"
	batchv1 "k8s.io/api/batch/v1"
	"k8s.io/apimachinery/pkg/api/equality"
	sigsjson "sigs.k8s.io/json"
)

// bodies are the Job bodies of the judged cases: the repository's corpus, and ../shared's
// when it is present.
func bodies(t *testing.T) []json.RawMessage {
	cases := conformance.CorpusValidate(t)
	if conformance.SharedAvailable() {
		cases = append(cases, conformance.ValidateCases(t)...)
		cases = append(cases, conformance.RealWorldCases(t)...)
		cases = append(cases, conformance.RealWorld2Cases(t)...)
	}
	var out []json.RawMessage
	for _, c := range cases {
		for _, b := range []json.RawMessage{c.Input.Object, c.Input.Old, c.Expect.Defaulted, c.Expect.Prepared} {
			if len(b) > 0 {
				out = append(out, b)
			}
		}
	}
	return out
}

// TestRoundTrip reads every judged Job body with both sets of types, as the API server reads
// JSON (case-sensitively): both read it or both reject it; jobkit's reading converts to
// k8s.io/api's; k8s.io/api's converts to jobkit's and back unchanged; and jobkit writes the
// converted Job as encoding/json writes k8s.io/api's, byte for byte.
func TestRoundTrip(t *testing.T) {
	all := bodies(t)
	rejected := 0
	for i, body := range all {
		var want batchv1.Job
		apiErr := sigsjson.UnmarshalCaseSensitivePreserveInts(body, &want)
		kit := new(job.Job)
		kitErr := json.Unmarshal(body, kit) // the object itself; apiVersion and kind are the request's business
		if (apiErr == nil) != (kitErr == nil) {
			t.Errorf("body %d: k8s.io/api error %v, jobkit error %v\n%s", i, apiErr, kitErr, body)
			continue
		}
		if apiErr != nil {
			rejected++
			continue
		}
		if got := k8sapi.ToBatchV1(kit); !equality.Semantic.DeepEqual(&want, got) {
			t.Errorf("body %d: jobkit's reading converts to another Job\n%s", i, body)
			continue
		}
		back := k8sapi.FromBatchV1(&want)
		if again := k8sapi.ToBatchV1(back); !equality.Semantic.DeepEqual(&want, again) {
			t.Errorf("body %d: k8s.io/api -> jobkit -> k8s.io/api changes the Job\n%s", i, body)
			continue
		}
		wantJSON, _ := json.Marshal(&want)
		gotJSON, err := json.Marshal(back)
		if err != nil || string(gotJSON) != string(wantJSON) {
			t.Errorf("body %d: encodings differ (%v)\n  k8s.io/api %s\n  jobkit      %s", i, err, wantJSON, gotJSON)
		}
	}
	t.Logf("%d bodies, %d rejected by both", len(all), rejected)
}
