package validation

import (
	"github.com/jobkit/jobkit/job"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// Options configure validation. The zero value validates as Kubernetes 1.37 does with its
// default feature gates. The options the API server derives from the stored Job (whether
// its selector held invalid label values, whether its template may change, which status
// rules apply) are derived by the validation functions from the old Job themselves.
type Options struct {
	// FeatureGates overrides the default state of the gates that concern Jobs:
	// WorkloadWithJob and TaintTolerationComparisonOperators (off),
	// MutablePodResourcesForSuspendedJobs and MutableSchedulingDirectivesForSuspendedJobs
	// (on), and the pod features job.FeatureGates lists. A gate jobkit does not know makes
	// every validation an internal error.
	FeatureGates job.FeatureGates
	// DenyPrivileged rejects privileged containers, as kube-apiserver does when it runs
	// without --allow-privileged=true: that is the flag's own default, but clusters made by
	// kubeadm, kind and most distributions set it, so the zero Options, like them, accept
	// privileged containers.
	DenyPrivileged bool
}

func (o Options) enabled(f job.Feature) bool { return o.FeatureGates.Enabled(f) }

// check answers options that name an unknown feature gate with an internal error, as
// kube-apiserver does not start with one.
func (o Options) check() field.ErrorList {
	if err := o.FeatureGates.Check(); err != nil {
		return field.ErrorList{field.InternalError(nil, err)}
	}
	return nil
}
