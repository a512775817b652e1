package indexes_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jobkit/jobkit/indexes"
	"github.com/jobkit/jobkit/internal/conformance"
)

// TestConformance answers every case of indexes.jsonl: the controller's reading, its
// writing and its merge, the API server's check and its overlap check.
func TestConformance(t *testing.T) {
	cases := conformance.IndexesCases(t)
	for _, c := range cases {
		in, want := c.Input, c.Expect
		completions := 0
		if in.Completions != nil {
			completions = *in.Completions
		}
		var read indexes.Intervals
		if in.Text != nil {
			read = indexes.ParseIntervals(*in.Text, completions)
			check(t, in.ID, "intervals", want.Intervals, pairs(read))
			check(t, in.ID, "formatted", want.Formatted, read.String())
			check(t, in.ID, "total", want.Total, read.Total())
			n, err := indexes.Validate(*in.Text, int(int32(completions)))
			check(t, in.ID, "valid", want.Valid, err == nil)
			var pe *indexes.ParseError
			if err != nil && errors.As(err, &pe) {
				check(t, in.ID, "validError", want.ValidError, pe.Reason())
			} else {
				check(t, in.ID, "validTotal", want.ValidTotal, n)
			}
			if set, err := indexes.Parse(*in.Text, int(int32(completions))); err == nil && set.Len() != n {
				t.Errorf("%s: Parse().Len() = %d, Validate = %d", in.ID, set.Len(), n)
			}
		}
		if in.Failed != nil && in.Text != nil {
			got := ""
			if ix, ok := indexes.Overlap(*in.Text, *in.Failed, completions); ok {
				got = fmt.Sprintf("failedIndexes and completedIndexes overlap at index: %d", ix)
			}
			check(t, in.ID, "overlapError", *want.OverlapError, got)
		}
		if in.Indexes != nil {
			var add []int
			for _, ix := range in.Indexes {
				if in.Completions == nil || ix < completions {
					add = append(add, ix)
				}
			}
			merged := read.Merge(add)
			check(t, in.ID, "merged", *want.Merged, merged.String())
			check(t, in.ID, "mergedIntervals", want.MergedIntervals, pairs(merged))
			check(t, in.ID, "mergedTotal", want.MergedTotal, merged.Total())
		}
	}
	t.Logf("%d/%d index cases", len(cases), len(cases))
}

func pairs(l indexes.Intervals) [][2]int {
	out := [][2]int{}
	for _, iv := range l {
		out = append(out, [2]int{iv.First, iv.Last})
	}
	return out
}

func check[T any](t *testing.T, id, what string, want, got T) {
	t.Helper()
	if diff := cmp.Diff(want, got); diff != "" {
		s := diff
		if len(s) > 400 {
			s = s[:400] + "…"
		}
		t.Errorf("%s: %s (-want +got):\n%s", id, what, s)
	}
}
