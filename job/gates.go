package job

// Feature is a Kubernetes feature gate that changes how Jobs are prepared or validated.
type Feature string

// The configurable feature gates of Kubernetes 1.37 that concern Jobs and the pod template
// checks jobkit does. Every other Job gate of earlier releases is GA and always on.
const (
	// WorkloadWithJob enables spec.scheduling. Alpha, off by default: the API server drops
	// the field on create.
	WorkloadWithJob Feature = "WorkloadWithJob"
	// MutablePodResourcesForSuspendedJobs lets container resources change on suspended
	// Jobs that have no active pods. Beta, on by default.
	MutablePodResourcesForSuspendedJobs Feature = "MutablePodResourcesForSuspendedJobs"
	// MutableSchedulingDirectivesForSuspendedJobs lets the scheduling directives of the
	// template change on suspended Jobs that have no active pods, started or not. Beta, on
	// by default.
	MutableSchedulingDirectivesForSuspendedJobs Feature = "MutableSchedulingDirectivesForSuspendedJobs"
	// TaintTolerationComparisonOperators allows the Lt and Gt toleration operators. Alpha,
	// off by default; a stored template that uses them keeps them allowed.
	TaintTolerationComparisonOperators Feature = "TaintTolerationComparisonOperators"
)

// Default reports whether the gate is on by default in Kubernetes 1.37.
func (f Feature) Default() bool {
	return f == MutablePodResourcesForSuspendedJobs || f == MutableSchedulingDirectivesForSuspendedJobs
}

// FeatureGates overrides the default state of feature gates, like the API server's
// --feature-gates flag. A nil or empty FeatureGates is Kubernetes 1.37's default.
type FeatureGates map[Feature]bool

// Enabled reports whether f is on: its override, or else its default.
func (g FeatureGates) Enabled(f Feature) bool {
	if on, ok := g[f]; ok {
		return on
	}
	return f.Default()
}
