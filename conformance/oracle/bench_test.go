package oracle

import (
	"testing"

	"k8s.io/klog/v2"
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
