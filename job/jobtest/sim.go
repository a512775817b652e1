package jobtest

import (
	"testing"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/sim"
)

// Statuses from the Job controller: each runs the Job through package sim's simulator and
// sets the status the controller would have written, valid as a status update of the
// Job's current status. When the simulator cannot bring the Job there (a Job that cannot
// complete, an index list that is not the Job's), the test fails with its error.

// Running sets the status of a Job whose pods have started, ready of them ready.
func (w *Wrapper) Running(t testing.TB, ready int) *Wrapper {
	t.Helper()
	return w.withStatus(t, func(j *job.Job) (job.JobStatus, error) { return sim.StatusRunning(j, ready) })
}

// Completed sets the status of a Job whose pods have all succeeded: Complete, with
// SuccessCriteriaMet, start and completion times.
func (w *Wrapper) Completed(t testing.TB) *Wrapper {
	t.Helper()
	return w.withStatus(t, sim.StatusComplete)
}

// FailedFor sets the status of a Job that failed for reason: BackoffLimitExceeded,
// DeadlineExceeded, PodFailurePolicy, FailedIndexes or MaxFailedIndexesExceeded.
func (w *Wrapper) FailedFor(t testing.TB, reason string) *Wrapper {
	t.Helper()
	return w.withStatus(t, func(j *job.Job) (job.JobStatus, error) { return sim.StatusFailed(j, reason) })
}

// SuspendedStatus sets the status of a Job suspended after it started.
func (w *Wrapper) SuspendedStatus(t testing.TB) *Wrapper {
	t.Helper()
	return w.withStatus(t, sim.StatusSuspended)
}

// IndexesDone sets the status of an Indexed Job whose completed indexes have succeeded and
// whose failed indexes (for a backoff limit per index) have failed.
func (w *Wrapper) IndexesDone(t testing.TB, completed, failed string) *Wrapper {
	t.Helper()
	return w.withStatus(t, func(j *job.Job) (job.JobStatus, error) { return sim.StatusIndexed(j, completed, failed) })
}

func (w *Wrapper) withStatus(t testing.TB, status func(*job.Job) (job.JobStatus, error)) *Wrapper {
	t.Helper()
	st, err := status(&w.Job)
	if err != nil {
		t.Fatalf("jobtest: %v", err)
	}
	w.Status = st
	return w
}
