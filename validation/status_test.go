package validation_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/job/jobtest"
	"github.com/jobkit/jobkit/validation"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

var (
	t0 = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	t1 = t0.Add(time.Minute)
)

func cond(t job.JobConditionType) job.JobCondition {
	return job.JobCondition{Type: t, Status: job.ConditionTrue, LastTransitionTime: metav1.NewTime(t1)}
}

func TestStatusUpdate(t *testing.T) {
	tests := []struct {
		name   string
		old    *jobtest.Wrapper
		update func(w *jobtest.Wrapper)
		want   field.ErrorList
	}{
		{name: "counters", old: mk(), update: func(w *jobtest.Wrapper) { w.Active(1).Ready(1).Terminating(0) }},
		{name: "negative counters", old: mk(), update: func(w *jobtest.Wrapper) { w.Active(-1).Succeeded(-1).Failed(-1).Ready(-1).Terminating(-1) },
			want: field.ErrorList{
				e(invalid, "status.active"), e(invalid, "status.succeeded"), e(invalid, "status.failed"),
				e(invalid, "status.ready"), e(invalid, "status.terminating"),
				e(invalid, "status.failed"), e(invalid, "status.succeeded"),
			}},
		{name: "uncounted pods", old: mk(), update: func(w *jobtest.Wrapper) {
			w.UncountedTerminatedPods([]types.UID{"a", "", "a"}, []types.UID{"a", "b"})
		}, want: field.ErrorList{
			e(invalid, "status.uncountedTerminatedPods.succeeded[1]"),
			e(duplicate, "status.uncountedTerminatedPods.succeeded[2]"),
			e(duplicate, "status.uncountedTerminatedPods.failed[0]"),
		}},
		{name: "Complete alone", old: mk(), update: func(w *jobtest.Wrapper) { w.Condition(cond(job.JobComplete)) },
			want: field.ErrorList{e(required, "status.completionTime"), e(invalid, "status.conditions"), e(required, "status.startTime")}},
		{name: "Complete done right", old: mk().StartTime(t0), update: func(w *jobtest.Wrapper) {
			w.Condition(cond(job.JobSuccessCriteriaMet)).Condition(cond(job.JobComplete)).CompletionTime(t1).Succeeded(1)
		}},
		{name: "Failed without FailureTarget", old: mk(), update: func(w *jobtest.Wrapper) { w.Condition(cond(job.JobFailed)) },
			want: field.ErrorList{e(invalid, "status.conditions"), e(required, "status.startTime")}},
		{name: "completion before start", old: mk().StartTime(t1), update: func(w *jobtest.Wrapper) {
			w.Condition(cond(job.JobSuccessCriteriaMet)).Condition(cond(job.JobComplete)).CompletionTime(t0)
		}, want: field.ErrorList{e(invalid, "status.completionTime")}},
		{name: "start time of an unsuspended Job", old: mk().StartTime(t0), update: func(w *jobtest.Wrapper) { w.StartTime(t1) },
			want: field.ErrorList{e(invalid, "status.startTime")}},
		{name: "terminal conditions cannot be disabled", old: mk().StartTime(t0).Condition(cond(job.JobFailureTarget)), update: func(w *jobtest.Wrapper) {
			w.Status.Conditions = nil
		}, want: field.ErrorList{e(invalid, "status.conditions")}},
		{name: "completedIndexes of a NonIndexed Job", old: mk(), update: func(w *jobtest.Wrapper) { w.CompletedIndexes("0") },
			want: field.ErrorList{e(invalid, "status.completedIndexes")}},
		{name: "index lists", old: mk().Indexed(10).BackoffLimitPerIndex(1), update: func(w *jobtest.Wrapper) {
			w.CompletedIndexes("0-2,1").FailedIndexes("4,12")
		}, want: field.ErrorList{e(invalid, "status.completedIndexes"), e(invalid, "status.failedIndexes")}},
		{name: "overlapping index lists", old: mk().Indexed(10).BackoffLimitPerIndex(1), update: func(w *jobtest.Wrapper) {
			w.CompletedIndexes("0-3").FailedIndexes("3,5")
		}, want: field.ErrorList{e(invalid, "status.failedIndexes")}},
		{name: "failedIndexes without a per-index limit", old: mk().Indexed(10), update: func(w *jobtest.Wrapper) { w.FailedIndexes("") },
			want: field.ErrorList{e(invalid, "status.failedIndexes")}},
		{name: "unchanged bad fields are tolerated", old: mk().Indexed(10).BackoffLimitPerIndex(1).CompletedIndexes("x"), update: func(w *jobtest.Wrapper) {
			w.Active(2)
		}},
		{name: "more ready than active", old: mk(), update: func(w *jobtest.Wrapper) { w.Active(1).Ready(2) },
			want: field.ErrorList{e(invalid, "status.ready")}},
		{name: "decreasing counters", old: mk().Succeeded(3).Failed(2), update: func(w *jobtest.Wrapper) { w.Succeeded(1).Failed(1) },
			want: field.ErrorList{e(invalid, "status.failed"), e(invalid, "status.succeeded")}},
		{name: "elastic Indexed Jobs may decrease succeeded", old: mk().Indexed(4).Parallelism(4).Succeeded(3), update: func(w *jobtest.Wrapper) { w.Succeeded(1) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old := tt.old.Obj()
			old.ResourceVersion = "1"
			w := &jobtest.Wrapper{Job: *old.DeepCopy()}
			tt.update(w)
			j := w.Obj()
			job.PrepareForStatusUpdate(j, old)
			got := validation.ValidateJobStatusUpdate(j, old, validation.Options{})
			if diff := cmp.Diff(tt.want, got, jobtest.CompareErrors()); diff != "" {
				t.Fatalf("errors (-want +got):\n%s\n%v", diff, got)
			}
		})
	}
}
