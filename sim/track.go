package sim

import (
	"errors"
	"fmt"

	"github.com/jobkit/jobkit/indexes"
	"sort"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/policy"
	"k8s.io/apimachinery/pkg/types"
)

// ErrCrash is in Result.Err when upstream's controller would panic in the sync: its
// finished-pods metrics panic when an Indexed Job's completed indexes count fewer than the
// stored ones did (a stored completedIndexes with overlapping intervals, say).
var ErrCrash = errors.New("the Job controller panics: a finished-pods metric would decrease")

// track counts finished pods through status.uncountedTerminatedPods and removes their
// finalizers: the first write records the uncounted pods and any new FailureTarget or
// SuccessCriteriaMet condition (and stores the backoff record); the finalizers are removed;
// the second write moves the pods that lost them into the counters and, once nothing is
// uncounted or terminating, adds Complete or Failed.
func (s *syncer) track(needsFlush bool) error {
	j := s.j
	if s.indexed() {
		sort.Sort(byCompletionIndex(s.pods))
	}
	s.counters = j.Status.DeepCopy()
	withFinalizer := map[types.UID]bool{}
	for _, p := range s.pods {
		if hasTrackingFinalizer(p) {
			withFinalizer[p.UID] = true
		}
	}
	if moveCounted(&j.Status, withFinalizer) {
		needsFlush = true
	}
	var unfinalize []*policy.Pod
	var newSucceeded []int
	uncounted := j.Status.UncountedTerminatedPods
	full := false
	for _, p := range s.pods {
		if !hasTrackingFinalizer(p) {
			continue
		}
		failed := s.isFailed(p)
		if !s.canRemoveFinalizer(p, failed) {
			continue
		}
		unfinalize = append(unfinalize, p)
		switch {
		case policy.IsSucceeded(p) && !s.uncountedFailed[p.UID]:
			if s.indexed() {
				if ix := policy.CompletionIndex(p); ix >= 0 && ix < int(*j.Spec.Completions) && !s.prevSucceeded.Has(ix) {
					newSucceeded = append(newSucceeded, ix)
					needsFlush = true
				}
			} else if !s.uncountedSucceeded[p.UID] {
				needsFlush = true
				uncounted.Succeeded = append(uncounted.Succeeded, p.UID)
			}
		case failed || s.finished != nil && !isSuccessCriteriaMet(s.finished):
			ix := policy.CompletionIndex(p)
			if !s.uncountedFailed[p.UID] && (!s.indexed() || ix >= 0 && ix < int(*j.Spec.Completions)) {
				if j.Spec.PodFailurePolicy == nil || policy.MatchPodFailure(j.Spec.PodFailurePolicy, p).CountFailed {
					needsFlush = true
					uncounted.Failed = append(uncounted.Failed, p.UID)
				}
			}
		}
		if len(newSucceeded)+len(uncounted.Succeeded)+len(uncounted.Failed) >= maxPodChanges {
			full = true
			break
		}
	}
	if s.indexed() {
		s.succeededIdx = s.succeededIdx.Merge(newSucceeded)
		if text := s.succeededIdx.String(); text != j.Status.CompletedIndexes {
			needsFlush = true
			j.Status.CompletedIndexes = text
		}
		j.Status.Succeeded = int32(s.succeededIdx.Total())
		var failedText *string
		if s.failedIdx != nil {
			failedText = new(s.failedIdx.String())
		}
		if !equalString(j.Status.FailedIndexes, failedText) {
			j.Status.FailedIndexes = failedText
			needsFlush = true
		}
	}
	needsFlush = s.interimCondition() || needsFlush
	needsFlush, err := s.flush(unfinalize, withFinalizer, needsFlush)
	if err != nil {
		return err
	}
	finished := !full && s.enactFinished()
	if !needsFlush && !finished {
		return nil
	}
	if err := s.write("removing uncounted pods from status"); err != nil {
		return err
	}
	if finished {
		s.recordFinished()
	}
	return s.recordPodsFinished()
}

// recordPodsFinished is where the controller counts finished pods in its metrics after a
// status write, and panics when a count would go down.
func (s *syncer) recordPodsFinished() error {
	old, st := s.counters, &s.j.Status
	s.counters = st.DeepCopy()
	if s.indexed() && st.CompletedIndexes != old.CompletedIndexes {
		completions := int(*s.j.Spec.Completions)
		if indexes.ParseIntervals(st.CompletedIndexes, completions).Total() < indexes.ParseIntervals(old.CompletedIndexes, completions).Total() {
			return ErrCrash
		}
	}
	if !s.indexed() && st.Succeeded < old.Succeeded || st.Failed < old.Failed {
		return ErrCrash
	}
	return nil
}

// canRemoveFinalizer reports whether a pod's finalizer can go: when the Job is being deleted
// or meets a finishing criterion, when the pod succeeded, or when it failed, unless it is
// the last failed pod of an index whose replacement is still to come.
func (s *syncer) canRemoveFinalizer(p *policy.Pod, failed bool) bool {
	if s.j.DeletionTimestamp != nil || s.finished != nil || policy.IsSucceeded(p) {
		return true
	}
	if !failed {
		return false
	}
	if s.j.Spec.BackoffLimitPerIndex != nil {
		if ix := policy.CompletionIndex(p); ix >= 0 {
			if d, ok := s.delayed[ix]; ok && d.UID == p.UID {
				return false
			}
		}
	}
	return true
}

// interimCondition adds the FailureTarget or SuccessCriteriaMet condition the Job newly met
// and turns s.finished into the Failed or Complete condition to add once the Job is
// finished. It reports whether the status changed.
func (s *syncer) interimCondition() bool {
	f := s.finished
	changed := false
	if f != nil && f.Type == job.JobFailureTarget {
		s.j.Status.Conditions = append(s.j.Status.Conditions, *f)
		changed = true
		f = s.condition(job.JobFailed, f.Reason, f.Message)
		s.finished = f
	}
	if isSuccessCriteriaMet(f) {
		if trueCondition(s.j, job.JobSuccessCriteriaMet) == nil {
			s.j.Status.Conditions = append(s.j.Status.Conditions, *f)
			changed = true
		}
		s.finished = s.condition(job.JobComplete, f.Reason, f.Message)
	}
	return changed
}

// flush writes the status with the newly uncounted pods when it changed (storing the
// backoff record), then removes the finalizers of the finished pods and moves the pods that
// lost them into the counters. It reports whether the status has changes still to write.
func (s *syncer) flush(unfinalize []*policy.Pod, withFinalizer map[types.UID]bool, needsFlush bool) (bool, error) {
	if needsFlush {
		if err := s.write("adding uncounted pods to status"); err != nil {
			return needsFlush, err
		}
		s.res.Backoff = s.newBackoff
		if err := s.recordPodsFinished(); err != nil {
			return false, err
		}
		needsFlush = false
	}
	for _, p := range unfinalize {
		s.res.FinalizersRemoved = append(s.res.FinalizersRemoved, p.Name)
		delete(withFinalizer, p.UID)
	}
	return moveCounted(&s.j.Status, withFinalizer) || needsFlush, nil
}

// moveCounted moves the uncounted pods that no longer have the finalizer into the
// succeeded and failed counters, and reports whether it moved any.
func moveCounted(st *job.JobStatus, withFinalizer map[types.UID]bool) bool {
	u := st.UncountedTerminatedPods
	moved := false
	if keep := keepUIDs(u.Succeeded, withFinalizer); len(keep) != len(u.Succeeded) {
		st.Succeeded += int32(len(u.Succeeded) - len(keep))
		u.Succeeded, moved = keep, true
	}
	if keep := keepUIDs(u.Failed, withFinalizer); len(keep) != len(u.Failed) {
		st.Failed += int32(len(u.Failed) - len(keep))
		u.Failed, moved = keep, true
	}
	return moved
}

func keepUIDs(uids []types.UID, keep map[types.UID]bool) []types.UID {
	var out []types.UID
	for _, u := range uids {
		if keep[u] {
			out = append(out, u)
		}
	}
	return out
}

// enactFinished adds the Complete or Failed condition, and Complete's completionTime, when
// no pod is uncounted or terminating; it reports whether the Job is now finished.
func (s *syncer) enactFinished() bool {
	f := s.finished
	if f == nil {
		return false
	}
	if u := s.j.Status.UncountedTerminatedPods; u != nil && len(u.Succeeded)+len(u.Failed) > 0 {
		return false
	}
	if s.terminating > 0 {
		return false
	}
	s.j.Status.Conditions, _ = s.ensureCondition(s.j.Status.Conditions, f.Type, f.Status, f.Reason, f.Message)
	if f.Type == job.JobComplete {
		s.j.Status.CompletionTime = new(f.LastTransitionTime)
	}
	return true
}

// recordFinished records the events of a finished Job.
func (s *syncer) recordFinished() {
	f := s.finished
	if f.Type != job.JobComplete {
		s.event(EventWarning, f.Reason, f.Message)
		return
	}
	if c := s.j.Spec.Completions; c != nil && s.j.Status.Succeeded > *c {
		s.event(EventWarning, "TooManySucceededPods", "Too many succeeded pods running after completion count reached")
	}
	s.event(EventNormal, "Completed", "Job completed")
}

// write sends the Job's status to the API server. A rejection ends the sync with the
// server's error, prefixed with what the write was for.
func (s *syncer) write(what string) error {
	stored, err := s.api.updateStatus(s.j, s.res)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	s.j = stored
	return nil
}

func isSuccessCriteriaMet(c *job.JobCondition) bool {
	return c != nil && c.Type == job.JobSuccessCriteriaMet && c.Status == job.ConditionTrue
}

func equalString(a, b *string) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }
