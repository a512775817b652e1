package validation

import (
	"fmt"

	"github.com/jobkit/jobkit/internal/names"
	"github.com/jobkit/jobkit/job"
	"k8s.io/apimachinery/pkg/api/validate/content"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// spec.scheduling is alpha (feature gate WorkloadWithJob, off by default). Two of its rules
// are hand-written and run whatever the gate; the
// rest are the API server's declarative rules, which run last.

// MaxSchedulingResourceClaims is the most resource claims a scheduling configuration holds.
const MaxSchedulingResourceClaims = 4

// gangMinCount rejects a gang minCount above parallelism (unset counts as 1).
func (v *validator) gangMinCount(s *job.JobSpec, p *path) {
	c := s.Scheduling
	if c == nil || c.SchedulingPolicy == nil || c.SchedulingPolicy.Gang == nil || c.SchedulingPolicy.Gang.MinCount == nil {
		return
	}
	parallelism := int32(1)
	if s.Parallelism != nil {
		parallelism = *s.Parallelism
	}
	if minCount := *c.SchedulingPolicy.Gang.MinCount; minCount > parallelism {
		sp := p.child("scheduling")
		pp := sp.child("schedulingPolicy")
		gp := pp.child("gang")
		mp := gp.child("minCount")
		v.add(field.Invalid(mp.build(), minCount, fmt.Sprintf("must not be greater than parallelism (%d)", parallelism)))
	}
}

// schedulingPolicyAndDisruption rejects the disruption mode all with the effective basic
// policy.
func (v *validator) schedulingPolicyAndDisruption(s *job.JobSpec, p *path) {
	c := s.Scheduling
	if c == nil || !effectiveBasic(c.SchedulingPolicy) || c.DisruptionMode == nil {
		return
	}
	if m := c.DisruptionMode; m.Single == nil && m.All != nil {
		sp := p.child("scheduling")
		dp := sp.child("disruptionMode")
		v.add(field.Invalid(dp.build(), "", "the disruptionMode `all` is not supported with the Basic scheduling policy"))
	}
}

// effectiveBasic reports whether a scheduling policy resolves to basic: basic is set, or
// gang is not.
func effectiveBasic(p *job.WorkloadPodGroupSchedulingPolicy) bool {
	return p == nil || p.Basic != nil || p.Gang == nil
}

// schedulingVariant rejects a switch between basic and gang on update.
func (v *validator) schedulingVariant(s, old *job.JobSpec, p *path) {
	if s.Scheduling == nil || old.Scheduling == nil {
		return
	}
	np, op := s.Scheduling.SchedulingPolicy, old.Scheduling.SchedulingPolicy
	if np == nil || op == nil || (np.Basic != nil) == (op.Basic != nil) {
		return
	}
	sp := p.child("scheduling")
	pp := sp.child("schedulingPolicy")
	v.add(field.Invalid(pp.build(), nil, "the basic/gang policy variant is immutable after creation; only schedulingPolicy.gang.minCount may be updated"))
}

// schedulingDeclarative applies the declarative rules of spec.scheduling. old is the
// stored spec on update, nil on create; on update a part that did not change is not
// checked again.
func (v *validator) schedulingDeclarative(s, old *job.JobSpec) {
	update := old != nil
	var oldC *job.JobSchedulingConfiguration
	if update {
		oldC = old.Scheduling
		if s.Scheduling.SemanticEqual(oldC) {
			return
		}
	}
	root := rootPath(nil)
	sp := root.child("spec")
	p := sp.child("scheduling")
	c := s.Scheduling
	stop := false
	if c != nil && !v.opts.enabled(job.WorkloadWithJob) {
		v.add(field.Forbidden(p.build(), ""))
		stop = true
	}
	switch {
	case update && oldC == nil && c != nil:
		v.add(field.Invalid(p.build(), nil, "field cannot be set once created"))
		stop = true
	case update && oldC != nil && c == nil:
		v.add(field.Invalid(p.build(), nil, "field cannot be cleared once set"))
		stop = true
	}
	if c == nil || stop {
		return
	}
	v.schedulingConfiguration(c, oldC, &p)
}

// schedulingConfiguration applies the declarative rules of the configuration's parts.
func (v *validator) schedulingConfiguration(c, old *job.JobSchedulingConfiguration, p *path) {
	update := old != nil
	var oldPolicy *job.WorkloadPodGroupSchedulingPolicy
	var oldConstraints *job.WorkloadPodGroupSchedulingConstraints
	var oldMode *job.WorkloadPodGroupDisruptionMode
	var oldClaims []job.WorkloadPodGroupResourceClaim
	if update {
		oldPolicy, oldConstraints, oldMode, oldClaims = old.SchedulingPolicy, old.SchedulingConstraints, old.DisruptionMode, old.ResourceClaims
	}
	if !update || !c.SchedulingPolicy.SemanticEqual(oldPolicy) {
		pp := p.child("schedulingPolicy")
		v.schedulingPolicyDeclarative(c.SchedulingPolicy, oldPolicy, update, &pp)
	}
	if !update || !c.SchedulingConstraints.SemanticEqual(oldConstraints) {
		cp := p.child("schedulingConstraints")
		v.schedulingConstraintsDeclarative(c.SchedulingConstraints, update, &cp)
	}
	if !update || !c.DisruptionMode.SemanticEqual(oldMode) {
		dp := p.child("disruptionMode")
		v.disruptionModeDeclarative(c.DisruptionMode, update, &dp)
	}
	if !update || !job.ResourceClaimsEqual(c.ResourceClaims, oldClaims) {
		rp := p.child("resourceClaims")
		v.resourceClaimsDeclarative(c.ResourceClaims, update, &rp)
	}
}

// schedulingPolicyDeclarative: cannot be set or cleared on update (D3), exactly one of
// basic and gang (D4), gang.minCount at least 1 (D5).
func (v *validator) schedulingPolicyDeclarative(pol, old *job.WorkloadPodGroupSchedulingPolicy, update bool, p *path) {
	switch {
	case update && old == nil && pol != nil:
		v.add(field.Invalid(p.build(), nil, "field cannot be set once created"))
		return
	case update && old != nil && pol == nil:
		v.add(field.Invalid(p.build(), nil, "field cannot be cleared once set"))
		return
	case pol == nil:
		return
	}
	v.union(p, pol.Basic != nil, pol.Gang != nil, "`basic`, `gang`")
	if g := pol.Gang; g != nil && g.MinCount != nil && *g.MinCount < 1 {
		gp := p.child("gang")
		mp := gp.child("minCount")
		v.add(field.Invalid(mp.build(), *g.MinCount, "must be greater than or equal to 1").WithOrigin("minimum"))
	}
}

// union requires exactly one of two members.
func (v *validator) union(p *path, a, b bool, members string) {
	switch {
	case !a && !b:
		v.add(field.Invalid(p.build(), "", "must specify one of: "+members).WithOrigin("union"))
	case a && b:
		v.add(field.Invalid(p.build(), "{"+members+"}", "must specify exactly one of: "+members).WithOrigin("union"))
	}
}

// schedulingConstraintsDeclarative: immutable (D6), at most one topology entry (D7), each
// key a label key (D8).
func (v *validator) schedulingConstraintsDeclarative(c *job.WorkloadPodGroupSchedulingConstraints, update bool, p *path) {
	if update {
		v.add(field.Invalid(p.build(), nil, "field is immutable").WithOrigin("immutable"))
		return
	}
	if c == nil {
		return
	}
	tp := p.child("topology")
	if len(c.Topology) > 1 {
		v.add(field.TooMany(tp.build(), len(c.Topology), 1).WithOrigin("maxItems"))
		return
	}
	for i := range c.Topology {
		ip := tp.at(i)
		kp := ip.child("key")
		v.labelKey(c.Topology[i].Key, &kp)
	}
}

// labelKey requires a non-empty label key.
func (v *validator) labelKey(key string, p *path) {
	switch {
	case key == "":
		v.add(field.Required(p.build(), ""))
	case !names.IsQualifiedName(key):
		for _, msg := range content.IsLabelKey(key) {
			v.add(field.Invalid(p.build(), key, msg).WithOrigin("format=k8s-label-key"))
		}
	}
}

// disruptionModeDeclarative: immutable (D9), exactly one of single and all (D10).
func (v *validator) disruptionModeDeclarative(m *job.WorkloadPodGroupDisruptionMode, update bool, p *path) {
	if update {
		v.add(field.Invalid(p.build(), nil, "field is immutable").WithOrigin("immutable"))
		return
	}
	if m != nil {
		v.union(p, m.Single != nil, m.All != nil, "`single`, `all`")
	}
}

// resourceClaimsDeclarative: immutable (D11), at most 4 (D12), unique names (D13), each
// claim valid (D14, D15).
func (v *validator) resourceClaimsDeclarative(claims []job.WorkloadPodGroupResourceClaim, update bool, p *path) {
	if update {
		v.add(field.Invalid(p.build(), nil, "field is immutable").WithOrigin("immutable"))
		return
	}
	if len(claims) > MaxSchedulingResourceClaims {
		v.add(field.TooMany(p.build(), len(claims), MaxSchedulingResourceClaims).WithOrigin("maxItems"))
		return
	}
	for i := range claims {
		for j := range i {
			if claims[j].Name == claims[i].Name {
				ip := p.at(i)
				v.add(field.Duplicate(ip.build(), claims[i].Name))
				break
			}
		}
	}
	for i := range claims {
		ip := p.at(i)
		v.resourceClaim(&claims[i], &ip)
	}
}

// resourceClaim checks one claim: exactly one source, a DNS label name, DNS subdomain
// sources.
func (v *validator) resourceClaim(c *job.WorkloadPodGroupResourceClaim, p *path) {
	v.union(p, c.ResourceClaimName != nil, c.ResourceClaimTemplateName != nil, "`resourceClaimName`, `resourceClaimTemplateName`")
	np := p.child("name")
	switch {
	case c.Name == "":
		v.add(field.Required(np.build(), ""))
	case !names.IsDNS1123Label(c.Name):
		for _, msg := range content.IsDNS1123Label(c.Name) {
			v.add(field.Invalid(np.build(), c.Name, msg).WithOrigin("format=k8s-short-name"))
		}
	}
	for _, src := range []struct {
		name  string
		value *string
	}{{"resourceClaimName", c.ResourceClaimName}, {"resourceClaimTemplateName", c.ResourceClaimTemplateName}} {
		if src.value != nil && !names.IsDNS1123Subdomain(*src.value) {
			sp := p.child(src.name)
			for _, msg := range content.IsDNS1123Subdomain(*src.value) {
				v.add(field.Invalid(sp.build(), *src.value, msg).WithOrigin("format=k8s-long-name"))
			}
		}
	}
}
