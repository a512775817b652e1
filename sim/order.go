package sim

import (
	"encoding/json"
	"time"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/policy"
)

// byDeletion orders active pods as the controller deletes them, first to last: unscheduled
// before scheduled; Pending, Unknown, then Running; not ready before ready; ready more
// recently before ready longer; more container restarts, then more sidecar restarts,
// before fewer; without a creation time, then newer, before older.
type byDeletion []*policy.Pod

func (b byDeletion) Len() int      { return len(b) }
func (b byDeletion) Swap(i, k int) { b[i], b[k] = b[k], b[i] }

func (b byDeletion) Less(i, k int) bool {
	p, q := b[i], b[k]
	if pn, qn := nodeName(p), nodeName(q); pn != qn && (pn == "" || qn == "") {
		return pn == ""
	}
	if a, c := phaseOrdinal(p.Status.Phase), phaseOrdinal(q.Status.Phase); a != c {
		return a < c
	}
	pr, qr := policy.IsReady(p), policy.IsReady(q)
	if pr != qr {
		return !pr
	}
	if pr && qr {
		if a, c := readyTime(p), readyTime(q); !a.Equal(c) {
			return afterOrZero(a, c)
		}
	}
	pRegular, pSidecar := maxRestarts(p)
	qRegular, qSidecar := maxRestarts(q)
	if pRegular != qRegular {
		return pRegular > qRegular
	}
	if pSidecar != qSidecar {
		return pSidecar > qSidecar
	}
	if a, c := p.CreationTimestamp.Time, q.CreationTimestamp.Time; !a.Equal(c) {
		return afterOrZero(a, c)
	}
	return false
}

// phaseOrdinal ranks Pending, Unknown and Running pods for deletion; other phases rank as
// Pending.
func phaseOrdinal(phase policy.PodPhase) int {
	switch phase {
	case policy.PodUnknown:
		return 1
	case policy.PodRunning:
		return 2
	}
	return 0
}

// readyTime is when a ready pod became ready.
func readyTime(p *policy.Pod) time.Time {
	for _, c := range p.Status.Conditions {
		if c.Type == job.PodReady && c.Status == job.ConditionTrue {
			return c.LastTransitionTime.Time
		}
	}
	return time.Time{}
}

// afterOrZero reports whether a is zero, or else both are set and a is after c.
func afterOrZero(a, c time.Time) bool {
	if a.IsZero() || c.IsZero() {
		return a.IsZero()
	}
	return a.After(c)
}

// maxRestarts returns the most restarts of a pod's containers, and of its sidecars.
func maxRestarts(p *policy.Pod) (regular, sidecar int32) {
	for _, c := range p.Status.ContainerStatuses {
		regular = max(regular, c.RestartCount)
	}
	for _, c := range p.Status.InitContainerStatuses {
		if isSidecar(p, c.Name) {
			sidecar = max(sidecar, c.RestartCount)
		}
	}
	return regular, sidecar
}

// isSidecar reports whether the pod's init container name restarts always.
func isSidecar(p *policy.Pod, name string) bool {
	for i := range p.Spec.InitContainers {
		if c := &p.Spec.InitContainers[i]; c.Name == name {
			return c.RestartPolicy != nil && *c.RestartPolicy == job.ContainerRestartPolicyAlways
		}
	}
	return false
}

// nodeName is the node a pod is scheduled to, "" when it is not.
func nodeName(p *policy.Pod) string {
	var name string
	if raw, ok := p.Spec.Extra["nodeName"]; ok {
		_ = json.Unmarshal(raw, &name)
	}
	return name
}
