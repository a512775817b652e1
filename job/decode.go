package job

import (
	"encoding/json"
	"errors"
	"strings"

	"github.com/jobkit/jobkit/internal/jsonwire"
	"github.com/jobkit/jobkit/internal/quantity"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
	sigsjson "sigs.k8s.io/json"
)

// This file reads each type from JSON: typed members by name (case-sensitively, as the API
// server does) and everything else into Extra.

// UnmarshalJSON reads a Job, keeping unknown members in Extra. It replaces the whole Job.
func (j *Job) UnmarshalJSON(b []byte) error { return unmarshal(b, j.decode, j) }

// UnmarshalJSON reads a JobList, keeping unknown members in Extra.
func (l *JobList) UnmarshalJSON(b []byte) error { return unmarshal(b, l.decode, l) }

// UnmarshalJSON reads a JobSpec, keeping unknown members in Extra.
func (s *JobSpec) UnmarshalJSON(b []byte) error { return unmarshal(b, s.decode, s) }

// UnmarshalJSON reads a JobStatus, keeping unknown members in Extra.
func (s *JobStatus) UnmarshalJSON(b []byte) error { return unmarshal(b, s.decode, s) }

// UnmarshalJSON reads a JobTemplateSpec, keeping unknown members in Extra.
func (t *JobTemplateSpec) UnmarshalJSON(b []byte) error { return unmarshal(b, t.decode, t) }

// UnmarshalJSON reads a PodTemplateSpec, keeping untyped members in Extra.
func (t *PodTemplateSpec) UnmarshalJSON(b []byte) error { return unmarshal(b, t.decode, t) }

// unmarshal resets *v and decodes b into it with read.
func unmarshal[T any](b []byte, read func(*jsonwire.Decoder), v *T) error {
	var zero T
	*v = zero
	d := jsonwire.NewDecoder(b)
	read(d)
	d.Finish()
	return d.Err()
}

// unknown keeps the current member in x and reports it as unknown to the schema.
func unknown(d *jsonwire.Decoder, x *Extra) {
	d.Keep((*map[string]json.RawMessage)(x), (*jsonwire.Decoder).SkipUnknown)
}

// decodeForeign reads a value of an apimachinery type (object metadata, label selectors)
// with the strict, case-sensitive decoder the API server uses for it.
func decodeForeign(d *jsonwire.Decoder, v any, want string) {
	path := d.Path()
	raw := d.ForeignView()
	if raw == nil {
		return
	}
	decodeForeignView(d, path, raw, v, want)
}

// decodeObjectMeta is decodeForeign for object metadata: metadata that holds only names,
// labels and annotations, as a manifest's does, is read without reflection.
func decodeObjectMeta(d *jsonwire.Decoder, m *metav1.ObjectMeta) {
	path := d.Path()
	raw := d.ForeignView()
	if raw == nil {
		return
	}
	if simpleObjectMeta(raw, m) {
		return
	}
	decodeForeignView(d, path, raw, m, "object metadata")
}

// simpleObjectMeta reads raw into m, as the strict decoder would, when it is an object of
// only name, generateName, namespace, uid and resourceVersion strings, labels and
// annotations maps of strings and a null creationTimestamp, without a member twice;
// otherwise it returns false, having set nothing that reading raw the slow way does not
// set again to the same value.
func simpleObjectMeta(raw []byte, m *metav1.ObjectMeta) bool {
	d := jsonwire.NewDecoder(raw)
	for ok := d.Object(); ok && d.Member(); {
		key := string(d.Key())
		if d.Null() {
			if key == "creationTimestamp" {
				m.CreationTimestamp = metav1.Time{} // as encoders write an unset time
				continue
			}
			return false // leaves a value as it is: the slow path knows how
		}
		switch key {
		case "name":
			d.String(&m.Name)
		case "generateName":
			d.String(&m.GenerateName)
		case "namespace":
			d.String(&m.Namespace)
		case "uid":
			jsonwire.Str(d, &m.UID)
		case "resourceVersion":
			d.String(&m.ResourceVersion)
		case "labels":
			jsonwire.Map(d, &m.Labels, jsonwire.Str[string])
		case "annotations":
			jsonwire.Map(d, &m.Annotations, jsonwire.Str[string])
		default:
			return false
		}
	}
	d.Finish()
	if d.Err() != nil || len(d.Issues()) > 0 {
		return false
	}
	return true
}

// decodeForeignView reads raw, the value at path, into v.
func decodeForeignView(d *jsonwire.Decoder, path string, raw []byte, v any, want string) {
	strict, err := sigsjson.UnmarshalStrict(raw, v)
	if err != nil {
		d.AddError(path, want, err)
		return
	}
	for _, e := range strict {
		kind := jsonwire.Duplicate
		if strings.HasPrefix(e.Error(), "unknown field") {
			kind = jsonwire.Unknown
		}
		var fe sigsjson.FieldError
		if errors.As(e, &fe) {
			d.AddIssue(kind, path+"."+fe.FieldPath())
		}
	}
}

func (j *Job) decode(d *jsonwire.Decoder) {
	for ok := d.Object(); ok && d.Member(); {
		switch string(d.Key()) {
		case "apiVersion":
			d.String(&j.APIVersion)
		case "kind":
			d.String(&j.Kind)
		case "metadata":
			decodeObjectMeta(d, &j.ObjectMeta)
		case "spec":
			j.Spec.decode(d)
		case "status":
			j.Status.decode(d)
		default:
			unknown(d, &j.Extra)
		}
	}
}

func (l *JobList) decode(d *jsonwire.Decoder) {
	for ok := d.Object(); ok && d.Member(); {
		switch string(d.Key()) {
		case "apiVersion":
			d.String(&l.APIVersion)
		case "kind":
			d.String(&l.Kind)
		case "metadata":
			decodeForeign(d, &l.ListMeta, "list metadata")
		case "items":
			jsonwire.Slice(d, &l.Items, elem((*Job).decode))
		default:
			unknown(d, &l.Extra)
		}
	}
}

func (t *JobTemplateSpec) decode(d *jsonwire.Decoder) {
	for ok := d.Object(); ok && d.Member(); {
		switch string(d.Key()) {
		case "metadata":
			decodeObjectMeta(d, &t.ObjectMeta)
		case "spec":
			t.Spec.decode(d)
		default:
			unknown(d, &t.Extra)
		}
	}
}

func (s *JobSpec) decode(d *jsonwire.Decoder) {
	for ok := d.Object(); ok && d.Member(); {
		switch string(d.Key()) {
		case "parallelism":
			d.Int32Ptr(&s.Parallelism)
		case "completions":
			d.Int32Ptr(&s.Completions)
		case "activeDeadlineSeconds":
			d.Int64Ptr(&s.ActiveDeadlineSeconds)
		case "podFailurePolicy":
			readPtr(d, &s.PodFailurePolicy, (*PodFailurePolicy).decode)
		case "successPolicy":
			readPtr(d, &s.SuccessPolicy, (*SuccessPolicy).decode)
		case "backoffLimit":
			d.Int32Ptr(&s.BackoffLimit)
		case "backoffLimitPerIndex":
			d.Int32Ptr(&s.BackoffLimitPerIndex)
		case "maxFailedIndexes":
			d.Int32Ptr(&s.MaxFailedIndexes)
		case "selector":
			decodeSelector(d, &s.Selector)
		case "manualSelector":
			d.BoolPtr(&s.ManualSelector)
		case "template":
			s.Template.decode(d)
		case "ttlSecondsAfterFinished":
			d.Int32Ptr(&s.TTLSecondsAfterFinished)
		case "completionMode":
			jsonwire.StrPtr(d, &s.CompletionMode)
		case "suspend":
			d.BoolPtr(&s.Suspend)
		case "podReplacementPolicy":
			jsonwire.StrPtr(d, &s.PodReplacementPolicy)
		case "managedBy":
			d.StringPtr(&s.ManagedBy)
		case "scheduling":
			readPtr(d, &s.Scheduling, (*JobSchedulingConfiguration).decode)
		default:
			unknown(d, &s.Extra)
		}
	}
}

// readPtr reads an object into *p, allocating it unless the value is null (which sets nil).
func readPtr[T any](d *jsonwire.Decoder, p **T, read func(*T, *jsonwire.Decoder)) {
	jsonwire.Ptr(d, p, elem(read))
}

// decodeSelector reads a label selector with apimachinery's type.
func decodeSelector(d *jsonwire.Decoder, p **metav1.LabelSelector) {
	jsonwire.Ptr(d, p, func(d *jsonwire.Decoder, sel *metav1.LabelSelector) { decodeForeign(d, sel, "label selector") })
}

func (p *PodFailurePolicy) decode(d *jsonwire.Decoder) {
	for ok := d.Object(); ok && d.Member(); {
		switch string(d.Key()) {
		case "rules":
			jsonwire.Slice(d, &p.Rules, elem((*PodFailurePolicyRule).decode))
		default:
			unknown(d, &p.Extra)
		}
	}
}

// elem turns a method expression into an element reader for jsonwire.Slice.
func elem[T any](read func(*T, *jsonwire.Decoder)) func(*jsonwire.Decoder, *T) {
	return func(d *jsonwire.Decoder, v *T) { read(v, d) }
}

func (r *PodFailurePolicyRule) decode(d *jsonwire.Decoder) {
	for ok := d.Object(); ok && d.Member(); {
		switch string(d.Key()) {
		case "action":
			jsonwire.Str(d, &r.Action)
		case "onExitCodes":
			readPtr(d, &r.OnExitCodes, (*PodFailurePolicyOnExitCodesRequirement).decode)
		case "onPodConditions":
			jsonwire.Slice(d, &r.OnPodConditions, elem((*PodFailurePolicyOnPodConditionsPattern).decode))
		default:
			unknown(d, &r.Extra)
		}
	}
}

func (r *PodFailurePolicyOnExitCodesRequirement) decode(d *jsonwire.Decoder) {
	for ok := d.Object(); ok && d.Member(); {
		switch string(d.Key()) {
		case "containerName":
			d.StringPtr(&r.ContainerName)
		case "operator":
			jsonwire.Str(d, &r.Operator)
		case "values":
			jsonwire.Slice(d, &r.Values, (*jsonwire.Decoder).Int32)
		default:
			unknown(d, &r.Extra)
		}
	}
}

func (p *PodFailurePolicyOnPodConditionsPattern) decode(d *jsonwire.Decoder) {
	for ok := d.Object(); ok && d.Member(); {
		switch string(d.Key()) {
		case "type":
			jsonwire.Str(d, &p.Type)
		case "status":
			jsonwire.Str(d, &p.Status)
		default:
			unknown(d, &p.Extra)
		}
	}
}

func (p *SuccessPolicy) decode(d *jsonwire.Decoder) {
	for ok := d.Object(); ok && d.Member(); {
		switch string(d.Key()) {
		case "rules":
			jsonwire.Slice(d, &p.Rules, elem((*SuccessPolicyRule).decode))
		default:
			unknown(d, &p.Extra)
		}
	}
}

func (r *SuccessPolicyRule) decode(d *jsonwire.Decoder) {
	for ok := d.Object(); ok && d.Member(); {
		switch string(d.Key()) {
		case "succeededIndexes":
			d.StringPtr(&r.SucceededIndexes)
		case "succeededCount":
			d.Int32Ptr(&r.SucceededCount)
		default:
			unknown(d, &r.Extra)
		}
	}
}

func (s *JobStatus) decode(d *jsonwire.Decoder) {
	for ok := d.Object(); ok && d.Member(); {
		switch string(d.Key()) {
		case "conditions":
			jsonwire.Slice(d, &s.Conditions, elem((*JobCondition).decode))
		case "startTime":
			decodeTimePtr(d, &s.StartTime)
		case "completionTime":
			decodeTimePtr(d, &s.CompletionTime)
		case "active":
			d.Int32(&s.Active)
		case "succeeded":
			d.Int32(&s.Succeeded)
		case "failed":
			d.Int32(&s.Failed)
		case "terminating":
			d.Int32Ptr(&s.Terminating)
		case "completedIndexes":
			d.String(&s.CompletedIndexes)
		case "failedIndexes":
			d.StringPtr(&s.FailedIndexes)
		case "uncountedTerminatedPods":
			readPtr(d, &s.UncountedTerminatedPods, (*UncountedTerminatedPods).decode)
		case "ready":
			d.Int32Ptr(&s.Ready)
		default:
			unknown(d, &s.Extra)
		}
	}
}

// decodeTimePtr reads an RFC 3339 time into a new *metav1.Time; a null sets it to nil.
func decodeTimePtr(d *jsonwire.Decoder, p **metav1.Time) {
	jsonwire.Ptr(d, p, func(d *jsonwire.Decoder, t *metav1.Time) { d.Unmarshal(t, "time") })
}

func (u *UncountedTerminatedPods) decode(d *jsonwire.Decoder) {
	for ok := d.Object(); ok && d.Member(); {
		switch string(d.Key()) {
		case "succeeded":
			jsonwire.Slice(d, &u.Succeeded, jsonwire.Str[types.UID])
		case "failed":
			jsonwire.Slice(d, &u.Failed, jsonwire.Str[types.UID])
		default:
			unknown(d, &u.Extra)
		}
	}
}

func (c *JobCondition) decode(d *jsonwire.Decoder) {
	for ok := d.Object(); ok && d.Member(); {
		switch string(d.Key()) {
		case "type":
			jsonwire.Str(d, &c.Type)
		case "status":
			jsonwire.Str(d, &c.Status)
		case "lastProbeTime":
			d.Unmarshal(&c.LastProbeTime, "time")
		case "lastTransitionTime":
			d.Unmarshal(&c.LastTransitionTime, "time")
		case "reason":
			d.String(&c.Reason)
		case "message":
			d.String(&c.Message)
		default:
			unknown(d, &c.Extra)
		}
	}
}

func (c *JobSchedulingConfiguration) decode(d *jsonwire.Decoder) {
	for ok := d.Object(); ok && d.Member(); {
		switch string(d.Key()) {
		case "schedulingPolicy":
			readPtr(d, &c.SchedulingPolicy, (*WorkloadPodGroupSchedulingPolicy).decode)
		case "schedulingConstraints":
			readPtr(d, &c.SchedulingConstraints, (*WorkloadPodGroupSchedulingConstraints).decode)
		case "disruptionMode":
			readPtr(d, &c.DisruptionMode, (*WorkloadPodGroupDisruptionMode).decode)
		case "resourceClaims":
			jsonwire.Slice(d, &c.ResourceClaims, elem((*WorkloadPodGroupResourceClaim).decode))
		default:
			unknown(d, &c.Extra)
		}
	}
}

func (p *WorkloadPodGroupSchedulingPolicy) decode(d *jsonwire.Decoder) {
	for ok := d.Object(); ok && d.Member(); {
		switch string(d.Key()) {
		case "basic":
			readPtr(d, &p.Basic, func(b *WorkloadPodGroupBasicSchedulingPolicy, d *jsonwire.Decoder) { decodeEmpty(d, &b.Extra) })
		case "gang":
			readPtr(d, &p.Gang, (*WorkloadPodGroupGangSchedulingPolicy).decode)
		default:
			unknown(d, &p.Extra)
		}
	}
}

func (g *WorkloadPodGroupGangSchedulingPolicy) decode(d *jsonwire.Decoder) {
	for ok := d.Object(); ok && d.Member(); {
		switch string(d.Key()) {
		case "minCount":
			d.Int32Ptr(&g.MinCount)
		default:
			unknown(d, &g.Extra)
		}
	}
}

// decodeEmpty reads an object whose type has no members.
func decodeEmpty(d *jsonwire.Decoder, x *Extra) {
	for ok := d.Object(); ok && d.Member(); {
		unknown(d, x)
	}
}

func (c *WorkloadPodGroupSchedulingConstraints) decode(d *jsonwire.Decoder) {
	for ok := d.Object(); ok && d.Member(); {
		switch string(d.Key()) {
		case "topology":
			jsonwire.Slice(d, &c.Topology, elem((*TopologyConstraint).decode))
		default:
			unknown(d, &c.Extra)
		}
	}
}

func (t *TopologyConstraint) decode(d *jsonwire.Decoder) {
	for ok := d.Object(); ok && d.Member(); {
		switch string(d.Key()) {
		case "key":
			d.String(&t.Key)
		default:
			unknown(d, &t.Extra)
		}
	}
}

func (m *WorkloadPodGroupDisruptionMode) decode(d *jsonwire.Decoder) {
	for ok := d.Object(); ok && d.Member(); {
		switch string(d.Key()) {
		case "single":
			readPtr(d, &m.Single, func(s *WorkloadPodGroupSingleDisruptionMode, d *jsonwire.Decoder) { decodeEmpty(d, &s.Extra) })
		case "all":
			readPtr(d, &m.All, func(a *WorkloadPodGroupAllDisruptionMode, d *jsonwire.Decoder) { decodeEmpty(d, &a.Extra) })
		default:
			unknown(d, &m.Extra)
		}
	}
}

func (c *WorkloadPodGroupResourceClaim) decode(d *jsonwire.Decoder) {
	for ok := d.Object(); ok && d.Member(); {
		switch string(d.Key()) {
		case "name":
			d.String(&c.Name)
		case "resourceClaimName":
			d.StringPtr(&c.ResourceClaimName)
		case "resourceClaimTemplateName":
			d.StringPtr(&c.ResourceClaimTemplateName)
		default:
			unknown(d, &c.Extra)
		}
	}
}

// decodeQuantity reads a quantity as resource.Quantity does, in bounded time.
func decodeQuantity(d *jsonwire.Decoder, q *resource.Quantity) {
	d.UnmarshalFunc("quantity", func(raw []byte) error { return quantity.UnmarshalJSON(raw, q) })
}
