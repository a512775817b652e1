package job

import (
	"slices"
	"strings"

	"github.com/jobkit/jobkit/selector"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
)

// PrepareForCreate applies what the API server does to a Job it is about to create, after
// SetDefaults and before validation (the Job strategy's PrepareForCreate):
//
//   - unless spec.manualSelector is true, the template gets the generated job-name and
//     controller-uid labels where their keys are absent, and the selector gets the
//     batch.kubernetes.io/controller-uid requirement (package selector). The Job's name and
//     UID must be set first; the API server assigns the UID before this step;
//   - the status is cleared and metadata.generation set to 1;
//   - spec.scheduling is dropped unless the WorkloadWithJob gate is on;
//   - the pod template members of pod features that are off are dropped (schedulingGroup
//     and evictionResponders among others, see [GenericWorkload] and the gates after it),
//     and so are the template's init container annotations.
//
// gates nil means Kubernetes 1.37's defaults. A nil j is left alone.
func PrepareForCreate(j *Job, gates FeatureGates) {
	if j == nil {
		return
	}
	if j.Spec.ManualSelector == nil || !*j.Spec.ManualSelector {
		j.Spec.Template.Labels = selector.AddLabels(j.Spec.Template.Labels, j.Name, j.UID)
		j.Spec.Selector = selector.AddSelector(j.Spec.Selector, j.UID)
	}
	j.Status = JobStatus{}
	j.Generation = 1
	if !gates.Enabled(WorkloadWithJob) {
		j.Spec.Scheduling = nil
	}
	dropDisabledPodFields(&j.Spec.Template, nil, gates)
}

// PrepareForUpdate applies what the API server does to an update of a Job (a PUT or PATCH
// of the Job, not of its status) before validating it against old, the stored Job
// (the Job strategy's PrepareForUpdate):
//
//   - the status is old's: status changes through the Job itself are ignored;
//   - spec.scheduling is dropped when the WorkloadWithJob gate is off and old has none;
//   - the pod template members of pod features that are off are dropped, each unless old's
//     template uses it, and the template's init container annotations are dropped;
//   - metadata.generation is old's, plus one when the spec changed;
//   - the metadata the server keeps is old's: uid and namespace when j leaves them empty,
//     resourceVersion when j leaves it empty (an unconditional update),
//     creationTimestamp, deletionTimestamp, and deletionGracePeriodSeconds when j has none.
//
// gates nil means Kubernetes 1.37's defaults. old is not modified and j shares nothing
// with it afterwards. With a nil j or old, j is left alone: there is nothing to prepare
// without both.
func PrepareForUpdate(j, old *Job, gates FeatureGates) {
	if j == nil || old == nil {
		return
	}
	keepServerMeta(j, old)
	old.Status.DeepCopyInto(&j.Status)
	if !gates.Enabled(WorkloadWithJob) && old.Spec.Scheduling == nil {
		j.Spec.Scheduling = nil
	}
	dropDisabledPodFields(&j.Spec.Template, &old.Spec.Template, gates)
	j.Generation = old.Generation
	if !j.Spec.SemanticEqual(&old.Spec) {
		j.Generation++
	}
}

// PrepareForStatusUpdate applies what the API server does to an update of a Job's
// /status before validating it against old (the status strategy's PrepareForUpdate): the spec is old's, so
// spec changes through /status are ignored, and the metadata the server keeps is old's as in
// PrepareForUpdate. old is not modified. With a nil j or old, j is left alone.
func PrepareForStatusUpdate(j, old *Job) {
	if j == nil || old == nil {
		return
	}
	keepServerMeta(j, old)
	j.Generation = old.Generation
	old.Spec.DeepCopyInto(&j.Spec)
}

// keepServerMeta copies from old the metadata the API server does not take from an update.
func keepServerMeta(j, old *Job) {
	if j.Namespace == "" {
		j.Namespace = old.Namespace
	}
	if j.ResourceVersion == "" {
		j.ResourceVersion = old.ResourceVersion
	}
	if j.UID == "" {
		j.UID = old.UID
	}
	if !old.CreationTimestamp.IsZero() {
		j.CreationTimestamp = old.CreationTimestamp
	}
	if old.DeletionTimestamp != nil {
		j.DeletionTimestamp = old.DeletionTimestamp.DeepCopy()
	}
	if old.DeletionGracePeriodSeconds != nil && j.DeletionGracePeriodSeconds == nil {
		j.DeletionGracePeriodSeconds = new(*old.DeletionGracePeriodSeconds)
	}
}

// maxGeneratedNamePrefix is how much of generateName the API server keeps before its
// five-character random suffix.
const maxGeneratedNamePrefix = 58

// SystemFields are the metadata the API server assigns to every object it creates.
type SystemFields struct {
	// UID replaces any UID the client sent.
	UID types.UID
	// CreationTimestamp replaces any creation time the client sent.
	CreationTimestamp metav1.Time
	// Namespace is the request's namespace, given to a Job that names none.
	Namespace string
	// NameSuffix completes the name of a Job that has only a generateName; the API server
	// draws five random characters.
	NameSuffix string
}

// SetSystemFields sets f on j as the API server does on create, before PrepareForCreate: a
// Job with a generateName and no name is named generateName, cut to 58 characters,
// followed by f.NameSuffix. The metadata a client may not set on create is cleared:
// deletionTimestamp, deletionGracePeriodSeconds and selfLink. A nil j is left alone.
func SetSystemFields(j *Job, f SystemFields) {
	if j != nil {
		setSystemFields(&j.ObjectMeta, f)
	}
}

// setSystemFields sets the metadata the API server assigns to an object it creates.
func setSystemFields(m *metav1.ObjectMeta, f SystemFields) {
	m.DeletionTimestamp = nil
	m.DeletionGracePeriodSeconds = nil
	//lint:ignore SA1019 the server clears the deprecated member, and so does jobkit
	m.SelfLink = ""
	m.UID = f.UID
	m.CreationTimestamp = f.CreationTimestamp
	if m.Namespace == "" {
		m.Namespace = f.Namespace
	}
	if m.Name == "" && m.GenerateName != "" {
		m.Name = m.GenerateName[:min(len(m.GenerateName), maxGeneratedNamePrefix)] + f.NameSuffix
	}
}

// DedupOwnerReferences drops every owner reference of j that is equal to an earlier one, as
// the API server does with the body of a create or update, and returns the warning the
// server then sends, or "" when there was nothing to drop. References with the same UID
// that differ in another member are all kept. A nil j has nothing to drop.
func DedupOwnerReferences(j *Job) string {
	if j == nil {
		return ""
	}
	return dedupOwnerReferences(&j.ObjectMeta)
}

func dedupOwnerReferences(m *metav1.ObjectMeta) string {
	var kept []metav1.OwnerReference
	var duplicates []string
	seen := map[types.UID]bool{}
	for _, ref := range m.OwnerReferences {
		// Only a reference whose UID was seen can be a duplicate: the list is searched then.
		if seen[ref.UID] && slices.ContainsFunc(kept, func(k metav1.OwnerReference) bool { return ownerRefsEqual(k, ref) }) {
			duplicates = append(duplicates, string(ref.UID))
			continue
		}
		seen[ref.UID] = true
		kept = append(kept, ref)
	}
	if len(duplicates) == 0 {
		return ""
	}
	m.OwnerReferences = kept
	return ".metadata.ownerReferences contains duplicate entries; API server dedups owner references in 1.20+, " +
		"and may reject such requests as early as 1.24; please fix your requests; duplicate UID(s) observed: " +
		strings.Join(duplicates, ", ")
}
