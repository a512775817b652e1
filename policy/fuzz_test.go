package policy_test

import (
	"encoding/json"
	"testing"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/policy"
)

// FuzzMatchPodFailure evaluates any policy against any pod: no panic, ExplainPodFailure
// agrees with MatchPodFailure, and a message comes exactly with FailJob.
func FuzzMatchPodFailure(f *testing.F) {
	f.Add(`{"rules":[{"action":"FailJob","onExitCodes":{"containerName":"main","operator":"In","values":[42]}},{"action":"Ignore","onPodConditions":[{"type":"DisruptionTarget","status":"True"}]}]}`,
		`{"metadata":{"name":"p","namespace":"n","annotations":{"batch.kubernetes.io/job-completion-index":"3"}},"status":{"phase":"Failed","conditions":[{"type":"DisruptionTarget","status":"True"}],"containerStatuses":[{"name":"main","state":{"terminated":{"exitCode":42}}}]}}`)
	f.Add(`{"rules":[{"action":"Bogus","onExitCodes":{"operator":"NotIn","values":[]}},{"action":"Count","onPodConditions":[]}]}`,
		`{"metadata":{"deletionTimestamp":"2025-01-01T00:00:00Z"},"status":{"phase":"Running","initContainerStatuses":[{"name":"s","state":{"terminated":{"exitCode":-1,"finishedAt":"2025-01-01T00:00:00Z"}}}]}}`)
	f.Fuzz(func(t *testing.T, policyJSON, podJSON string) {
		var p job.PodFailurePolicy
		var pod policy.Pod
		if json.Unmarshal([]byte(policyJSON), &p) != nil || json.Unmarshal([]byte(podJSON), &pod) != nil {
			return
		}
		m := policy.MatchPodFailure(&p, &pod)
		explained, why := policy.ExplainPodFailure(&p, &pod)
		if m != explained {
			t.Fatalf("MatchPodFailure %+v, ExplainPodFailure %+v", m, explained)
		}
		if m.Matched() && (len(why) != m.Rule+1 || !why[m.Rule].Decided) {
			t.Fatalf("explanations %+v for a match at %d", why, m.Rule)
		}
		if (m.Message() != "") != (m.Action == job.PodFailurePolicyActionFailJob) {
			t.Fatalf("message %q with action %q", m.Message(), m.Action)
		}
		j := &job.Job{}
		j.Spec.PodFailurePolicy = &p
		j.Spec.BackoffLimitPerIndex = new(int32(1))
		policy.FailsIndex(j, &pod)
		policy.FinishTime(&pod)
		policy.CompletionIndex(&pod)
		policy.IsReady(&pod)
	})
}
