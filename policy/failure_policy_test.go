package policy_test

import (
	"testing"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/policy"
)

func terminated(name string, code int32) policy.ContainerStatus {
	return policy.ContainerStatus{Name: name, State: policy.ContainerState{Terminated: &policy.ContainerStateTerminated{ExitCode: code}}}
}

func running(name string) policy.ContainerStatus {
	return policy.ContainerStatus{Name: name, State: policy.ContainerState{Running: &policy.ContainerStateRunning{}}}
}

func failedPod(containers, inits []policy.ContainerStatus, conditions ...policy.PodCondition) *policy.Pod {
	p := &policy.Pod{Status: policy.PodStatus{Phase: policy.PodFailed, ContainerStatuses: containers, InitContainerStatuses: inits, Conditions: conditions}}
	p.Name, p.Namespace = "pi-x7b9z", "ml"
	return p
}

func onExit(action job.PodFailurePolicyAction, op job.PodFailurePolicyOnExitCodesOperator, values ...int32) job.PodFailurePolicyRule {
	return job.PodFailurePolicyRule{Action: action, OnExitCodes: &job.PodFailurePolicyOnExitCodesRequirement{Operator: op, Values: values}}
}

func onCondition(action job.PodFailurePolicyAction, t job.PodConditionType, s job.ConditionStatus) job.PodFailurePolicyRule {
	return job.PodFailurePolicyRule{Action: action, OnPodConditions: []job.PodFailurePolicyOnPodConditionsPattern{{Type: t, Status: s}}}
}

const (
	failJob   = job.PodFailurePolicyActionFailJob
	failIndex = job.PodFailurePolicyActionFailIndex
	ignore    = job.PodFailurePolicyActionIgnore
	count     = job.PodFailurePolicyActionCount
	in        = job.PodFailurePolicyOnExitCodesOpIn
	notIn     = job.PodFailurePolicyOnExitCodesOpNotIn
)

func TestMatchPodFailure(t *testing.T) {
	disruption := policy.PodCondition{Type: job.DisruptionTarget, Status: job.ConditionTrue}
	tests := []struct {
		name    string
		rules   []job.PodFailurePolicyRule
		pod     *policy.Pod
		rule    int
		action  job.PodFailurePolicyAction
		counted bool
		message string
	}{
		{name: "no rules", pod: failedPod([]policy.ContainerStatus{terminated("main", 1)}, nil), rule: -1, counted: true},
		{name: "exit code In", rules: []job.PodFailurePolicyRule{onExit(failJob, in, 1, 42)},
			pod: failedPod([]policy.ContainerStatus{terminated("main", 42)}, nil), rule: 0, action: failJob, counted: true,
			message: "Container main for pod ml/pi-x7b9z failed with exit code 42 matching FailJob rule at index 0"},
		{name: "exit code 0 never matches, even NotIn", rules: []job.PodFailurePolicyRule{onExit(failJob, notIn, 1)},
			pod: failedPod([]policy.ContainerStatus{terminated("main", 0)}, nil), rule: -1, counted: true},
		{name: "containers before init containers", rules: []job.PodFailurePolicyRule{onExit(count, notIn, 0)},
			pod: failedPod([]policy.ContainerStatus{terminated("main", 3)}, []policy.ContainerStatus{terminated("setup", 2)}), rule: 0, action: count, counted: true},
		{name: "a sidecar killed with a non-zero code matches", rules: []job.PodFailurePolicyRule{onExit(failJob, in, 137)},
			pod: failedPod([]policy.ContainerStatus{terminated("main", 0)}, []policy.ContainerStatus{terminated("proxy", 137)}), rule: 0, action: failJob, counted: true,
			message: "Container proxy for pod ml/pi-x7b9z failed with exit code 137 matching FailJob rule at index 0"},
		{name: "last state is never read", rules: []job.PodFailurePolicyRule{onExit(failJob, in, 1)},
			pod: failedPod([]policy.ContainerStatus{{Name: "main", State: policy.ContainerState{Running: &policy.ContainerStateRunning{}},
				LastState: policy.ContainerState{Terminated: &policy.ContainerStateTerminated{ExitCode: 1}}}}, nil), rule: -1, counted: true},
		{name: "containerName filters", rules: []job.PodFailurePolicyRule{{Action: failJob, OnExitCodes: &job.PodFailurePolicyOnExitCodesRequirement{
			ContainerName: new("main"), Operator: in, Values: []int32{1}}}},
			pod: failedPod([]policy.ContainerStatus{terminated("sidecar", 1), running("main")}, nil), rule: -1, counted: true},
		{name: "unknown operator matches nothing", rules: []job.PodFailurePolicyRule{onExit(failJob, "Is", 1)},
			pod: failedPod([]policy.ContainerStatus{terminated("main", 1)}, nil), rule: -1, counted: true},
		{name: "Ignore does not count", rules: []job.PodFailurePolicyRule{onCondition(ignore, job.DisruptionTarget, job.ConditionTrue)},
			pod: failedPod(nil, nil, disruption), rule: 0, action: ignore, counted: false},
		{name: "condition status must match", rules: []job.PodFailurePolicyRule{onCondition(ignore, job.DisruptionTarget, job.ConditionFalse)},
			pod: failedPod(nil, nil, disruption), rule: -1, counted: true},
		{name: "a pattern without status never matches", rules: []job.PodFailurePolicyRule{onCondition(ignore, job.DisruptionTarget, "")},
			pod: failedPod(nil, nil, disruption), rule: -1, counted: true},
		{name: "FailJob by condition", rules: []job.PodFailurePolicyRule{onExit(count, in, 5), onCondition(failJob, job.DisruptionTarget, job.ConditionTrue)},
			pod: failedPod([]policy.ContainerStatus{terminated("main", 1)}, nil, disruption), rule: 1, action: failJob, counted: true,
			message: "Pod ml/pi-x7b9z has condition DisruptionTarget matching FailJob rule at index 1"},
		{name: "unknown actions are passed over", rules: []job.PodFailurePolicyRule{onExit("Retry", in, 1), onExit(failIndex, in, 1)},
			pod: failedPod([]policy.ContainerStatus{terminated("main", 1)}, nil), rule: 1, action: failIndex, counted: true},
		{name: "a rule with both requirements reads exit codes only", rules: []job.PodFailurePolicyRule{{Action: ignore,
			OnExitCodes:     &job.PodFailurePolicyOnExitCodesRequirement{Operator: in, Values: []int32{9}},
			OnPodConditions: []job.PodFailurePolicyOnPodConditionsPattern{{Type: job.DisruptionTarget, Status: job.ConditionTrue}}}},
			pod: failedPod([]policy.ContainerStatus{terminated("main", 1)}, nil, disruption), rule: -1, counted: true},
		{name: "an empty condition list matches nothing", rules: []job.PodFailurePolicyRule{{Action: ignore, OnPodConditions: []job.PodFailurePolicyOnPodConditionsPattern{}}},
			pod: failedPod(nil, nil, disruption), rule: -1, counted: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var p *job.PodFailurePolicy
			if tt.rules != nil {
				p = &job.PodFailurePolicy{Rules: tt.rules}
			}
			m := policy.MatchPodFailure(p, tt.pod)
			if m.Rule != tt.rule || m.Action != tt.action || m.CountFailed != tt.counted || m.Message() != tt.message {
				t.Fatalf("got rule %d %q counted %v %q; want rule %d %q counted %v %q",
					m.Rule, m.Action, m.CountFailed, m.Message(), tt.rule, tt.action, tt.counted, tt.message)
			}
			_, explained := policy.ExplainPodFailure(p, tt.pod)
			if want := len(tt.rules); m.Matched() {
				if len(explained) != m.Rule+1 || !explained[m.Rule].Decided {
					t.Fatalf("explanations %+v for a match at %d", explained, m.Rule)
				}
			} else if len(explained) != want {
				t.Fatalf("%d explanations for %d rules", len(explained), want)
			}
		})
	}
}

func TestExplainPodFailure(t *testing.T) {
	p := &job.PodFailurePolicy{Rules: []job.PodFailurePolicyRule{
		onExit("Retry", in, 1),
		onExit(count, in, 5, 6),
		onCondition(ignore, job.DisruptionTarget, job.ConditionTrue),
		onExit(failJob, notIn, 0),
	}}
	pod := failedPod([]policy.ContainerStatus{terminated("main", 7), running("log")}, nil, policy.PodCondition{Type: job.PodReady, Status: job.ConditionFalse})
	m, why := policy.ExplainPodFailure(p, pod)
	want := []string{
		`action "Retry" is unknown, so the rule is passed over`,
		"no exit code matched: main exited with 7, which is not In [5 6]; log has not terminated",
		"no pod condition is one of [DisruptionTarget=True]; the pod has [Ready=False]",
		"matched: container main exited with 7, which is NotIn [0]",
	}
	if m.Rule != 3 || len(why) != len(want) {
		t.Fatalf("match %d, explanations %+v", m.Rule, why)
	}
	for i := range want {
		if why[i].Why != want[i] {
			t.Errorf("rule %d: %q, want %q", i, why[i].Why, want[i])
		}
	}
}
