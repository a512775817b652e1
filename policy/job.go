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
// restart when backoffLimit is 0). A nil spec has no limit to exceed.
func ExceedsBackoffLimit(s *job.JobSpec, failed, restarts int) bool {
	if s == nil {
		return false
	}
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
// phase Pending or Running, for ExceedsBackoffLimit. Nil pods are skipped.
func Restarts(pods []*Pod) int {
	n := 0
	for _, p := range pods {
		if p == nil || p.Status.Phase != PodPending && p.Status.Phase != PodRunning {
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
// allows (reason MaxFailedIndexesExceeded). A nil spec allows any.
func ExceedsMaxFailedIndexes(s *job.JobSpec, failed indexes.Set) bool {
	return s != nil && s.MaxFailedIndexes != nil && failed.Len() > int(*s.MaxFailedIndexes)
}

// FailedByIndexes reports whether a per-index Job has failed because every index finished
// and some failed (reason FailedIndexes). A nil spec has not.
func FailedByIndexes(s *job.JobSpec, succeeded, failed indexes.Set) bool {
	return s != nil && s.Completions != nil && failed.Len() > 0 && failed.Len()+succeeded.Len() >= int(*s.Completions)
}

// CompletionsReached reports whether a Job has succeeded by its completions (reason
// CompletionsReached): succeeded at least completions with no active pod, or, without
// completions, some success and no active pod. A nil spec has not.
func CompletionsReached(s *job.JobSpec, succeeded, active int) bool {
	if s == nil || active > 0 {
		return false
	}
	if s.Completions == nil {
		return succeeded > 0
	}
	return succeeded >= int(*s.Completions)
}

// DeadlineExceeded reports whether a Job has run past activeDeadlineSeconds at now (reason
// DeadlineExceeded): it has a start time, it is not suspended, and at least
// activeDeadlineSeconds have passed since its start. A nil Job has no deadline.
func DeadlineExceeded(j *job.Job, now time.Time) bool {
	if j == nil {
		return false
	}
	s := &j.Spec
	if s.ActiveDeadlineSeconds == nil || j.Status.StartTime == nil || IsSuspended(j) {
		return false
	}
	return now.Sub(j.Status.StartTime.Time) >= time.Duration(*s.ActiveDeadlineSeconds)*time.Second
}

// TTLExpiry returns when a finished Job with ttlSecondsAfterFinished is to be deleted: the
// time of its first Complete=True or Failed=True condition plus the TTL. ok is false when
// the Job has no TTL or has not finished; err is set when it finished without a
// transition time, which the TTL controller cannot handle either, and for a nil Job.
func TTLExpiry(j *job.Job) (at time.Time, ok bool, err error) {
	if j == nil {
		return time.Time{}, false, errors.New("the Job j is nil")
	}
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

// IsFinished reports whether the Job has a Complete=True or Failed=True condition; a nil
// Job has not.
func IsFinished(j *job.Job) bool { return FinishedCondition(j) != nil }

// FinishedCondition returns the Job's first Complete=True or Failed=True condition, or nil
// (also for a nil Job).
func FinishedCondition(j *job.Job) *job.JobCondition {
	if j == nil {
		return nil
	}
	for i := range j.Status.Conditions {
		c := &j.Status.Conditions[i]
		if (c.Type == job.JobComplete || c.Type == job.JobFailed) && c.Status == job.ConditionTrue {
			return c
		}
	}
	return nil
}

// IsSuspended reports whether the Job's spec suspends it; a nil Job is not suspended.
func IsSuspended(j *job.Job) bool { return j != nil && j.Spec.Suspend != nil && *j.Spec.Suspend }

// Condition returns the Job's first condition of type t, or nil (also for a nil Job).
func Condition(j *job.Job, t job.JobConditionType) *job.JobCondition {
	if j == nil {
		return nil
	}
	for i := range j.Status.Conditions {
		if j.Status.Conditions[i].Type == t {
			return &j.Status.Conditions[i]
		}
	}
	return nil
}

// ConditionTrue reports whether the Job has a condition of type t with status True; a nil
// Job has none.
func ConditionTrue(j *job.Job, t job.JobConditionType) bool {
	if j == nil {
		return false
	}
	for i := range j.Status.Conditions {
		if c := &j.Status.Conditions[i]; c.Type == t && c.Status == job.ConditionTrue {
			return true
		}
	}
	return false
}

// IsManagedExternally reports whether spec.managedBy names a controller other than the
// built-in one, which then leaves the Job alone. A nil Job is not.
func IsManagedExternally(j *job.Job) bool {
	return j != nil && j.Spec.ManagedBy != nil && *j.Spec.ManagedBy != job.JobControllerName
}

func itoa(i int) string { return strconv.Itoa(i) }
