package generate

import (
	"fmt"
	"strconv"
	"time"

	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/utils/ptr"

	"github.com/jobkit/jobkit/conformance/oracle"
)

// matchCases are failed (and some not failed) pods of Jobs with random pod failure policies.
func matchCases(g *gen, n int) []oracle.MatchInput {
	var out []oracle.MatchInput
	now := created.Add(time.Hour)
	for i := range n {
		b := bases[g.r.IntN(len(bases))]
		j := b.job()
		p := &batchv1.PodFailurePolicy{}
		for range 1 + g.r.IntN(5) {
			p.Rules = append(p.Rules, g.podFailureRule())
		}
		j.Spec.PodFailurePolicy = p
		if g.r.IntN(3) == 0 {
			indexed(j)
			j.Spec.Completions = ptr.To[int32](5)
			j.Spec.BackoffLimitPerIndex = ptr.To[int32](int32(g.r.IntN(3)))
		}
		if g.r.IntN(4) == 0 {
			j.Spec.PodReplacementPolicy = ptr.To(batchv1.PodReplacementPolicy(g.oneOf("Failed", "TerminatingOrFailed")))
		}
		pod := g.syncPod(j, now)
		pod.Namespace = g.oneOf(j.Namespace, "")
		if g.r.IntN(3) > 0 {
			pod.Status.Phase = corev1.PodFailed
			var statuses []corev1.ContainerStatus
			for range 1 + g.r.IntN(3) {
				cs := terminated(g.oneOf("main", "side", "setup"), int32(g.oneOfInt(0, 1, 2, 3, 42, 127, 137, 255)), now)
				if g.r.IntN(5) == 0 {
					cs.State = corev1.ContainerState{}
					cs.LastTerminationState = corev1.ContainerState{Terminated: &corev1.ContainerStateTerminated{ExitCode: 42}}
				}
				statuses = append(statuses, cs)
			}
			pod.Status.ContainerStatuses = statuses
			if g.coin() {
				pod.Status.InitContainerStatuses = []corev1.ContainerStatus{terminated("setup", int32(g.oneOfInt(0, 1, 42)), now)}
			}
			for range g.r.IntN(3) {
				pod.Status.Conditions = append(pod.Status.Conditions, corev1.PodCondition{
					Type:   corev1.PodConditionType(g.oneOf("DisruptionTarget", "ConfigIssue", "Ready", "example.com/Cond")),
					Status: corev1.ConditionStatus(g.oneOf("True", "False", "Unknown")),
				})
			}
		}
		if pod.Annotations != nil && g.r.IntN(4) == 0 {
			pod.Annotations[batchv1.JobIndexFailureCountAnnotation] = g.oneOf("0", "1", "2", "x", "-1", "99999999999")
		}
		out = append(out, oracle.MatchInput{ID: fmt.Sprintf("match/%d/%s", i, b.name), Job: marshal(j), Pod: marshal(pod)})
	}
	return out
}

// indexesCases are index strings, well formed and not, with merges and overlaps.
func indexesCases(g *gen, n int) []oracle.IndexesInput {
	var out []oracle.IndexesInput
	for i := range n {
		completions := g.oneOfInt(0, 1, 5, 10, 100, 1000, 100000)
		in := oracle.IndexesInput{ID: fmt.Sprintf("indexes/%d", i)}
		if g.r.IntN(10) > 0 {
			in.Completions = ptr.To(completions)
		}
		switch g.r.IntN(4) {
		case 0:
			in.Text = ptr.To(g.indexText(completions))
		case 1:
			in.Text = ptr.To(g.indexText(completions))
			in.Failed = ptr.To(g.indexText(completions))
		case 2:
			in.Text = ptr.To(g.indexText(completions))
			for range g.r.IntN(8) {
				in.Indexes = append(in.Indexes, g.r.IntN(completions+3)-1)
			}
			if in.Indexes == nil {
				in.Indexes = []int{}
			}
		default:
			in.Text = ptr.To(g.oneOf("", "0", "1,3-5,7", "0-"+strconv.Itoa(max(completions-1, 0)), "5-3", "1,,2", "a-b", "1-2-3", "007", "+1", "2147483648"))
			if g.coin() {
				in.Indexes = []int{g.r.IntN(completions + 1), g.r.IntN(completions + 1)}
			}
		}
		out = append(out, in)
	}
	return out
}
