package sim

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/jobkit/jobkit/indexes"
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/policy"
)

// Statuses for tests: what the Job controller would have written for a Job in a given
// state, found by running the simulator on the Job, never assembled by hand. Each is a
// status the API server accepts as an update of the Job's status from an empty one, as a
// test that creates the Job and then sets its status sends it. The simulation starts at the
// Job's creationTimestamp, or at 2025-01-01T00:00:00Z when it has none, so statuses repeat.

// epoch is when simulations of Jobs without a creation time start.
func epoch() time.Time { return time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC) }

// horizon bounds the virtual time a status is sought for.
const horizon = 48 * time.Hour

// StatusRunning is the status of j with all the pods the controller wants for it running,
// ready of them ready.
func StatusRunning(j *job.Job, ready int) (job.JobStatus, error) {
	s, err := start(j)
	if err != nil {
		return job.JobStatus{}, err
	}
	pods := s.activePods()
	if ready < 0 || ready > len(pods) {
		return job.JobStatus{}, fmt.Errorf("sim.StatusRunning: %d ready pods asked for, the Job runs %d", ready, len(pods))
	}
	for i, p := range pods {
		s.Schedule(PodEvent{At: s.now, Pod: PodSelector{Name: p.Name}, Action: Start})
		if i < ready {
			s.Schedule(PodEvent{At: s.now.Add(time.Second), Pod: PodSelector{Name: p.Name}, Action: Ready})
		}
	}
	return s.status(s.RunFor(5 * time.Second))
}

// StatusComplete is the status of j once every pod it needs has succeeded: Complete.
func StatusComplete(j *job.Job) (job.JobStatus, error) {
	return drive(j, "sim.StatusComplete", isComplete, func(*policy.Pod) PodEvent { return PodEvent{Action: Succeed} })
}

// StatusFailed is the status of j once it has failed for reason: BackoffLimitExceeded (its
// pods fail until the backoff limit), PodFailurePolicy (a pod fails as its first FailJob
// rule describes), DeadlineExceeded (activeDeadlineSeconds passes), or, for Jobs with a
// backoff limit per index, MaxFailedIndexesExceeded and FailedIndexes (pods fail until their
// indexes do; for FailedIndexes, the indexes that do not fail succeed). A reason the Job
// cannot fail for is an error.
func StatusFailed(j *job.Job, reason string) (job.JobStatus, error) {
	name := "sim.StatusFailed"
	failed := func(j *job.Job) bool { return conditionIs(j, job.JobFailed, reason) }
	switch reason {
	case job.JobReasonBackoffLimitExceeded, job.JobReasonMaxFailedIndexesExceeded:
		return drive(j, name, failed, func(*policy.Pod) PodEvent { return PodEvent{Action: Fail, ExitCode: 1} })
	case job.JobReasonFailedIndexes:
		return drive(j, name, failed, func(p *policy.Pod) PodEvent {
			if policy.CompletionIndex(p)%2 == 0 {
				return PodEvent{Action: Fail, ExitCode: 1}
			}
			return PodEvent{Action: Succeed}
		})
	case job.JobReasonPodFailurePolicy:
		e, err := failJobEvent(j)
		if err != nil {
			return job.JobStatus{}, fmt.Errorf("%s: %w", name, err)
		}
		return drive(j, name, failed, func(*policy.Pod) PodEvent { return e })
	case job.JobReasonDeadlineExceeded:
		if j.Spec.ActiveDeadlineSeconds == nil {
			return job.JobStatus{}, fmt.Errorf("%s: the Job has no activeDeadlineSeconds", name)
		}
		s, err := start(j)
		if err != nil {
			return job.JobStatus{}, err
		}
		s.Schedule(PodEvent{At: s.now, Action: Start})
		return s.status(s.RunFor(time.Duration(*j.Spec.ActiveDeadlineSeconds)*time.Second + time.Hour))
	}
	return job.JobStatus{}, fmt.Errorf("%s: cannot fail a Job for %q", name, reason)
}

// StatusSuspended is the status of j suspended after it started (or, for a Job created
// suspended, before): Suspended=True, its pods deleted and gone.
func StatusSuspended(j *job.Job) (job.JobStatus, error) {
	s, err := start(j)
	if err != nil {
		return job.JobStatus{}, err
	}
	if !policy.IsSuspended(s.job) {
		s.Schedule(PodEvent{At: s.now, Action: Start}, PodEvent{At: s.now.Add(time.Second), Action: Suspend})
	}
	return s.status(s.RunFor(time.Hour))
}

// StatusIndexed is the status of an Indexed Job whose pods of the completed indexes have
// succeeded and, for Jobs with a backoff limit per index, those of the failed indexes have
// failed until their indexes did; the other indexes' pods are running.
func StatusIndexed(j *job.Job, completed, failed string) (job.JobStatus, error) {
	name := "sim.StatusIndexed"
	if j == nil {
		return job.JobStatus{}, errors.New(name + ": the Job j is nil")
	}
	if j.Spec.CompletionMode == nil || *j.Spec.CompletionMode != job.IndexedCompletion || j.Spec.Completions == nil {
		return job.JobStatus{}, errors.New(name + ": the Job is not Indexed")
	}
	done, err := indexes.Parse(completed, int(*j.Spec.Completions))
	if err != nil {
		return job.JobStatus{}, fmt.Errorf("%s: completed: %w", name, err)
	}
	lost, err := indexes.Parse(failed, int(*j.Spec.Completions))
	if err != nil {
		return job.JobStatus{}, fmt.Errorf("%s: failed: %w", name, err)
	}
	if !lost.IsEmpty() && j.Spec.BackoffLimitPerIndex == nil {
		return job.JobStatus{}, errors.New(name + ": only a Job with a backoff limit per index has failed indexes")
	}
	reached := func(j *job.Job) bool {
		st := j.Status
		return st.CompletedIndexes == done.String() && (lost.IsEmpty() || st.FailedIndexes != nil && *st.FailedIndexes == lost.String())
	}
	return drive(j, name, reached, func(p *policy.Pod) PodEvent {
		switch ix := policy.CompletionIndex(p); {
		case done.Has(ix):
			return PodEvent{Action: Succeed}
		case lost.Has(ix):
			return PodEvent{Action: Fail, ExitCode: 1}
		}
		return PodEvent{Action: Ready}
	})
}

// drive runs j, starting the pods the controller creates and then moving each with fate,
// until done holds for the stored Job and the simulation has settled.
func drive(j *job.Job, name string, done func(*job.Job) bool, fate func(*policy.Pod) PodEvent) (job.JobStatus, error) {
	s, err := start(j)
	if err != nil {
		return job.JobStatus{}, err
	}
	limit := s.now.Add(horizon)
	for s.now.Before(limit) {
		if done(s.job) {
			if err := s.RunFor(time.Hour); err != nil {
				return job.JobStatus{}, err
			}
			return *s.job.Status.DeepCopy(), nil
		}
		moved := false
		for _, p := range s.activePods() {
			e := fate(p)
			switch {
			case p.Status.Phase == policy.PodPending:
				e = PodEvent{Action: Start}
			case e.Action == Ready && policy.IsReady(p):
				continue
			}
			e.At, e.Pod = s.now.Add(time.Second), PodSelector{Name: p.Name}
			s.Schedule(e)
			moved = true
		}
		if err := s.RunFor(time.Second); err != nil {
			return job.JobStatus{}, err
		}
		if !moved {
			at, ok := s.next()
			if !ok {
				break
			}
			if err := s.Run(at); err != nil {
				return job.JobStatus{}, err
			}
		}
	}
	return job.JobStatus{}, fmt.Errorf("%s: the Job did not get there in %v of virtual time", name, horizon)
}

// start creates j in a simulator and runs the controller's first sync.
func start(j *job.Job) (*Simulator, error) {
	if j == nil {
		return nil, errors.New("sim: the Job is nil")
	}
	at := j.CreationTimestamp.Time
	if at.IsZero() {
		at = epoch()
	}
	s, err := NewSimulator(j, at)
	if err != nil {
		return nil, err
	}
	return s, s.RunFor(0)
}

// status returns the stored Job's status once err, a simulation's, is nil.
func (s *Simulator) status(err error) (job.JobStatus, error) {
	if err != nil {
		return job.JobStatus{}, err
	}
	return *s.job.Status.DeepCopy(), nil
}

// activePods are the pods that are neither finished nor being deleted.
func (s *Simulator) activePods() []*policy.Pod {
	return slices.DeleteFunc(slices.Clone(s.pods), func(p *policy.Pod) bool { return !policy.IsActive(p) })
}

// failJobEvent is a pod failure the Job's first FailJob rule matches.
func failJobEvent(j *job.Job) (PodEvent, error) {
	if j.Spec.PodFailurePolicy != nil {
		for _, r := range j.Spec.PodFailurePolicy.Rules {
			if r.Action != job.PodFailurePolicyActionFailJob {
				continue
			}
			if c := r.OnExitCodes; c != nil {
				first := j.Spec.Template.Spec.Containers
				if c.ContainerName != nil && (len(first) == 0 || first[0].Name != *c.ContainerName) {
					continue // the simulated failure is the first container's
				}
				if code, ok := exitCodeFor(c); ok {
					return PodEvent{Action: Fail, ExitCode: code}, nil
				}
				continue
			}
			for _, p := range r.OnPodConditions {
				if p.Status == job.ConditionTrue {
					return PodEvent{Action: Fail, ExitCode: 1, Condition: string(p.Type)}, nil
				}
			}
		}
	}
	return PodEvent{}, errors.New("the Job has no FailJob rule a pod failure can match")
}

// exitCodeFor is a non-zero exit code an onExitCodes requirement matches.
func exitCodeFor(c *job.PodFailurePolicyOnExitCodesRequirement) (int32, bool) {
	switch c.Operator {
	case job.PodFailurePolicyOnExitCodesOpIn:
		for _, v := range c.Values {
			if v != 0 {
				return v, true
			}
		}
	case job.PodFailurePolicyOnExitCodesOpNotIn:
		for v := int32(1); v < 256; v++ {
			if !slices.Contains(c.Values, v) {
				return v, true
			}
		}
	}
	return 0, false
}

func isComplete(j *job.Job) bool { return conditionIs(j, job.JobComplete, "") }

// conditionIs reports whether the Job has a True condition of type t (with reason, unless it
// is empty).
func conditionIs(j *job.Job, t job.JobConditionType, reason string) bool {
	for _, c := range j.Status.Conditions {
		if c.Type == t && c.Status == job.ConditionTrue && (reason == "" || c.Reason == reason) {
			return true
		}
	}
	return false
}
