package policy_test

import (
	"encoding/json"
	"github.com/jobkit/jobkit/internal/race"
	"testing"

	"github.com/jobkit/jobkit/internal/conformance"
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/policy"
)

// benchInputs reads the 20-rule policy and the three pods of ../shared/bench.
func benchInputs(tb testing.TB) (*job.PodFailurePolicy, map[string]*policy.Pod) {
	var p job.PodFailurePolicy
	if err := json.Unmarshal(conformance.BenchInput(tb, "policy-20-rules.json"), &p); err != nil {
		tb.Fatal(err)
	}
	pods := map[string]*policy.Pod{}
	for _, name := range []string{"match-last", "no-match", "match-first"} {
		var pod policy.Pod
		if err := json.Unmarshal(conformance.BenchInput(tb, "pod-"+name+".json"), &pod); err != nil {
			tb.Fatal(err)
		}
		pods[name] = &pod
	}
	return &p, pods
}

// exitCode returns a copy of pod whose main container exited with code.
func exitCode(pod *policy.Pod, code int32) *policy.Pod {
	c := *pod
	c.Status.ContainerStatuses = []policy.ContainerStatus{terminated("main", code)}
	return &c
}

// lastOnly returns a copy of p whose last rule alone matches exit code 200.
func lastOnly(p *job.PodFailurePolicy) *job.PodFailurePolicy {
	c := *p
	c.Rules = append([]job.PodFailurePolicyRule(nil), p.Rules...)
	c.Rules[19].OnExitCodes = &job.PodFailurePolicyOnExitCodesRequirement{ContainerName: new("main"), Operator: in, Values: []int32{200}}
	return &c
}

// BenchmarkMatchPodFailure runs the pods of ../shared/bench against its 20-rule policy.
// Their names say what the bench README intends; with the files as they are, rule 4 (exit
// codes 41-50) decides for match-last and rule 0 (1-10) for no-match. The last-rule and
// no-rule variants measure the two ends the names mean.
func BenchmarkMatchPodFailure(b *testing.B) {
	p, pods := benchInputs(b)
	cases := []struct {
		name   string
		policy *job.PodFailurePolicy
		pod    *policy.Pod
	}{
		{"20rules/match-last", p, pods["match-last"]},
		{"20rules/no-match", p, pods["no-match"]},
		{"20rules/match-first", p, pods["match-first"]},
		{"20rules/last-rule-decides", lastOnly(p), exitCode(pods["match-last"], 200)},
		{"20rules/no-rule-decides", p, exitCode(pods["no-match"], 11)},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				policy.MatchPodFailure(c.policy, c.pod)
			}
		})
	}
}

// TestMatchDoesNotAllocate pins the allocation-free matching and the rule each benchmark
// pod meets.
func TestMatchDoesNotAllocate(t *testing.T) {
	if race.Enabled {
		t.Skip("the race detector changes allocation counts")
	}
	p, pods := benchInputs(t)
	cases := []struct {
		name   string
		policy *job.PodFailurePolicy
		pod    *policy.Pod
		rule   int
	}{
		{"match-last", p, pods["match-last"], 4},
		{"no-match", p, pods["no-match"], 0},
		{"match-first", p, pods["match-first"], 0},
		{"last rule decides", lastOnly(p), exitCode(pods["match-last"], 200), 19},
		{"no rule decides", p, exitCode(pods["no-match"], 11), -1},
	}
	for _, c := range cases {
		if m := policy.MatchPodFailure(c.policy, c.pod); m.Rule != c.rule {
			t.Errorf("%s: rule %d, want %d", c.name, m.Rule, c.rule)
		}
		if allocs := testing.AllocsPerRun(100, func() { policy.MatchPodFailure(c.policy, c.pod) }); allocs != 0 {
			t.Errorf("%s: %v allocations, want 0", c.name, allocs)
		}
	}
}
