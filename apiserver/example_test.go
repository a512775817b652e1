package apiserver_test

import (
	"fmt"

	"github.com/jobkit/jobkit/apiserver"
)

// A create, answered as the API server answers it: the causes of a 422.
func ExampleHandle() {
	body := []byte(`
apiVersion: batch/v1
kind: Job
metadata: {name: report, namespace: team-a}
spec:
  backoffLimit: -1
  template:
    spec:
      containers: [{name: main, image: busybox}]
`)
	r := apiserver.Handle(apiserver.Request{Operation: apiserver.Create, Namespace: "team-a", Body: body})
	fmt.Println(r.Code, r.Status.Reason)
	for _, err := range r.Errors {
		fmt.Println(err)
	}
	// Output:
	// 422 Invalid
	// spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0
	// spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"
}

// An update of a stored Job, and the JSON patch a mutating webhook would return.
func ExampleHandle_update() {
	created := apiserver.Handle(apiserver.Request{Operation: apiserver.Create, Namespace: "team-a", Body: []byte(
		`{"metadata":{"name":"report","labels":{"app":"report"}},"spec":{"template":{"metadata":{"labels":{"app":"report"}},"spec":{"containers":[{"name":"main","image":"busybox:1.36"}],"restartPolicy":"Never"}}}}`)})
	stored := created.Object
	stored.ResourceVersion = "1"

	update := stored.DeepCopy()
	update.Spec.Suspend = new(true)
	r := apiserver.Handle(apiserver.Request{Operation: apiserver.Update, Old: stored, Object: update})
	fmt.Println(r.Code, r.Object.Generation, string(r.Patch))
	// Output:
	// 200 2 [{"op":"replace","path":"/metadata/generation","value":2}]
}
