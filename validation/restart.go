package validation

import (
	"github.com/jobkit/jobkit/job"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// resizePolicy checks a container's resize policies: cpu and memory each at most once, a
// known restart policy, and NotRequired in a pod that never restarts.
func (v *validator) resizePolicy(policies []job.ContainerResizePolicy, p *path) {
	if len(policies) == 0 {
		return
	}
	rp := p.child("resizePolicy")
	seen := newRepeats(len(policies), func(c *job.ContainerResizePolicy) string { return string(c.ResourceName) })
	for i := range policies {
		pol := &policies[i]
		if seen.before(policies, i) {
			ip := rp.at(i)
			v.add(field.Duplicate(ip.build(), pol.ResourceName))
		}
		switch pol.ResourceName {
		case job.ResourceCPU, job.ResourceMemory:
		case "":
			v.add(field.Required(rp.build(), ""))
		default:
			v.add(field.NotSupported(rp.build(), pol.ResourceName, []job.ResourceName{job.ResourceCPU, job.ResourceMemory}))
		}
		switch pol.RestartPolicy {
		case job.NotRequired, job.RestartContainer:
		case "":
			v.add(field.Required(rp.build(), ""))
		default:
			v.add(field.NotSupported(rp.build(), pol.RestartPolicy, []job.ResourceResizeRestartPolicy{job.NotRequired, job.RestartContainer}))
		}
		if v.podRestartPolicy == job.RestartPolicyNever && pol.RestartPolicy != job.NotRequired {
			v.add(field.Invalid(rp.build(), pol.RestartPolicy, "must be 'NotRequired' when pod `restartPolicy` is 'Never'"))
		}
	}
}

var (
	containerRestartPolicies = []job.ContainerRestartPolicy{job.ContainerRestartPolicyAlways, job.ContainerRestartPolicyNever, job.ContainerRestartPolicyOnFailure}
	restartRuleActions       = []job.ContainerRestartRuleAction{job.ContainerRestartRuleActionRestart, job.ContainerRestartRuleActionRestartAllContainers}
	restartRuleOperators     = []job.ContainerRestartRuleOnExitCodesOperator{job.ContainerRestartRuleOnExitCodesOpIn, job.ContainerRestartRuleOnExitCodesOpNotIn}
)

// containerRestart checks a container's restart policy and rules: a known policy, given
// when there are rules; at most 20 rules, each with a known action and exit codes by a
// known operator, at most 255 of them.
func (v *validator) containerRestart(c *job.Container, p *path) {
	rpp := p.child("restartPolicy")
	switch {
	case c.RestartPolicy == nil && len(c.RestartPolicyRules) == 0:
		return
	case c.RestartPolicy == nil:
		v.add(field.Required(rpp.build(), "must specify restartPolicy when restart rules are used"))
	case !contains(containerRestartPolicies, *c.RestartPolicy):
		v.add(field.NotSupported(rpp.build(), *c.RestartPolicy, containerRestartPolicies))
	}
	rules := c.RestartPolicyRules
	lp := p.child("restartPolicyRules")
	if len(rules) > 20 {
		v.add(field.TooMany(lp.build(), len(rules), 20))
	}
	for i := range rules {
		r := &rules[i]
		ip := lp.at(i)
		if !contains(restartRuleActions, r.Action) {
			ap := ip.child("action")
			v.add(field.NotSupported(ap.build(), r.Action, restartRuleActions))
		}
		ep := ip.child("exitCodes")
		if r.ExitCodes == nil {
			v.add(field.Required(ep.build(), "must be specified"))
			continue
		}
		if !contains(restartRuleOperators, r.ExitCodes.Operator) {
			op := ep.child("operator")
			v.add(field.NotSupported(op.build(), r.ExitCodes.Operator, restartRuleOperators))
		}
		if n := len(r.ExitCodes.Values); n > 255 {
			vp := ep.child("values")
			v.add(field.TooMany(vp.build(), n, 255))
		}
	}
}

// initContainerRestart checks an init container's restart policy and rules: as a
// container's, but rules need a policy and nothing else is checked without one.
func (v *validator) initContainerRestart(c *job.Container, p *path) {
	if c.RestartPolicy == nil {
		if len(c.RestartPolicyRules) > 0 {
			rpp := p.child("restartPolicy")
			v.add(field.Required(rpp.build(), "must specify restartPolicy when restart rules are used"))
		}
		return
	}
	v.containerRestart(c, p)
}

// initResizeRestart checks that an init container that is not a sidecar restarts for no
// resize, unless the stored Job already had one that does.
func (v *validator) initResizeRestart(c *job.Container, p *path) {
	if isSidecar(c) || v.allowInitResizeRestart {
		return
	}
	rp := p.child("resizePolicy")
	for j := range c.ResizePolicy {
		if pol := c.ResizePolicy[j].RestartPolicy; pol == job.RestartContainer {
			jp := rp.at(j)
			pp := jp.child("restartPolicy")
			v.add(field.Invalid(pp.build(), pol, "must not be set to 'RestartContainer' for non-sidecar initContainers"))
		}
	}
}

// isSidecar reports whether an init container restarts Always: a sidecar.
func isSidecar(c *job.Container) bool {
	return c.RestartPolicy != nil && *c.RestartPolicy == job.ContainerRestartPolicyAlways
}

// initResizeRestarts reports whether a pod has an init container, not a sidecar, that
// restarts on a resize: once stored, it stays allowed.
func initResizeRestarts(s *job.PodSpec) bool {
	for i := range s.InitContainers {
		c := &s.InitContainers[i]
		if isSidecar(c) {
			continue
		}
		for _, pol := range c.ResizePolicy {
			if pol.RestartPolicy == job.RestartContainer {
				return true
			}
		}
	}
	return false
}
