package validation

import (
	"github.com/jobkit/jobkit/job"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// validator collects the errors of one validation, in the API server's order.
type validator struct {
	opts Options
	errs field.ErrorList

	// allowIndivisibleHugePages is derived from the stored Job on update: huge page
	// quantities that are not whole pages stay allowed once stored.
	allowIndivisibleHugePages bool
	// allowComparisonTolerations: the Lt and Gt toleration operators are allowed by their
	// feature gate, or because the stored Job uses them.
	allowComparisonTolerations bool
	// allowInitResizeRestart: an init container that is not a sidecar may restart on a
	// resize because the stored Job has one that does.
	allowInitResizeRestart bool

	// podRestartPolicy, podOS and gracePeriod are the restart policy, OS and termination
	// grace period of the pod being validated.
	podRestartPolicy job.RestartPolicy
	podOS            *job.PodOS
	gracePeriod      *int64
	hostUsers        bool // the pod uses the host's user namespace
	hostNetwork      bool
	hostIPC          bool
	podClaims        []job.PodResourceClaim
}

// add keeps an error, its bad value in the internal form when it is a struct.
func (v *validator) add(e *field.Error) {
	e.BadValue = wrapStructValue(e.BadValue)
	v.errs = append(v.errs, e)
}

func (v *validator) addAll(errs field.ErrorList) { v.errs = append(v.errs, errs...) }

// result returns the errors without exact duplicates: the API server drops an error whose
// text repeats an earlier one (field.ErrorList's deduplication in the API server's
// Invalid status).
func (v *validator) result() field.ErrorList { return dedupe(v.errs) }

// dedupe removes the errors whose rendered text equals an earlier error's.
func dedupe(errs field.ErrorList) field.ErrorList {
	if len(errs) < 2 {
		return errs
	}
	seen := make(map[string]bool, len(errs))
	out := errs[:0]
	for _, e := range errs {
		if text := e.Error(); !seen[text] {
			seen[text] = true
			out = append(out, e)
		}
	}
	return out
}

// nonNegative reports a negative value of an optional integer member name of p.
func nonNegative[T int32 | int64](v *validator, value *T, p *path, name string) {
	if value != nil && *value < 0 {
		v.negative(int64(*value), p, name)
	}
}

// negative reports that member name of p must not be negative.
func (v *validator) negative(value int64, p *path, name string) {
	c := p.child(name)
	v.add(field.Invalid(c.build(), value, "must be greater than or equal to 0").WithOrigin("minimum"))
}
