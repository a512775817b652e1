package generate

import (
	"fmt"
	"time"

	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/utils/ptr"

	"github.com/jobkit/jobkit/conformance/oracle"
)

// chainCases follow Jobs through several syncs: each step stores the status the step before
// wrote, keeps its backoff record, and holds its pods after its requests, moved on by
// scripted kubelet, scheduler and eviction events.
func chainCases(g *gen, chains, steps int) []oracle.SyncInput {
	var out []oracle.SyncInput
	for c := range chains {
		now := created.Add(time.Minute)
		j := g.syncJob(now)
		j.Status = batchv1.JobStatus{}
		if g.r.IntN(4) > 0 {
			j.Spec.Suspend = ptr.To(false)
		}
		var pods []*corev1.Pod
		var backoff *oracle.Backoff
		for k := range steps {
			in := oracle.SyncInput{ID: fmt.Sprintf("sync/chain/%d/step-%d", c, k), Job: marshal(j), Now: now.Format(time.RFC3339), Backoff: backoff}
			for _, p := range pods {
				in.Pods = append(in.Pods, marshal(p))
			}
			out = append(out, in)
			expect, after := oracle.SyncStep(in)
			if after == nil || expect.Panic != "" {
				break
			}
			j = after.Job
			if expect.Backoff != nil && (expect.Backoff.FailuresAfterLastSuccess > 0 || expect.Backoff.LastFailureTime != nil) {
				backoff = expect.Backoff
			}
			pods = g.afterRequests(j, after, now)
			now = now.Add(time.Duration(5+g.r.IntN(120)) * time.Second)
			g.kubelet(pods, now)
			if g.r.IntN(12) == 0 {
				j.Spec.Suspend = ptr.To(!ptr.Deref(j.Spec.Suspend, false))
			}
		}
	}
	return out
}

// afterRequests is the pods as a sync's requests left them at now.
func (g *gen) afterRequests(j *batchv1.Job, after *oracle.Aftermath, now time.Time) []*corev1.Pod {
	deleted := map[string]bool{}
	for _, name := range after.Deleted {
		deleted[name] = true
	}
	var out []*corev1.Pod
	for _, p := range after.Pods {
		p = p.DeepCopy()
		terminal := p.Status.Phase == corev1.PodSucceeded || p.Status.Phase == corev1.PodFailed
		if deleted[p.Name] && p.DeletionTimestamp == nil {
			if terminal {
				p.DeletionTimestamp = mtime(now)
			} else {
				p.DeletionTimestamp, p.DeletionGracePeriodSeconds = mtime(now.Add(30*time.Second)), ptr.To[int64](30)
			}
		}
		if p.DeletionTimestamp != nil && terminal && len(p.Finalizers) == 0 {
			continue
		}
		out = append(out, p)
	}
	for _, c := range after.Created {
		p := c.DeepCopy()
		// The API server names pods uniquely; the oracle's names count per sync.
		p.Name = p.GenerateName + g.suffix(5)
		p.UID = g.uid()
		p.Namespace = j.Namespace
		p.CreationTimestamp = metav1.NewTime(now)
		p.OwnerReferences = []metav1.OwnerReference{*metav1.NewControllerRef(j, batchv1.SchemeGroupVersion.WithKind("Job"))}
		p.Status = corev1.PodStatus{Phase: corev1.PodPending}
		out = append(out, p)
	}
	return out
}

// kubelet moves pods on at now: scheduled and started, ready, finished, evicted.
func (g *gen) kubelet(pods []*corev1.Pod, now time.Time) {
	for _, p := range pods {
		switch p.Status.Phase {
		case corev1.PodPending, "":
			if g.r.IntN(4) > 0 {
				p.Spec.NodeName = "node-1"
				p.Status.Phase = corev1.PodRunning
				ready := corev1.ConditionStatus(g.oneOf("True", "False"))
				p.Status.Conditions = []corev1.PodCondition{{Type: corev1.PodReady, Status: ready, LastTransitionTime: *mtime(now)}}
				p.Status.ContainerStatuses = []corev1.ContainerStatus{{Name: "main", Ready: ready == "True", State: corev1.ContainerState{Running: &corev1.ContainerStateRunning{StartedAt: *mtime(now)}}}}
			}
		case corev1.PodRunning:
			switch {
			case p.DeletionTimestamp != nil:
				finish(p, corev1.PodFailed, 137, now)
			case g.r.IntN(3) == 0:
				finish(p, corev1.PodSucceeded, 0, now)
			case g.r.IntN(4) == 0:
				finish(p, corev1.PodFailed, int32(g.oneOfInt(1, 42, 137)), now)
			case g.r.IntN(10) == 0:
				finish(p, corev1.PodFailed, 137, now)
				p.Status.Conditions = append(p.Status.Conditions, corev1.PodCondition{Type: corev1.DisruptionTarget, Status: corev1.ConditionTrue, Reason: "EvictionByEvictionAPI", LastTransitionTime: *mtime(now)})
			case g.r.IntN(3) == 0:
				for i := range p.Status.Conditions {
					if p.Status.Conditions[i].Type == corev1.PodReady {
						p.Status.Conditions[i].Status = "True"
						p.Status.Conditions[i].LastTransitionTime = *mtime(now)
					}
				}
			}
		}
	}
}

func finish(p *corev1.Pod, phase corev1.PodPhase, code int32, now time.Time) {
	p.Status.Phase = phase
	p.Status.ContainerStatuses = []corev1.ContainerStatus{terminated("main", code, now)}
	for i := range p.Status.Conditions {
		if p.Status.Conditions[i].Type == corev1.PodReady {
			p.Status.Conditions[i].Status = "False"
			p.Status.Conditions[i].LastTransitionTime = *mtime(now)
		}
	}
}
