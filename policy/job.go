package policy

import (
	"errors"
	"strconv"
	"time"

	"github.com/jobkit/jobkit/indexes"
	"github.com/jobkit/jobkit/job"
)

// Job-level decisions over counts and status (backoff limits, deadlines, completions,
// success and failure conditions), and status helpers.

// ExceedsBackoffLimit reports whether a Job has failed by its backoff limit: more counted
// failures than backoffLimit (failed: status.failed, plus newly failed pods not ignored by
// the policy, plus uncounted failed pods); or, for restartPolicy OnFailure, restarts of
// the containers of pending and running pods (see Restarts) reaching backoffLimit (any
// restart when backoffLimit is 0).
func ExceedsBackoffLimit(s *job.JobSpec, failed, restarts int) bool {
	limit := 6
	if s.BackoffLimit != nil {
		limit = int(*s.BackoffLimit)
	}
	if failed > limit {
		return true
	}
	if s.Template.Spec.RestartPolicy != job.RestartPolicyOnFailure {
		return false
	}
	if limit == 0 {
		return restarts > 0
	}
	return restarts >= limit
}

// Restarts sums the restart counts of the containers and init containers of the pods in
// phase Pending or Running, for ExceedsBackoffLimit.
func Restarts(pods []*Pod) int {
	n := 0
	for _, p := range pods {
		if p.Status.Phase != PodPending && p.Status.Phase != PodRunning {
			continue
		}
		for _, list := range [2][]ContainerStatus{p.Status.InitContainerStatuses, p.Status.ContainerStatuses} {
			for i := range list {
				n += int(list[i].RestartCount)
			}
		}
	}
	return n
}

// ExceedsMaxFailedIndexes reports whether more indexes failed than maxFailedIndexes
// allows (reason MaxFailedIndexesExceeded).
func ExceedsMaxFailedIndexes(s *job.JobSpec, failed indexes.Set) bool {
	return s.MaxFailedIndexes != nil && failed.Len() > int(*s.MaxFailedIndexes)
}

// FailedByIndexes reports whether a per-index Job has failed because every index finished
// and some failed (reason FailedIndexes).
func FailedByIndexes(s *job.JobSpec, succeeded, failed indexes.Set) bool {
	return s.Completions != nil && failed.Len() > 0 && failed.Len()+succeeded.Len() >= int(*s.Completions)
}

// CompletionsReached reports whether a Job has succeeded by its completions (reason
// CompletionsReached): succeeded at least completions with no active pod, or, without
// completions, some success and no active pod.
func CompletionsReached(s *job.JobSpec, succeeded, active int) bool {
	if active > 0 {
		return false
	}
	if s.Completions == nil {
		return succeeded > 0
	}
	return succeeded >= int(*s.Completions)
}

// DeadlineExceeded reports whether a Job has run past activeDeadlineSeconds at now (reason
// DeadlineExceeded): it has a start time, it is not suspended, and at least
// activeDeadlineSeconds have passed since its start.
func DeadlineExceeded(j *job.Job, now time.Time) bool {
	s := &j.Spec
	if s.ActiveDeadlineSeconds == nil || j.Status.StartTime == nil || IsSuspended(j) {
		return false
	}
	return now.Sub(j.Status.StartTime.Time) >= time.Duration(*s.ActiveDeadlineSeconds)*time.Second
}

// TTLExpiry returns when a finished Job with ttlSecondsAfterFinished is to be deleted: the
// time of its first Complete=True or Failed=True condition plus the TTL. ok is false when
// the Job has no TTL or has not finished; err is set when it finished without a
// transition time, which the TTL controller cannot handle either.
func TTLExpiry(j *job.Job) (at time.Time, ok bool, err error) {
	if j.Spec.TTLSecondsAfterFinished == nil {
		return time.Time{}, false, nil
	}
	c := FinishedCondition(j)
	if c == nil {
		return time.Time{}, false, nil
	}
	if c.LastTransitionTime.IsZero() {
		return time.Time{}, false, errors.New("the Job's " + string(c.Type) + " condition has no lastTransitionTime")
	}
	return c.LastTransitionTime.Add(time.Duration(*j.Spec.TTLSecondsAfterFinished) * time.Second), true, nil
}

// IsFinished reports whether the Job has a Complete=True or Failed=True condition.
func IsFinished(j *job.Job) bool { return FinishedCondition(j) != nil }

// FinishedCondition returns the Job's first Complete=True or Failed=True condition, or nil.
func FinishedCondition(j *job.Job) *job.JobCondition {
	for i := range j.Status.Conditions {
		c := &j.Status.Conditions[i]
		if (c.Type == job.JobComplete || c.Type == job.JobFailed) && c.Status == job.ConditionTrue {
			return c
		}
	}
	return nil
}

// IsSuspended reports whether the Job's spec suspends it.
func IsSuspended(j *job.Job) bool { return j.Spec.Suspend != nil && *j.Spec.Suspend }

// Condition returns the Job's first condition of type t, or nil.
func Condition(j *job.Job, t job.JobConditionType) *job.JobCondition {
	for i := range j.Status.Conditions {
		if j.Status.Conditions[i].Type == t {
			return &j.Status.Conditions[i]
		}
	}
	return nil
}

// ConditionTrue reports whether the Job has a condition of type t with status True.
func ConditionTrue(j *job.Job, t job.JobConditionType) bool {
	for i := range j.Status.Conditions {
		if c := &j.Status.Conditions[i]; c.Type == t && c.Status == job.ConditionTrue {
			return true
		}
	}
	return false
}

// IsManagedExternally reports whether spec.managedBy names a controller other than the
// built-in one, which then leaves the Job alone.
func IsManagedExternally(j *job.Job) bool {
	return j.Spec.ManagedBy != nil && *j.Spec.ManagedBy != job.JobControllerName
}

func itoa(i int) string { return strconv.Itoa(i) }
