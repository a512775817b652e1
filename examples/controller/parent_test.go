package controller

import (
	"regexp"
	"testing"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/job/jobtest"
	"github.com/jobkit/jobkit/sim"
)

// child is a worker Job of a group: its pod failure policy fails the Job at once when the
// main container exits with 42, a retryable error.
func child(name string) *job.Job {
	return jobtest.Make(name, "default").BackoffLimit(1).
		OnExitCodes(job.PodFailurePolicyActionFailJob, job.PodFailurePolicyOnExitCodesOpIn, 42).Obj()
}

// withStatus returns the Job with the status the Job controller would have written.
func withStatus(t *testing.T, j *job.Job, status func(*job.Job) (job.JobStatus, error)) *job.Job {
	t.Helper()
	st, err := status(j)
	if err != nil {
		t.Fatal(err)
	}
	j = j.DeepCopy()
	j.Status = st
	return j
}

// TestGroupReactsToChildFailures drives the group's children through the Job controller's
// simulator, so that the conditions and messages the group matches are the controller's
// own, not ones a test made up.
func TestGroupReactsToChildFailures(t *testing.T) {
	g := Group{RestartOn: regexp.MustCompile(`failed with exit code 42 matching FailJob rule`), MaxRestarts: 1}
	failJob := func(j *job.Job) (job.JobStatus, error) { return sim.StatusFailed(j, job.JobReasonPodFailurePolicy) }
	backoff := func(j *job.Job) (job.JobStatus, error) { return sim.StatusFailed(j, job.JobReasonBackoffLimitExceeded) }
	running := func(j *job.Job) (job.JobStatus, error) { return sim.StatusRunning(j, 1) }
	tests := []struct {
		name     string
		children []*job.Job
		restarts int
		want     string
	}{
		{"all children complete", []*job.Job{withStatus(t, child("a"), sim.StatusComplete), withStatus(t, child("b"), sim.StatusComplete)}, 0, "complete"},
		{"a child still runs", []*job.Job{withStatus(t, child("a"), sim.StatusComplete), withStatus(t, child("b"), running)}, 0, "wait"},
		{"a retryable failure restarts", []*job.Job{withStatus(t, child("a"), failJob), withStatus(t, child("b"), running)}, 0, "restart"},
		{"restarts run out", []*job.Job{withStatus(t, child("a"), failJob)}, 1, "fail"},
		{"the backoff limit fails the group", []*job.Job{withStatus(t, child("a"), backoff)}, 0, "fail"},
	}
	for _, tc := range tests {
		if got := g.Reconcile(tc.children, tc.restarts); got.Action != tc.want {
			t.Errorf("%s: %+v, want %s", tc.name, got, tc.want)
		}
	}
	d := g.Reconcile([]*job.Job{withStatus(t, child("worker"), failJob)}, 0)
	if want := "Container main for pod default/worker-00001 failed with exit code 42 matching FailJob rule at index 0"; d.Why != want {
		t.Errorf("the restart names %q, want the controller's message %q", d.Why, want)
	}
}
