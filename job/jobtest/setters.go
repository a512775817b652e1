package jobtest

import (
	"github.com/jobkit/jobkit/job"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
)

// Setters of the Job's metadata and of its pod template that controller tests reach for.

// WithUID sets the Job's UID. The generated selector and template labels keep the UID Make
// derived; set ManualSelector-style labels yourself when they must follow.
func (w *Wrapper) WithUID(uid types.UID) *Wrapper {
	w.UID = uid
	return w
}

// Generation sets metadata.generation.
func (w *Wrapper) Generation(n int64) *Wrapper {
	w.ObjectMeta.Generation = n
	return w
}

// Finalizers appends finalizers to the Job.
func (w *Wrapper) Finalizers(names ...string) *Wrapper {
	w.ObjectMeta.Finalizers = append(w.ObjectMeta.Finalizers, names...)
	return w
}

// OwnedBy appends an owner reference: the owner's apiVersion, kind, name and UID, as the
// controlling owner when controller is true (with blockOwnerDeletion, as controllers set it).
func (w *Wrapper) OwnedBy(apiVersion, kind, name string, uid types.UID, controller bool) *Wrapper {
	ref := metav1.OwnerReference{APIVersion: apiVersion, Kind: kind, Name: name, UID: uid}
	if controller {
		ref.Controller, ref.BlockOwnerDeletion = new(true), new(true)
	}
	w.OwnerReferences = append(w.OwnerReferences, ref)
	return w
}

// NodeSelector sets a node selector label of the template.
func (w *Wrapper) NodeSelector(key, value string) *Wrapper {
	w.Spec.Template.Spec.NodeSelector = set(w.Spec.Template.Spec.NodeSelector, key, value)
	return w
}

// Toleration appends a toleration to the template.
func (w *Wrapper) Toleration(t job.Toleration) *Wrapper {
	w.Spec.Template.Spec.Tolerations = append(w.Spec.Template.Spec.Tolerations, t)
	return w
}

// PriorityClass sets the template's priorityClassName.
func (w *Wrapper) PriorityClass(name string) *Wrapper {
	w.Spec.Template.Spec.PriorityClassName = name
	return w
}

// ServiceAccount sets the template's serviceAccountName (and the deprecated serviceAccount
// with it, as defaulting keeps them equal).
func (w *Wrapper) ServiceAccount(name string) *Wrapper {
	w.Spec.Template.Spec.ServiceAccountName, w.Spec.Template.Spec.DeprecatedServiceAccount = name, name
	return w
}

// Env appends an environment variable to the first container.
func (w *Wrapper) Env(name, value string) *Wrapper {
	c := &w.Spec.Template.Spec.Containers[0]
	c.Env = append(c.Env, job.EnvVar{Name: name, Value: value})
	return w
}

// Args sets the arguments of the first container.
func (w *Wrapper) Args(args ...string) *Wrapper {
	w.Spec.Template.Spec.Containers[0].Args = args
	return w
}

// Privileged makes the first container privileged.
func (w *Wrapper) Privileged() *Wrapper {
	c := &w.Spec.Template.Spec.Containers[0]
	if c.SecurityContext == nil {
		c.SecurityContext = &job.SecurityContext{}
	}
	c.SecurityContext.Privileged = new(true)
	return w
}
