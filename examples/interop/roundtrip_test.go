package interop_test

import (
	"encoding/json"
	"testing"

	"github.com/jobkit/jobkit/examples/interop"
	"github.com/jobkit/jobkit/internal/conformance"
	"github.com/jobkit/jobkit/job"
	batchv1 "k8s.io/api/batch/v1"
	"k8s.io/apimachinery/pkg/api/equality"
	sigsjson "sigs.k8s.io/json"
)

// TestRoundTripConformance reads every judged request body with both sets of types, as the
// API server reads JSON (case-sensitively), and checks that they agree: both read it or
// both reject it, and converting jobkit's reading to batch/v1 and back loses nothing.
func TestRoundTripConformance(t *testing.T) {
	var bodies []json.RawMessage
	for _, c := range append(conformance.ValidateCases(t), conformance.RealWorldCases(t)...) {
		bodies = append(bodies, c.Input.Object)
		if len(c.Input.Old) > 0 {
			bodies = append(bodies, c.Input.Old)
		}
	}
	rejected := 0
	for i, body := range bodies {
		var want batchv1.Job
		apiErr := sigsjson.UnmarshalCaseSensitivePreserveInts(body, &want)
		var kit job.Job
		kitErr := json.Unmarshal(body, &kit)
		if (apiErr == nil) != (kitErr == nil) {
			t.Errorf("body %d: batch/v1 error %v, jobkit error %v\n%s", i, apiErr, kitErr, body)
			continue
		}
		if apiErr != nil {
			rejected++
			continue
		}
		if want.Kind == "" && want.APIVersion == "" { // job.Encode writes them, as the API server does
			want.Kind, want.APIVersion = "Job", "batch/v1"
		}
		got, err := interop.ToBatchV1(&kit)
		if err != nil {
			t.Fatalf("body %d: ToBatchV1: %v", i, err)
		}
		if !equality.Semantic.DeepEqual(&want, got) {
			t.Errorf("body %d: jobkit's reading converts to a different batch/v1 Job\n%s", i, body)
			continue
		}
		back, err := interop.FromBatchV1(got)
		if err != nil {
			t.Fatalf("body %d: FromBatchV1: %v", i, err)
		}
		again, err := interop.ToBatchV1(back)
		if err != nil || !equality.Semantic.DeepEqual(&want, again) {
			t.Errorf("body %d: batch/v1 → jobkit → batch/v1 changes the Job (%v)\n%s", i, err, body)
		}
	}
	t.Logf("%d bodies, %d rejected by both", len(bodies), rejected)
}
