package k8sapi_test

import (
	"encoding/json"
	"testing"

	"github.com/jobkit/jobkit/apiserver"
	"github.com/jobkit/jobkit/internal/conformance"
	"github.com/jobkit/jobkit/k8sapi"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
)

// TestMatchPodFailure runs the judged pod failure cases with k8s.io/api's Job and Pod: the
// rule and action the Job controller found.
func TestMatchPodFailure(t *testing.T) {
	cases := conformance.CorpusMatch(t)
	if conformance.SharedAvailable() {
		cases = append(cases, conformance.MatchCases(t)...)
	}
	for _, c := range cases {
		var j batchv1.Job
		var pod corev1.Pod
		if json.Unmarshal(c.Input.Job, &j) != nil || json.Unmarshal(c.Input.Pod, &pod) != nil {
			continue // bodies k8s.io/api cannot read are not its users' inputs
		}
		if c.Expect.Error != "" || c.Expect.Panic != "" {
			continue
		}
		k8sapi.SetDefaults(&j) // as a stored Job is
		m := k8sapi.MatchPodFailure(&j, &pod)
		wantRule, wantAction := -1, ""
		if c.Expect.RuleIndex != nil {
			wantRule = *c.Expect.RuleIndex
		}
		if c.Expect.Action != nil {
			wantAction = *c.Expect.Action
		}
		if m.Rule != wantRule || string(m.Action) != wantAction || m.CountFailed != c.Expect.CountFailed {
			t.Errorf("%s: rule %d action %q count %v, want %d %q %v", c.Input.ID, m.Rule, m.Action, m.CountFailed, wantRule, wantAction, c.Expect.CountFailed)
		}
	}
}

func TestNilArguments(t *testing.T) {
	if k8sapi.ToBatchV1(nil) != nil || k8sapi.FromBatchV1(nil) != nil || k8sapi.ToBatchV1List(nil) != nil ||
		k8sapi.FromBatchV1List(nil) != nil || k8sapi.ToBatchV1JobTemplate(nil) != nil || k8sapi.FromBatchV1JobTemplate(nil) != nil ||
		k8sapi.ToCoreV1PodTemplate(nil) != nil || k8sapi.FromCoreV1PodTemplate(nil) != nil || k8sapi.FromCoreV1Pod(nil) != nil {
		t.Error("a nil argument converts to a value")
	}
	k8sapi.SetDefaults(nil)
	if m := k8sapi.MatchPodFailure(nil, nil); m.Matched() {
		t.Errorf("MatchPodFailure(nil, nil) = %+v", m)
	}
	if r, j := k8sapi.Handle(apiserver.Request{Operation: apiserver.Create}, nil, nil); r.Code != 500 || j != nil {
		t.Errorf("Handle without an object: %d %v", r.Code, r.Status)
	}
}
