package indexes_test

import (
	"github.com/jobkit/jobkit/internal/race"
	"strconv"
	"strings"
	"testing"

	"github.com/jobkit/jobkit/indexes"
)

// The workloads of ../shared/bench/README.md: 100000 completions with every other index
// completed (50000 intervals), and the single interval 0-99999.
const benchCompletions = 100000

func everyOther() string {
	var b strings.Builder
	for i := 0; i < benchCompletions; i += 2 {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Itoa(i))
	}
	return b.String()
}

func BenchmarkIndexes(b *testing.B) {
	workloads := []struct{ name, text string }{
		{"every-other", everyOther()},
		{"contiguous", "0-99999"},
	}
	for _, w := range workloads {
		set := indexes.MustParse(w.text)
		b.Run(w.name+"/parse", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(w.text)))
			for b.Loop() {
				indexes.ParseTolerant(w.text, benchCompletions)
			}
		})
		b.Run(w.name+"/strict-parse", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := indexes.Parse(w.text, benchCompletions); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(w.name+"/format", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = set.String()
			}
		})
		b.Run(w.name+"/validate", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := indexes.Validate(w.text, benchCompletions); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(w.name+"/split-on-comma", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				splitParse(w.text, benchCompletions)
			}
		})
		intervals := set.Intervals()
		b.Run(w.name+"/builder-format", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				builderFormat(intervals)
			}
		})
		b.Run(w.name+"/has", func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				set.Has(i % benchCompletions)
			}
		})
	}
	evens := indexes.MustParse(everyOther())
	odds := make([]int, 0, benchCompletions/2)
	for i := 1; i < benchCompletions; i += 2 {
		odds = append(odds, i)
	}
	read := indexes.ParseIntervals(everyOther(), benchCompletions)
	b.Run("every-other/merge", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			read.Merge(odds)
		}
	})
	oddSet := indexes.FromSlice(odds)
	b.Run("every-other/union", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			evens.Union(oddSet)
		}
	})
	b.Run("every-other/intersect-len", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			evens.IntersectLen(oddSet)
		}
	})
}

// splitParse is the straightforward parser, splitting strings the way the Job controller
// does, kept as the baseline the benchmarks compare against.
func splitParse(s string, completions int) [][2]int {
	var out [][2]int
	for _, frag := range strings.Split(s, ",") {
		parts := strings.Split(frag, "-")
		first, err := strconv.Atoi(parts[0])
		if err != nil || first >= completions {
			continue
		}
		last := first
		if len(parts) > 1 {
			if last, err = strconv.Atoi(parts[1]); err != nil {
				continue
			}
		}
		out = append(out, [2]int{first, last})
	}
	return out
}

// builderFormat is the straightforward writer, a strings.Builder fed by strconv.Itoa, kept as
// the baseline for format.
func builderFormat(l indexes.Intervals) string {
	var b strings.Builder
	for _, iv := range l {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Itoa(iv.First))
		if iv.Last > iv.First {
			if iv.Last == iv.First+1 {
				b.WriteByte(',')
			} else {
				b.WriteByte('-')
			}
			b.WriteString(strconv.Itoa(iv.Last))
		}
	}
	return b.String()
}

func TestAllocations(t *testing.T) {
	if race.Enabled {
		t.Skip("the race detector changes allocation counts")
	}
	text := everyOther()
	set := indexes.MustParse(text)
	other := indexes.MustParse("1-99")
	tests := []struct {
		name string
		max  float64
		f    func()
	}{
		{"Validate", 0, func() { _, _ = indexes.Validate(text, benchCompletions) }},
		{"Parse", 1, func() { _, _ = indexes.Parse(text, benchCompletions) }},
		{"ParseTolerant", 1, func() { indexes.ParseTolerant(text, benchCompletions) }},
		{"ParseTolerant of nothing", 0, func() { indexes.ParseTolerant("", benchCompletions) }},
		{"Parse of nothing", 0, func() { _, _ = indexes.Parse("", benchCompletions) }},
		{"String", 1, func() { _ = set.String() }},
		{"Has", 0, func() { set.Has(777) }},
		{"IntersectLen", 0, func() { set.IntersectLen(other) }},
		{"Overlap", 0, func() { indexes.Overlap(text, "1-7", benchCompletions) }},
	}
	for _, tt := range tests {
		if got := testing.AllocsPerRun(20, tt.f); got > tt.max {
			t.Errorf("%s: %v allocations, want at most %v", tt.name, got, tt.max)
		}
	}
}
