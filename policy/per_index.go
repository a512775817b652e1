package policy

import (
	"math"
	"strconv"

	"github.com/jobkit/jobkit/job"
)

// Completion indexes and per-index failure counts of pods, as
// the controller reads them for backoffLimitPerIndex.

// CompletionIndex returns the pod's completion index, from its
// batch.kubernetes.io/job-completion-index annotation, or -1 when the annotation is
// missing, not a decimal integer, or negative, and for a nil pod.
func CompletionIndex(p *Pod) int {
	if p == nil {
		return -1
	}
	v, ok := p.Annotations[job.JobCompletionIndexAnnotation]
	if !ok {
		return -1
	}
	i, err := strconv.Atoi(v)
	if err != nil || i < 0 {
		return -1
	}
	return i
}

// IndexFailureCount returns the counted failures of the pod's index before this pod, from
// the batch.kubernetes.io/job-index-failure-count annotation: 0 when it is missing, not
// an integer, negative or above 2147483647, and for a nil pod.
func IndexFailureCount(p *Pod) int32 {
	return annotationCount(p, job.JobIndexFailureCountAnnotation)
}

// IndexIgnoredFailureCount returns the failures of the pod's index that the pod failure
// policy ignored, from the batch.kubernetes.io/job-index-ignored-failure-count annotation,
// read like IndexFailureCount.
func IndexIgnoredFailureCount(p *Pod) int32 {
	return annotationCount(p, job.JobIndexIgnoredFailureCountAnnotation)
}

func annotationCount(p *Pod, key string) int32 {
	if p == nil {
		return 0
	}
	v, ok := p.Annotations[key]
	if !ok {
		return 0
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 || n > math.MaxInt32 {
		return 0
	}
	return int32(n)
}

// FailsIndex reports whether a pod of a Job with backoffLimitPerIndex fails its index: the
// pod has failed (IsFailed) and either the pod failure policy says FailIndex, or the
// failure counts and the index had already failed backoffLimitPerIndex times. For Jobs
// without backoffLimitPerIndex, a nil Job or a nil pod, it reports false.
func FailsIndex(j *job.Job, p *Pod) bool {
	if j == nil || p == nil {
		return false
	}
	s := &j.Spec
	if s.BackoffLimitPerIndex == nil || !IsFailed(p, s.PodReplacementPolicy) {
		return false
	}
	counted := true
	if s.PodFailurePolicy != nil {
		m := MatchPodFailure(s.PodFailurePolicy, p)
		if m.Action == job.PodFailurePolicyActionFailIndex {
			return true
		}
		counted = m.CountFailed
	}
	return counted && IndexFailureCount(p) >= *s.BackoffLimitPerIndex
}
