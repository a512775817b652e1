package oracle

import (
	"context"
	"encoding/json"
	"os"
	"testing"

	"k8s.io/klog/v2"
	jobregistry "k8s.io/kubernetes/pkg/registry/batch/job"
)

// The upstream side of jobkit's index benchmarks: the Job controller's own reading, writing
// and merging of the every-other workload (100000 completions, even indexes completed).
func BenchmarkUpstreamIndexes(b *testing.B) {
	const completions = 100000
	var evens, odds []int
	for i := 0; i < completions; i++ {
		if i%2 == 0 {
			evens = append(evens, i)
		} else {
			odds = append(odds, i)
		}
	}
	read := withOrderedIndexes(nil, evens)
	text := intervalsString(read)
	b.Run("every-other/parse", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			parseIndexesFromString(klog.Background(), text, completions)
		}
	})
	b.Run("every-other/format", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = intervalsString(read)
		}
	})
	b.Run("every-other/merge", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			withOrderedIndexes(read, odds)
		}
	})
}

// BenchmarkUpstreamSync runs the inputs of jobkit's sim benchmarks through upstream's
// controller as the oracle does: a freshly built controller over a fake clientset, one
// syncJob. decode is the part of it spent reading the JSON inputs, which the sim benchmarks
// do before the loop.
func BenchmarkUpstreamSync(b *testing.B) {
	for _, bi := range []struct{ name, file string }{
		{"10-pods", "../../sim/testdata/bench-10-pods.json"},
		{"1000-indexed-half-done", "../../sim/testdata/bench-1000-indexed.json"},
	} {
		data, err := os.ReadFile(bi.file)
		if err != nil {
			b.Fatal(err)
		}
		var in SyncInput
		if err := json.Unmarshal(data, &in); err != nil {
			b.Fatal(err)
		}
		b.Run(bi.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if out := Sync(in); out.Error != "" || out.Panic != "" || out.InputError != "" {
					b.Fatal(out.Error, out.Panic, out.InputError)
				}
			}
		})
		b.Run(bi.name+"/decode", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := decodeV1Job(in.Job); err != nil {
					b.Fatal(err)
				}
				for _, p := range in.Pods {
					if _, err := decodeV1Pod(p); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// BenchmarkUpstreamValidateJob is the upstream side of jobkit's validation benchmarks: the
// Job strategy's Validate of a decoded, defaulted and prepared Job, the step jobkit's
// ValidateJob stands for.
func BenchmarkUpstreamValidateJob(b *testing.B) {
	for _, bi := range []struct{ name, file string }{
		{"typical", "../../../shared/bench/typical-job.json"},
		{"full-pod", "../../validation/testdata/full-pod-job.json"},
	} {
		data, err := os.ReadFile(bi.file)
		if err != nil {
			b.Logf("%s: %v", bi.name, err)
			continue
		}
		j, _, err := decodeJob(data, true)
		if err != nil {
			b.Fatal(err)
		}
		ctx := requestContext(context.Background(), "create", j.Namespace, j.Name, "")
		j.UID, j.CreationTimestamp = FixedUID, FixedCreation
		jobregistry.Strategy.PrepareForCreate(ctx, j)
		b.Run(bi.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if errs := jobregistry.Strategy.Validate(ctx, j); len(errs) > 0 {
					b.Fatal(errs)
				}
			}
		})
	}
}
