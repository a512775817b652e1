package policy_test

import (
	"testing"
	"time"

	"github.com/jobkit/jobkit/indexes"
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/policy"
)

// TestNilArguments calls every exported function of the package that takes a pointer with
// nil: none panics.
func TestNilArguments(t *testing.T) {
	j := &job.Job{}
	for _, tt := range []struct {
		name string
		call func()
	}{
		{"MatchPodFailure", func() { policy.MatchPodFailure(nil, nil) }},
		{"ExplainPodFailure", func() { policy.ExplainPodFailure(nil, nil) }},
		{"ExceedsBackoffLimit", func() { policy.ExceedsBackoffLimit(nil, 1, 1) }},
		{"Restarts", func() { policy.Restarts([]*policy.Pod{nil}) }},
		{"ExceedsMaxFailedIndexes", func() { policy.ExceedsMaxFailedIndexes(nil, indexes.Set{}) }},
		{"FailedByIndexes", func() { policy.FailedByIndexes(nil, indexes.Set{}, indexes.Set{}) }},
		{"CompletionsReached", func() { policy.CompletionsReached(nil, 1, 0) }},
		{"DeadlineExceeded", func() { policy.DeadlineExceeded(nil, time.Now()) }},
		{"TTLExpiry", func() { policy.TTLExpiry(nil) }},
		{"IsFinished", func() { policy.IsFinished(nil) }},
		{"FinishedCondition", func() { policy.FinishedCondition(nil) }},
		{"IsSuspended", func() { policy.IsSuspended(nil) }},
		{"Condition", func() { policy.Condition(nil, job.JobComplete) }},
		{"ConditionTrue", func() { policy.ConditionTrue(nil, job.JobComplete) }},
		{"IsManagedExternally", func() { policy.IsManagedExternally(nil) }},
		{"CompletionIndex", func() { policy.CompletionIndex(nil) }},
		{"IndexFailureCount", func() { policy.IndexFailureCount(nil) }},
		{"IndexIgnoredFailureCount", func() { policy.IndexIgnoredFailureCount(nil) }},
		{"FailsIndex(nil, nil)", func() { policy.FailsIndex(nil, nil) }},
		{"FailsIndex(j, nil)", func() { policy.FailsIndex(j, nil) }},
		{"IsTerminal", func() { policy.IsTerminal(nil) }},
		{"IsActive", func() { policy.IsActive(nil) }},
		{"IsReady", func() { policy.IsReady(nil) }},
		{"IsTerminating", func() { policy.IsTerminating(nil) }},
		{"IsSucceeded", func() { policy.IsSucceeded(nil) }},
		{"IsFailed", func() { policy.IsFailed(nil, nil) }},
		{"FinishTime", func() { policy.FinishTime(nil) }},
		{"SucceededBy", func() { policy.SucceededBy(nil, 3, indexes.Set{}) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("panic: %v", r)
				}
			}()
			tt.call()
		})
	}
}
