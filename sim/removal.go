package sim

import (
	"sort"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/policy"
)

// firstPendingIndexes returns the lowest count indexes below completions that are not
// succeeded, active, failed or, when only failed pods are replaced, terminating.
func (s *syncer) firstPendingIndexes(count int) []int {
	if count == 0 {
		return nil
	}
	completions := int(*s.j.Spec.Completions)
	taken := s.succeededIdx.Merge(indexesOf(s.active))
	if onlyReplaceFailed(s.j) {
		var terminating []*policy.Pod
		for _, p := range s.pods {
			if policy.IsTerminating(p) {
				terminating = append(terminating, p)
			}
		}
		taken = taken.Merge(indexesOf(terminating))
	}
	if s.failedIdx != nil {
		taken = taken.MergeIntervals(*s.failedIdx)
	}
	out := make([]int, 0, count)
	candidate := 0
	for _, iv := range taken {
		for ; candidate < completions && len(out) < count && candidate < iv.First; candidate++ {
			out = append(out, candidate)
		}
		candidate = max(candidate, iv.Last+1)
	}
	for ; candidate < completions && len(out) < count; candidate++ {
		out = append(out, candidate)
	}
	return out
}

// indexesOf returns the known completion indexes of pods.
func indexesOf(pods []*policy.Pod) []int {
	var ix []int
	for _, p := range pods {
		if i := policy.CompletionIndex(p); i >= 0 {
			ix = append(ix, i)
		}
	}
	return ix
}

// podsForRemoval returns the active pods to delete, at least n: for Indexed Jobs, first those
// without an index or with one beyond completions, and all but one of each repeated index;
// then the surplus, in the controller's order of deletion (ActivePods).
func podsForRemoval(j *job.Job, active []*policy.Pod, n int) []*policy.Pod {
	var rm, left []*policy.Pod
	if j.Spec.CompletionMode != nil && *j.Spec.CompletionMode == job.IndexedCompletion {
		rm, left = repeatedIndexes(active, int(*j.Spec.Completions))
	} else {
		left = active
	}
	if len(rm) < n {
		sort.Sort(byDeletion(left))
		rm = append(rm, left[:n-len(rm)]...)
	}
	return rm
}

// repeatedIndexes splits active pods, sorting them by completion index: those to remove
// (no index, an index beyond completions, all but the last in deletion order of each
// repeated index) and those to keep.
func repeatedIndexes(pods []*policy.Pod, completions int) (rm, left []*policy.Pod) {
	pods = append([]*policy.Pod(nil), pods...)
	sort.Sort(byCompletionIndex(pods))
	last, first, looped := -1, 0, 0
	for i, p := range pods {
		ix := policy.CompletionIndex(p)
		if ix >= completions {
			rm = append(rm, pods[i:]...)
			break
		}
		if ix != last {
			rm, left = sameIndex(rm, left, pods[first:i], last)
			first, last = i, ix
		}
		looped++
	}
	return sameIndex(rm, left, pods[first:looped], last)
}

// sameIndex sorts the pods of one index out: all are removed when the index is unknown;
// otherwise the last in deletion order is kept.
func sameIndex(rm, left, pods []*policy.Pod, ix int) ([]*policy.Pod, []*policy.Pod) {
	switch {
	case ix < 0:
		return append(rm, pods...), left
	case len(pods) == 1:
		return rm, append(left, pods[0])
	}
	sort.Sort(byDeletion(pods))
	return append(rm, pods[:len(pods)-1]...), append(left, pods[len(pods)-1])
}

// byCompletionIndex orders pods by completion index, unknown first.
type byCompletionIndex []*policy.Pod

func (b byCompletionIndex) Len() int      { return len(b) }
func (b byCompletionIndex) Swap(i, k int) { b[i], b[k] = b[k], b[i] }
func (b byCompletionIndex) Less(i, k int) bool {
	return policy.CompletionIndex(b[i]) < policy.CompletionIndex(b[k])
}
