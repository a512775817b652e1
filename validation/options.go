package validation

import "github.com/jobkit/jobkit/job"

// Options configure validation. The zero value validates as Kubernetes 1.37 does with its
// default feature gates. The options the API server derives from the stored Job (whether
// its selector held invalid label values, whether its template may change, which status
// rules apply) are derived by the validation functions from the old Job themselves.
type Options struct {
	// FeatureGates overrides the default state of the gates that concern Jobs:
	// WorkloadWithJob and TaintTolerationComparisonOperators (off),
	// MutablePodResourcesForSuspendedJobs and MutableSchedulingDirectivesForSuspendedJobs
	// (on).
	FeatureGates job.FeatureGates
	// AllowPrivileged is the API server's --allow-privileged flag: whether containers may
	// run privileged. Its default, false, rejects them; most clusters set it.
	AllowPrivileged bool
}

func (o Options) enabled(f job.Feature) bool { return o.FeatureGates.Enabled(f) }
