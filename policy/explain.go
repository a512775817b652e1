package policy

import (
	"fmt"
	"strings"

	"github.com/jobkit/jobkit/job"
)

// Explanation says what one pod failure policy rule made of a failed pod.
type Explanation struct {
	// Rule is the rule's index.
	Rule int
	// Decided reports whether this rule decided.
	Decided bool
	// Why says, in a sentence, why the rule matched or did not.
	Why string
}

// ExplainPodFailure evaluates the policy like MatchPodFailure and also explains each rule
// up to the deciding one (all rules when none decides). It allocates; use it for
// debugging and tools, and MatchPodFailure on hot paths.
func ExplainPodFailure(p *job.PodFailurePolicy, pod *Pod) (Match, []Explanation) {
	m := MatchPodFailure(p, pod)
	if p == nil || pod == nil {
		return m, nil
	}
	var out []Explanation
	for i := range p.Rules {
		if m.Matched() && i > m.Rule {
			break
		}
		e := Explanation{Rule: i, Decided: i == m.Rule, Why: explainRule(&p.Rules[i], pod)}
		if e.Decided {
			e.Why = "matched: " + e.Why
		}
		out = append(out, e)
	}
	return m, out
}

// explainRule says why a rule does or does not match a pod.
func explainRule(r *job.PodFailurePolicyRule, pod *Pod) string {
	switch {
	case !knownAction(r.Action):
		return fmt.Sprintf("action %q is unknown, so the rule is passed over", r.Action)
	case r.OnExitCodes != nil:
		return explainExitCodes(r.OnExitCodes, &pod.Status)
	case r.OnPodConditions != nil:
		return explainConditions(r.OnPodConditions, &pod.Status)
	}
	return "the rule has neither onExitCodes nor onPodConditions, so it matches nothing"
}

// explainExitCodes describes the containers an exit code requirement looked at.
func explainExitCodes(r *job.PodFailurePolicyOnExitCodesRequirement, s *PodStatus) string {
	if c := matchExitCodes(s, r); c != nil {
		return fmt.Sprintf("container %s exited with %d, which is %s %v", c.Name, c.State.Terminated.ExitCode, r.Operator, r.Values)
	}
	var seen []string
	for _, list := range [][]ContainerStatus{s.ContainerStatuses, s.InitContainerStatuses} {
		for i := range list {
			c := &list[i]
			switch {
			case r.ContainerName != nil && *r.ContainerName != c.Name:
			case c.State.Terminated == nil:
				seen = append(seen, c.Name+" has not terminated")
			case c.State.Terminated.ExitCode == 0:
				seen = append(seen, c.Name+" exited with 0, which never matches")
			default:
				seen = append(seen, fmt.Sprintf("%s exited with %d, which is not %s %v", c.Name, c.State.Terminated.ExitCode, r.Operator, r.Values))
			}
		}
	}
	if r.ContainerName != nil && len(seen) == 0 {
		return fmt.Sprintf("no status of container %s", *r.ContainerName)
	}
	if len(seen) == 0 {
		return "the pod has no container statuses"
	}
	return "no exit code matched: " + strings.Join(seen, "; ")
}

// explainConditions describes how condition patterns compare with the pod's conditions.
func explainConditions(patterns []job.PodFailurePolicyOnPodConditionsPattern, s *PodStatus) string {
	if c := matchConditions(s, patterns); c != nil {
		return fmt.Sprintf("the pod has condition %s=%s", c.Type, c.Status)
	}
	want := make([]string, len(patterns))
	for i, p := range patterns {
		want[i] = string(p.Type) + "=" + string(p.Status)
	}
	have := make([]string, len(s.Conditions))
	for i, c := range s.Conditions {
		have[i] = string(c.Type) + "=" + string(c.Status)
	}
	return fmt.Sprintf("no pod condition is one of [%s]; the pod has [%s]", strings.Join(want, " "), strings.Join(have, " "))
}
