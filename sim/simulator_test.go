package sim_test

import (
	"strings"
	"testing"
	"time"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/job/jobtest"
	"github.com/jobkit/jobkit/policy"
	"github.com/jobkit/jobkit/sim"
	"github.com/jobkit/jobkit/validation"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

var t0 = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

func condition(st job.JobStatus, t job.JobConditionType) *job.JobCondition {
	for i := range st.Conditions {
		if st.Conditions[i].Type == t {
			return &st.Conditions[i]
		}
	}
	return nil
}

// TestSimulatorRunsToCompletion: a Job whose pods succeed completes, with the counts, times
// and conditions the controller writes, every write accepted.
func TestSimulatorRunsToCompletion(t *testing.T) {
	j := jobtest.Make("pi", "default").Completions(3).Parallelism(2).Obj()
	s, err := sim.NewSimulator(j, t0)
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 3; i++ {
		at := t0.Add(time.Duration(10*i) * time.Second)
		s.Schedule(sim.PodEvent{At: at, Pod: sim.PodSelector{Created: i}, Action: sim.Start},
			sim.PodEvent{At: at.Add(5 * time.Second), Pod: sim.PodSelector{Created: i}, Action: sim.Succeed})
	}
	if err := s.Run(t0.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	st := s.Job().Status
	if c := condition(st, job.JobComplete); c == nil || c.Status != job.ConditionTrue || c.Reason != job.JobReasonCompletionsReached {
		t.Fatalf("not complete: %+v", st.Conditions)
	}
	if c := condition(st, job.JobSuccessCriteriaMet); c == nil {
		t.Errorf("no SuccessCriteriaMet before Complete: %+v", st.Conditions)
	}
	if st.Succeeded != 3 || st.Active != 0 || st.Failed != 0 {
		t.Errorf("counts: succeeded %d active %d failed %d", st.Succeeded, st.Active, st.Failed)
	}
	if want := t0.Add(35 * time.Second); st.CompletionTime == nil || !st.CompletionTime.Time.Equal(want) {
		t.Errorf("completionTime %v, want %v", st.CompletionTime, want)
	}
	for _, step := range s.Timeline() {
		if step.Sync == nil {
			continue
		}
		for _, w := range step.Sync.Writes {
			if !w.Accepted() {
				t.Errorf("%s: a write was rejected: %v", step.Time, w.Rejected)
			}
		}
	}
	if len(s.Pods()) != 3 {
		t.Errorf("%d pods left, want the 3 succeeded ones", len(s.Pods()))
	}
}

// TestSimulatorBackoffDelays: pods that fail are replaced after the controller's backoff,
// 10 s after the first failure and 20 s after the second, and the Job fails once failures
// pass the backoff limit, with the controller's message.
func TestSimulatorBackoffDelays(t *testing.T) {
	j := jobtest.Make("flaky", "default").BackoffLimit(2).Obj()
	s, err := sim.NewSimulator(j, t0)
	if err != nil {
		t.Fatal(err)
	}
	var failedAt []time.Time
	for range 3 {
		if err := s.RunFor(time.Hour); err != nil {
			t.Fatal(err)
		}
		pods := s.Pods()
		last := pods[len(pods)-1]
		at := s.Now().Add(time.Second)
		failedAt = append(failedAt, at)
		s.Schedule(sim.PodEvent{At: s.Now(), Pod: sim.PodSelector{Name: last.Name}, Action: sim.Start},
			sim.PodEvent{At: at, Pod: sim.PodSelector{Name: last.Name}, Action: sim.Fail, ExitCode: 3})
	}
	if err := s.RunFor(time.Hour); err != nil {
		t.Fatal(err)
	}
	pods := s.Pods()
	if len(pods) != 3 {
		t.Fatalf("%d pods, want 3", len(pods))
	}
	for i, want := range []time.Duration{10 * time.Second, 20 * time.Second} {
		if got := pods[i+1].CreationTimestamp.Sub(failedAt[i]); got != want {
			t.Errorf("pod %d created %v after failure %d, want %v", i+2, got, i+1, want)
		}
	}
	st := s.Job().Status
	c := condition(st, job.JobFailed)
	if c == nil || c.Reason != job.JobReasonBackoffLimitExceeded || c.Message != "Job has reached the specified backoff limit" {
		t.Fatalf("not failed for the backoff limit: %+v", st.Conditions)
	}
	if st.Failed != 3 {
		t.Errorf("failed %d, want 3", st.Failed)
	}
}

// TestSimulatorRejectedWrite: a status write the API server rejects stays out of the stored
// Job and is in the timeline. A suspended Job that never started has no startTime; failing
// it writes Failed, which needs one.
func TestSimulatorRejectedWrite(t *testing.T) {
	j := jobtest.Make("queued", "default").Suspend(true).Obj()
	s, err := sim.NewSimulator(j, t0)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.RunFor(time.Minute); err != nil {
		t.Fatal(err)
	}
	stored := s.Job()
	stored.Status.Conditions = append(stored.Status.Conditions, job.JobCondition{Type: job.JobFailureTarget, Status: job.ConditionTrue, Reason: "DeadlineExceeded", Message: "set by hand"})
	res, err := sim.Sync(sim.Input{Job: stored, Now: s.Now()})
	if err != nil {
		t.Fatal(err)
	}
	rejected := 0
	for _, w := range res.Writes {
		if !w.Accepted() {
			rejected++
			if w.Rejected[0].Field != "status.startTime" {
				t.Errorf("rejected for %v", w.Rejected)
			}
		}
	}
	if rejected != 1 || res.Err == nil || !strings.Contains(res.Err.Error(), "startTime is required for finished job") {
		t.Fatalf("rejected %d writes, error %v", rejected, res.Err)
	}
	if condition(res.Status, job.JobFailed) != nil {
		t.Error("the rejected Failed condition is stored")
	}
	if err := validation.ValidateJobStatusUpdate(stored, stored, validation.Options{}); len(err) != 0 {
		t.Fatalf("the stored status is not valid itself: %v", err)
	}
}

// TestSimulatorInputErrors: nil arguments and events that select nothing are errors.
func TestSimulatorInputErrors(t *testing.T) {
	if _, err := sim.NewSimulator(nil, t0); err == nil || !strings.Contains(err.Error(), "nil") {
		t.Errorf("nil Job: %v", err)
	}
	bad := jobtest.Make("bad", "default").Parallelism(-1).Obj()
	if _, err := sim.NewSimulator(bad, t0); err == nil || !strings.Contains(err.Error(), "spec.parallelism") {
		t.Errorf("invalid Job: %v", err)
	}
	s, err := sim.NewSimulator(jobtest.Make("pi", "default").Obj(), t0)
	if err != nil {
		t.Fatal(err)
	}
	s.Schedule(sim.PodEvent{At: t0, Pod: sim.PodSelector{Created: 7}, Action: sim.Start})
	if err := s.RunFor(time.Minute); err == nil || !strings.Contains(err.Error(), "no such pod") {
		t.Errorf("an event for a pod that does not exist: %v", err)
	}
	if _, err := sim.Sync(sim.Input{}); err == nil || !strings.Contains(err.Error(), "Input.Job") {
		t.Errorf("Sync of no Job: %v", err)
	}
	if _, err := sim.Sync(sim.Input{Job: jobtest.Make("pi", "default").Obj(), Pods: []*policy.Pod{nil}}); err == nil || !strings.Contains(err.Error(), "Input.Pods[0]") {
		t.Errorf("Sync of a nil pod: %v", err)
	}
}

func t0Meta() metav1.Time { return metav1.NewTime(t0) }
