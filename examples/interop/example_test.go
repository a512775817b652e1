package interop_test

import (
	"fmt"

	"github.com/jobkit/jobkit/examples/interop"
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/validation"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// A controller holds k8s.io/api Jobs from its informers; jobkit validates them after a
// conversion through their shared JSON form.
func ExampleFromBatchV1() {
	cached := &batchv1.Job{
		ObjectMeta: metav1.ObjectMeta{Name: "pi", Namespace: "default", UID: "0b6a7e3c-5d2f-4c1e-9a8b-7f6e5d4c3b2a"},
		Spec: batchv1.JobSpec{
			BackoffLimit: new(int32(-1)),
			Template: corev1.PodTemplateSpec{Spec: corev1.PodSpec{
				RestartPolicy: corev1.RestartPolicyNever,
				Containers:    []corev1.Container{{Name: "pi", Image: "perl:5.34.0"}},
			}},
		},
	}
	j, err := interop.FromBatchV1(cached)
	if err != nil {
		panic(err)
	}
	job.SetDefaults(j)
	job.PrepareForCreate(j, nil)
	for _, e := range validation.ValidateJob(j, validation.Options{}) {
		fmt.Println(e)
	}
	// Output:
	// spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0
}
