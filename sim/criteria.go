package sim

import (
	"time"

	"github.com/jobkit/jobkit/indexes"
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/policy"
)

// findFinishingCriterion sets s.finished to the first criterion the Job meets, in the
// controller's order: a SuccessCriteriaMet condition it has; a FailureTarget condition it
// has (which becomes Failed); a failed pod a FailJob rule matches; the backoff limit; the
// active deadline; for per-index Jobs, the failed indexes; for Indexed Jobs, the success
// policy. While the deadline is ahead the sync asks to run again when it passes.
func (s *syncer) findFinishingCriterion() {
	j := s.j
	exceedsBackoffLimit := s.failed > *j.Spec.BackoffLimit
	s.finished = trueCondition(j, job.JobSuccessCriteriaMet)
	if s.finished == nil {
		if target := trueCondition(j, job.JobFailureTarget); target != nil {
			s.finished = s.condition(job.JobFailed, target.Reason, target.Message)
		} else if msg := s.failJobMessage(); msg != "" {
			s.finished = s.condition(job.JobFailureTarget, job.JobReasonPodFailurePolicy, msg)
		}
	}
	if s.finished == nil {
		switch {
		case exceedsBackoffLimit || s.pastBackoffLimitOnFailure():
			s.finished = s.condition(job.JobFailureTarget, job.JobReasonBackoffLimitExceeded, "Job has reached the specified backoff limit")
		case s.pastActiveDeadline():
			s.finished = s.condition(job.JobFailureTarget, job.JobReasonDeadlineExceeded, "Job was active longer than specified deadline")
		case j.Spec.ActiveDeadlineSeconds != nil && !policy.IsSuspended(j):
			s.requeue(time.Duration(*j.Spec.ActiveDeadlineSeconds)*time.Second - s.in.Now.Sub(j.Status.StartTime.Time))
		}
	}
	if !s.indexed() {
		return
	}
	s.prevSucceeded, s.succeededIdx = s.succeededIndexes()
	s.succeeded = int32(s.succeededIdx.Total())
	if j.Spec.BackoffLimitPerIndex != nil {
		s.failedIdx = s.failedIndexes()
		if s.finished == nil {
			failed := s.failedIdx.Total()
			switch {
			case j.Spec.MaxFailedIndexes != nil && failed > int(*j.Spec.MaxFailedIndexes):
				s.finished = s.condition(job.JobFailureTarget, job.JobReasonMaxFailedIndexesExceeded, "Job has exceeded the specified maximal number of failed indexes")
			case failed > 0 && failed+s.succeededIdx.Total() >= int(*j.Spec.Completions):
				s.finished = s.condition(job.JobFailureTarget, job.JobReasonFailedIndexes, "Job has failed indexes")
			}
		}
		s.delayed = s.podsWithDelayedDeletion()
	}
	if s.finished == nil && len(s.succeededIdx) > 0 {
		if rule, ok := policy.SucceededBy(j.Spec.SuccessPolicy, *j.Spec.Completions, s.succeededIdx.Set()); ok {
			s.finished = s.condition(job.JobSuccessCriteriaMet, job.JobReasonSuccessPolicy, policy.SuccessPolicyMessage(rule))
		}
	}
}

// trueCondition returns the Job's condition of type t when it is True, or nil.
func trueCondition(j *job.Job, t job.JobConditionType) *job.JobCondition {
	for i := range j.Status.Conditions {
		if c := &j.Status.Conditions[i]; c.Type == t {
			if c.Status == job.ConditionTrue {
				return c
			}
			return nil
		}
	}
	return nil
}

// failJobMessage is the message of the first failed pod, in the cache's order, that a
// FailJob rule matches; "" when none does.
func (s *syncer) failJobMessage() string {
	if s.j.Spec.PodFailurePolicy == nil {
		return ""
	}
	for _, p := range s.pods {
		if s.isFailed(p) {
			if msg := policy.MatchPodFailure(s.j.Spec.PodFailurePolicy, p).Message(); msg != "" {
				return msg
			}
		}
	}
	return ""
}

// pastBackoffLimitOnFailure reports whether, with restartPolicy OnFailure, the restarts of
// pending and running pods reached the backoff limit.
func (s *syncer) pastBackoffLimitOnFailure() bool {
	if s.j.Spec.Template.Spec.RestartPolicy != job.RestartPolicyOnFailure {
		return false
	}
	restarts := int32(policy.Restarts(s.pods))
	if limit := *s.j.Spec.BackoffLimit; limit != 0 {
		return restarts >= limit
	}
	return restarts > 0
}

// pastActiveDeadline reports whether a Job that is not suspended has been active for
// activeDeadlineSeconds.
func (s *syncer) pastActiveDeadline() bool {
	j := s.j
	if j.Spec.ActiveDeadlineSeconds == nil || j.Status.StartTime == nil || policy.IsSuspended(j) {
		return false
	}
	return s.in.Now.Sub(j.Status.StartTime.Time) >= time.Duration(*j.Spec.ActiveDeadlineSeconds)*time.Second
}

// succeededIndexes returns the completed indexes as stored, and with the indexes of the
// succeeded pods that still have the tracking finalizer added.
func (s *syncer) succeededIndexes() (prev, all indexes.Intervals) {
	completions := int(*s.j.Spec.Completions)
	prev = indexes.ParseIntervals(s.j.Status.CompletedIndexes, completions)
	var add []int
	for _, p := range s.pods {
		if ix := policy.CompletionIndex(p); policy.IsSucceeded(p) && ix >= 0 && ix < completions && hasTrackingFinalizer(p) {
			add = append(add, ix)
		}
	}
	return prev, prev.Merge(add)
}

// failedIndexes returns the failed indexes as stored, with those of the pods that failed
// their index since added.
func (s *syncer) failedIndexes() *indexes.Intervals {
	completions := int(*s.j.Spec.Completions)
	var prev indexes.Intervals
	if s.j.Status.FailedIndexes != nil {
		prev = indexes.ParseIntervals(*s.j.Status.FailedIndexes, completions)
	}
	var add []int
	for _, p := range s.pods {
		if ix := policy.CompletionIndex(p); ix >= 0 && ix < completions && hasTrackingFinalizer(p) && policy.FailsIndex(s.j, p) {
			add = append(add, ix)
		}
	}
	merged := prev.Merge(add)
	return &merged
}

// podsWithDelayedDeletion returns, per index that is neither succeeded, failed nor active,
// its last failed pod: kept, finalizer and all, until its replacement carries its failure
// count.
func (s *syncer) podsWithDelayedDeletion() map[int]*policy.Pod {
	active := map[int]bool{}
	for _, p := range s.active {
		if ix := policy.CompletionIndex(p); ix >= 0 {
			active[ix] = true
		}
	}
	out := map[int]*policy.Pod{}
	completions := int(*s.j.Spec.Completions)
	for _, p := range s.countablePods() {
		ix := policy.CompletionIndex(p)
		if !s.isFailed(p) || ix < 0 || ix >= completions {
			continue
		}
		if s.succeededIdx.Has(ix) || s.failedIdx.Has(ix) || active[ix] {
			continue
		}
		last, ok := out[ix]
		if !ok || absoluteFailureCount(last) <= absoluteFailureCount(p) && !policy.FinishTime(p).Before(policy.FinishTime(last)) {
			out[ix] = p
		}
	}
	return out
}

// absoluteFailureCount is an index's failures before the pod, counted and ignored.
func absoluteFailureCount(p *policy.Pod) int32 {
	return policy.IndexFailureCount(p) + policy.IndexIgnoredFailureCount(p)
}
