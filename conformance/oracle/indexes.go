package oracle

import (
	"slices"

	"k8s.io/klog/v2"
	"k8s.io/utils/ptr"
)

// Indexes judges how the Job controller reads, writes and merges an index string, and how the
// API server checks it.
func Indexes(in IndexesInput) IndexesExpect {
	out := IndexesExpect{ID: in.ID}
	completions := ptr.Deref(in.Completions, 0)
	var read orderedIntervals
	if in.Text != nil {
		read = parseIndexesFromString(klog.Background(), *in.Text, completions)
		out.Intervals = pairs(read)
		out.Formatted = ptr.To(intervalsString(read))
		out.Total = ptr.To(intervalsTotal(read))
		total, err := validateIndexesFormat(*in.Text, int32(completions))
		out.Valid = ptr.To(err == nil)
		if err != nil {
			out.ValidError = err.Error()
		} else {
			out.ValidTotal = ptr.To(int(total))
		}
		if in.Failed != nil {
			msg := ""
			if err := validateFailedIndexesNotOverlapCompleted(*in.Text, *in.Failed, int32(completions)); err != nil {
				msg = err.Error()
			}
			out.OverlapError = &msg
		}
	}
	if in.Indexes != nil {
		merged := withOrderedIndexes(read, newIndexes(in.Indexes, in.Completions))
		out.Merged = ptr.To(intervalsString(merged))
		out.MergedIntervals = pairs(merged)
		out.MergedTotal = ptr.To(intervalsTotal(merged))
	}
	return out
}

// newIndexes is what the controller passes on of the indexes of newly succeeded pods: valid
// indexes below completions, each once, in increasing order.
func newIndexes(indexes []int, completions *int) []int {
	var out []int
	for _, ix := range indexes {
		if ix >= 0 && (completions == nil || ix < *completions) {
			out = append(out, ix)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func pairs(oi orderedIntervals) [][2]int {
	out := make([][2]int, 0, len(oi))
	for _, iv := range oi {
		out = append(out, [2]int{iv.First, iv.Last})
	}
	return out
}
