package jobtest

import (
	"crypto/sha256"
	"encoding/hex"
	"maps"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/selector"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
)

// Wrapper wraps a Job under construction.
type Wrapper struct {
	job.Job
}

// Make returns a valid Job named name in namespace: one container "main" running busybox,
// restartPolicy Never, the batch/v1 defaults, the UID UID(name, namespace), and the
// generated selector and template labels, which the Job's own labels copy as the API server
// shows them for a Job created without labels.
func Make(name, namespace string) *Wrapper {
	w := &Wrapper{job.Job{
		TypeMeta: metav1.TypeMeta{APIVersion: job.SchemeGroupVersion.String(), Kind: job.Kind},
		ObjectMeta: metav1.ObjectMeta{
			Name:       name,
			Namespace:  namespace,
			UID:        UID(name, namespace),
			Generation: 1,
		},
		Spec: job.JobSpec{
			Template: job.PodTemplateSpec{Spec: job.PodSpec{
				RestartPolicy: job.RestartPolicyNever,
				Containers:    []job.Container{{Name: "main", Image: "busybox"}},
			}},
		},
	}}
	job.SetDefaults(&w.Job)
	w.Spec.Template.Labels = selector.AddLabels(nil, name, w.UID)
	w.Spec.Selector = selector.ForJob(w.UID)
	w.Labels = maps.Clone(w.Spec.Template.Labels) // as the server shows a Job without labels
	return w
}

// Obj returns the Job itself; later setters change it too.
func (w *Wrapper) Obj() *job.Job { return &w.Job }

// Clone returns a deep copy of the wrapper.
func (w *Wrapper) Clone() *Wrapper { return &Wrapper{*w.DeepCopy()} }

// Label sets a label of the Job.
func (w *Wrapper) Label(key, value string) *Wrapper {
	w.Labels = set(w.Labels, key, value)
	return w
}

// Annotation sets an annotation of the Job.
func (w *Wrapper) Annotation(key, value string) *Wrapper {
	w.Annotations = set(w.Annotations, key, value)
	return w
}

// PodLabel sets a label of the pod template.
func (w *Wrapper) PodLabel(key, value string) *Wrapper {
	w.Spec.Template.Labels = set(w.Spec.Template.Labels, key, value)
	return w
}

// PodAnnotation sets an annotation of the pod template.
func (w *Wrapper) PodAnnotation(key, value string) *Wrapper {
	w.Spec.Template.Annotations = set(w.Spec.Template.Annotations, key, value)
	return w
}

func set(m map[string]string, key, value string) map[string]string {
	if m == nil {
		m = map[string]string{}
	}
	m[key] = value
	return m
}

// Parallelism sets spec.parallelism.
func (w *Wrapper) Parallelism(n int32) *Wrapper {
	w.Spec.Parallelism = &n
	return w
}

// Completions sets spec.completions.
func (w *Wrapper) Completions(n int32) *Wrapper {
	w.Spec.Completions = &n
	return w
}

// Indexed makes the Job Indexed with the given number of completions.
func (w *Wrapper) Indexed(completions int32) *Wrapper {
	w.Spec.CompletionMode = new(job.IndexedCompletion)
	return w.Completions(completions)
}

// ActiveDeadlineSeconds sets spec.activeDeadlineSeconds.
func (w *Wrapper) ActiveDeadlineSeconds(s int64) *Wrapper {
	w.Spec.ActiveDeadlineSeconds = &s
	return w
}

// BackoffLimit sets spec.backoffLimit.
func (w *Wrapper) BackoffLimit(n int32) *Wrapper {
	w.Spec.BackoffLimit = &n
	return w
}

// BackoffLimitPerIndex sets spec.backoffLimitPerIndex (and, if it is still the default of
// 6, spec.backoffLimit to 2147483647, as defaulting would have).
func (w *Wrapper) BackoffLimitPerIndex(n int32) *Wrapper {
	w.Spec.BackoffLimitPerIndex = &n
	if b := w.Spec.BackoffLimit; b != nil && *b == 6 {
		w.Spec.BackoffLimit = nil
		job.SetDefaults(&w.Job)
	}
	return w
}

// MaxFailedIndexes sets spec.maxFailedIndexes.
func (w *Wrapper) MaxFailedIndexes(n int32) *Wrapper {
	w.Spec.MaxFailedIndexes = &n
	return w
}

// TTLSecondsAfterFinished sets spec.ttlSecondsAfterFinished.
func (w *Wrapper) TTLSecondsAfterFinished(s int32) *Wrapper {
	w.Spec.TTLSecondsAfterFinished = &s
	return w
}

// Suspend sets spec.suspend.
func (w *Wrapper) Suspend(s bool) *Wrapper {
	w.Spec.Suspend = &s
	return w
}

// ManagedBy sets spec.managedBy.
func (w *Wrapper) ManagedBy(controller string) *Wrapper {
	w.Spec.ManagedBy = &controller
	return w
}

// PodReplacementPolicy sets spec.podReplacementPolicy.
func (w *Wrapper) PodReplacementPolicy(p job.PodReplacementPolicy) *Wrapper {
	w.Spec.PodReplacementPolicy = &p
	return w
}

// PodFailurePolicyRule appends a rule to spec.podFailurePolicy, creating the policy and
// setting podReplacementPolicy to Failed, as a policy requires.
func (w *Wrapper) PodFailurePolicyRule(r job.PodFailurePolicyRule) *Wrapper {
	if w.Spec.PodFailurePolicy == nil {
		w.Spec.PodFailurePolicy = &job.PodFailurePolicy{}
	}
	w.Spec.PodFailurePolicy.Rules = append(w.Spec.PodFailurePolicy.Rules, r)
	w.Spec.PodReplacementPolicy = new(job.Failed)
	return w
}

// OnExitCodes appends a pod failure policy rule that matches exit codes.
func (w *Wrapper) OnExitCodes(action job.PodFailurePolicyAction, op job.PodFailurePolicyOnExitCodesOperator, values ...int32) *Wrapper {
	return w.PodFailurePolicyRule(job.PodFailurePolicyRule{
		Action:      action,
		OnExitCodes: &job.PodFailurePolicyOnExitCodesRequirement{Operator: op, Values: values},
	})
}

// OnPodCondition appends a pod failure policy rule that matches a pod condition with
// status True.
func (w *Wrapper) OnPodCondition(action job.PodFailurePolicyAction, condition job.PodConditionType) *Wrapper {
	return w.PodFailurePolicyRule(job.PodFailurePolicyRule{
		Action:          action,
		OnPodConditions: []job.PodFailurePolicyOnPodConditionsPattern{{Type: condition, Status: job.ConditionTrue}},
	})
}

// SuccessPolicyRule appends a rule to spec.successPolicy: indexes ("" for none) and count
// (negative for none).
func (w *Wrapper) SuccessPolicyRule(indexes string, count int32) *Wrapper {
	var r job.SuccessPolicyRule
	if indexes != "" {
		r.SucceededIndexes = &indexes
	}
	if count >= 0 {
		r.SucceededCount = &count
	}
	if w.Spec.SuccessPolicy == nil {
		w.Spec.SuccessPolicy = &job.SuccessPolicy{}
	}
	w.Spec.SuccessPolicy.Rules = append(w.Spec.SuccessPolicy.Rules, r)
	return w
}

// RestartPolicy sets the template's restartPolicy.
func (w *Wrapper) RestartPolicy(p job.RestartPolicy) *Wrapper {
	w.Spec.Template.Spec.RestartPolicy = p
	return w
}

// Image sets the image of the first container.
func (w *Wrapper) Image(image string) *Wrapper {
	w.Spec.Template.Spec.Containers[0].Image = image
	return w
}

// Command sets the command of the first container.
func (w *Wrapper) Command(command ...string) *Wrapper {
	w.Spec.Template.Spec.Containers[0].Command = command
	return w
}

// Container appends a container.
func (w *Wrapper) Container(name, image string) *Wrapper {
	w.Spec.Template.Spec.Containers = append(w.Spec.Template.Spec.Containers, job.Container{Name: name, Image: image})
	return w
}

// InitContainer appends an init container.
func (w *Wrapper) InitContainer(name, image string) *Wrapper {
	w.Spec.Template.Spec.InitContainers = append(w.Spec.Template.Spec.InitContainers, job.Container{Name: name, Image: image})
	return w
}

// Sidecar appends an init container with restartPolicy Always.
func (w *Wrapper) Sidecar(name, image string) *Wrapper {
	w.Spec.Template.Spec.InitContainers = append(w.Spec.Template.Spec.InitContainers,
		job.Container{Name: name, Image: image, RestartPolicy: new(job.ContainerRestartPolicyAlways)})
	return w
}

// Request sets a resource request of the first container, such as Request("cpu", "500m").
// It panics on a malformed quantity, as resource.MustParse does: fixtures are code.
func (w *Wrapper) Request(name job.ResourceName, quantity string) *Wrapper {
	r := &w.Spec.Template.Spec.Containers[0].Resources
	r.Requests = setQuantity(r.Requests, name, quantity)
	return w
}

// Limit sets a resource limit of the first container.
func (w *Wrapper) Limit(name job.ResourceName, quantity string) *Wrapper {
	r := &w.Spec.Template.Spec.Containers[0].Resources
	r.Limits = setQuantity(r.Limits, name, quantity)
	return w
}

func setQuantity(l job.ResourceList, name job.ResourceName, quantity string) job.ResourceList {
	if l == nil {
		l = job.ResourceList{}
	}
	l[name] = resource.MustParse(quantity)
	return l
}

// UID returns the UID Make gives a Job: a UUID derived from the namespace and name, so that
// fixtures are stable from run to run.
func UID(name, namespace string) types.UID {
	sum := sha256.Sum256([]byte(namespace + "/" + name))
	h := hex.EncodeToString(sum[:16])
	return types.UID(h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32])
}
