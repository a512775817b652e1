package jobtest

import (
	"time"

	"github.com/jobkit/jobkit/job"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
)

// Active sets status.active.
func (w *Wrapper) Active(n int32) *Wrapper {
	w.Status.Active = n
	return w
}

// Succeeded sets status.succeeded.
func (w *Wrapper) Succeeded(n int32) *Wrapper {
	w.Status.Succeeded = n
	return w
}

// Failed sets status.failed.
func (w *Wrapper) Failed(n int32) *Wrapper {
	w.Status.Failed = n
	return w
}

// Ready sets status.ready.
func (w *Wrapper) Ready(n int32) *Wrapper {
	w.Status.Ready = &n
	return w
}

// Terminating sets status.terminating.
func (w *Wrapper) Terminating(n int32) *Wrapper {
	w.Status.Terminating = &n
	return w
}

// StartTime sets status.startTime.
func (w *Wrapper) StartTime(t time.Time) *Wrapper {
	w.Status.StartTime = new(metav1.NewTime(t))
	return w
}

// CompletionTime sets status.completionTime.
func (w *Wrapper) CompletionTime(t time.Time) *Wrapper {
	w.Status.CompletionTime = new(metav1.NewTime(t))
	return w
}

// CompletedIndexes sets status.completedIndexes.
func (w *Wrapper) CompletedIndexes(s string) *Wrapper {
	w.Status.CompletedIndexes = s
	return w
}

// FailedIndexes sets status.failedIndexes.
func (w *Wrapper) FailedIndexes(s string) *Wrapper {
	w.Status.FailedIndexes = &s
	return w
}

// UncountedTerminatedPods sets status.uncountedTerminatedPods.
func (w *Wrapper) UncountedTerminatedPods(succeeded, failed []types.UID) *Wrapper {
	w.Status.UncountedTerminatedPods = &job.UncountedTerminatedPods{Succeeded: succeeded, Failed: failed}
	return w
}

// Condition appends a condition to the status.
func (w *Wrapper) Condition(c job.JobCondition) *Wrapper {
	w.Status.Conditions = append(w.Status.Conditions, c)
	return w
}
