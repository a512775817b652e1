package sim

import (
	"errors"
	"fmt"
	"time"

	"github.com/jobkit/jobkit/indexes"
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/policy"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
)

// syncer is one sync of one Job: what the controller reads and decides on the way.
type syncer struct {
	in  Input
	res *Result
	api apiServer // the API server the sync writes the Job's status to

	j        *job.Job      // the controller's copy of the Job, which it writes
	pods     []*policy.Pod // the Job's pods
	active   []*policy.Pod
	finished *job.JobCondition // the condition the Job meets, on its way to finishing

	succeeded, failed, ready, terminating int32
	prevSucceeded, succeededIdx           indexes.Intervals
	failedIdx                             *indexes.Intervals
	uncountedSucceeded, uncountedFailed   map[types.UID]bool
	delayed                               map[int]*policy.Pod // per index, a failed pod kept until it is replaced
	newBackoff                            Backoff
	generated                             map[string]int // created pods per generateName, to name them
	counters                              *job.JobStatus // the status the metrics last counted
}

// Sync runs one sync of a Job, as a freshly started Kubernetes 1.37 Job controller runs it
// with the release's default feature gates, and says what it did. The controller's API
// requests succeed as an API server would answer them, but for status writes, which are
// validated against the Job as stored at that moment, as the API server validates them
// (job.PrepareForStatusUpdate and validation.ValidateJobStatusUpdate): a rejected write ends
// the sync with the API server's error in Result.Err, as it ends the controller's. Pods it
// creates are named <generateName><n>, n counting from 1 for each generateName.
//
// A nil Job is an error naming it; so is a nil pod, and an Indexed Job without completions,
// which validation keeps out of a cluster and on which the controller crashes. Sync does
// not modify its input.
func Sync(in Input) (*Result, error) {
	if in.Job == nil {
		return nil, errors.New("sim.Sync: Input.Job is nil")
	}
	for i, p := range in.Pods {
		if p == nil {
			return nil, fmt.Errorf("sim.Sync: Input.Pods[%d] is nil", i)
		}
	}
	j := in.Job.DeepCopy()
	job.SetDefaults(j)
	if j.Spec.CompletionMode != nil && *j.Spec.CompletionMode == job.IndexedCompletion && j.Spec.Completions == nil {
		// Validation keeps such a Job out of a cluster; the controller would crash on it.
		return nil, errors.New("sim.Sync: Input.Job is Indexed without spec.completions")
	}
	s := &syncer{in: in, res: &Result{Backoff: in.Backoff}, api: apiServer{stored: j.DeepCopy()}, j: j, generated: map[string]int{}}
	s.res.Err = s.sync()
	s.res.Status = *s.api.stored.Status.DeepCopy()
	return s.res, nil
}

// sync is the controller's syncJob, from the Job as the cache holds it.
func (s *syncer) sync() error {
	j := s.j
	switch {
	case policy.IsManagedExternally(j):
		return nil
	case isFinished(j):
		s.res.Backoff = Backoff{}
		return nil
	case j.Spec.CompletionMode != nil && *j.Spec.CompletionMode != job.NonIndexedCompletion && *j.Spec.CompletionMode != job.IndexedCompletion:
		s.event(EventWarning, "UnknownCompletionMode", "Skipped Job sync because completion mode is unknown")
		return nil
	}
	if j.Status.UncountedTerminatedPods == nil {
		j.Status.UncountedTerminatedPods = &job.UncountedTerminatedPods{}
	}
	pods, err := s.claimPods()
	if err != nil {
		return err
	}
	s.pods = pods
	s.classify()
	active := int32(len(s.active))
	newSucceeded, newFailed := s.newFinishedPods()
	s.succeeded = j.Status.Succeeded + int32(len(newSucceeded)) + int32(len(s.uncountedSucceeded))
	s.failed = j.Status.Failed + int32(s.countedFailures(newFailed)) + int32(len(s.uncountedFailed))
	if j.Status.StartTime == nil && !policy.IsSuspended(j) {
		j.Status.StartTime = s.now()
	}
	s.newBackoff = newBackoffRecord(s.in.Backoff, newSucceeded, newFailed)
	s.findFinishingCriterion()
	suspendChanged := false
	if s.finished != nil {
		deletedReady, deleted := s.deleteActivePods()
		active -= deleted
		s.terminating += deleted
		s.ready -= deletedReady
	} else {
		managed := false
		if j.DeletionTimestamp == nil {
			active, err = s.manage()
			managed = true
		}
		if s.complete(active) {
			s.finished = s.condition(job.JobSuccessCriteriaMet, job.JobReasonCompletionsReached, "Reached expected number of succeeded pods")
		} else if managed {
			suspendChanged = s.suspendCondition()
		}
	}
	needsFlush := suspendChanged || active != j.Status.Active || !equalPtr(&s.ready, j.Status.Ready) || !equalPtr(j.Status.Terminating, &s.terminating)
	j.Status.Active, j.Status.Ready, j.Status.Terminating = active, new(s.ready), new(s.terminating)
	if trackErr := s.track(needsFlush); errors.Is(trackErr, ErrCrash) {
		return trackErr
	} else if trackErr != nil {
		return fmt.Errorf("tracking status: %w", trackErr)
	}
	return err
}

// classify sorts the Job's pods out: active and ready, terminating, and the uncounted
// finished pods of the stored status.
func (s *syncer) classify() {
	for _, p := range s.pods {
		if policy.IsActive(p) {
			s.active = append(s.active, p)
			if policy.IsReady(p) {
				s.ready++
			}
		}
		if policy.IsTerminating(p) {
			s.terminating++
		}
	}
	u := s.j.Status.UncountedTerminatedPods
	s.uncountedSucceeded, s.uncountedFailed = uidSet(u.Succeeded), uidSet(u.Failed)
}

// newFinishedPods returns the succeeded and failed pods not counted yet.
func (s *syncer) newFinishedPods() (succeeded, failed []*policy.Pod) {
	for _, p := range s.countablePods() {
		if policy.IsSucceeded(p) && !s.uncountedSucceeded[p.UID] {
			succeeded = append(succeeded, p)
		}
		if s.isFailed(p) && !s.uncountedFailed[p.UID] {
			failed = append(failed, p)
		}
	}
	return succeeded, failed
}

// countablePods are the pods the controller may count: with the tracking finalizer and, for
// Indexed Jobs, a completion index below completions.
func (s *syncer) countablePods() []*policy.Pod {
	var out []*policy.Pod
	for _, p := range s.pods {
		if !hasTrackingFinalizer(p) {
			continue
		}
		if s.indexed() {
			if ix := policy.CompletionIndex(p); ix < 0 || ix >= int(*s.j.Spec.Completions) {
				continue
			}
		}
		out = append(out, p)
	}
	return out
}

// countedFailures is how many of the failed pods count against the backoff limit: all but
// those an Ignore rule of the pod failure policy matches.
func (s *syncer) countedFailures(failed []*policy.Pod) int {
	n := len(failed)
	if s.j.Spec.PodFailurePolicy != nil {
		for _, p := range failed {
			if !policy.MatchPodFailure(s.j.Spec.PodFailurePolicy, p).CountFailed {
				n--
			}
		}
	}
	return n
}

// complete reports whether the Job reached its completions with no active pod: without
// completions, once some pod succeeded.
func (s *syncer) complete(active int32) bool {
	if s.j.Spec.Completions == nil {
		return s.succeeded > 0 && active == 0
	}
	return s.succeeded >= *s.j.Spec.Completions && active == 0
}

// suspendCondition keeps the Suspended condition in step with spec.suspend, and says
// whether it changed; startTime is cleared on suspension and reset on resumption.
func (s *syncer) suspendCondition() bool {
	st := &s.j.Status
	if policy.IsSuspended(s.j) {
		var changed bool
		st.Conditions, changed = s.ensureCondition(st.Conditions, job.JobSuspended, job.ConditionTrue, job.JobReasonSuspended, "Job suspended")
		if changed {
			s.event(EventNormal, "Suspended", "Job suspended")
			st.StartTime = nil
		}
		return changed
	}
	var changed bool
	st.Conditions, changed = s.ensureCondition(st.Conditions, job.JobSuspended, job.ConditionFalse, job.JobReasonResumed, "Job resumed")
	if changed {
		s.event(EventNormal, "Resumed", "Job resumed")
		st.StartTime = s.now()
	}
	return changed
}

// ensureCondition sets the condition of type t to status, reason and message, appending it
// when it is missing (but not to add a False one), and says whether the list changed.
func (s *syncer) ensureCondition(list []job.JobCondition, t job.JobConditionType, status job.ConditionStatus, reason, message string) ([]job.JobCondition, bool) {
	for i := range list {
		if list[i].Type == t {
			if list[i].Status != status || list[i].Reason != reason || list[i].Message != message {
				list[i] = *s.newCondition(t, status, reason, message)
				return list, true
			}
			return list, false
		}
	}
	if status != job.ConditionFalse {
		return append(list, *s.newCondition(t, status, reason, message)), true
	}
	return list, false
}

// condition is a new True condition at the sync's time.
func (s *syncer) condition(t job.JobConditionType, reason, message string) *job.JobCondition {
	return s.newCondition(t, job.ConditionTrue, reason, message)
}

func (s *syncer) newCondition(t job.JobConditionType, status job.ConditionStatus, reason, message string) *job.JobCondition {
	now := metav1.NewTime(s.in.Now)
	return &job.JobCondition{Type: t, Status: status, LastProbeTime: now, LastTransitionTime: now, Reason: reason, Message: message}
}

func (s *syncer) now() *metav1.Time { return new(metav1.NewTime(s.in.Now)) }

func (s *syncer) indexed() bool {
	return s.j.Spec.CompletionMode != nil && *s.j.Spec.CompletionMode == job.IndexedCompletion
}

func (s *syncer) isFailed(p *policy.Pod) bool {
	return policy.IsFailed(p, s.j.Spec.PodReplacementPolicy)
}

func (s *syncer) event(kind, reason, message string) {
	s.res.Events = append(s.res.Events, Event{Type: kind, Reason: reason, Message: message})
}

func (s *syncer) requeue(after time.Duration) { s.res.RequeueAfter = append(s.res.RequeueAfter, after) }

// isFinished reports whether the Job has a Complete or Failed condition that is True.
func isFinished(j *job.Job) bool {
	for _, c := range j.Status.Conditions {
		if (c.Type == job.JobComplete || c.Type == job.JobFailed) && c.Status == job.ConditionTrue {
			return true
		}
	}
	return false
}

func hasTrackingFinalizer(p *policy.Pod) bool {
	for _, f := range p.Finalizers {
		if f == job.JobTrackingFinalizer {
			return true
		}
	}
	return false
}

func uidSet(uids []types.UID) map[types.UID]bool {
	m := make(map[types.UID]bool, len(uids))
	for _, u := range uids {
		m[u] = true
	}
	return m
}

func equalPtr(a, b *int32) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }
