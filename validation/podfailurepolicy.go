package validation

import (
	"slices"

	"github.com/jobkit/jobkit/internal/names"
	"github.com/jobkit/jobkit/job"
	"k8s.io/apimachinery/pkg/api/validate/content"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// Limits of a pod failure policy.
const (
	MaxPodFailurePolicyRules   = 20
	MaxOnExitCodesValues       = 255
	MaxOnPodConditionsPatterns = 20
)

// podFailurePolicy checks spec.podFailurePolicy: at most 20 rules,
// each checked whatever their number.
func (v *validator) podFailurePolicy(s *job.JobSpec, p *path) {
	pp := p.child("podFailurePolicy")
	rp := pp.child("rules")
	rules := s.PodFailurePolicy.Rules
	if len(rules) > MaxPodFailurePolicyRules {
		v.add(field.TooMany(rp.build(), len(rules), MaxPodFailurePolicyRules))
	}
	for i := range rules {
		ip := rp.at(i)
		v.podFailurePolicyRule(s, &rules[i], &ip)
	}
}

// podFailurePolicyRule checks one rule (R1–R5).
func (v *validator) podFailurePolicyRule(s *job.JobSpec, r *job.PodFailurePolicyRule, p *path) {
	switch r.Action {
	case job.PodFailurePolicyActionFailJob, job.PodFailurePolicyActionIgnore, job.PodFailurePolicyActionCount:
	case "":
		c := p.child("action")
		v.add(field.Required(c.build(), `valid values: ["Count" "FailIndex" "FailJob" "Ignore"]`))
	case job.PodFailurePolicyActionFailIndex:
		if s.BackoffLimitPerIndex == nil {
			c := p.child("action")
			v.add(field.Invalid(c.build(), r.Action, "requires the backoffLimitPerIndex to be set"))
		}
	default:
		c := p.child("action")
		v.add(field.NotSupported(c.build(), r.Action, []job.PodFailurePolicyAction{
			job.PodFailurePolicyActionCount, job.PodFailurePolicyActionFailIndex,
			job.PodFailurePolicyActionFailJob, job.PodFailurePolicyActionIgnore,
		}))
	}
	if r.OnExitCodes != nil {
		ep := p.child("onExitCodes")
		v.onExitCodes(r.OnExitCodes, &s.Template.Spec, &ep)
	}
	if len(r.OnPodConditions) > 0 {
		cp := p.child("onPodConditions")
		v.onPodConditions(r.OnPodConditions, &cp)
	}
	switch {
	case r.OnExitCodes != nil && len(r.OnPodConditions) > 0:
		v.add(field.Invalid(p.build(), field.OmitValueType{}, "specifying both OnExitCodes and OnPodConditions is not supported"))
	case r.OnExitCodes == nil && len(r.OnPodConditions) == 0:
		v.add(field.Invalid(p.build(), field.OmitValueType{}, "specifying one of OnExitCodes and OnPodConditions is required"))
	}
}

// onExitCodes checks an exit code requirement (E1–E5).
func (v *validator) onExitCodes(r *job.PodFailurePolicyOnExitCodesRequirement, pod *job.PodSpec, p *path) {
	switch r.Operator {
	case job.PodFailurePolicyOnExitCodesOpIn, job.PodFailurePolicyOnExitCodesOpNotIn:
	case "":
		c := p.child("operator")
		v.add(field.Required(c.build(), `valid values: ["In" "NotIn"]`))
	default:
		c := p.child("operator")
		v.add(field.NotSupported(c.build(), r.Operator, []job.PodFailurePolicyOnExitCodesOperator{
			job.PodFailurePolicyOnExitCodesOpIn, job.PodFailurePolicyOnExitCodesOpNotIn,
		}))
	}
	if r.ContainerName != nil && !hasContainer(pod, *r.ContainerName) {
		c := p.child("containerName")
		v.add(field.Invalid(c.build(), *r.ContainerName, "must be one of the container or initContainer names in the pod template"))
	}
	vp := p.child("values")
	switch n := len(r.Values); {
	case n == 0:
		v.add(field.Invalid(vp.build(), r.Values, "at least one value is required"))
	case n > MaxOnExitCodesValues:
		v.add(field.TooMany(vp.build(), n, MaxOnExitCodesValues))
	}
	v.exitCodeValues(r, &vp)
}

// exitCodeValues checks the values one by one — no 0 with In, no duplicates — and then
// their order (E4, E5).
func (v *validator) exitCodeValues(r *job.PodFailurePolicyOnExitCodesRequirement, p *path) {
	values := r.Values
	increasing := true
	for j := 1; j < len(values); j++ {
		increasing = increasing && values[j-1] < values[j]
	}
	zeroIn := r.Operator == job.PodFailurePolicyOnExitCodesOpIn && slices.Contains(values, 0)
	if increasing && !zeroIn {
		return // sorted and unique: the common case, without a set
	}
	seen := make(map[int32]bool, len(values))
	ordered := true
	for j, value := range values {
		if r.Operator == job.PodFailurePolicyOnExitCodesOpIn && value == 0 {
			c := p.at(j)
			v.add(field.Invalid(c.build(), value, "must not be 0 for the In operator"))
		}
		if seen[value] {
			c := p.at(j)
			v.add(field.Duplicate(c.build(), value))
		}
		seen[value] = true
		if j > 0 && values[j-1] > value {
			ordered = false
		}
	}
	if !ordered {
		v.add(field.Invalid(p.build(), values, "must be ordered"))
	}
}

// hasContainer reports whether the pod template has a container or init container named
// name.
func hasContainer(pod *job.PodSpec, name string) bool {
	for i := range pod.Containers {
		if pod.Containers[i].Name == name {
			return true
		}
	}
	for i := range pod.InitContainers {
		if pod.InitContainers[i].Name == name {
			return true
		}
	}
	return false
}

// onPodConditions checks the condition patterns of a rule (C1, C2).
func (v *validator) onPodConditions(patterns []job.PodFailurePolicyOnPodConditionsPattern, p *path) {
	if len(patterns) > MaxOnPodConditionsPatterns {
		v.add(field.TooMany(p.build(), len(patterns), MaxOnPodConditionsPatterns))
	}
	for j := range patterns {
		pat := &patterns[j]
		jp := p.at(j)
		if !names.IsQualifiedName(string(pat.Type)) {
			tp := jp.child("type")
			for _, msg := range content.IsLabelKey(string(pat.Type)) {
				v.add(field.Invalid(tp.build(), pat.Type, msg).WithOrigin("format=qualified-name"))
			}
		}
		switch pat.Status {
		case job.ConditionTrue, job.ConditionFalse, job.ConditionUnknown:
		case "":
			sp := jp.child("status")
			v.add(field.Required(sp.build(), `valid values: ["False" "True" "Unknown"]`))
		default:
			sp := jp.child("status")
			v.add(field.NotSupported(sp.build(), pat.Status, []job.ConditionStatus{job.ConditionFalse, job.ConditionTrue, job.ConditionUnknown}))
		}
	}
}
