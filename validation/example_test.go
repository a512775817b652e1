package validation_test

import (
	"fmt"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/job/jobtest"
	"github.com/jobkit/jobkit/validation"
)

func ExampleValidateJob() {
	manifest := []byte(`
apiVersion: batch/v1
kind: Job
metadata: {name: train, namespace: ml}
spec:
  completionMode: Indexed
  completions: 4
  parallelism: 2
  podFailurePolicy:
    rules:
    - action: FailJob
      onExitCodes: {operator: In, values: [3, 1, 0]}
  template:
    spec:
      restartPolicy: OnFailure
      containers: [{name: main, image: trainer:v1}]
`)
	j, _, err := job.Decode(manifest, job.DecodeOptions{})
	if err != nil {
		panic(err)
	}
	// What the API server does before validating a create.
	job.SetDefaults(j)
	job.SetSystemFields(j, job.SystemFields{UID: "6f3e0b9e-2d7c-4c1e-9d0f-1a2b3c4d5e6f"})
	job.PrepareForCreate(j, nil)

	for _, err := range validation.ValidateJob(j, validation.Options{}) {
		fmt.Println(err.Type, err.Field)
	}
	// Output:
	// Invalid value spec.podFailurePolicy.rules[0].onExitCodes.values[2]
	// Invalid value spec.podFailurePolicy.rules[0].onExitCodes.values
	// Invalid value spec.template.spec.restartPolicy
}

func ExampleValidateJobUpdate() {
	old := jobtest.Make("train", "ml").Indexed(4).Parallelism(4).Obj()
	old.ResourceVersion = "7"

	scaled := old.DeepCopy()
	scaled.Spec.Completions = new(int32(8)) // elastic Indexed Jobs scale completions with parallelism
	job.PrepareForUpdate(scaled, old, nil)
	fmt.Println(validation.ValidateJobUpdate(scaled, old, validation.Options{}))

	scaled.Spec.Parallelism = new(int32(8))
	fmt.Println(validation.ValidateJobUpdate(scaled, old, validation.Options{}))
	// Output:
	// [spec.completions: Invalid value: 8: can only be modified in tandem with spec.parallelism]
	// []
}

func ExampleInvalidError() {
	j := jobtest.Make("pi", "default").BackoffLimit(-1).Obj()
	err := validation.InvalidError(j.Name, validation.ValidateJob(j, validation.Options{}))
	fmt.Println(err.Status().Code, err)
	// Output:
	// 422 Job.batch "pi" is invalid: spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0
}
