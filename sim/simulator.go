package sim

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"time"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/policy"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
)

// The times the simulated cluster takes.
const (
	// batchPeriod is how long the controller waits to sync a Job after its pods change.
	batchPeriod = time.Second
	// gracePeriod is how long a deleted running pod takes to stop.
	gracePeriod = 30 * time.Second
	// maxSteps bounds a simulation that never settles.
	maxSteps = 100000
)

// A Simulator runs one Job through the Job controller on a virtual clock: pod events happen
// when scripted, and the controller syncs the Job as it would be triggered, after its pods or
// its status change, when it asked to re-sync (the active deadline, a pod failure backoff),
// and when a deleted pod stops. Status writes go through the API server's validation; a
// rejected one stays out of the stored Job and shows in the timeline, as on a cluster.
//
// The zero value is not usable; use NewSimulator. A Simulator is not safe for concurrent use.
type Simulator struct {
	now     time.Time
	job     *job.Job
	pods    []*policy.Pod
	backoff Backoff
	events  []PodEvent // scripted, in time order, not yet happened
	wakeups []time.Time
	dirty   bool           // a sync is due after the batch period
	names   int            // pods named so far
	created map[string]int // the creation number of each pod created, by name
	log     []Step
}

// NewSimulator starts a simulation of j, which is created at start: it is prepared and
// validated as the API server creates it (name and UID filled in when missing), and the
// controller's first sync is due at once. A Job the API server would reject is an error.
func NewSimulator(j *job.Job, start time.Time) (*Simulator, error) {
	if j == nil {
		return nil, errors.New("sim.NewSimulator: the Job is nil")
	}
	created, err := createJob(j, start)
	if err != nil {
		return nil, err
	}
	return &Simulator{now: start, job: created, dirty: true, created: map[string]int{}}, nil
}

// Step is one moment of a simulation's timeline: an event or a sync, and the Job after it.
type Step struct {
	// Time is when it happened.
	Time time.Time
	// What is the pod event, or "sync".
	What string
	// Status is the Job's status as stored after it.
	Status job.JobStatus
	// Pods counts the pods that exist after it.
	Pods int
	// Sync is what the sync did, for a sync.
	Sync *Result
}

// Job returns the Job as stored now.
func (s *Simulator) Job() *job.Job { return s.job.DeepCopy() }

// Pods returns the pods as they are now, in creation order.
func (s *Simulator) Pods() []*policy.Pod {
	out := make([]*policy.Pod, len(s.pods))
	for i, p := range s.pods {
		out[i] = copyPod(p)
	}
	return out
}

// Now returns the virtual time.
func (s *Simulator) Now() time.Time { return s.now }

// Timeline returns the steps so far, in order.
func (s *Simulator) Timeline() []Step { return slices.Clone(s.log) }

// Schedule adds pod events, to happen at their times (events at or before now happen next).
func (s *Simulator) Schedule(events ...PodEvent) {
	s.events = append(s.events, events...)
	sort.SliceStable(s.events, func(i, k int) bool { return s.events[i].At.Before(s.events[k].At) })
}

// Run runs the simulation until nothing is left to happen: no scripted event, no re-sync,
// no pod stopping, and the last sync changed nothing; or until the Job finishes and its
// pods are gone or terminal, or until time limit. It returns the error of a simulation that
// does not settle within a bound on steps.
func (s *Simulator) Run(limit time.Time) error {
	for range maxSteps {
		at, ok := s.next()
		if !ok || at.After(limit) {
			return nil
		}
		s.now = at
		if err := s.step(); err != nil {
			return err
		}
	}
	return fmt.Errorf("sim: the simulation did not settle in %d steps", maxSteps)
}

// RunFor runs the simulation for d of virtual time from now.
func (s *Simulator) RunFor(d time.Duration) error { return s.Run(s.now.Add(d)) }

// next is the time of the next thing to happen.
func (s *Simulator) next() (time.Time, bool) {
	var at time.Time
	found := false
	consider := func(t time.Time) {
		if t.Before(s.now) {
			t = s.now
		}
		if !found || t.Before(at) {
			at, found = t, true
		}
	}
	if len(s.events) > 0 {
		consider(s.events[0].At)
	}
	if s.dirty {
		consider(s.now)
	}
	for _, w := range s.wakeups {
		consider(w)
	}
	for _, p := range s.pods {
		if p.DeletionTimestamp != nil && !policy.IsTerminal(p) {
			consider(p.DeletionTimestamp.Time)
		}
	}
	return at, found
}

// step does what is due at s.now: scripted events first, then pods that stop, then a sync.
func (s *Simulator) step() error {
	for len(s.events) > 0 && !s.events[0].At.After(s.now) {
		e := s.events[0]
		s.events = s.events[1:]
		if err := s.apply(e); err != nil {
			return err
		}
		s.record(e.String(), nil)
	}
	s.stopDeleted()
	due := s.dirty
	s.wakeups = slices.DeleteFunc(s.wakeups, func(t time.Time) bool {
		if !t.After(s.now) {
			due = true
			return true
		}
		return false
	})
	if due {
		return s.sync()
	}
	return nil
}

// sync runs the controller's sync and applies what it asked for.
func (s *Simulator) sync() error {
	s.dirty = false
	res, err := Sync(Input{Job: s.job, Pods: s.pods, Now: s.now, Backoff: s.backoff, Name: s.podName})
	if err != nil {
		return err
	}
	changed := s.applySync(res)
	s.record("sync", res)
	for _, d := range res.RequeueAfter {
		s.wakeups = append(s.wakeups, s.now.Add(d))
	}
	if changed || res.Err != nil && !errors.Is(res.Err, ErrCrash) {
		s.wakeups = append(s.wakeups, s.now.Add(batchPeriod))
	}
	return nil
}

// applySync makes the API changes a sync asked for, and reports whether any happened.
func (s *Simulator) applySync(res *Result) bool {
	changed := false
	for _, w := range res.Writes {
		if w.Accepted() {
			changed = true
		}
	}
	s.job.Status = *res.Status.DeepCopy()
	s.backoff = res.Backoff
	for _, name := range res.Adopted {
		if p := s.pod(name); p != nil {
			p.OwnerReferences = append(p.OwnerReferences, *metav1.NewControllerRef(s.job, job.SchemeGroupVersion.WithKind(job.Kind)))
			p.Finalizers = appendOnce(p.Finalizers, job.JobTrackingFinalizer)
			changed = true
		}
	}
	for _, name := range res.Released {
		if p := s.pod(name); p != nil {
			p.OwnerReferences = slices.DeleteFunc(p.OwnerReferences, func(r metav1.OwnerReference) bool { return r.UID == s.job.UID })
		}
	}
	for _, name := range res.FinalizersRemoved {
		if p := s.pod(name); p != nil {
			p.Finalizers = slices.DeleteFunc(p.Finalizers, func(f string) bool { return f == job.JobTrackingFinalizer })
			changed = true
		}
	}
	for _, name := range res.Deleted {
		if p := s.pod(name); p != nil && p.DeletionTimestamp == nil {
			s.markDeleted(p)
			changed = true
		}
	}
	for _, c := range res.Created {
		s.pods = append(s.pods, s.newPod(c))
		changed = true
	}
	s.collect()
	return changed
}

// podName names a pod the controller creates: its generateName and a number, counting the
// pods of the simulation.
func (s *Simulator) podName(generateName string) string {
	s.names++
	return generateName + zeroPad(s.names)
}

// newPod is a created pod as the API server stores it: owned by the Job, Pending.
func (s *Simulator) newPod(c CreatedPod) *policy.Pod {
	t := c.Template.DeepCopy()
	n := len(s.created) + 1
	s.created[c.Name] = n
	p := &policy.Pod{
		ObjectMeta: metav1.ObjectMeta{
			Name:              c.Name,
			Namespace:         s.job.Namespace,
			UID:               types.UID(string(s.job.UID) + "-" + strconv.Itoa(n)),
			Labels:            t.Labels,
			Annotations:       t.Annotations,
			Finalizers:        t.Finalizers,
			CreationTimestamp: metav1.NewTime(s.now),
			OwnerReferences:   []metav1.OwnerReference{*metav1.NewControllerRef(s.job, job.SchemeGroupVersion.WithKind(job.Kind))},
		},
		Spec:   t.Spec,
		Status: policy.PodStatus{Phase: policy.PodPending},
	}
	return p
}

// markDeleted is the API server's answer to a pod's deletion: a pod that has finished or
// never ran is gone once it has no finalizer; a running one stops after its grace period.
func (s *Simulator) markDeleted(p *policy.Pod) {
	if policy.IsTerminal(p) || p.Status.Phase == policy.PodPending {
		p.DeletionTimestamp = new(metav1.NewTime(s.now))
		if p.Status.Phase == policy.PodPending {
			p.Status.Phase = policy.PodFailed
		}
		return
	}
	p.DeletionTimestamp = new(metav1.NewTime(s.now.Add(gracePeriod)))
	p.DeletionGracePeriodSeconds = new(int64(gracePeriod / time.Second))
}

// stopDeleted stops the deleted pods whose grace period is over, as the kubelet does: killed,
// they fail with exit code 137.
func (s *Simulator) stopDeleted() {
	for _, p := range s.pods {
		if p.DeletionTimestamp != nil && !policy.IsTerminal(p) && !p.DeletionTimestamp.After(s.now) {
			terminate(p, policy.PodFailed, 137, s.now)
			s.dirty = true
		}
	}
	s.collect()
}

// collect drops the deleted pods that have finished and have no finalizer left.
func (s *Simulator) collect() {
	s.pods = slices.DeleteFunc(s.pods, func(p *policy.Pod) bool {
		return p.DeletionTimestamp != nil && policy.IsTerminal(p) && len(p.Finalizers) == 0
	})
}

func (s *Simulator) pod(name string) *policy.Pod {
	for _, p := range s.pods {
		if p.Name == name {
			return p
		}
	}
	return nil
}

// record adds a step to the timeline.
func (s *Simulator) record(what string, res *Result) {
	s.log = append(s.log, Step{Time: s.now, What: what, Status: *s.job.Status.DeepCopy(), Pods: len(s.pods), Sync: res})
}

func appendOnce(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// copyPod copies a pod deeply enough that changing its metadata, spec or status leaves the
// original alone.
func copyPod(p *policy.Pod) *policy.Pod {
	c := *p
	p.ObjectMeta.DeepCopyInto(&c.ObjectMeta)
	c.Spec = *p.Spec.DeepCopy()
	c.Status = policy.PodStatus{
		Phase:                 p.Status.Phase,
		Conditions:            slices.Clone(p.Status.Conditions),
		InitContainerStatuses: slices.Clone(p.Status.InitContainerStatuses),
		ContainerStatuses:     slices.Clone(p.Status.ContainerStatuses),
	}
	return &c
}
