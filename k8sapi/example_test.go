package k8sapi_test

import (
	"fmt"

	"github.com/jobkit/jobkit/apiserver"
	"github.com/jobkit/jobkit/k8sapi"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// A controller or webhook holds k8s.io/api Jobs; Handle answers a create of one as the API
// server would.
func ExampleHandle() {
	j := &batchv1.Job{
		ObjectMeta: metav1.ObjectMeta{Name: "pi", Namespace: "default"},
		Spec: batchv1.JobSpec{
			BackoffLimit: new(int32(-1)),
			Template: corev1.PodTemplateSpec{Spec: corev1.PodSpec{
				RestartPolicy: corev1.RestartPolicyNever,
				Containers:    []corev1.Container{{Name: "pi", Image: "perl:5.34.0"}},
			}},
		},
	}
	r, _ := k8sapi.Handle(apiserver.Request{Operation: apiserver.Create, Namespace: "default"}, j, nil)
	fmt.Println(r.Err())
	// Output:
	// Job.batch "pi" is invalid: spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0
}

// Defaulting a k8s.io/api Job in place, as the API server defaults what it decodes.
func ExampleSetDefaults() {
	j := &batchv1.Job{Spec: batchv1.JobSpec{Template: corev1.PodTemplateSpec{Spec: corev1.PodSpec{
		Containers: []corev1.Container{{Name: "pi", Image: "perl"}},
	}}}}
	k8sapi.SetDefaults(j)
	c := j.Spec.Template.Spec.Containers[0]
	fmt.Println(*j.Spec.BackoffLimit, *j.Spec.CompletionMode, c.ImagePullPolicy, c.TerminationMessagePath)
	// Output:
	// 6 NonIndexed Always /dev/termination-log
}
