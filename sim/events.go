package sim

import (
	"fmt"
	"hash/fnv"
	"time"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/policy"
	"github.com/jobkit/jobkit/validation"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
)

// Action is what happens to a pod, or to the Job, in a scripted event.
type Action string

// The actions of pod events, as the scheduler, the kubelet and the eviction API take them,
// and of Job updates, as a user or a queueing controller makes them.
const (
	// Schedule binds the pod to a node; it stays Pending.
	Schedule Action = "schedule"
	// Start runs the pod's containers: Running, not ready.
	Start Action = "start"
	// Ready marks a running pod ready.
	Ready Action = "ready"
	// Succeed finishes the pod: every container exits 0.
	Succeed Action = "succeed"
	// Fail finishes the pod: its first container exits with ExitCode (1 when 0), the others
	// with 0; with Condition, the pod also gets that condition, True.
	Fail Action = "fail"
	// Evict evicts the pod: DisruptionTarget=True (reason EvictionByEvictionAPI), then it
	// stops as a deleted pod does.
	Evict Action = "evict"
	// Delete deletes the pod, as kubectl delete does: it stops after its grace period.
	Delete Action = "delete"
	// Suspend sets the Job's spec.suspend to true; Resume sets it to false.
	Suspend Action = "suspend"
	Resume  Action = "resume"
)

// A PodEvent is something that happens at a time to one pod of the Job, or to every pod it
// selects, or, for Suspend and Resume, to the Job.
type PodEvent struct {
	// At is when it happens.
	At time.Time
	// Pod selects the pods it happens to.
	Pod PodSelector
	// Action is what happens.
	Action Action
	// ExitCode is the exit code of a failed pod's first container.
	ExitCode int32
	// Condition is a pod condition type a failed pod gets, such as ConfigIssue.
	Condition string
}

// PodSelector chooses pods by what a script knows of them, the controller naming them: the
// n-th pod created (counting from 1), the pod of a completion index, a name, or, with the
// zero value, every pod the action applies to (active ones, or for Succeed and Fail, running
// ones).
type PodSelector struct {
	// Created picks the n-th pod created, from 1; 0 does not select by it.
	Created int
	// Index picks the active pod of a completion index; nil does not select by it.
	Index *int
	// Name picks the pod of that name; "" does not select by it.
	Name string
}

// String describes the event for a timeline: "fail pod #2 (exit 42)".
func (e PodEvent) String() string {
	what := string(e.Action)
	if e.Action == Suspend || e.Action == Resume {
		return what + " the Job"
	}
	what += " " + e.Pod.String()
	if e.Action == Fail {
		if e.Condition != "" {
			what += fmt.Sprintf(" (exit %d, %s)", e.exitCode(), e.Condition)
		} else {
			what += fmt.Sprintf(" (exit %d)", e.exitCode())
		}
	}
	return what
}

// String describes the selected pods.
func (p PodSelector) String() string {
	switch {
	case p.Created > 0:
		return fmt.Sprintf("pod #%d", p.Created)
	case p.Index != nil:
		return fmt.Sprintf("pod of index %d", *p.Index)
	case p.Name != "":
		return "pod " + p.Name
	}
	return "every pod"
}

func (e PodEvent) exitCode() int32 {
	if e.ExitCode == 0 {
		return 1
	}
	return e.ExitCode
}

// apply makes an event happen; an event that selects no pod is an error, so that scripts
// do not silently test nothing.
func (s *Simulator) apply(e PodEvent) error {
	switch e.Action {
	case Suspend, Resume:
		return s.updateSuspend(e.Action == Suspend)
	}
	pods := s.selectPods(e)
	if len(pods) == 0 {
		return fmt.Errorf("sim: %s at %s: no such pod", e, e.At.Format(time.RFC3339))
	}
	for _, p := range pods {
		if err := s.act(p, e); err != nil {
			return err
		}
	}
	s.dirty = true
	return nil
}

// selectPods returns the pods an event applies to.
func (s *Simulator) selectPods(e PodEvent) []*policy.Pod {
	sel := e.Pod
	var out []*policy.Pod
	for i, p := range s.pods {
		switch {
		case sel.Created > 0:
			if s.createdNumber(p) != sel.Created {
				continue
			}
		case sel.Index != nil:
			if !policy.IsActive(p) || policy.CompletionIndex(p) != *sel.Index {
				continue
			}
		case sel.Name != "":
			if p.Name != sel.Name {
				continue
			}
		default:
			if !applies(e.Action, p) {
				continue
			}
		}
		out = append(out, s.pods[i])
	}
	return out
}

// createdNumber is the creation number of a pod the controller created, 0 for others.
func (s *Simulator) createdNumber(p *policy.Pod) int { return s.created[p.Name] }

// applies reports whether an action applies to a pod chosen by the zero selector.
func applies(a Action, p *policy.Pod) bool {
	switch a {
	case Succeed, Fail, Ready:
		return p.Status.Phase == policy.PodRunning && p.DeletionTimestamp == nil
	case Start:
		return p.Status.Phase == policy.PodPending && p.DeletionTimestamp == nil
	}
	return policy.IsActive(p)
}

// act makes one pod go through an action.
func (s *Simulator) act(p *policy.Pod, e PodEvent) error {
	now := s.now
	switch e.Action {
	case Schedule:
		setNodeName(p, "node-1")
	case Start:
		setNodeName(p, "node-1")
		p.Status.Phase = policy.PodRunning
		setReady(p, false, now)
		p.Status.ContainerStatuses = nil
		for _, c := range p.Spec.Containers {
			p.Status.ContainerStatuses = append(p.Status.ContainerStatuses, policy.ContainerStatus{Name: c.Name,
				State: policy.ContainerState{Running: &policy.ContainerStateRunning{StartedAt: metav1.NewTime(now)}}})
		}
	case Ready:
		setReady(p, true, now)
	case Succeed:
		terminate(p, policy.PodSucceeded, 0, now)
	case Fail:
		terminate(p, policy.PodFailed, e.exitCode(), now)
		if e.Condition != "" {
			p.Status.Conditions = append(p.Status.Conditions, policy.PodCondition{Type: job.PodConditionType(e.Condition), Status: job.ConditionTrue, LastTransitionTime: metav1.NewTime(now)})
		}
	case Evict:
		p.Status.Conditions = append(p.Status.Conditions, policy.PodCondition{Type: job.DisruptionTarget, Status: job.ConditionTrue,
			Reason: "EvictionByEvictionAPI", Message: "Eviction API: evicting", LastTransitionTime: metav1.NewTime(now)})
		s.markDeleted(p)
	case Delete:
		s.markDeleted(p)
	default:
		return fmt.Errorf("sim: unknown action %q", e.Action)
	}
	return nil
}

// terminate ends a pod in phase with its first container's exit code, at now.
func terminate(p *policy.Pod, phase policy.PodPhase, code int32, now time.Time) {
	p.Status.Phase = phase
	setReady(p, false, now)
	p.Status.ContainerStatuses = nil
	for i, c := range p.Spec.Containers {
		exit := int32(0)
		if i == 0 {
			exit = code
		}
		reason := "Completed"
		if exit != 0 {
			reason = "Error"
		}
		p.Status.ContainerStatuses = append(p.Status.ContainerStatuses, policy.ContainerStatus{Name: c.Name,
			State: policy.ContainerState{Terminated: &policy.ContainerStateTerminated{ExitCode: exit, Reason: reason,
				StartedAt: p.CreationTimestamp, FinishedAt: metav1.NewTime(now)}}})
	}
}

// setReady sets the pod's Ready condition.
func setReady(p *policy.Pod, ready bool, now time.Time) {
	status := job.ConditionFalse
	if ready {
		status = job.ConditionTrue
	}
	for i := range p.Status.Conditions {
		if c := &p.Status.Conditions[i]; c.Type == job.PodReady {
			if c.Status != status {
				c.Status, c.LastTransitionTime = status, metav1.NewTime(now)
			}
			return
		}
	}
	p.Status.Conditions = append(p.Status.Conditions, policy.PodCondition{Type: job.PodReady, Status: status, LastTransitionTime: metav1.NewTime(now)})
}

// setNodeName binds a pod to a node.
func setNodeName(p *policy.Pod, node string) {
	if p.Spec.Extra == nil {
		p.Spec.Extra = job.Extra{}
	}
	p.Spec.Extra["nodeName"] = []byte(`"` + node + `"`)
}

// updateSuspend updates the Job's spec.suspend as an update request does, validated.
func (s *Simulator) updateSuspend(suspend bool) error {
	next := s.job.DeepCopy()
	next.Spec.Suspend = new(suspend)
	job.PrepareForUpdate(next, s.job, nil)
	if errs := validation.ValidateJobUpdate(next, s.job, validation.Options{}); len(errs) > 0 {
		return validation.InvalidError(s.job.Name, errs)
	}
	s.job = next
	s.dirty = true
	return nil
}

// createJob is the API server's create of a Job at now.
func createJob(j *job.Job, now time.Time) (*job.Job, error) {
	c := j.DeepCopy()
	job.SetDefaults(c)
	uid := c.UID
	if uid == "" {
		uid = uidFor(c.Namespace, c.Name+c.GenerateName)
	}
	job.SetSystemFields(c, job.SystemFields{UID: uid, CreationTimestamp: metav1.NewTime(now), Namespace: "default", NameSuffix: "sim00"})
	job.PrepareForCreate(c, nil)
	if errs := validation.ValidateJob(c, validation.Options{}); len(errs) > 0 {
		return nil, validation.InvalidError(c.Name, errs)
	}
	c.ResourceVersion = "1"
	return c, nil
}

// uidFor is a UID made from a Job's namespace and name, so that simulations repeat.
func uidFor(namespace, name string) types.UID {
	h := fnv.New128a()
	h.Write([]byte(namespace + "/" + name))
	b := h.Sum(nil)
	b[6] = b[6]&0x0f | 0x40 // version 4
	b[8] = b[8]&0x3f | 0x80 // the RFC 4122 variant
	return types.UID(fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16]))
}
