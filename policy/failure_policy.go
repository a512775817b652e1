package policy

import (
	"fmt"
	"slices"

	"github.com/jobkit/jobkit/job"
)

// Match is what a Job's pod failure policy decides about a failed pod.
type Match struct {
	// Rule is the index of the deciding rule, or -1 when no rule decided.
	Rule int
	// Action is the deciding rule's action, or "" when no rule decided.
	Action job.PodFailurePolicyAction
	// CountFailed reports whether the failure counts against backoffLimit and
	// backoffLimitPerIndex: false only for Ignore.
	CountFailed bool

	// What matched, for Message: a container and its exit code, or a pod condition.
	namespace, pod string
	container      string
	exitCode       int32
	condition      job.PodConditionType
}

// Matched reports whether a rule decided.
func (m Match) Matched() bool { return m.Rule >= 0 }

// Message returns the message the Job controller gives the Job's failure when the action
// is FailJob — word for word, since other controllers match on it — and "" otherwise:
//
//	Container main for pod ns/pod-x failed with exit code 42 matching FailJob rule at index 3
//	Pod ns/pod-x has condition DisruptionTarget matching FailJob rule at index 0
func (m Match) Message() string {
	switch {
	case m.Action != job.PodFailurePolicyActionFailJob:
		return ""
	case m.condition != "":
		return fmt.Sprintf("Pod %s/%s has condition %s matching FailJob rule at index %d", m.namespace, m.pod, m.condition, m.Rule)
	default:
		return fmt.Sprintf("Container %s for pod %s/%s failed with exit code %d matching FailJob rule at index %d",
			m.container, m.namespace, m.pod, m.exitCode, m.Rule)
	}
}

// Reason returns the reason of the condition a FailJob match gives the Job
// (PodFailurePolicy), and "" for other matches.
func (m Match) Reason() string {
	if m.Action == job.PodFailurePolicyActionFailJob {
		return job.JobReasonPodFailurePolicy
	}
	return ""
}

// noMatch is the decision when no rule decides: the failure counts.
func noMatch() Match { return Match{Rule: -1, CountFailed: true} }

// MatchPodFailure evaluates a pod failure policy, which may be nil, against a failed pod
// as the Job controller does: rules in order, the first that
// matches and has a known action decides. A rule with onExitCodes looks at the current
// terminated state of the containers, then of the init containers, in list order, skipping
// exit code 0 and containers other than containerName when that is set; a rule with
// onPodConditions (without onExitCodes) needs a pod condition with the type and status of
// one of its patterns. A matching rule with an unknown action is passed over. It does not
// allocate.
func MatchPodFailure(p *job.PodFailurePolicy, pod *Pod) Match {
	if p == nil || pod == nil {
		return noMatch()
	}
	for i := range p.Rules {
		r := &p.Rules[i]
		if !knownAction(r.Action) {
			continue
		}
		switch {
		case r.OnExitCodes != nil:
			if c := matchExitCodes(&pod.Status, r.OnExitCodes); c != nil {
				m := decided(i, r.Action, pod)
				m.container, m.exitCode = c.Name, c.State.Terminated.ExitCode
				return m
			}
		case r.OnPodConditions != nil:
			if c := matchConditions(&pod.Status, r.OnPodConditions); c != nil {
				m := decided(i, r.Action, pod)
				m.condition = c.Type
				return m
			}
		}
	}
	return noMatch()
}

// decided is the Match of rule i with action a for the pod.
func decided(i int, a job.PodFailurePolicyAction, pod *Pod) Match {
	return Match{Rule: i, Action: a, CountFailed: a != job.PodFailurePolicyActionIgnore, namespace: pod.Namespace, pod: pod.Name}
}

// knownAction reports whether the controller acts on a.
func knownAction(a job.PodFailurePolicyAction) bool {
	switch a {
	case job.PodFailurePolicyActionFailJob, job.PodFailurePolicyActionFailIndex,
		job.PodFailurePolicyActionIgnore, job.PodFailurePolicyActionCount:
		return true
	}
	return false
}

// matchExitCodes returns the first container status, containers before init containers,
// that satisfies the requirement.
func matchExitCodes(s *PodStatus, r *job.PodFailurePolicyOnExitCodesRequirement) *ContainerStatus {
	if c := firstExitCodeMatch(s.ContainerStatuses, r); c != nil {
		return c
	}
	return firstExitCodeMatch(s.InitContainerStatuses, r)
}

func firstExitCodeMatch(statuses []ContainerStatus, r *job.PodFailurePolicyOnExitCodesRequirement) *ContainerStatus {
	for i := range statuses {
		if exitCodeMatches(&statuses[i], r) {
			return &statuses[i]
		}
	}
	return nil
}

// exitCodeMatches reports whether a container's current state satisfies the requirement.
func exitCodeMatches(c *ContainerStatus, r *job.PodFailurePolicyOnExitCodesRequirement) bool {
	t := c.State.Terminated
	if t == nil || t.ExitCode == 0 || r.ContainerName != nil && *r.ContainerName != c.Name {
		return false
	}
	switch r.Operator {
	case job.PodFailurePolicyOnExitCodesOpIn:
		return slices.Contains(r.Values, t.ExitCode)
	case job.PodFailurePolicyOnExitCodesOpNotIn:
		return !slices.Contains(r.Values, t.ExitCode)
	}
	return false
}

// matchConditions returns the first pod condition, in the pod's order, that has the type
// and status of a pattern.
func matchConditions(s *PodStatus, patterns []job.PodFailurePolicyOnPodConditionsPattern) *PodCondition {
	for i := range s.Conditions {
		c := &s.Conditions[i]
		for _, p := range patterns {
			if c.Type == p.Type && c.Status == p.Status {
				return c
			}
		}
	}
	return nil
}
