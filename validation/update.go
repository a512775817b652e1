package validation

import (
	"github.com/jobkit/jobkit/job"
	apivalidation "k8s.io/apimachinery/pkg/api/validation"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// specUpdate checks an update of the spec (validateJobSpecUpdate): the whole new
// spec, then what may not change.
func (v *validator) specUpdate(j, old *job.Job, p *path) {
	s, o := &j.Spec, &old.Spec
	v.spec(s, o, p)
	v.selectorRules(s, p, hasInvalidLabelValue(o.Selector))
	v.completionsUpdate(s, o, p)
	if !job.SelectorsEqual(s.Selector, o.Selector) {
		v.immutable(p, "selector", s.Selector)
	}
	v.templateUpdate(s, old, p)
	if !ptrEqual(s.CompletionMode, o.CompletionMode) {
		v.immutable(p, "completionMode", s.CompletionMode)
	}
	if !s.PodFailurePolicy.SemanticEqual(o.PodFailurePolicy) {
		v.immutable(p, "podFailurePolicy", s.PodFailurePolicy)
	}
	if !ptrEqual(s.BackoffLimitPerIndex, o.BackoffLimitPerIndex) {
		v.immutable(p, "backoffLimitPerIndex", s.BackoffLimitPerIndex)
	}
	if !ptrEqual(s.ManagedBy, o.ManagedBy) {
		v.immutable(p, "managedBy", s.ManagedBy)
	}
	if !s.SuccessPolicy.SemanticEqual(o.SuccessPolicy) {
		v.immutable(p, "successPolicy", s.SuccessPolicy)
	}
	v.schedulingVariant(s, o, p)
}

// immutable reports that member name of p changed.
func (v *validator) immutable(p *path, name string, value any) {
	c := p.child(name)
	v.add(field.Invalid(c.build(), value, apivalidation.FieldImmutableErrorMsg))
}

// completionsUpdate: completions may change only on Indexed Jobs, together with
// parallelism. A nil parallelism is not in tandem.
func (v *validator) completionsUpdate(s, old *job.JobSpec, p *path) {
	indexed := s.CompletionMode != nil && *s.CompletionMode == job.IndexedCompletion
	switch {
	case ptrEqual(s.Completions, old.Completions):
	case !indexed:
		v.immutable(p, "completions", s.Completions)
	case s.Completions == nil:
		// Indexed Jobs need completions; that is reported already.
	case s.Parallelism == nil || *s.Completions != *s.Parallelism:
		c := p.child("completions")
		pp := p.child("parallelism")
		v.add(field.Invalid(c.build(), s.Completions, "can only be modified in tandem with "+pp.String()))
	}
}

func ptrEqual[T comparable](a, b *T) bool {
	return a == b || a != nil && b != nil && *a == *b
}
