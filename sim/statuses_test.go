package sim_test

import (
	"strings"
	"testing"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/job/jobtest"
	"github.com/jobkit/jobkit/sim"
	"github.com/jobkit/jobkit/validation"
)

// acceptedFromEmpty checks that st is what a test may send as the status of j just created:
// the API server accepts it as an update from an empty status.
func acceptedFromEmpty(t *testing.T, j *job.Job, st job.JobStatus) {
	t.Helper()
	stored := j.DeepCopy()
	job.SetDefaults(stored)
	job.SetSystemFields(stored, job.SystemFields{UID: jobtest.UID(j.Name, j.Namespace), CreationTimestamp: t0Meta(), Namespace: "default"})
	job.PrepareForCreate(stored, nil)
	stored.ResourceVersion = "1"
	next := stored.DeepCopy()
	next.Status = st
	job.PrepareForStatusUpdate(next, stored)
	if errs := validation.ValidateJobStatusUpdate(next, stored, validation.Options{}); len(errs) > 0 {
		t.Errorf("the status is rejected as an update from an empty one: %v", errs)
	}
}

func TestStatuses(t *testing.T) {
	deadline := jobtest.Make("deadline", "default").ActiveDeadlineSeconds(600).Obj()
	pfp := jobtest.Make("pfp", "default").OnExitCodes(job.PodFailurePolicyActionFailJob, job.PodFailurePolicyOnExitCodesOpIn, 42).Obj()
	perIndex := jobtest.Make("per-index", "default").Indexed(4).Parallelism(4).BackoffLimitPerIndex(1).Obj()
	tests := []struct {
		name   string
		j      *job.Job
		status func(*job.Job) (job.JobStatus, error)
		check  func(t *testing.T, st job.JobStatus)
	}{
		{"running", jobtest.Make("run", "default").Parallelism(3).Completions(6).Obj(),
			func(j *job.Job) (job.JobStatus, error) { return sim.StatusRunning(j, 2) },
			func(t *testing.T, st job.JobStatus) {
				if st.Active != 3 || *st.Ready != 2 || st.StartTime == nil || len(st.Conditions) != 0 {
					t.Errorf("active %d ready %d startTime %v conditions %v", st.Active, *st.Ready, st.StartTime, st.Conditions)
				}
			}},
		{"complete", jobtest.Make("done", "default").Completions(2).Parallelism(2).Obj(), sim.StatusComplete,
			func(t *testing.T, st job.JobStatus) {
				if c := condition(st, job.JobComplete); c == nil || st.Succeeded != 2 || st.CompletionTime == nil {
					t.Errorf("not complete: %+v", st)
				}
			}},
		{"backoff limit", jobtest.Make("flaky", "default").BackoffLimit(1).Obj(),
			func(j *job.Job) (job.JobStatus, error) { return sim.StatusFailed(j, job.JobReasonBackoffLimitExceeded) },
			func(t *testing.T, st job.JobStatus) {
				if c := condition(st, job.JobFailed); c == nil || c.Reason != job.JobReasonBackoffLimitExceeded || st.Failed != 2 {
					t.Errorf("not failed by the backoff limit: %+v", st)
				}
				if condition(st, job.JobFailureTarget) == nil {
					t.Error("no FailureTarget before Failed")
				}
			}},
		{"pod failure policy", pfp,
			func(j *job.Job) (job.JobStatus, error) { return sim.StatusFailed(j, job.JobReasonPodFailurePolicy) },
			func(t *testing.T, st job.JobStatus) {
				c := condition(st, job.JobFailed)
				if c == nil || !strings.HasPrefix(c.Message, "Container main for pod default/pfp-") || !strings.HasSuffix(c.Message, "failed with exit code 42 matching FailJob rule at index 0") {
					t.Errorf("failed condition %+v", c)
				}
			}},
		{"deadline", deadline,
			func(j *job.Job) (job.JobStatus, error) { return sim.StatusFailed(j, job.JobReasonDeadlineExceeded) },
			func(t *testing.T, st job.JobStatus) {
				// FailureTarget when the deadline passes; Failed once the deleted pod has stopped,
				// its grace period later.
				if c := condition(st, job.JobFailureTarget); c == nil || !c.LastTransitionTime.Time.Equal(t0.Add(600e9)) {
					t.Errorf("failure target %+v", c)
				}
				if c := condition(st, job.JobFailed); c == nil || c.Message != "Job was active longer than specified deadline" || !c.LastTransitionTime.Time.Equal(t0.Add(630e9)) {
					t.Errorf("failed condition %+v", c)
				}
			}},
		{"suspended", jobtest.Make("queued", "default").Parallelism(2).Obj(), sim.StatusSuspended,
			func(t *testing.T, st job.JobStatus) {
				if c := condition(st, job.JobSuspended); c == nil || c.Status != job.ConditionTrue || st.Active != 0 || st.StartTime != nil {
					t.Errorf("not suspended: %+v", st)
				}
			}},
		{"indexed", perIndex,
			func(j *job.Job) (job.JobStatus, error) { return sim.StatusIndexed(j, "0,2", "1") },
			func(t *testing.T, st job.JobStatus) {
				if st.CompletedIndexes != "0,2" || st.FailedIndexes == nil || *st.FailedIndexes != "1" || st.Succeeded != 2 || st.Active != 1 {
					t.Errorf("indexes: %+v", st)
				}
			}},
		{"failed indexes", perIndex,
			func(j *job.Job) (job.JobStatus, error) { return sim.StatusFailed(j, job.JobReasonFailedIndexes) },
			func(t *testing.T, st job.JobStatus) {
				if c := condition(st, job.JobFailed); c == nil || c.Reason != job.JobReasonFailedIndexes || *st.FailedIndexes != "0,2" || st.CompletedIndexes != "1,3" {
					t.Errorf("not failed by its indexes: %+v", st)
				}
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st, err := tc.status(tc.j)
			if err != nil {
				t.Fatal(err)
			}
			tc.check(t, st)
			acceptedFromEmpty(t, tc.j, st)
		})
	}
}

// TestStatusErrors: statuses a Job cannot reach are errors that say why.
func TestStatusErrors(t *testing.T) {
	plain := jobtest.Make("plain", "default").Obj()
	for _, tc := range []struct {
		err  error
		want string
	}{
		{second(sim.StatusFailed(plain, job.JobReasonDeadlineExceeded)), "no activeDeadlineSeconds"},
		{second(sim.StatusFailed(plain, job.JobReasonPodFailurePolicy)), "no FailJob rule"},
		{second(sim.StatusFailed(plain, "Bored")), `cannot fail a Job for "Bored"`},
		{second(sim.StatusIndexed(plain, "0", "")), "not Indexed"},
		{second(sim.StatusIndexed(jobtest.Make("ix", "default").Indexed(3).Obj(), "0", "1")), "backoff limit per index"},
		{second(sim.StatusIndexed(jobtest.Make("ix", "default").Indexed(3).Obj(), "5", "")), "not below completions"},
		{second(sim.StatusRunning(plain, 3)), "3 ready pods asked for, the Job runs 1"},
		{second(sim.StatusComplete(nil)), "nil"},
	} {
		if tc.err == nil || !strings.Contains(tc.err.Error(), tc.want) {
			t.Errorf("got %v, want an error with %q", tc.err, tc.want)
		}
	}
}

func second(_ job.JobStatus, err error) error { return err }
