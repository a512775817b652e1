package generate

import (
	"fmt"
	"strings"

	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/utils/ptr"
)

// A scenario changes a Job so that one of the Job's own rules is in play, with random
// parameters, sometimes met and sometimes broken.
type scenario struct {
	name  string
	apply func(g *gen, j *batchv1.Job)
}

func (g *gen) int32Of(values ...int32) *int32 {
	if g.r.IntN(8) == 0 {
		return nil
	}
	return ptr.To(values[g.r.IntN(len(values))])
}

func (g *gen) oneOf(values ...string) string { return values[g.r.IntN(len(values))] }

func (g *gen) coin() bool { return g.r.IntN(2) == 0 }

func indexed(j *batchv1.Job) { j.Spec.CompletionMode = ptr.To(batchv1.IndexedCompletion) }

// indexText writes a random index string for completions, mostly well formed.
func (g *gen) indexText(completions int) string {
	if completions <= 0 {
		completions = 10
	}
	var parts []string
	next := g.r.IntN(3)
	for range 1 + g.r.IntN(4) {
		switch g.r.IntN(12) {
		case 0:
			parts = append(parts, g.oneOf("x", "1-2-3", "-1", "", " 1", "01", "3-1", "1e3"))
		case 1:
			parts = append(parts, fmt.Sprint(completions+g.r.IntN(3)))
		case 2, 3, 4:
			hi := next + 1 + g.r.IntN(3)
			parts = append(parts, fmt.Sprintf("%d-%d", next, hi))
			next = hi + 1 + g.r.IntN(2)
		default:
			parts = append(parts, fmt.Sprint(next))
			next += 1 + g.r.IntN(3)
		}
		if g.r.IntN(15) == 0 {
			next -= 3
		}
	}
	return strings.Join(parts, ",")
}

func (g *gen) exitCodes() []int32 {
	var out []int32
	for range g.r.IntN(6) {
		out = append(out, int32(g.oneOfInt(0, 1, 2, 3, 42, 127, 128, 137, 255, 256, -1)))
	}
	if g.r.IntN(4) > 0 {
		sortInt32(out)
	}
	if g.r.IntN(12) == 0 {
		for i := range 256 {
			out = append(out, int32(i+1))
		}
	}
	return out
}

func (g *gen) oneOfInt(values ...int) int { return values[g.r.IntN(len(values))] }

func sortInt32(s []int32) {
	for i := 1; i < len(s); i++ {
		for k := i; k > 0 && s[k] < s[k-1]; k-- {
			s[k], s[k-1] = s[k-1], s[k]
		}
	}
}

func (g *gen) podFailureRule() batchv1.PodFailurePolicyRule {
	r := batchv1.PodFailurePolicyRule{Action: batchv1.PodFailurePolicyAction(g.oneOf("FailJob", "FailIndex", "Ignore", "Count", "Count", "Bogus", ""))}
	kind := g.r.IntN(8)
	if kind < 4 || kind == 7 {
		r.OnExitCodes = &batchv1.PodFailurePolicyOnExitCodesRequirement{
			Operator: batchv1.PodFailurePolicyOnExitCodesOperator(g.oneOf("In", "NotIn", "In", "Bogus", "")),
			Values:   g.exitCodes(),
		}
		if g.coin() {
			r.OnExitCodes.ContainerName = ptr.To(g.oneOf("main", "main", "setup", "missing", "", "UPPER"))
		}
	}
	if kind >= 4 {
		for range g.r.IntN(3) + 1 {
			r.OnPodConditions = append(r.OnPodConditions, batchv1.PodFailurePolicyOnPodConditionsPattern{
				Type:   corev1.PodConditionType(g.oneOf("DisruptionTarget", "ConfigIssue", "example.com/Cond", "", "bad type", "Ready")),
				Status: corev1.ConditionStatus(g.oneOf("True", "False", "Unknown", "", "Maybe")),
			})
		}
		if g.r.IntN(10) == 0 {
			r.OnPodConditions = []batchv1.PodFailurePolicyOnPodConditionsPattern{}
		}
	}
	return r
}

var scenarios = []scenario{
	{"parallelism", func(g *gen, j *batchv1.Job) { j.Spec.Parallelism = g.int32Of(-1, 0, 1, 5, 100001) }},
	{"completions", func(g *gen, j *batchv1.Job) { j.Spec.Completions = g.int32Of(-1, 0, 1, 7, 100001, 2147483647) }},
	{"active-deadline", func(g *gen, j *batchv1.Job) {
		j.Spec.ActiveDeadlineSeconds = ptr.To(int64(g.oneOfInt(-1, 0, 1, 86400)))
	}},
	{"backoff-limit", func(g *gen, j *batchv1.Job) { j.Spec.BackoffLimit = g.int32Of(-1, 0, 6, 2147483647) }},
	{"ttl", func(g *gen, j *batchv1.Job) { j.Spec.TTLSecondsAfterFinished = g.int32Of(-1, 0, 100) }},
	{"completion-mode", func(g *gen, j *batchv1.Job) {
		j.Spec.CompletionMode = ptr.To(batchv1.CompletionMode(g.oneOf("Indexed", "NonIndexed", "Bogus", "indexed", "")))
	}},
	{"indexed-completions", func(g *gen, j *batchv1.Job) {
		indexed(j)
		j.Spec.Completions = g.int32Of(0, 1, 10, 100000, 100001, 1000000)
		j.Spec.Parallelism = g.int32Of(1, 10000, 10001, 100000)
	}},
	{"per-index", func(g *gen, j *batchv1.Job) {
		if g.r.IntN(4) > 0 {
			indexed(j)
		}
		if j.Spec.Completions == nil || g.coin() {
			j.Spec.Completions = g.int32Of(3, 10, 100001)
		}
		j.Spec.BackoffLimitPerIndex = g.int32Of(-1, 0, 1, 2147483647)
		j.Spec.MaxFailedIndexes = g.int32Of(-1, 0, 2, 11, 100001)
		if g.coin() {
			j.Spec.BackoffLimit = nil
		}
	}},
	{"pod-failure-policy", func(g *gen, j *batchv1.Job) {
		p := &batchv1.PodFailurePolicy{}
		n := g.r.IntN(4)
		if g.r.IntN(10) == 0 {
			n = 21
		}
		for range n {
			p.Rules = append(p.Rules, g.podFailureRule())
		}
		j.Spec.PodFailurePolicy = p
		if g.r.IntN(3) == 0 {
			j.Spec.Template.Spec.RestartPolicy = corev1.RestartPolicy(g.oneOf("OnFailure", "Never"))
		}
		if g.r.IntN(4) == 0 {
			indexed(j)
			j.Spec.Completions = ptr.To[int32](4)
			j.Spec.BackoffLimitPerIndex = ptr.To[int32](1)
		}
	}},
	{"success-policy", func(g *gen, j *batchv1.Job) {
		if g.r.IntN(5) > 0 {
			indexed(j)
		}
		if g.r.IntN(6) > 0 {
			j.Spec.Completions = g.int32Of(0, 4, 10)
		}
		p := &batchv1.SuccessPolicy{}
		n := 1 + g.r.IntN(3)
		if g.r.IntN(10) == 0 {
			n = g.oneOfInt(0, 21)
		}
		completions := int(ptr.Deref(j.Spec.Completions, 10))
		for range n {
			r := batchv1.SuccessPolicyRule{}
			if g.r.IntN(4) > 0 {
				r.SucceededIndexes = ptr.To(g.indexText(completions))
			}
			if g.r.IntN(3) > 0 {
				r.SucceededCount = g.int32Of(-1, 0, 1, 2, 5, 11)
			}
			p.Rules = append(p.Rules, r)
		}
		j.Spec.SuccessPolicy = p
	}},
	{"pod-replacement-policy", func(g *gen, j *batchv1.Job) {
		j.Spec.PodReplacementPolicy = ptr.To(batchv1.PodReplacementPolicy(g.oneOf("Failed", "TerminatingOrFailed", "Bogus", "")))
		if g.coin() && j.Spec.PodFailurePolicy == nil {
			j.Spec.PodFailurePolicy = &batchv1.PodFailurePolicy{Rules: []batchv1.PodFailurePolicyRule{g.podFailureRule()}}
		}
	}},
	{"managed-by", func(g *gen, j *batchv1.Job) {
		j.Spec.ManagedBy = ptr.To(g.oneOf("kubernetes.io/job-controller", "example.com/foo", "foo", "", "Example.com/x", "example.com/"+strings.Repeat("a", 60), "a/b/c", "kueue.x-k8s.io/multikueue"))
	}},
	{"selector", func(g *gen, j *batchv1.Job) {
		j.Spec.ManualSelector = ptr.To(g.r.IntN(3) > 0)
		if g.r.IntN(5) == 0 {
			j.Spec.Selector = nil
			return
		}
		sel := &metav1.LabelSelector{MatchLabels: map[string]string{"app": g.oneOf("batch", "other", "bad value!", "")}}
		if g.coin() {
			sel.MatchExpressions = []metav1.LabelSelectorRequirement{{
				Key:      g.oneOf("app", "tier", "bad key", ""),
				Operator: metav1.LabelSelectorOperator(g.oneOf("In", "NotIn", "Exists", "DoesNotExist", "Bogus")),
				Values:   []string{g.oneOf("batch", "x")},
			}}
		}
		if g.r.IntN(4) == 0 {
			sel.MatchLabels["batch.kubernetes.io/controller-uid"] = g.oneOf("wrong", "00000000-0000-4000-8000-000000000001")
		}
		j.Spec.Selector = sel
	}},
	{"generated-labels", func(g *gen, j *batchv1.Job) {
		if j.Spec.Template.Labels == nil {
			j.Spec.Template.Labels = map[string]string{}
		}
		key := g.oneOf("controller-uid", "batch.kubernetes.io/controller-uid", "job-name", "batch.kubernetes.io/job-name")
		j.Spec.Template.Labels[key] = g.oneOf("work", "other", "00000000-0000-4000-8000-000000000001", "x")
	}},
	{"restart-policy", func(g *gen, j *batchv1.Job) {
		j.Spec.Template.Spec.RestartPolicy = corev1.RestartPolicy(g.oneOf("Always", "", "OnFailure", "Never", "never"))
	}},
	{"name", func(g *gen, j *batchv1.Job) {
		name := g.oneOf("a", "pi", "with.dots", "UPPER", "-bad", strings.Repeat("n", 63), strings.Repeat("n", 64), strings.Repeat("n", 253), strings.Repeat("n", 254), "ok-"+strings.Repeat("x", 50))
		if j.GenerateName != "" && g.coin() {
			j.GenerateName = name
		} else {
			j.Name = name
		}
		if g.coin() {
			indexed(j)
			j.Spec.Completions = g.int32Of(1, 10, 100000)
		}
	}},
	{"namespace", func(g *gen, j *batchv1.Job) {
		j.Namespace = g.oneOf("", "default", "Bad_NS", strings.Repeat("n", 64), "kube-system")
	}},
	{"metadata-maps", func(g *gen, j *batchv1.Job) {
		m := map[string]string{g.oneOf("app", "example.com/k", "bad key", "a/b/c", strings.Repeat("k", 64)): g.oneOf("v", "", "bad value!", strings.Repeat("v", 64))}
		switch g.r.IntN(3) {
		case 0:
			j.Labels = m
		case 1:
			j.Annotations = m
		default:
			j.Spec.Template.Annotations = m
		}
	}},
	{"suspend", func(g *gen, j *batchv1.Job) { j.Spec.Suspend = ptr.To(g.coin()) }},
	{"status-on-create", func(g *gen, j *batchv1.Job) {
		j.Status = batchv1.JobStatus{Active: int32(g.r.IntN(3)), Failed: -1, CompletedIndexes: "bogus"}
	}},
	{"owner-references", func(g *gen, j *batchv1.Job) {
		ref := metav1.OwnerReference{APIVersion: g.oneOf("batch/v1", "", "v1"), Kind: g.oneOf("CronJob", ""), Name: g.oneOf("owner", ""), UID: "11111111-2222-4333-8444-555555555555", Controller: ptr.To(g.coin())}
		j.OwnerReferences = []metav1.OwnerReference{ref}
		if g.coin() {
			j.OwnerReferences = append(j.OwnerReferences, ref)
		}
	}},
	{"finalizers", func(g *gen, j *batchv1.Job) {
		j.Finalizers = []string{g.oneOf("example.com/keep", "bad finalizer", "kubernetes", "orphan", "foregroundDeletion")}
		if g.coin() {
			j.Finalizers = append(j.Finalizers, "orphan", "foregroundDeletion")
		}
	}},
	{"termination-grace", func(g *gen, j *batchv1.Job) {
		j.Spec.Template.Spec.TerminationGracePeriodSeconds = ptr.To(int64(g.oneOfInt(-1, 0, 30, -5)))
	}},
}
