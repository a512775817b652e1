package policy

import (
	"time"

	"github.com/jobkit/jobkit/job"
)

// Pod classification, as the Job controller counts pods. A nil pod is in no class: every
// predicate reports false for it.

// IsTerminal reports whether the pod has succeeded or failed.
func IsTerminal(p *Pod) bool {
	return p != nil && (p.Status.Phase == PodSucceeded || p.Status.Phase == PodFailed)
}

// IsActive reports whether the pod counts as active: not terminal and not being deleted.
func IsActive(p *Pod) bool { return p != nil && !IsTerminal(p) && p.DeletionTimestamp == nil }

// IsReady reports whether the pod is active and has the Ready condition.
func IsReady(p *Pod) bool {
	if !IsActive(p) {
		return false
	}
	c := podCondition(&p.Status, job.PodReady)
	return c != nil && c.Status == job.ConditionTrue
}

// IsTerminating reports whether the pod is being deleted and has not finished.
func IsTerminating(p *Pod) bool { return p != nil && p.DeletionTimestamp != nil && !IsTerminal(p) }

// IsSucceeded reports whether the pod has succeeded.
func IsSucceeded(p *Pod) bool { return p != nil && p.Status.Phase == PodSucceeded }

// IsFailed reports whether the controller treats the pod as failed under the Job's pod
// replacement policy: a pod in phase Failed, and, unless the policy is Failed, a pod being
// deleted that has not succeeded.
func IsFailed(p *Pod, replacement *job.PodReplacementPolicy) bool {
	if p == nil {
		return false
	}
	if p.Status.Phase == PodFailed {
		return true
	}
	if replacement != nil && *replacement == job.Failed {
		return false
	}
	return p.DeletionTimestamp != nil && p.Status.Phase != PodSucceeded
}

// FinishTime returns when the pod finished, as the controller's backoff reads it: the latest finish of its containers and sidecars when all
// have terminated, else the time its Ready condition turned False, else its deletion time
// less the grace period, else its creation time. A nil pod gives the zero time.
func FinishTime(p *Pod) time.Time {
	if p == nil {
		return time.Time{}
	}
	if t, ok := containersFinishTime(p); ok {
		return t
	}
	if c := podCondition(&p.Status, job.PodReady); c != nil && c.Status == job.ConditionFalse && !c.LastTransitionTime.IsZero() {
		return c.LastTransitionTime.Time
	}
	if p.DeletionTimestamp != nil {
		var grace int64
		if p.DeletionGracePeriodSeconds != nil {
			grace = *p.DeletionGracePeriodSeconds
		}
		return p.DeletionTimestamp.Add(-time.Duration(grace) * time.Second)
	}
	return p.CreationTimestamp.Time
}

// containersFinishTime returns the latest finish time of the containers, then of the
// sidecars, as the controller computes it: a container or sidecar that has not terminated
// (or has no finish time) discards what was found before it.
func containersFinishTime(p *Pod) (time.Time, bool) {
	t, ok := latestFinish(time.Time{}, false, p.Status.ContainerStatuses, func(string) bool { return true })
	return latestFinish(t, ok, p.Status.InitContainerStatuses, func(name string) bool { return isSidecar(p, name) })
}

// latestFinish folds the finish times of the statuses that keep selects into (t, ok).
func latestFinish(t time.Time, ok bool, statuses []ContainerStatus, keep func(string) bool) (time.Time, bool) {
	for i := range statuses {
		c := &statuses[i]
		if !keep(c.Name) {
			continue
		}
		term := c.State.Terminated
		if term == nil || term.FinishedAt.IsZero() {
			return time.Time{}, false
		}
		if !ok || t.Before(term.FinishedAt.Time) {
			t, ok = term.FinishedAt.Time, true
		}
	}
	return t, ok
}

// isSidecar reports whether the init container name has restartPolicy Always.
func isSidecar(p *Pod, name string) bool {
	for i := range p.Spec.InitContainers {
		c := &p.Spec.InitContainers[i]
		if c.Name == name {
			return c.RestartPolicy != nil && *c.RestartPolicy == job.ContainerRestartPolicyAlways
		}
	}
	return false
}

// podCondition returns the pod's condition of type t, or nil.
func podCondition(s *PodStatus, t job.PodConditionType) *PodCondition {
	for i := range s.Conditions {
		if s.Conditions[i].Type == t {
			return &s.Conditions[i]
		}
	}
	return nil
}
