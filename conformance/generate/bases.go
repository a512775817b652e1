package generate

import (
	"encoding/json"

	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/utils/ptr"
)

// A base is a Job as a person writes it, valid, from which cases are mutated.
type base struct {
	name string
	job  func() *batchv1.Job
}

// bases are the Job shapes cases start from, each exercising a different part of the spec.
var bases = []base{
	{"minimal", minimalJob},
	{"indexed", func() *batchv1.Job {
		j := minimalJob()
		j.Spec.CompletionMode = ptr.To(batchv1.IndexedCompletion)
		j.Spec.Completions, j.Spec.Parallelism = ptr.To[int32](5), ptr.To[int32](2)
		return j
	}},
	{"podfailurepolicy", func() *batchv1.Job {
		j := minimalJob()
		j.Spec.PodFailurePolicy = &batchv1.PodFailurePolicy{Rules: []batchv1.PodFailurePolicyRule{
			{Action: batchv1.PodFailurePolicyActionFailJob, OnExitCodes: &batchv1.PodFailurePolicyOnExitCodesRequirement{
				ContainerName: ptr.To("main"), Operator: batchv1.PodFailurePolicyOnExitCodesOpIn, Values: []int32{42}}},
			{Action: batchv1.PodFailurePolicyActionIgnore, OnPodConditions: []batchv1.PodFailurePolicyOnPodConditionsPattern{
				{Type: corev1.DisruptionTarget, Status: corev1.ConditionTrue}}},
		}}
		return j
	}},
	{"successpolicy", func() *batchv1.Job {
		j := minimalJob()
		j.Spec.CompletionMode = ptr.To(batchv1.IndexedCompletion)
		j.Spec.Completions, j.Spec.Parallelism = ptr.To[int32](10), ptr.To[int32](10)
		j.Spec.SuccessPolicy = &batchv1.SuccessPolicy{Rules: []batchv1.SuccessPolicyRule{
			{SucceededIndexes: ptr.To("0"), SucceededCount: ptr.To[int32](1)}}}
		return j
	}},
	{"perindex", func() *batchv1.Job {
		j := minimalJob()
		j.Spec.CompletionMode = ptr.To(batchv1.IndexedCompletion)
		j.Spec.Completions, j.Spec.Parallelism = ptr.To[int32](8), ptr.To[int32](4)
		j.Spec.BackoffLimitPerIndex, j.Spec.MaxFailedIndexes = ptr.To[int32](1), ptr.To[int32](3)
		return j
	}},
	{"suspended", func() *batchv1.Job {
		j := minimalJob()
		j.Spec.Suspend = ptr.To(true)
		return j
	}},
	{"managedby", func() *batchv1.Job {
		j := minimalJob()
		j.Spec.ManagedBy = ptr.To("example.com/multikueue")
		return j
	}},
	{"manualselector", func() *batchv1.Job {
		j := minimalJob()
		j.Spec.ManualSelector = ptr.To(true)
		j.Spec.Selector = &metav1.LabelSelector{MatchLabels: map[string]string{"app": "batch"}}
		return j
	}},
	{"generatename", func() *batchv1.Job {
		j := minimalJob()
		j.Name, j.GenerateName = "", "batch-run-"
		return j
	}},
	{"full", func() *batchv1.Job {
		j := minimalJob()
		j.Spec.Completions, j.Spec.Parallelism = ptr.To[int32](6), ptr.To[int32](3)
		j.Spec.ActiveDeadlineSeconds = ptr.To[int64](3600)
		j.Spec.BackoffLimit = ptr.To[int32](4)
		j.Spec.TTLSecondsAfterFinished = ptr.To[int32](600)
		j.Spec.PodReplacementPolicy = ptr.To(batchv1.Failed)
		j.Spec.PodFailurePolicy = &batchv1.PodFailurePolicy{Rules: []batchv1.PodFailurePolicyRule{
			{Action: batchv1.PodFailurePolicyActionCount, OnExitCodes: &batchv1.PodFailurePolicyOnExitCodesRequirement{
				Operator: batchv1.PodFailurePolicyOnExitCodesOpNotIn, Values: []int32{0, 1}}}}}
		j.Spec.Template.Spec.InitContainers = []corev1.Container{{Name: "setup", Image: "busybox:1.36", Command: []string{"sh", "-c", "true"}}}
		j.Spec.Template.Spec.Volumes = []corev1.Volume{{Name: "data", VolumeSource: corev1.VolumeSource{EmptyDir: &corev1.EmptyDirVolumeSource{}}}}
		j.Spec.Template.Spec.Containers[0].VolumeMounts = []corev1.VolumeMount{{Name: "data", MountPath: "/data"}}
		j.Spec.Template.Spec.Containers[0].Ports = []corev1.ContainerPort{{Name: "http", ContainerPort: 8080}}
		j.Labels = map[string]string{"team": "a"}
		return j
	}},
}

func minimalJob() *batchv1.Job {
	return &batchv1.Job{
		TypeMeta:   metav1.TypeMeta{APIVersion: "batch/v1", Kind: "Job"},
		ObjectMeta: metav1.ObjectMeta{Name: "work", Namespace: "team-a"},
		Spec: batchv1.JobSpec{
			BackoffLimit: ptr.To[int32](2),
			Template: corev1.PodTemplateSpec{
				ObjectMeta: metav1.ObjectMeta{Labels: map[string]string{"app": "batch"}},
				Spec: corev1.PodSpec{
					Containers: []corev1.Container{{
						Name:    "main",
						Image:   "python:3.12-slim",
						Command: []string{"python", "-c", "print(1)"},
						Resources: corev1.ResourceRequirements{Requests: corev1.ResourceList{
							corev1.ResourceCPU:    resource.MustParse("500m"),
							corev1.ResourceMemory: resource.MustParse("128Mi"),
						}},
					}},
					RestartPolicy: corev1.RestartPolicyNever,
				},
			},
		},
	}
}

func marshal(v any) json.RawMessage {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}
