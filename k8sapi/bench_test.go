package k8sapi_test

import (
	"encoding/json"
	"testing"

	"github.com/jobkit/jobkit/internal/conformance"
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/k8sapi"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
)

// typical is the typical Job of the benchmarks, defaulted as a stored Job is.
func typical(b *testing.B) *job.Job {
	j, _, err := job.Decode(conformance.BenchInput(b, "typical-job.json"), job.DecodeOptions{})
	if err != nil {
		b.Fatal(err)
	}
	job.SetDefaults(j)
	return j
}

func BenchmarkConvert(b *testing.B) {
	kit := typical(b)
	api := k8sapi.ToBatchV1(kit)
	b.Run("typical/ToBatchV1", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			k8sapi.ToBatchV1(kit)
		}
	})
	b.Run("typical/FromBatchV1", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			k8sapi.FromBatchV1(api)
		}
	})
	// The way without this module: through JSON.
	b.Run("typical/ToBatchV1-via-JSON", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			data, _ := json.Marshal(kit)
			var out batchv1.Job
			_ = json.Unmarshal(data, &out)
		}
	})
	var pod corev1.Pod
	if err := json.Unmarshal(conformance.BenchInput(b, "pod-match-last.json"), &pod); err != nil {
		b.Fatal(err)
	}
	b.Run("pod/FromCoreV1Pod", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			k8sapi.FromCoreV1Pod(&pod)
		}
	})
}
