package job

import (
	"slices"

	"github.com/jobkit/jobkit/internal/jsonwire"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
)

// This file writes each type as JSON: typed members in struct order with the omission
// rules of batch/v1, then the Extra members in name order.

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
func (t PodTemplateSpec) MarshalJSON() ([]byte, error) { return marshal(t.encode) }

// marshal runs write on a fresh encoder.
func marshal(write func(*jsonwire.Encoder) error) ([]byte, error) {
	e := jsonwire.NewEncoder(make([]byte, 0, 1024))
	if err := write(e); err != nil {
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
	if err := s.Template.encode(e); err != nil {
		return err
	}
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

func (t *PodTemplateSpec) encode(e *jsonwire.Encoder) error {
	e.BeginObject()
	e.Key("metadata")
	if err := e.Marshal(&t.ObjectMeta); err != nil {
		return err
	}
	e.Key("spec")
	t.Spec.encode(e)
	e.Extra(t.Extra)
	e.EndObject()
	return nil
}

func (s *PodSpec) encode(e *jsonwire.Encoder) {
	e.BeginObject()
	if len(s.Volumes) > 0 {
		e.Key("volumes")
		writeSlice(e, s.Volumes, (*Volume).encode)
	}
	if len(s.InitContainers) > 0 {
		e.Key("initContainers")
		writeSlice(e, s.InitContainers, (*Container).encode)
	}
	e.Key("containers")
	writeSlice(e, s.Containers, (*Container).encode)
	e.OptString("restartPolicy", string(s.RestartPolicy))
	e.OptInt64Ptr("activeDeadlineSeconds", s.ActiveDeadlineSeconds)
	if s.HostNetwork {
		e.Key("hostNetwork")
		e.Bool(true)
	}
	if s.SecurityContext != nil {
		e.Key("securityContext")
		s.SecurityContext.encode(e)
	}
	if len(s.Tolerations) > 0 {
		e.Key("tolerations")
		writeSlice(e, s.Tolerations, (*Toleration).encode)
	}
	e.OptString("dnsPolicy", string(s.DNSPolicy))
	e.OptStringMap("nodeSelector", s.NodeSelector)
	e.OptString("serviceAccountName", s.ServiceAccountName)
	e.OptString("hostname", s.Hostname)
	e.OptString("subdomain", s.Subdomain)
	e.OptString("priorityClassName", s.PriorityClassName)
	if len(s.SchedulingGates) > 0 {
		e.Key("schedulingGates")
		writeSlice(e, s.SchedulingGates, (*PodSchedulingGate).encode)
	}
	e.Extra(s.Extra)
	e.EndObject()
}

func (c *Container) encode(e *jsonwire.Encoder) {
	e.BeginObject()
	e.Key("name")
	e.String(c.Name)
	e.OptString("image", c.Image)
	if len(c.Command) > 0 {
		e.Key("command")
		e.Strings(c.Command)
	}
	if len(c.Args) > 0 {
		e.Key("args")
		e.Strings(c.Args)
	}
	if len(c.Ports) > 0 {
		e.Key("ports")
		writeSlice(e, c.Ports, (*ContainerPort).encode)
	}
	if len(c.Env) > 0 {
		e.Key("env")
		writeSlice(e, c.Env, (*EnvVar).encode)
	}
	e.Key("resources")
	c.Resources.encode(e)
	if len(c.VolumeMounts) > 0 {
		e.Key("volumeMounts")
		writeSlice(e, c.VolumeMounts, (*VolumeMount).encode)
	}
	e.OptString("imagePullPolicy", string(c.ImagePullPolicy))
	optStringPtr(e, "restartPolicy", c.RestartPolicy)
	if c.SecurityContext != nil {
		e.Key("securityContext")
		c.SecurityContext.encode(e)
	}
	writeProbe(e, "livenessProbe", c.LivenessProbe)
	writeProbe(e, "readinessProbe", c.ReadinessProbe)
	writeProbe(e, "startupProbe", c.StartupProbe)
	e.Extra(c.Extra)
	e.EndObject()
}

func (v *Volume) encode(e *jsonwire.Encoder) { writeNamed(e, v.Name, v.Extra) }

// writeNamed writes an object whose only typed member is its name.
func writeNamed(e *jsonwire.Encoder, name string, extra Extra) {
	e.BeginObject()
	e.Key("name")
	e.String(name)
	e.Extra(extra)
	e.EndObject()
}

func (m *VolumeMount) encode(e *jsonwire.Encoder) {
	e.BeginObject()
	e.Key("name")
	e.String(m.Name)
	e.Key("mountPath")
	e.String(m.MountPath)
	e.Extra(m.Extra)
	e.EndObject()
}

func (p *ContainerPort) encode(e *jsonwire.Encoder) {
	e.BeginObject()
	e.OptString("name", p.Name)
	e.OptInt("hostPort", int64(p.HostPort))
	e.Key("containerPort")
	e.Int(int64(p.ContainerPort))
	e.OptString("protocol", string(p.Protocol))
	e.OptString("hostIP", p.HostIP)
	e.Extra(p.Extra)
	e.EndObject()
}

func (v *EnvVar) encode(e *jsonwire.Encoder) {
	e.BeginObject()
	e.Key("name")
	e.String(v.Name)
	e.OptString("value", v.Value)
	e.Extra(v.Extra)
	e.EndObject()
}

func (c *SecurityContext) encode(e *jsonwire.Encoder) {
	e.BeginObject()
	e.OptBoolPtr("privileged", c.Privileged)
	e.OptInt64Ptr("runAsUser", c.RunAsUser)
	e.OptInt64Ptr("runAsGroup", c.RunAsGroup)
	e.OptBoolPtr("allowPrivilegeEscalation", c.AllowPrivilegeEscalation)
	e.Extra(c.Extra)
	e.EndObject()
}

func (c *PodSecurityContext) encode(e *jsonwire.Encoder) {
	e.BeginObject()
	e.OptInt64Ptr("runAsUser", c.RunAsUser)
	e.OptInt64Ptr("runAsGroup", c.RunAsGroup)
	if len(c.SupplementalGroups) > 0 {
		e.Key("supplementalGroups")
		writeSlice(e, c.SupplementalGroups, func(v *int64, e *jsonwire.Encoder) { e.Int(*v) })
	}
	e.OptInt64Ptr("fsGroup", c.FSGroup)
	e.Extra(c.Extra)
	e.EndObject()
}

func (t *Toleration) encode(e *jsonwire.Encoder) {
	e.BeginObject()
	e.OptString("key", t.Key)
	e.OptString("operator", string(t.Operator))
	e.OptString("value", t.Value)
	e.OptString("effect", string(t.Effect))
	e.OptInt64Ptr("tolerationSeconds", t.TolerationSeconds)
	e.Extra(t.Extra)
	e.EndObject()
}

// writeProbe writes the member name: p, unless p is nil.
func writeProbe(e *jsonwire.Encoder, name string, p *Probe) {
	if p == nil {
		return
	}
	e.Key(name)
	e.BeginObject()
	e.OptInt("initialDelaySeconds", int64(p.InitialDelaySeconds))
	e.OptInt("timeoutSeconds", int64(p.TimeoutSeconds))
	e.OptInt("periodSeconds", int64(p.PeriodSeconds))
	e.OptInt("successThreshold", int64(p.SuccessThreshold))
	e.OptInt("failureThreshold", int64(p.FailureThreshold))
	e.OptInt64Ptr("terminationGracePeriodSeconds", p.TerminationGracePeriodSeconds)
	e.Extra(p.Extra)
	e.EndObject()
}

func (g *PodSchedulingGate) encode(e *jsonwire.Encoder) { writeNamed(e, g.Name, g.Extra) }

func (r *ResourceRequirements) encode(e *jsonwire.Encoder) {
	e.BeginObject()
	writeResourceList(e, "limits", r.Limits)
	writeResourceList(e, "requests", r.Requests)
	e.Extra(r.Extra)
	e.EndObject()
}

// writeResourceList writes name: list, keys sorted, unless list is empty.
func writeResourceList(e *jsonwire.Encoder, name string, list ResourceList) {
	if len(list) == 0 {
		return
	}
	keys := make([]ResourceName, 0, len(list))
	for k := range list {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	e.Key(name)
	e.BeginObject()
	for _, k := range keys {
		q := list[k]
		e.Key(string(k))
		e.String(q.String())
	}
	e.EndObject()
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
