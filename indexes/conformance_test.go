package indexes_test

import (
	"errors"
	"fmt"
	"strings"
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
		for _, p := range answer(c) {
			t.Errorf("%s: %s", c.Input.ID, p)
		}
	}
	t.Logf("%d/%d index cases", len(cases), len(cases))
}

// TestCorpus answers every index case of the repository's judged corpus; known
// disagreements are listed in conformance/known-disagreements.txt.
func TestCorpus(t *testing.T) {
	cases := conformance.CorpusIndexes(t)
	found, problems := map[string]string{}, map[string]string{}
	for _, c := range cases {
		if p := answer(c); len(p) > 0 {
			found[c.Input.ID], problems[c.Input.ID] = "indexes", strings.Join(p, "; ")
		}
	}
	conformance.CheckKnown(t, "indexes.jsonl.gz", found, problems)
	t.Logf("corpus: %d index cases, %d known disagreements", len(cases), len(found))
}

// answer compares jobkit's reading of a case with the expected one, and returns what differs.
func answer(c conformance.IndexesCase) []string {
	var problems []string
	check := func(what string, want, got any) {
		if diff := cmp.Diff(want, got); diff != "" {
			if len(diff) > 400 {
				diff = diff[:400] + "…"
			}
			problems = append(problems, fmt.Sprintf("%s (-want +got):\n%s", what, diff))
		}
	}
	{
		in, want := c.Input, c.Expect
		completions := 0
		if in.Completions != nil {
			completions = *in.Completions
		}
		var read indexes.Intervals
		if in.Text != nil {
			read = indexes.ParseIntervals(*in.Text, completions)
			check("intervals", want.Intervals, pairs(read))
			check("formatted", want.Formatted, read.String())
			check("total", want.Total, read.Total())
			n, err := indexes.Validate(*in.Text, int(int32(completions)))
			check("valid", want.Valid, err == nil)
			var pe *indexes.ParseError
			if err != nil && errors.As(err, &pe) {
				check("validError", want.ValidError, pe.Reason())
			} else {
				check("validTotal", want.ValidTotal, n)
			}
			if set, err := indexes.Parse(*in.Text, int(int32(completions))); err == nil && set.Len() != n {
				problems = append(problems, fmt.Sprintf("Parse().Len() = %d, Validate = %d", set.Len(), n))
			}
		}
		if in.Failed != nil && in.Text != nil {
			got := ""
			if ix, ok := indexes.Overlap(*in.Text, *in.Failed, completions); ok {
				got = fmt.Sprintf("failedIndexes and completedIndexes overlap at index: %d", ix)
			}
			check("overlapError", *want.OverlapError, got)
		}
		if in.Indexes != nil {
			var add []int
			for _, ix := range in.Indexes {
				if in.Completions == nil || ix < completions {
					add = append(add, ix)
				}
			}
			merged := read.Merge(add)
			check("merged", *want.Merged, merged.String())
			check("mergedIntervals", want.MergedIntervals, pairs(merged))
			check("mergedTotal", want.MergedTotal, merged.Total())
		}
	}
	return problems
}

func pairs(l indexes.Intervals) [][2]int {
	out := [][2]int{}
	for _, iv := range l {
		out = append(out, [2]int{iv.First, iv.Last})
	}
	return out
}
