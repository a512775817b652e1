package generate

import (
	"fmt"
	"strings"
	"time"

	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/utils/ptr"

	"github.com/jobkit/jobkit/conformance/oracle"
)

var created = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

func at(minutes int) *metav1.Time {
	return ptr.To(metav1.NewTime(created.Add(time.Duration(minutes) * time.Minute)))
}

func cond(t batchv1.JobConditionType, s corev1.ConditionStatus, reason string, minute int) batchv1.JobCondition {
	return batchv1.JobCondition{Type: t, Status: s, Reason: reason, Message: "set earlier", LastProbeTime: *at(minute), LastTransitionTime: *at(minute)}
}

// A state is a stored Job's situation, which decides what an update may change.
type state struct {
	name  string
	apply func(j *batchv1.Job)
}

var states = []state{
	{"fresh", func(j *batchv1.Job) {}},
	{"running", func(j *batchv1.Job) {
		j.Status.StartTime, j.Status.Active, j.Status.Ready, j.Status.Terminating = at(1), 2, ptr.To[int32](1), ptr.To[int32](0)
		j.Status.UncountedTerminatedPods = &batchv1.UncountedTerminatedPods{}
	}},
	{"suspended-new", func(j *batchv1.Job) { j.Spec.Suspend = ptr.To(true) }},
	{"suspended-started", func(j *batchv1.Job) {
		j.Spec.Suspend = ptr.To(true)
		j.Status.Conditions = []batchv1.JobCondition{cond(batchv1.JobSuspended, corev1.ConditionTrue, "JobSuspended", 5)}
	}},
	{"suspended-active", func(j *batchv1.Job) {
		j.Spec.Suspend = ptr.To(true)
		j.Status.StartTime, j.Status.Active = at(1), 1
	}},
	{"complete", func(j *batchv1.Job) {
		j.Status.StartTime, j.Status.CompletionTime = at(1), at(9)
		j.Status.Succeeded = ptr.Deref(j.Spec.Completions, 1)
		if ptr.Deref(j.Spec.CompletionMode, "") == batchv1.IndexedCompletion {
			j.Status.CompletedIndexes = fmt.Sprintf("0-%d", ptr.Deref(j.Spec.Completions, 1)-1)
		}
		j.Status.Conditions = []batchv1.JobCondition{
			cond(batchv1.JobSuccessCriteriaMet, corev1.ConditionTrue, "CompletionsReached", 9),
			cond(batchv1.JobComplete, corev1.ConditionTrue, "CompletionsReached", 9)}
	}},
	{"failed", func(j *batchv1.Job) {
		j.Status.StartTime, j.Status.Failed = at(1), 3
		j.Status.Conditions = []batchv1.JobCondition{
			cond(batchv1.JobFailureTarget, corev1.ConditionTrue, "BackoffLimitExceeded", 9),
			cond(batchv1.JobFailed, corev1.ConditionTrue, "BackoffLimitExceeded", 9)}
	}},
	{"failure-target", func(j *batchv1.Job) {
		j.Status.StartTime, j.Status.Failed, j.Status.Active = at(1), 3, 1
		j.Status.Conditions = []batchv1.JobCondition{cond(batchv1.JobFailureTarget, corev1.ConditionTrue, "PodFailurePolicy", 9)}
	}},
}

// storedStates are the stored Jobs updates start from: every base in every state.
func storedStates() []struct {
	name string
	job  *batchv1.Job
} {
	var out []struct {
		name string
		job  *batchv1.Job
	}
	for _, b := range bases {
		s := stored(b)
		for _, st := range states {
			j := s.DeepCopy()
			st.apply(j)
			out = append(out, struct {
				name string
				job  *batchv1.Job
			}{b.name + "@" + st.name, j})
		}
	}
	return out
}

// updates are changes to a stored Job in an update request, each a rule of update
// validation in play.
var updates = []scenario{
	{"parallelism", func(g *gen, j *batchv1.Job) { j.Spec.Parallelism = g.int32Of(0, 1, 4, -1, 100) }},
	{"completions", func(g *gen, j *batchv1.Job) {
		j.Spec.Completions = g.int32Of(0, 1, 3, 5, 10, 20)
		if g.coin() {
			j.Spec.Parallelism = j.Spec.Completions
		}
	}},
	{"suspend", func(g *gen, j *batchv1.Job) { j.Spec.Suspend = ptr.To(g.coin()) }},
	{"selector", func(g *gen, j *batchv1.Job) {
		j.Spec.Selector.MatchLabels = map[string]string{"batch.kubernetes.io/controller-uid": g.oneOf("other", string(j.UID))}
	}},
	{"manual-selector", func(g *gen, j *batchv1.Job) { j.Spec.ManualSelector = ptr.To(g.coin()) }},
	{"completion-mode", func(g *gen, j *batchv1.Job) {
		j.Spec.CompletionMode = ptr.To(batchv1.CompletionMode(g.oneOf("Indexed", "NonIndexed")))
	}},
	{"backoff-limit", func(g *gen, j *batchv1.Job) { j.Spec.BackoffLimit = g.int32Of(0, 1, 10) }},
	{"per-index", func(g *gen, j *batchv1.Job) {
		j.Spec.BackoffLimitPerIndex = g.int32Of(0, 1, 3)
		j.Spec.MaxFailedIndexes = g.int32Of(0, 1, 5)
	}},
	{"pod-failure-policy", func(g *gen, j *batchv1.Job) {
		j.Spec.PodFailurePolicy = &batchv1.PodFailurePolicy{Rules: []batchv1.PodFailurePolicyRule{g.podFailureRule()}}
	}},
	{"success-policy", func(g *gen, j *batchv1.Job) {
		j.Spec.SuccessPolicy = &batchv1.SuccessPolicy{Rules: []batchv1.SuccessPolicyRule{{SucceededCount: g.int32Of(1, 2)}}}
	}},
	{"managed-by", func(g *gen, j *batchv1.Job) {
		j.Spec.ManagedBy = ptr.To(g.oneOf("example.com/other", "kubernetes.io/job-controller"))
	}},
	{"pod-replacement-policy", func(g *gen, j *batchv1.Job) {
		j.Spec.PodReplacementPolicy = ptr.To(batchv1.PodReplacementPolicy(g.oneOf("Failed", "TerminatingOrFailed")))
	}},
	{"active-deadline", func(g *gen, j *batchv1.Job) { j.Spec.ActiveDeadlineSeconds = ptr.To(int64(g.oneOfInt(10, 100, 0))) }},
	{"ttl", func(g *gen, j *batchv1.Job) { j.Spec.TTLSecondsAfterFinished = g.int32Of(0, 100) }},
	{"template-image", func(g *gen, j *batchv1.Job) { j.Spec.Template.Spec.Containers[0].Image = g.oneOf("busybox:1.37", "") }},
	{"template-resources", func(g *gen, j *batchv1.Job) {
		c := &j.Spec.Template.Spec.Containers[0]
		c.Resources.Requests = corev1.ResourceList{corev1.ResourceCPU: resource.MustParse(g.oneOf("1", "2", "100m", "-1"))}
		if g.coin() {
			c.Resources.Limits = corev1.ResourceList{corev1.ResourceMemory: resource.MustParse(g.oneOf("1Gi", "64Mi"))}
		}
	}},
	{"template-scheduling", func(g *gen, j *batchv1.Job) {
		s := &j.Spec.Template.Spec
		switch g.r.IntN(4) {
		case 0:
			s.NodeSelector = map[string]string{"zone": g.oneOf("a", "b")}
		case 1:
			s.Tolerations = []corev1.Toleration{{Key: "gpu", Operator: corev1.TolerationOpExists, Effect: corev1.TaintEffectNoSchedule}}
		case 2:
			s.Affinity = &corev1.Affinity{NodeAffinity: &corev1.NodeAffinity{RequiredDuringSchedulingIgnoredDuringExecution: &corev1.NodeSelector{
				NodeSelectorTerms: []corev1.NodeSelectorTerm{{MatchExpressions: []corev1.NodeSelectorRequirement{{Key: "zone", Operator: corev1.NodeSelectorOpIn, Values: []string{"a"}}}}}}}}
		default:
			s.SchedulingGates = []corev1.PodSchedulingGate{{Name: g.oneOf("example.com/gate", "bad gate")}}
		}
	}},
	{"template-labels", func(g *gen, j *batchv1.Job) { j.Spec.Template.Labels["extra"] = g.oneOf("x", "bad value!") }},
	{"template-generated-label", func(g *gen, j *batchv1.Job) {
		delete(j.Spec.Template.Labels, g.oneOf("batch.kubernetes.io/job-name", "batch.kubernetes.io/controller-uid", "job-name", "controller-uid"))
	}},
	{"labels", func(g *gen, j *batchv1.Job) {
		j.Labels = map[string]string{g.oneOf("team", "bad key!"): "b"}
	}},
	{"name", func(g *gen, j *batchv1.Job) { j.Name = g.oneOf("renamed", j.Name) }},
	{"namespace", func(g *gen, j *batchv1.Job) { j.Namespace = g.oneOf("", "other", j.Namespace) }},
	{"resource-version", func(g *gen, j *batchv1.Job) { j.ResourceVersion = g.oneOf("", "6", "7", "8") }},
	{"uid", func(g *gen, j *batchv1.Job) {
		j.UID = types.UID(g.oneOf("", "99999999-9999-4999-8999-999999999999", string(j.UID)))
	}},
	{"generation", func(g *gen, j *batchv1.Job) { j.Generation = int64(g.oneOfInt(0, 5)) }},
	{"status-change", func(g *gen, j *batchv1.Job) { j.Status.Active = 99 }},
	{"finalizers", func(g *gen, j *batchv1.Job) { j.Finalizers = []string{g.oneOf("example.com/keep", "bad finalizer")} }},
	{"template-restart-policy", func(g *gen, j *batchv1.Job) {
		j.Spec.Template.Spec.RestartPolicy = corev1.RestartPolicy(g.oneOf("OnFailure", "Never", "Always"))
	}},
}

// updateCases are update requests: every change on every stored Job, then random
// combinations, the pod template's members among them.
func updateCases(g *gen, random int) []oracle.ValidateInput {
	var out []oracle.ValidateInput
	olds := storedStates()
	members := podSpecMembers()
	for _, o := range olds {
		for _, u := range updates {
			j := o.job.DeepCopy()
			u.apply(g, j)
			out = append(out, updateInput(fmt.Sprintf("update/%s/%s", u.name, o.name), o.job, j))
		}
	}
	for n := range random {
		o := olds[g.r.IntN(len(olds))]
		j := o.job.DeepCopy()
		for range 1 + g.r.IntN(2) {
			if g.r.IntN(3) == 0 {
				f := &filler{r: g.r, names: templateNames(&j.Spec.Template.Spec)}
				f.mutate(reflectValue(&j.Spec.Template.Spec), randomMember(g, members), g.coin())
			} else {
				updates[g.r.IntN(len(updates))].apply(g, j)
			}
		}
		out = append(out, updateInput(fmt.Sprintf("update/random/%d/%s", n, o.name), o.job, j))
	}
	return out
}

func updateInput(id string, old, j *batchv1.Job) oracle.ValidateInput {
	return oracle.ValidateInput{ID: id, Op: "update", Object: marshal(j), Old: marshal(old)}
}

// statusCases are status updates: the stored Job's status changed the way a controller, or
// a controller's mistake, would change it.
func statusCases(g *gen, n int) []oracle.ValidateInput {
	var out []oracle.ValidateInput
	olds := storedStates()
	for i := range n {
		o := olds[i%len(olds)]
		j := o.job.DeepCopy()
		for range 1 + g.r.IntN(3) {
			statusChanges[g.r.IntN(len(statusChanges))].apply(g, j)
		}
		if g.r.IntN(8) == 0 {
			j.Spec.Parallelism = ptr.To[int32](9) // ignored by the status endpoint
		}
		out = append(out, oracle.ValidateInput{ID: fmt.Sprintf("status/%d/%s", i, o.name), Op: "status", Object: marshal(j), Old: marshal(o.job)})
	}
	return out
}

var statusChanges = []scenario{
	{"counters", func(g *gen, j *batchv1.Job) {
		s := &j.Status
		switch g.r.IntN(4) {
		case 0:
			s.Active = int32(g.oneOfInt(-1, 0, 1, 3, 10))
		case 1:
			s.Succeeded = int32(g.oneOfInt(-1, 0, 1, 2, 6))
		case 2:
			s.Failed = int32(g.oneOfInt(-1, 0, 1, 2))
		default:
			s.Ready = g.int32Of(-1, 0, 1, 5)
			s.Terminating = g.int32Of(-1, 0, 1)
		}
	}},
	{"start-time", func(g *gen, j *batchv1.Job) {
		if g.r.IntN(4) == 0 {
			j.Status.StartTime = nil
		} else {
			j.Status.StartTime = at(g.oneOfInt(0, 1, 2, 20))
		}
	}},
	{"completion-time", func(g *gen, j *batchv1.Job) {
		if g.r.IntN(4) == 0 {
			j.Status.CompletionTime = nil
		} else {
			j.Status.CompletionTime = at(g.oneOfInt(0, 5, 9, 30))
		}
	}},
	{"condition", func(g *gen, j *batchv1.Job) {
		t := batchv1.JobConditionType(g.oneOf("Complete", "Failed", "FailureTarget", "SuccessCriteriaMet", "Suspended", "Custom"))
		s := corev1.ConditionStatus(g.oneOf("True", "True", "False", "Unknown", "Maybe"))
		c := cond(t, s, g.oneOf("BackoffLimitExceeded", "CompletionsReached", "PodFailurePolicy", "SuccessPolicy", "JobSuspended", "", "bad reason!"), 10)
		if g.r.IntN(6) == 0 {
			c.Message = strings.Repeat("m", 32769)
		}
		if g.r.IntN(5) == 0 && len(j.Status.Conditions) > 0 {
			j.Status.Conditions = j.Status.Conditions[:len(j.Status.Conditions)-1]
			return
		}
		j.Status.Conditions = append(j.Status.Conditions, c)
	}},
	{"finish", func(g *gen, j *batchv1.Job) {
		j.Status.StartTime = at(1)
		if g.coin() {
			j.Status.Conditions = append(j.Status.Conditions, cond(batchv1.JobSuccessCriteriaMet, corev1.ConditionTrue, "CompletionsReached", 9), cond(batchv1.JobComplete, corev1.ConditionTrue, "CompletionsReached", 9))
			j.Status.CompletionTime = at(9)
		} else {
			j.Status.Conditions = append(j.Status.Conditions, cond(batchv1.JobFailureTarget, corev1.ConditionTrue, "BackoffLimitExceeded", 9), cond(batchv1.JobFailed, corev1.ConditionTrue, "BackoffLimitExceeded", 9))
		}
		if g.coin() {
			j.Status.Active = 0
		}
	}},
	{"indexes", func(g *gen, j *batchv1.Job) {
		completions := int(ptr.Deref(j.Spec.Completions, 10))
		if g.coin() {
			j.Status.CompletedIndexes = g.indexText(completions)
		} else {
			j.Status.FailedIndexes = ptr.To(g.indexText(completions))
		}
	}},
	{"uncounted", func(g *gen, j *batchv1.Job) {
		u := &batchv1.UncountedTerminatedPods{}
		for range g.r.IntN(3) {
			u.Succeeded = append(u.Succeeded, types.UID(g.oneOf("a", "b", "c", "a")))
		}
		for range g.r.IntN(3) {
			u.Failed = append(u.Failed, types.UID(g.oneOf("c", "d", "")))
		}
		j.Status.UncountedTerminatedPods = u
	}},
	{"resume", func(g *gen, j *batchv1.Job) {
		for i := range j.Status.Conditions {
			if j.Status.Conditions[i].Type == batchv1.JobSuspended {
				j.Status.Conditions[i].Status = corev1.ConditionFalse
			}
		}
		j.Status.StartTime = at(g.oneOfInt(12, 1))
	}},
}
