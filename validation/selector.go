package validation

import (
	"github.com/jobkit/jobkit/internal/names"
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/selector"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	metav1validation "k8s.io/apimachinery/pkg/apis/meta/v1/validation"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// generatedSelector checks, on create, that a generated selector and the template labels
// hold the generated values. It does nothing for manual
// selectors and nil selectors.
func (v *validator) generatedSelector(j *job.Job) {
	s := &j.Spec
	if s.ManualSelector != nil && *s.ManualSelector || s.Selector == nil {
		return
	}
	if j.UID == "" {
		root := rootPath(metadataPath())
		up := root.child("uid")
		v.add(field.Required(up.build(), ""))
	}
	root := rootPath(nil)
	sp := root.child("spec")
	tp := sp.child("template")
	mp := tp.child("metadata")
	lp := mp.child("labels")
	labels := s.Template.Labels
	v.hasLabel(labels, &lp, job.LegacyControllerUidLabel, string(j.UID))
	v.hasLabel(labels, &lp, job.LegacyJobNameLabel, j.Name)
	v.hasLabel(labels, &lp, job.ControllerUidLabel, string(j.UID))
	v.hasLabel(labels, &lp, job.JobNameLabel, j.Name)
	if matches, ok := selector.MatchesGenerated(s.Selector, j.Name, j.UID, true); ok && !matches {
		selp := sp.child("selector")
		v.add(field.Invalid(selp.build(), s.Selector, "`selector` not auto-generated"))
	}
}

// hasLabel requires the label key with the value want.
func (v *validator) hasLabel(labels map[string]string, p *path, key, want string) {
	got, ok := labels[key]
	switch {
	case !ok:
		kp := p.key(key)
		v.add(field.Required(kp.build(), "must be '"+want+"'"))
	case got != want:
		kp := p.key(key)
		v.add(field.Invalid(kp.build(), labels, "must be '"+want+"'"))
	}
}

// selectorRules checks spec.selector and its match with the template labels.
// allowInvalidValues skips the format check of matchExpressions values, as on updates of
// Jobs whose stored selector already has invalid ones.
func (v *validator) selectorRules(s *job.JobSpec, p *path, allowInvalidValues bool) {
	sel := s.Selector
	sp := p.child("selector")
	switch {
	case sel == nil:
		v.add(field.Required(sp.build(), ""))
	case !selector.Valid(sel):
		opts := metav1validation.LabelSelectorValidationOptions{AllowInvalidLabelValueInSelector: allowInvalidValues}
		v.addAll(metav1validation.ValidateLabelSelector(sel, opts, sp.build()))
	}
	if matches, ok := selector.Matches(sel, s.Template.Labels); ok && !matches {
		tp := p.child("template")
		mp := tp.child("metadata")
		lp := mp.child("labels")
		v.add(field.Invalid(lp.build(), s.Template.Labels, "`selector` does not match template `labels`"))
	}
}

// hasInvalidLabelValue reports whether a stored selector holds matchExpressions values that
// are not label values; updates of such Jobs do not check them again.
func hasInvalidLabelValue(sel *metav1.LabelSelector) bool {
	if sel == nil {
		return false
	}
	for _, r := range sel.MatchExpressions {
		for _, value := range r.Values {
			if !names.IsLabelValue(value) {
				return true
			}
		}
	}
	return false
}
