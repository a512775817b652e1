package generate

import (
	"fmt"
	"strconv"
	"time"

	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/utils/ptr"

	"github.com/jobkit/jobkit/conformance/oracle"
)

const letters = "abcdefghijklmnopqrstuvwxyz0123456789"

func (g *gen) suffix(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = letters[g.r.IntN(len(letters))]
	}
	return string(b)
}

func (g *gen) uid() types.UID {
	return types.UID(fmt.Sprintf("%08x-%04x-4%03x-8%03x-%012x", g.r.Uint32(), g.r.IntN(1<<16), g.r.IntN(1<<12), g.r.IntN(1<<12), g.r.Uint64()&(1<<48-1)))
}

func mtime(t time.Time) *metav1.Time { return ptr.To(metav1.NewTime(t)) }

// syncJob makes a stored Job for a sync case from a base: its spec varied, and a status that
// a Job of that spec might have.
func (g *gen) syncJob(now time.Time) *batchv1.Job {
	b := bases[g.r.IntN(len(bases))]
	j := stored(b)
	j.UID = g.uid()
	for k, v := range j.Spec.Template.Labels {
		if v == oracle.FixedUID {
			j.Spec.Template.Labels[k] = string(j.UID)
		}
	}
	for k, v := range j.Spec.Selector.MatchLabels {
		if v == oracle.FixedUID {
			j.Spec.Selector.MatchLabels[k] = string(j.UID)
		}
	}
	s := &j.Spec
	if g.r.IntN(3) == 0 {
		s.Parallelism = g.int32Of(1, 2, 3, 5)
		s.Completions = g.int32Of(1, 2, 4, 6)
	}
	if g.r.IntN(4) == 0 {
		s.BackoffLimit = g.int32Of(0, 1, 2, 6)
	}
	if g.r.IntN(5) == 0 && s.PodFailurePolicy == nil {
		s.PodFailurePolicy = &batchv1.PodFailurePolicy{Rules: []batchv1.PodFailurePolicyRule{
			{Action: batchv1.PodFailurePolicyAction(g.oneOf("FailJob", "Ignore", "Count", "FailIndex")), OnExitCodes: &batchv1.PodFailurePolicyOnExitCodesRequirement{Operator: "In", Values: []int32{42}}},
			{Action: batchv1.PodFailurePolicyAction(g.oneOf("Ignore", "FailJob")), OnPodConditions: []batchv1.PodFailurePolicyOnPodConditionsPattern{{Type: corev1.DisruptionTarget, Status: corev1.ConditionTrue}}},
		}}
		s.PodReplacementPolicy = ptr.To(batchv1.Failed)
		s.Template.Spec.RestartPolicy = corev1.RestartPolicyNever
	}
	if g.r.IntN(6) == 0 {
		s.ActiveDeadlineSeconds = ptr.To(int64(g.oneOfInt(30, 300, 3600, 86400)))
	}
	if g.r.IntN(8) == 0 {
		s.Suspend = ptr.To(true)
	}
	if g.r.IntN(10) == 0 && s.PodFailurePolicy == nil {
		s.Template.Spec.RestartPolicy = corev1.RestartPolicyOnFailure
	}
	if g.r.IntN(8) == 0 {
		s.PodReplacementPolicy = ptr.To(batchv1.PodReplacementPolicy(g.oneOf("Failed", "TerminatingOrFailed")))
		if s.PodFailurePolicy != nil {
			s.PodReplacementPolicy = ptr.To(batchv1.Failed)
		}
	}
	g.syncStatus(j, now)
	return j
}

// syncStatus gives a stored Job a status it might have at now.
func (g *gen) syncStatus(j *batchv1.Job, now time.Time) {
	st := &j.Status
	if g.r.IntN(4) == 0 {
		return
	}
	if !ptr.Deref(j.Spec.Suspend, false) || g.r.IntN(3) == 0 {
		st.StartTime = mtime(now.Add(-time.Duration(1+g.r.IntN(600)) * time.Second))
	}
	st.Active = int32(g.r.IntN(3))
	st.Ready, st.Terminating = ptr.To(int32(g.r.IntN(int(st.Active)+1))), ptr.To[int32](0)
	st.UncountedTerminatedPods = &batchv1.UncountedTerminatedPods{}
	if ptr.Deref(j.Spec.CompletionMode, "") == batchv1.IndexedCompletion {
		if g.coin() {
			st.CompletedIndexes = g.indexText(int(ptr.Deref(j.Spec.Completions, 3)))
		}
		if j.Spec.BackoffLimitPerIndex != nil && g.coin() {
			st.FailedIndexes = ptr.To(g.indexText(int(ptr.Deref(j.Spec.Completions, 3))))
		}
	} else {
		st.Succeeded = int32(g.r.IntN(2))
	}
	st.Failed = int32(g.r.IntN(3))
	switch g.r.IntN(10) {
	case 0:
		st.Conditions = append(st.Conditions, cond(batchv1.JobFailureTarget, corev1.ConditionTrue, g.oneOf("BackoffLimitExceeded", "PodFailurePolicy", "DeadlineExceeded"), 3))
	case 1:
		st.Conditions = append(st.Conditions, cond(batchv1.JobSuccessCriteriaMet, corev1.ConditionTrue, g.oneOf("CompletionsReached", "SuccessPolicy"), 3))
	case 2:
		st.Conditions = append(st.Conditions, cond(batchv1.JobSuspended, corev1.ConditionStatus(g.oneOf("True", "False")), g.oneOf("JobSuspended", "JobResumed"), 2))
	}
}

// syncPod makes a pod of j in some state at now; i numbers it within the case.
func (g *gen) syncPod(j *batchv1.Job, now time.Time) *corev1.Pod {
	p := &corev1.Pod{
		ObjectMeta: metav1.ObjectMeta{
			Name:              j.Name + "-" + g.suffix(5),
			Namespace:         j.Namespace,
			UID:               g.uid(),
			Labels:            map[string]string{},
			CreationTimestamp: metav1.NewTime(now.Add(-time.Duration(10+g.r.IntN(900)) * time.Second)),
		},
		Spec: *j.Spec.Template.Spec.DeepCopy(),
	}
	for k, v := range j.Spec.Template.Labels {
		p.Labels[k] = v
	}
	switch g.r.IntN(14) {
	case 0: // an orphan that the Job may adopt
	case 1: // controlled, but no longer matching the selector
		p.OwnerReferences = []metav1.OwnerReference{*metav1.NewControllerRef(j, batchv1.SchemeGroupVersion.WithKind("Job"))}
		p.Labels = map[string]string{"app": "moved"}
	default:
		p.OwnerReferences = []metav1.OwnerReference{*metav1.NewControllerRef(j, batchv1.SchemeGroupVersion.WithKind("Job"))}
	}
	if g.r.IntN(6) > 0 {
		p.Finalizers = []string{batchv1.JobTrackingFinalizer}
	}
	if ptr.Deref(j.Spec.CompletionMode, "") == batchv1.IndexedCompletion {
		completions := int(ptr.Deref(j.Spec.Completions, 3))
		ix := g.r.IntN(completions + 1)
		p.Annotations = map[string]string{batchv1.JobCompletionIndexAnnotation: strconv.Itoa(ix)}
		if g.r.IntN(12) == 0 {
			p.Annotations[batchv1.JobCompletionIndexAnnotation] = g.oneOf("x", "-1", "")
		}
		p.Labels[batchv1.JobCompletionIndexAnnotation] = p.Annotations[batchv1.JobCompletionIndexAnnotation]
		if j.Spec.BackoffLimitPerIndex != nil {
			p.Annotations[batchv1.JobIndexFailureCountAnnotation] = strconv.Itoa(g.r.IntN(3))
			if g.r.IntN(4) == 0 {
				p.Annotations[batchv1.JobIndexIgnoredFailureCountAnnotation] = strconv.Itoa(g.r.IntN(2))
			}
		}
	}
	g.podState(p, now)
	return p
}

// podState puts a pod in a phase, with the conditions and container statuses that go with it.
func (g *gen) podState(p *corev1.Pod, now time.Time) {
	finished := now.Add(-time.Duration(g.r.IntN(120)) * time.Second)
	switch g.r.IntN(9) {
	case 0:
		p.Status.Phase = corev1.PodPending
	case 1, 2:
		p.Status.Phase = corev1.PodRunning
		p.Spec.NodeName = "node-" + strconv.Itoa(g.r.IntN(3))
		ready := corev1.ConditionStatus(g.oneOf("True", "True", "False"))
		p.Status.Conditions = []corev1.PodCondition{{Type: corev1.PodReady, Status: ready, LastTransitionTime: *mtime(finished)}}
		p.Status.ContainerStatuses = []corev1.ContainerStatus{{Name: "main", Ready: ready == "True", RestartCount: int32(g.r.IntN(3)),
			State: corev1.ContainerState{Running: &corev1.ContainerStateRunning{StartedAt: *mtime(finished)}}}}
	case 3, 4:
		p.Status.Phase = corev1.PodSucceeded
		p.Spec.NodeName = "node-1"
		p.Status.ContainerStatuses = []corev1.ContainerStatus{terminated("main", 0, finished)}
	case 5:
		p.Status.Phase = corev1.PodUnknown
	default:
		p.Status.Phase = corev1.PodFailed
		p.Spec.NodeName = "node-2"
		code := int32(g.oneOfInt(1, 2, 42, 137))
		p.Status.ContainerStatuses = []corev1.ContainerStatus{terminated("main", code, finished)}
		if g.r.IntN(4) == 0 {
			p.Status.Conditions = []corev1.PodCondition{{Type: corev1.DisruptionTarget, Status: corev1.ConditionTrue, Reason: "PreemptionByScheduler", LastTransitionTime: *mtime(finished)}}
		}
		if g.r.IntN(6) == 0 {
			p.Status.ContainerStatuses = nil
		}
	}
	if g.r.IntN(10) == 0 {
		p.DeletionTimestamp = mtime(now.Add(time.Duration(g.r.IntN(30)) * time.Second))
		p.DeletionGracePeriodSeconds = ptr.To[int64](30)
	}
}

func terminated(name string, code int32, at time.Time) corev1.ContainerStatus {
	return corev1.ContainerStatus{Name: name, State: corev1.ContainerState{Terminated: &corev1.ContainerStateTerminated{
		ExitCode: code, FinishedAt: *mtime(at), StartedAt: *mtime(at.Add(-time.Minute)), Reason: map[bool]string{true: "Completed", false: "Error"}[code == 0]}}}
}

// syncCases are single syncs of random Jobs and pods.
func syncCases(g *gen, n int) []oracle.SyncInput {
	var out []oracle.SyncInput
	for i := range n {
		now := created.Add(time.Duration(60+g.r.IntN(7200)) * time.Second)
		j := g.syncJob(now)
		var pods []any
		for range g.r.IntN(7) {
			pods = append(pods, g.syncPod(j, now))
		}
		in := oracle.SyncInput{ID: fmt.Sprintf("sync/random/%d", i), Job: marshal(j), Now: now.Format(time.RFC3339)}
		for _, p := range pods {
			in.Pods = append(in.Pods, marshal(p))
		}
		if g.r.IntN(4) == 0 {
			in.Backoff = &oracle.Backoff{FailuresAfterLastSuccess: int32(g.r.IntN(4))}
			if in.Backoff.FailuresAfterLastSuccess > 0 {
				in.Backoff.LastFailureTime = ptr.To(now.Add(-time.Duration(g.r.IntN(60)) * time.Second).Format(time.RFC3339))
			}
		}
		out = append(out, in)
	}
	return out
}
