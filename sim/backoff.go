package sim

import (
	"sort"
	"time"

	"github.com/jobkit/jobkit/policy"
)

// newBackoffRecord is the failure record after the newly finished pods: failures since the
// last success, and the time of the last failure, by the pods' finish times.
func newBackoffRecord(old Backoff, succeeded, failed []*policy.Pod) Backoff {
	sortByFinishTime(succeeded)
	sortByFinishTime(failed)
	b := old
	switch {
	case len(succeeded) == 0 && len(failed) == 0:
		return b
	case len(succeeded) == 0:
		t := policy.FinishTime(failed[len(failed)-1])
		b.FailuresAfterLastSuccess += int32(len(failed))
		b.LastFailureTime = &t
		return b
	}
	b = Backoff{}
	lastSuccess := policy.FinishTime(succeeded[len(succeeded)-1])
	for i := len(failed) - 1; i >= 0; i-- {
		t := policy.FinishTime(failed[i])
		if !t.After(lastSuccess) {
			break
		}
		if b.LastFailureTime == nil {
			b.LastFailureTime = &t
		}
		b.FailuresAfterLastSuccess++
	}
	return b
}

// sortByFinishTime orders pods by finish time, as the controller sorts them (not stably).
func sortByFinishTime(pods []*policy.Pod) {
	sort.Slice(pods, func(i, k int) bool { return policy.FinishTime(pods[i]).Before(policy.FinishTime(pods[k])) })
}

// remaining is the time left at now in the backoff of a failure record.
func remaining(b Backoff, now time.Time) time.Duration {
	if b.FailuresAfterLastSuccess == 0 || b.LastFailureTime == nil {
		return 0
	}
	return policy.RemainingBackoff(int(b.FailuresAfterLastSuccess), *b.LastFailureTime, now)
}

// indexesReady keeps the indexes whose own backoff has passed: each index backs off from its
// last failed pod, by that pod's failures plus one. When none is ready it returns the
// shortest time left.
func (s *syncer) indexesReady(toCreate []int) ([]int, time.Duration) {
	var ready []int
	least := time.Duration(-1)
	for _, ix := range toCreate {
		var left time.Duration
		if p := s.delayed[ix]; p != nil {
			left = policy.RemainingBackoff(int(absoluteFailureCount(p))+1, policy.FinishTime(p), s.in.Now)
		}
		if left == 0 {
			ready = append(ready, ix)
		} else if least < 0 || left < least {
			least = left
		}
	}
	if len(ready) > 0 {
		return ready, 0
	}
	return nil, max(least, 0)
}
