package validation_test

import (
	"encoding/json"
	"github.com/jobkit/jobkit/internal/race"
	"os"
	"testing"

	"github.com/jobkit/jobkit/internal/conformance"
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/job/jobtest"
	"github.com/jobkit/jobkit/validation"
)

// createTypical runs the typical Job of ../shared/bench through the API server's create
// path: decode, default, prepare.
func createTypical(tb testing.TB, data []byte) *job.Job {
	j, _, err := job.Decode(data, job.DecodeOptions{})
	if err != nil {
		tb.Fatal(err)
	}
	job.SetDefaults(j)
	job.SetSystemFields(j, systemFields)
	job.PrepareForCreate(j, nil)
	return j
}

// fullPod is testdata/full-pod-job.json through the create path: a valid Job whose pod
// template sets most members of core/v1's PodSpec.
func fullPod(tb testing.TB) *job.Job {
	data, err := os.ReadFile("testdata/full-pod-job.json")
	if err != nil {
		tb.Fatal(err)
	}
	return createTypical(tb, data)
}

// indexed20Rules is a valid Indexed Job with the 20-rule pod failure policy of
// ../shared/bench.
func indexed20Rules(tb testing.TB) *job.Job {
	var policy job.PodFailurePolicy
	if err := json.Unmarshal(conformance.BenchInput(tb, "policy-20-rules.json"), &policy); err != nil {
		tb.Fatal(err)
	}
	j := jobtest.Make("indexed", "default").Indexed(100).Parallelism(10).BackoffLimitPerIndex(2).Obj()
	j.Spec.PodFailurePolicy = &policy
	j.Spec.PodReplacementPolicy = new(job.Failed)
	return j
}

func BenchmarkCreatePipeline(b *testing.B) {
	data := conformance.BenchInput(b, "typical-job.json")
	b.Run("typical", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if errs := validation.ValidateJob(createTypical(b, data), validation.Options{}); len(errs) > 0 {
				b.Fatal(errs)
			}
		}
	})
}

func BenchmarkValidateJob(b *testing.B) {
	jobs := []struct {
		name string
		job  *job.Job
	}{
		{"typical", createTypical(b, conformance.BenchInput(b, "typical-job.json"))},
		{"plain", jobtest.Make("pi", "default").Obj()},
		{"indexed-20-rules", indexed20Rules(b)},
		{"full-pod", fullPod(b)},
	}
	for _, j := range jobs {
		b.Run(j.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if errs := validation.ValidateJob(j.job, validation.Options{}); len(errs) > 0 {
					b.Fatal(errs)
				}
			}
		})
	}
}

// parallelismUpdate returns the prepared typical Job and an update of it that changes
// parallelism to 4.
func parallelismUpdate(tb testing.TB) (updated, old *job.Job) {
	old = createTypical(tb, conformance.BenchInput(tb, "typical-job.json"))
	old.ResourceVersion = "1"
	updated = old.DeepCopy()
	updated.Spec.Parallelism = new(int32(4))
	job.PrepareForUpdate(updated, old, nil)
	return updated, old
}

func BenchmarkValidateJobUpdate(b *testing.B) {
	updated, old := parallelismUpdate(b)
	b.Run("parallelism", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if errs := validation.ValidateJobUpdate(updated, old, validation.Options{}); len(errs) > 0 {
				b.Fatal(errs)
			}
		}
	})
}

// TestValidJobsDoNotAllocate pins the allocation-free valid path.
func TestValidJobsDoNotAllocate(t *testing.T) {
	if race.Enabled {
		t.Skip("the race detector changes allocation counts")
	}
	typical := createTypical(t, conformance.BenchInput(t, "typical-job.json"))
	indexed := indexed20Rules(t)
	full := fullPod(t)
	updated, old := parallelismUpdate(t)
	statusOld := jobtest.Make("pi", "default").Active(1).Obj()
	statusOld.ResourceVersion = "1"
	statusNew := statusOld.DeepCopy()
	statusNew.Status.Ready = new(int32(1))
	tests := []struct {
		name string
		f    func() int
	}{
		{"ValidateJob typical", func() int { return len(validation.ValidateJob(typical, validation.Options{})) }},
		{"ValidateJob indexed with 20 rules", func() int { return len(validation.ValidateJob(indexed, validation.Options{})) }},
		{"ValidateJob of a full pod template", func() int { return len(validation.ValidateJob(full, validation.Options{})) }},
		{"ValidateJobUpdate", func() int { return len(validation.ValidateJobUpdate(updated, old, validation.Options{})) }},
		{"ValidateJobStatusUpdate", func() int {
			return len(validation.ValidateJobStatusUpdate(statusNew, statusOld, validation.Options{}))
		}},
	}
	for _, tt := range tests {
		if n := tt.f(); n != 0 {
			t.Fatalf("%s: %d errors on a valid Job", tt.name, n)
		}
		if allocs := testing.AllocsPerRun(100, func() { tt.f() }); allocs != 0 {
			t.Errorf("%s: %v allocations, want 0", tt.name, allocs)
		}
	}
}
