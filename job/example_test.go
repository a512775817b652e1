package job_test

import (
	"fmt"

	"github.com/jobkit/jobkit/job"
)

func ExampleDecode() {
	manifest := []byte(`
apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  backoffLimt: 4
  template:
    spec:
      containers:
      - name: pi
        image: perl:5.34.0
        command: ["perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"]
      restartPolicy: Never
`)
	j, warnings, err := job.Decode(manifest, job.DecodeOptions{FieldValidation: job.Warn})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(j.Name, j.Spec.Template.Spec.Containers[0].Image)
	fmt.Println(warnings)

	_, _, err = job.Decode(manifest, job.DecodeOptions{FieldValidation: job.Strict})
	fmt.Println(err)
	// Output:
	// pi perl:5.34.0
	// [unknown field "spec.backoffLimt"]
	// document 1 (line 2): strict decoding error: unknown field "spec.backoffLimt"
}

func ExampleSetDefaults() {
	j := &job.Job{}
	j.Spec.Completions = new(int32(8))
	j.Spec.Template.Spec.RestartPolicy = job.RestartPolicyOnFailure
	job.SetDefaults(j)
	fmt.Println(*j.Spec.Completions, *j.Spec.Parallelism, *j.Spec.BackoffLimit, *j.Spec.CompletionMode, *j.Spec.PodReplacementPolicy)
	// Output: 8 1 6 NonIndexed TerminatingOrFailed
}

func ExamplePrepareForCreate() {
	j, _, _ := job.Decode([]byte(`{"metadata":{"name":"pi","uid":"u-1"},"spec":{"template":{"spec":{"containers":[{"name":"pi","image":"perl"}],"restartPolicy":"Never"}}}}`), job.DecodeOptions{})
	job.SetDefaults(j)
	job.PrepareForCreate(j, nil)
	fmt.Println(j.Spec.Selector.MatchLabels)
	fmt.Println(j.Spec.Template.Labels)
	// Output:
	// map[batch.kubernetes.io/controller-uid:u-1]
	// map[batch.kubernetes.io/controller-uid:u-1 batch.kubernetes.io/job-name:pi controller-uid:u-1 job-name:pi]
}

func ExampleParsePath() {
	p, err := job.ParsePath("/apis/batch/v1/namespaces/ml/jobs/train/status")
	fmt.Println(p.Namespace, p.Name, p.Subresource, p.Methods(), err)
	fmt.Println(job.Path{Namespace: "ml"}.String())
	// Output:
	// ml train status [GET PUT PATCH] <nil>
	// /apis/batch/v1/namespaces/ml/jobs
}
