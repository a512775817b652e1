package job

import (
	"bytes"
	"encoding/json"
	"maps"
	"slices"

	"github.com/jobkit/jobkit/internal/jsonwire"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// This file holds semantic equality: the API server compares objects with apimachinery's
// equality.Semantic, under which a nil and an empty slice or map are equal, quantities are
// compared by value and times as instants. Raw JSON in Extra maps is compared as JSON
// values, with a null or empty-array member equal to an absent one.

// SemanticEqual reports whether two Job specs are semantically equal; two nil specs are.
func (s *JobSpec) SemanticEqual(o *JobSpec) bool {
	if s == nil || o == nil {
		return s == o
	}
	return ptrEq(s.Parallelism, o.Parallelism) &&
		ptrEq(s.Completions, o.Completions) &&
		ptrEq(s.ActiveDeadlineSeconds, o.ActiveDeadlineSeconds) &&
		s.PodFailurePolicy.SemanticEqual(o.PodFailurePolicy) &&
		s.SuccessPolicy.SemanticEqual(o.SuccessPolicy) &&
		ptrEq(s.BackoffLimit, o.BackoffLimit) &&
		ptrEq(s.BackoffLimitPerIndex, o.BackoffLimitPerIndex) &&
		ptrEq(s.MaxFailedIndexes, o.MaxFailedIndexes) &&
		SelectorsEqual(s.Selector, o.Selector) &&
		ptrEq(s.ManualSelector, o.ManualSelector) &&
		s.Template.SemanticEqual(&o.Template) &&
		ptrEq(s.TTLSecondsAfterFinished, o.TTLSecondsAfterFinished) &&
		ptrEq(s.CompletionMode, o.CompletionMode) &&
		ptrEq(s.Suspend, o.Suspend) &&
		ptrEq(s.PodReplacementPolicy, o.PodReplacementPolicy) &&
		ptrEq(s.ManagedBy, o.ManagedBy) &&
		s.Scheduling.SemanticEqual(o.Scheduling) &&
		s.Extra.SemanticEqual(o.Extra)
}

// ptrEq reports whether two pointers are both nil or point to equal values.
func ptrEq[T comparable](a, b *T) bool {
	return a == b || a != nil && b != nil && *a == *b
}

// SemanticEqual reports whether two pod failure policies, either possibly nil, are
// semantically equal.
func (p *PodFailurePolicy) SemanticEqual(o *PodFailurePolicy) bool {
	if p == nil || o == nil {
		return p == o
	}
	return slices.EqualFunc(p.Rules, o.Rules, func(a, b PodFailurePolicyRule) bool {
		return a.Action == b.Action &&
			exitCodesEqual(a.OnExitCodes, b.OnExitCodes) &&
			slices.EqualFunc(a.OnPodConditions, b.OnPodConditions, func(x, y PodFailurePolicyOnPodConditionsPattern) bool {
				return x.Type == y.Type && x.Status == y.Status && x.Extra.SemanticEqual(y.Extra)
			}) &&
			a.Extra.SemanticEqual(b.Extra)
	}) && p.Extra.SemanticEqual(o.Extra)
}

func exitCodesEqual(a, b *PodFailurePolicyOnExitCodesRequirement) bool {
	if a == nil || b == nil {
		return a == b
	}
	return ptrEq(a.ContainerName, b.ContainerName) && a.Operator == b.Operator &&
		slices.Equal(a.Values, b.Values) && a.Extra.SemanticEqual(b.Extra)
}

// SemanticEqual reports whether two success policies, either possibly nil, are
// semantically equal.
func (p *SuccessPolicy) SemanticEqual(o *SuccessPolicy) bool {
	if p == nil || o == nil {
		return p == o
	}
	return slices.EqualFunc(p.Rules, o.Rules, func(a, b SuccessPolicyRule) bool {
		return ptrEq(a.SucceededIndexes, b.SucceededIndexes) && ptrEq(a.SucceededCount, b.SucceededCount) &&
			a.Extra.SemanticEqual(b.Extra)
	}) && p.Extra.SemanticEqual(o.Extra)
}

// SemanticEqual reports whether two uncounted pod lists, either possibly nil, are
// semantically equal.
func (u *UncountedTerminatedPods) SemanticEqual(o *UncountedTerminatedPods) bool {
	if u == nil || o == nil {
		return u == o
	}
	return slices.Equal(u.Succeeded, o.Succeeded) && slices.Equal(u.Failed, o.Failed) && u.Extra.SemanticEqual(o.Extra)
}

// SelectorsEqual reports whether two label selectors, either possibly nil, are
// semantically equal.
func SelectorsEqual(a, b *metav1.LabelSelector) bool {
	if a == nil || b == nil {
		return a == b
	}
	return maps.Equal(a.MatchLabels, b.MatchLabels) &&
		slices.EqualFunc(a.MatchExpressions, b.MatchExpressions, func(x, y metav1.LabelSelectorRequirement) bool {
			return x.Key == y.Key && x.Operator == y.Operator && slices.Equal(x.Values, y.Values)
		})
}

// SemanticEqual reports whether two resource lists hold the same quantities by value.
func (l ResourceList) SemanticEqual(o ResourceList) bool {
	if len(l) != len(o) {
		return false
	}
	for k, q := range l {
		p, ok := o[k]
		if !ok || q.Cmp(p) != 0 {
			return false
		}
	}
	return true
}

// ObjectMetaEqual reports whether two object metadata are semantically equal: times as
// instants, nil and empty collections alike.
func ObjectMetaEqual(a, b *metav1.ObjectMeta) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Name == b.Name && a.GenerateName == b.GenerateName && a.Namespace == b.Namespace &&
		a.GetSelfLink() == b.GetSelfLink() && a.UID == b.UID && a.ResourceVersion == b.ResourceVersion &&
		a.Generation == b.Generation &&
		a.CreationTimestamp.Equal(&b.CreationTimestamp) &&
		timesEqual(a.DeletionTimestamp, b.DeletionTimestamp) &&
		ptrEq(a.DeletionGracePeriodSeconds, b.DeletionGracePeriodSeconds) &&
		maps.Equal(a.Labels, b.Labels) && maps.Equal(a.Annotations, b.Annotations) &&
		slices.EqualFunc(a.OwnerReferences, b.OwnerReferences, ownerRefsEqual) &&
		slices.Equal(a.Finalizers, b.Finalizers) &&
		managedFieldsEqual(a.ManagedFields, b.ManagedFields)
}

// timesEqual compares two optional times as instants.
func timesEqual(a, b *metav1.Time) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Equal(b)
}

func ownerRefsEqual(a, b metav1.OwnerReference) bool {
	return a.APIVersion == b.APIVersion && a.Kind == b.Kind && a.Name == b.Name && a.UID == b.UID &&
		ptrEq(a.Controller, b.Controller) && ptrEq(a.BlockOwnerDeletion, b.BlockOwnerDeletion)
}

func managedFieldsEqual(a, b []metav1.ManagedFieldsEntry) bool {
	return slices.EqualFunc(a, b, func(x, y metav1.ManagedFieldsEntry) bool {
		return x.Manager == y.Manager && x.Operation == y.Operation && x.APIVersion == y.APIVersion &&
			timesEqual(x.Time, y.Time) && x.FieldsType == y.FieldsType && x.Subresource == y.Subresource &&
			fieldsV1Equal(x.FieldsV1, y.FieldsV1)
	})
}

func fieldsV1Equal(a, b *metav1.FieldsV1) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Equal(*b)
}

// SemanticEqual reports whether two scheduling configurations, either possibly nil, are
// semantically equal.
func (c *JobSchedulingConfiguration) SemanticEqual(o *JobSchedulingConfiguration) bool {
	if c == nil || o == nil {
		return c == o
	}
	return c.SchedulingPolicy.SemanticEqual(o.SchedulingPolicy) &&
		c.SchedulingConstraints.SemanticEqual(o.SchedulingConstraints) &&
		c.DisruptionMode.SemanticEqual(o.DisruptionMode) &&
		ResourceClaimsEqual(c.ResourceClaims, o.ResourceClaims) &&
		c.Extra.SemanticEqual(o.Extra)
}

// SemanticEqual reports whether two scheduling policies, either possibly nil, are equal.
func (p *WorkloadPodGroupSchedulingPolicy) SemanticEqual(o *WorkloadPodGroupSchedulingPolicy) bool {
	if p == nil || o == nil {
		return p == o
	}
	return emptyEqual(p.Basic, o.Basic, func(b *WorkloadPodGroupBasicSchedulingPolicy) Extra { return b.Extra }) &&
		gangEqual(p.Gang, o.Gang) && p.Extra.SemanticEqual(o.Extra)
}

func gangEqual(a, b *WorkloadPodGroupGangSchedulingPolicy) bool {
	if a == nil || b == nil {
		return a == b
	}
	return ptrEq(a.MinCount, b.MinCount) && a.Extra.SemanticEqual(b.Extra)
}

// emptyEqual compares two optional values of a type without members.
func emptyEqual[T any](a, b *T, extra func(*T) Extra) bool {
	if a == nil || b == nil {
		return a == b
	}
	return extra(a).SemanticEqual(extra(b))
}

// SemanticEqual reports whether two scheduling constraints, either possibly nil, are equal.
func (c *WorkloadPodGroupSchedulingConstraints) SemanticEqual(o *WorkloadPodGroupSchedulingConstraints) bool {
	if c == nil || o == nil {
		return c == o
	}
	return slices.EqualFunc(c.Topology, o.Topology, func(a, b TopologyConstraint) bool {
		return a.Key == b.Key && a.Extra.SemanticEqual(b.Extra)
	}) && c.Extra.SemanticEqual(o.Extra)
}

// SemanticEqual reports whether two disruption modes, either possibly nil, are equal.
func (m *WorkloadPodGroupDisruptionMode) SemanticEqual(o *WorkloadPodGroupDisruptionMode) bool {
	if m == nil || o == nil {
		return m == o
	}
	return emptyEqual(m.Single, o.Single, func(s *WorkloadPodGroupSingleDisruptionMode) Extra { return s.Extra }) &&
		emptyEqual(m.All, o.All, func(a *WorkloadPodGroupAllDisruptionMode) Extra { return a.Extra }) &&
		m.Extra.SemanticEqual(o.Extra)
}

// ResourceClaimsEqual reports whether two lists of scheduling resource claims are equal.
func ResourceClaimsEqual(a, b []WorkloadPodGroupResourceClaim) bool {
	return slices.EqualFunc(a, b, func(x, y WorkloadPodGroupResourceClaim) bool {
		return x.Name == y.Name && ptrEq(x.ResourceClaimName, y.ResourceClaimName) &&
			ptrEq(x.ResourceClaimTemplateName, y.ResourceClaimTemplateName) && x.Extra.SemanticEqual(y.Extra)
	})
}

// SemanticEqual reports whether two Extra maps hold the same JSON values. Members whose
// value is null or an empty array count as absent, as they decode to nil in the API server.
func (x Extra) SemanticEqual(o Extra) bool {
	for k, v := range x {
		if w, ok := o[k]; ok {
			if !rawEqual(v, w) {
				return false
			}
		} else if !isAbsent(v) {
			return false
		}
	}
	for k, w := range o {
		if _, ok := x[k]; !ok && !isAbsent(w) {
			return false
		}
	}
	return true
}

// rawEqual compares two JSON texts as values: bytes first, then decoded.
func rawEqual(a, b json.RawMessage) bool {
	if bytes.Equal(a, b) {
		return true
	}
	va, errA := jsonwire.Value(a)
	vb, errB := jsonwire.Value(b)
	if errA != nil || errB != nil {
		return false
	}
	return jsonwire.ValuesEqual(va, vb)
}

// isAbsent reports whether a raw member value means the same as no member.
func isAbsent(raw json.RawMessage) bool {
	v, err := jsonwire.Value(raw)
	return err == nil && jsonwire.IsAbsent(v)
}
