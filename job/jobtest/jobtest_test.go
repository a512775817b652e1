package jobtest_test

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/job/jobtest"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// TestMakeIsPrepared checks that Make's Job is what the API server stores: defaulting and
// create preparation change nothing.
func TestMakeIsPrepared(t *testing.T) {
	for _, w := range []*jobtest.Wrapper{
		jobtest.Make("pi", "default"),
		jobtest.Make("idx", "ns").Indexed(5).Parallelism(2).BackoffLimitPerIndex(1).MaxFailedIndexes(2),
		jobtest.Make("pfp", "ns").OnExitCodes(job.PodFailurePolicyActionFailJob, job.PodFailurePolicyOnExitCodesOpIn, 42).
			OnPodCondition(job.PodFailurePolicyActionIgnore, job.DisruptionTarget),
	} {
		want := w.Clone().Obj()
		got := w.Obj()
		job.SetDefaults(got)
		job.PrepareForCreate(got, nil)
		if diff := cmp.Diff(want, got, jobtest.EquateJobs()); diff != "" {
			t.Errorf("%s: defaulting and preparation changed the fixture (-want +got):\n%s", want.Name, diff)
		}
	}
}

func TestSetters(t *testing.T) {
	j := jobtest.Make("pi", "ns").Request(job.ResourceCPU, "500m").Limit(job.ResourceMemory, "1Gi").
		Sidecar("proxy", "envoy").Suspend(true).BackoffLimitPerIndex(0).Obj()
	if q := j.Spec.Template.Spec.Containers[0].Resources.Requests[job.ResourceCPU]; q.String() != "500m" {
		t.Errorf("cpu request = %s", q.String())
	}
	if p := j.Spec.Template.Spec.InitContainers[0].RestartPolicy; p == nil || *p != job.ContainerRestartPolicyAlways {
		t.Errorf("sidecar restartPolicy = %v", p)
	}
	if *j.Spec.BackoffLimit != 2147483647 {
		t.Errorf("backoffLimit = %d, want the per-index default", *j.Spec.BackoffLimit)
	}
	clone := jobtest.Make("pi", "ns").Clone().Label("a", "b")
	if _, ok := jobtest.Make("pi", "ns").Labels["a"]; ok || clone.Labels["a"] != "b" {
		t.Error("Clone must not share maps")
	}
}

func TestCompareErrors(t *testing.T) {
	want := field.ErrorList{field.Invalid(field.NewPath("spec", "parallelism"), nil, "")}
	got := field.ErrorList{field.Invalid(field.NewPath("spec", "parallelism"), int32(-1), "must be greater than or equal to 0")}
	if diff := cmp.Diff(want, got, jobtest.CompareErrors()); diff != "" {
		t.Fatalf("errors that differ only in value and detail compare unequal:\n%s", diff)
	}
	got[0].Type = field.ErrorTypeRequired
	if cmp.Equal(want, got, jobtest.CompareErrors()) {
		t.Fatal("errors of different types compare equal")
	}
}

func ExampleMake() {
	j := jobtest.Make("render", "media").
		Indexed(10).
		Parallelism(3).
		BackoffLimitPerIndex(1).
		OnPodCondition(job.PodFailurePolicyActionIgnore, job.DisruptionTarget).
		Request(job.ResourceCPU, "2").
		Obj()
	fmt.Println(j.Name, *j.Spec.CompletionMode, *j.Spec.Completions, *j.Spec.Parallelism)
	fmt.Println(j.Spec.Selector.MatchLabels)
	fmt.Println(*j.Spec.PodReplacementPolicy, j.Spec.Template.Spec.RestartPolicy)
	// Output:
	// render Indexed 10 3
	// map[batch.kubernetes.io/controller-uid:af493211-5073-c0d7-4b06-605ecfe10efc]
	// Failed Never
}

func TestSimulatedStatuses(t *testing.T) {
	complete := jobtest.Make("pi", "ns").Clone().Completed(t).Obj()
	if c := complete.Status.Conditions; len(c) != 2 || c[1].Type != job.JobComplete || complete.Status.Succeeded != 1 {
		t.Errorf("Completed: %+v", complete.Status)
	}
	failed := jobtest.Make("pi", "ns").BackoffLimit(1).FailedFor(t, "BackoffLimitExceeded").Obj()
	if c := failed.Status.Conditions; len(c) != 2 || c[1].Type != job.JobFailed || c[1].Reason != "BackoffLimitExceeded" {
		t.Errorf("FailedFor: %+v", failed.Status)
	}
	if st := jobtest.Make("pi", "ns").Parallelism(3).Completions(3).Running(t, 2).Obj().Status; st.Active != 3 || st.Ready == nil || *st.Ready != 2 {
		t.Errorf("Running: %+v", st)
	}
	indexed := jobtest.Make("pi", "ns").Indexed(4).Parallelism(4).IndexesDone(t, "0,2", "").Obj()
	if indexed.Status.CompletedIndexes != "0,2" || indexed.Status.Succeeded != 2 {
		t.Errorf("IndexesDone: %+v", indexed.Status)
	}
}

func TestErrorMatcher(t *testing.T) {
	want := field.ErrorList{field.Invalid(field.NewPath("spec", "parallelism"), nil, "")}
	got := field.ErrorList{field.Invalid(field.NewPath("spec", "parallelism"), int32(-1), "must be greater than or equal to 0")}
	jobtest.ErrorMatcher().Test(t, want, got)
	if jobtest.ErrorMatcher().Matches(want[0], field.Required(field.NewPath("spec", "parallelism"), "")) {
		t.Error("a Required error matches an Invalid one")
	}
}
