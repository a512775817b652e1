package job

import (
	"github.com/jobkit/jobkit/internal/jsonwire"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
)

// This file writes each type of batch/v1 as JSON: typed members in struct order with the
// omission rules of batch/v1, then the Extra members in name order. The pod template's
// types are written by generated code (zz_generated.pod_codec.go) with the same rules.

// MarshalJSON writes the Job as the API server does, followed by its Extra members.
func (j Job) MarshalJSON() ([]byte, error) { return marshal(j.encode) }

// MarshalJSON writes the JobList.
func (l JobList) MarshalJSON() ([]byte, error) { return marshal(l.encode) }

// MarshalJSON writes the JobSpec.
func (s JobSpec) MarshalJSON() ([]byte, error) { return marshal(s.encode) }

// MarshalJSON writes the JobStatus.
func (s JobStatus) MarshalJSON() ([]byte, error) { return marshal(s.encode) }

// MarshalJSON writes the JobTemplateSpec.
func (t JobTemplateSpec) MarshalJSON() ([]byte, error) { return marshal(t.encode) }

// MarshalJSON writes the PodTemplateSpec.
func (t PodTemplateSpec) MarshalJSON() ([]byte, error) {
	return marshal(func(e *jsonwire.Encoder) error { t.encode(e); return nil })
}

// marshal runs write on a fresh encoder.
func marshal(write func(*jsonwire.Encoder) error) ([]byte, error) {
	e := jsonwire.NewEncoder(make([]byte, 0, 1024))
	if err := write(e); err != nil {
		return nil, err
	}
	if err := e.Err(); err != nil {
		return nil, err
	}
	return e.Bytes(), nil
}

func (j *Job) encode(e *jsonwire.Encoder) error {
	e.BeginObject()
	e.OptString("kind", j.Kind)
	e.OptString("apiVersion", j.APIVersion)
	e.Key("metadata")
	if err := e.Marshal(&j.ObjectMeta); err != nil {
		return err
	}
	e.Key("spec")
	if err := j.Spec.encode(e); err != nil {
		return err
	}
	e.Key("status")
	if err := j.Status.encode(e); err != nil {
		return err
	}
	e.Extra(j.Extra)
	e.EndObject()
	return nil
}

func (l *JobList) encode(e *jsonwire.Encoder) error {
	e.BeginObject()
	e.OptString("kind", l.Kind)
	e.OptString("apiVersion", l.APIVersion)
	e.Key("metadata")
	if err := e.Marshal(&l.ListMeta); err != nil {
		return err
	}
	e.Key("items")
	if l.Items == nil {
		e.Null()
	} else {
		e.BeginArray()
		for i := range l.Items {
			e.Elem()
			if err := l.Items[i].encode(e); err != nil {
				return err
			}
		}
		e.EndArray()
	}
	e.Extra(l.Extra)
	e.EndObject()
	return nil
}

func (t *JobTemplateSpec) encode(e *jsonwire.Encoder) error {
	e.BeginObject()
	e.Key("metadata")
	if err := e.Marshal(&t.ObjectMeta); err != nil {
		return err
	}
	e.Key("spec")
	if err := t.Spec.encode(e); err != nil {
		return err
	}
	e.Extra(t.Extra)
	e.EndObject()
	return nil
}

func (s *JobSpec) encode(e *jsonwire.Encoder) error {
	e.BeginObject()
	e.OptInt32Ptr("parallelism", s.Parallelism)
	e.OptInt32Ptr("completions", s.Completions)
	e.OptInt64Ptr("activeDeadlineSeconds", s.ActiveDeadlineSeconds)
	if p := s.PodFailurePolicy; p != nil {
		e.Key("podFailurePolicy")
		p.encode(e)
	}
	if p := s.SuccessPolicy; p != nil {
		e.Key("successPolicy")
		p.encode(e)
	}
	e.OptInt32Ptr("backoffLimit", s.BackoffLimit)
	e.OptInt32Ptr("backoffLimitPerIndex", s.BackoffLimitPerIndex)
	e.OptInt32Ptr("maxFailedIndexes", s.MaxFailedIndexes)
	if s.Selector != nil {
		e.Key("selector")
		if err := e.Marshal(s.Selector); err != nil {
			return err
		}
	}
	e.OptBoolPtr("manualSelector", s.ManualSelector)
	e.Key("template")
	s.Template.encode(e)
	e.OptInt32Ptr("ttlSecondsAfterFinished", s.TTLSecondsAfterFinished)
	optStringPtr(e, "completionMode", s.CompletionMode)
	e.OptBoolPtr("suspend", s.Suspend)
	optStringPtr(e, "podReplacementPolicy", s.PodReplacementPolicy)
	e.OptStringPtr("managedBy", s.ManagedBy)
	if c := s.Scheduling; c != nil {
		e.Key("scheduling")
		c.encode(e)
	}
	e.Extra(s.Extra)
	e.EndObject()
	return nil
}

// optStringPtr writes name: *p unless p is nil, for string types.
func optStringPtr[T ~string](e *jsonwire.Encoder, name string, p *T) {
	if p != nil {
		e.Key(name)
		e.String(string(*p))
	}
}

func (p *PodFailurePolicy) encode(e *jsonwire.Encoder) {
	e.BeginObject()
	e.Key("rules")
	writeSlice(e, p.Rules, (*PodFailurePolicyRule).encode)
	e.Extra(p.Extra)
	e.EndObject()
}

// writeSlice writes s as an array, or null when it is nil.
func writeSlice[T any](e *jsonwire.Encoder, s []T, write func(*T, *jsonwire.Encoder)) {
	if s == nil {
		e.Null()
		return
	}
	e.BeginArray()
	for i := range s {
		e.Elem()
		write(&s[i], e)
	}
	e.EndArray()
}

func (r *PodFailurePolicyRule) encode(e *jsonwire.Encoder) {
	e.BeginObject()
	e.Key("action")
	e.String(string(r.Action))
	if c := r.OnExitCodes; c != nil {
		e.Key("onExitCodes")
		c.encode(e)
	}
	if len(r.OnPodConditions) > 0 {
		e.Key("onPodConditions")
		writeSlice(e, r.OnPodConditions, (*PodFailurePolicyOnPodConditionsPattern).encode)
	}
	e.Extra(r.Extra)
	e.EndObject()
}

func (r *PodFailurePolicyOnExitCodesRequirement) encode(e *jsonwire.Encoder) {
	e.BeginObject()
	e.OptStringPtr("containerName", r.ContainerName)
	e.Key("operator")
	e.String(string(r.Operator))
	e.Key("values")
	writeSlice(e, r.Values, func(v *int32, e *jsonwire.Encoder) { e.Int(int64(*v)) })
	e.Extra(r.Extra)
	e.EndObject()
}

func (p *PodFailurePolicyOnPodConditionsPattern) encode(e *jsonwire.Encoder) {
	e.BeginObject()
	e.Key("type")
	e.String(string(p.Type))
	e.Key("status")
	e.String(string(p.Status))
	e.Extra(p.Extra)
	e.EndObject()
}

func (p *SuccessPolicy) encode(e *jsonwire.Encoder) {
	e.BeginObject()
	e.Key("rules")
	writeSlice(e, p.Rules, (*SuccessPolicyRule).encode)
	e.Extra(p.Extra)
	e.EndObject()
}

func (r *SuccessPolicyRule) encode(e *jsonwire.Encoder) {
	e.BeginObject()
	e.OptStringPtr("succeededIndexes", r.SucceededIndexes)
	e.OptInt32Ptr("succeededCount", r.SucceededCount)
	e.Extra(r.Extra)
	e.EndObject()
}

func (s *JobStatus) encode(e *jsonwire.Encoder) error {
	e.BeginObject()
	if len(s.Conditions) > 0 {
		e.Key("conditions")
		e.BeginArray()
		for i := range s.Conditions {
			e.Elem()
			if err := s.Conditions[i].encode(e); err != nil {
				return err
			}
		}
		e.EndArray()
	}
	if err := optTime(e, "startTime", s.StartTime); err != nil {
		return err
	}
	if err := optTime(e, "completionTime", s.CompletionTime); err != nil {
		return err
	}
	e.OptInt("active", int64(s.Active))
	e.OptInt("succeeded", int64(s.Succeeded))
	e.OptInt("failed", int64(s.Failed))
	e.OptInt32Ptr("terminating", s.Terminating)
	e.OptString("completedIndexes", s.CompletedIndexes)
	e.OptStringPtr("failedIndexes", s.FailedIndexes)
	if u := s.UncountedTerminatedPods; u != nil {
		e.Key("uncountedTerminatedPods")
		u.encode(e)
	}
	e.OptInt32Ptr("ready", s.Ready)
	e.Extra(s.Extra)
	e.EndObject()
	return nil
}

// optTime writes name: t unless t is nil.
func optTime(e *jsonwire.Encoder, name string, t *metav1.Time) error {
	if t == nil {
		return nil
	}
	e.Key(name)
	return e.Marshal(t)
}

func (u *UncountedTerminatedPods) encode(e *jsonwire.Encoder) {
	e.BeginObject()
	writeUIDs(e, "succeeded", u.Succeeded)
	writeUIDs(e, "failed", u.Failed)
	e.Extra(u.Extra)
	e.EndObject()
}

// writeUIDs writes name: uids unless uids is empty.
func writeUIDs(e *jsonwire.Encoder, name string, uids []types.UID) {
	if len(uids) == 0 {
		return
	}
	e.Key(name)
	writeSlice(e, uids, func(u *types.UID, e *jsonwire.Encoder) { e.String(string(*u)) })
}

func (c *JobCondition) encode(e *jsonwire.Encoder) error {
	e.BeginObject()
	e.Key("type")
	e.String(string(c.Type))
	e.Key("status")
	e.String(string(c.Status))
	e.Key("lastProbeTime")
	if err := e.Marshal(c.LastProbeTime); err != nil {
		return err
	}
	e.Key("lastTransitionTime")
	if err := e.Marshal(c.LastTransitionTime); err != nil {
		return err
	}
	e.OptString("reason", c.Reason)
	e.OptString("message", c.Message)
	e.Extra(c.Extra)
	e.EndObject()
	return nil
}

func (c *JobSchedulingConfiguration) encode(e *jsonwire.Encoder) {
	e.BeginObject()
	if p := c.SchedulingPolicy; p != nil {
		e.Key("schedulingPolicy")
		p.encode(e)
	}
	if s := c.SchedulingConstraints; s != nil {
		e.Key("schedulingConstraints")
		s.encode(e)
	}
	if m := c.DisruptionMode; m != nil {
		e.Key("disruptionMode")
		m.encode(e)
	}
	if len(c.ResourceClaims) > 0 {
		e.Key("resourceClaims")
		writeSlice(e, c.ResourceClaims, (*WorkloadPodGroupResourceClaim).encode)
	}
	e.Extra(c.Extra)
	e.EndObject()
}

func (p *WorkloadPodGroupSchedulingPolicy) encode(e *jsonwire.Encoder) {
	e.BeginObject()
	if b := p.Basic; b != nil {
		e.Key("basic")
		writeEmpty(e, b.Extra)
	}
	if g := p.Gang; g != nil {
		e.Key("gang")
		e.BeginObject()
		e.OptInt32Ptr("minCount", g.MinCount)
		e.Extra(g.Extra)
		e.EndObject()
	}
	e.Extra(p.Extra)
	e.EndObject()
}

// writeEmpty writes an object of a type that has no members.
func writeEmpty(e *jsonwire.Encoder, x Extra) {
	e.BeginObject()
	e.Extra(x)
	e.EndObject()
}

func (s *WorkloadPodGroupSchedulingConstraints) encode(e *jsonwire.Encoder) {
	e.BeginObject()
	if len(s.Topology) > 0 {
		e.Key("topology")
		writeSlice(e, s.Topology, func(t *TopologyConstraint, e *jsonwire.Encoder) {
			e.BeginObject()
			e.Key("key")
			e.String(t.Key)
			e.Extra(t.Extra)
			e.EndObject()
		})
	}
	e.Extra(s.Extra)
	e.EndObject()
}

func (m *WorkloadPodGroupDisruptionMode) encode(e *jsonwire.Encoder) {
	e.BeginObject()
	if s := m.Single; s != nil {
		e.Key("single")
		writeEmpty(e, s.Extra)
	}
	if a := m.All; a != nil {
		e.Key("all")
		writeEmpty(e, a.Extra)
	}
	e.Extra(m.Extra)
	e.EndObject()
}

func (c *WorkloadPodGroupResourceClaim) encode(e *jsonwire.Encoder) {
	e.BeginObject()
	e.Key("name")
	e.String(c.Name)
	e.OptStringPtr("resourceClaimName", c.ResourceClaimName)
	e.OptStringPtr("resourceClaimTemplateName", c.ResourceClaimTemplateName)
	e.Extra(c.Extra)
	e.EndObject()
}
