package validation

import (
	"slices"

	"github.com/jobkit/jobkit/job"
)

// templateUpdate applies the template's mutability rules: the
// template is immutable, except that a suspended Job whose pods are all gone — never
// started, or suspended since — may change its scheduling directives and its containers'
// resources (gates MutableSchedulingDirectivesForSuspendedJobs and
// MutablePodResourcesForSuspendedJobs, on by default).
func (v *validator) templateUpdate(s *job.JobSpec, old *job.Job, p *path) {
	suspended := old.Spec.Suspend != nil && *old.Spec.Suspend
	notStarted := old.Status.StartTime == nil
	allowTemplate := suspended && (notStarted || conditionTrue(old.Status.Conditions, job.JobSuspended)) && old.Status.Active == 0
	allowDirectives := suspended && notStarted
	if v.opts.enabled(job.MutableSchedulingDirectivesForSuspendedJobs) {
		allowDirectives = allowTemplate
	}
	allowResources := allowTemplate && v.opts.enabled(job.MutablePodResourcesForSuspendedJobs)

	base := &old.Spec.Template
	if allowDirectives {
		base = withSchedulingDirectives(base, &s.Template)
	}
	if !suspended || !allowResources {
		if !s.Template.SemanticEqual(base) {
			v.immutable(p, "template", s.Template)
		}
		return
	}
	if !s.Template.Spec.SemanticEqual(withResources(&base.Spec, &s.Template.Spec)) {
		v.immutable(p, "template.spec", s.Template.Spec)
	}
}

// withSchedulingDirectives returns a copy of old that has the template labels and
// annotations and the scheduling directives of new: node selector, tolerations,
// scheduling gates, and node affinity (other affinities stay old's).
func withSchedulingDirectives(old, new *job.PodTemplateSpec) *job.PodTemplateSpec {
	c := *old
	c.Labels = new.Labels
	c.Annotations = new.Annotations
	c.Spec.NodeSelector = new.Spec.NodeSelector
	c.Spec.SchedulingGates = new.Spec.SchedulingGates
	c.Spec.Tolerations = new.Spec.Tolerations
	c.Spec.Affinity = withNodeAffinity(old.Spec.Affinity, new.Spec.Affinity)
	return &c
}

// withNodeAffinity returns a copy of the old affinity with the node affinity of the new
// one. When the new template has no affinity, the old one loses its node affinity and, if
// nothing else is left, is gone too.
func withNodeAffinity(old, new *job.Affinity) *job.Affinity {
	switch {
	case old == nil && new == nil:
		return nil
	case old == nil:
		return &job.Affinity{NodeAffinity: new.NodeAffinity}
	}
	c := *old
	c.NodeAffinity = nil
	if new != nil {
		c.NodeAffinity = new.NodeAffinity
	} else if c.PodAffinity == nil && c.PodAntiAffinity == nil {
		return nil
	}
	return &c
}

// withResources returns a copy of old in which each container and init container that
// has the same name as new's at the same position — when both have as many — takes new's
// resources: the only change allowed.
func withResources(old, new *job.PodSpec) *job.PodSpec {
	c := *old
	c.Containers = takeResources(old.Containers, new.Containers)
	c.InitContainers = takeResources(old.InitContainers, new.InitContainers)
	return &c
}

func takeResources(old, new []job.Container) []job.Container {
	if len(old) != len(new) {
		return old
	}
	out := slices.Clone(old)
	for i := range out {
		if out[i].Name == new[i].Name {
			out[i].Resources = new[i].Resources
		}
	}
	return out
}

// conditionTrue reports whether conditions hold a condition of type t with status True.
func conditionTrue(conditions []job.JobCondition, t job.JobConditionType) bool {
	for i := range conditions {
		if conditions[i].Type == t && conditions[i].Status == job.ConditionTrue {
			return true
		}
	}
	return false
}
