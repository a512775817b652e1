package job_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/jobkit/jobkit/job"
)

func TestAllKinds(t *testing.T) {
	manifest := `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec: {replicas: "three"}
---
apiVersion: batch/v1
kind: Job
metadata: {name: pi}
spec: {template: {spec: {containers: [{name: c, image: perl}], restartPolicy: Never}}}
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec: {schedule: "@daily", jobTemplate: {spec: {template: {spec: {containers: [{name: c, image: perl}]}}}}}
---
apiVersion: v1
kind: List
items:
- {apiVersion: v1, kind: Service, metadata: {name: s}}
- {apiVersion: batch/v1, kind: Job, metadata: {name: listed}}
---
apiVersion: batch/v1beta1
kind: CronJob
metadata: {name: old}
---
image: {tag: latest}
replicas: 2
---
apiVersion: batch/v1
kind: Job
metadata: {name: typo}
spec: {backofLimit: 1}
---
apiVersion: v1
kind: List
items:
- {apiVersion: batch/v1, kind: CronJob, metadata: {name: typo}, spec: {schedul: "@daily"}}
---
kind: Job
metadata: {name: versionless}
---
apiVersion: batch/v2
kind: Job
metadata: {name: future}
---
apiVersion: batch.volcano.sh/v1alpha1
kind: Job
metadata: {name: volcano}
`
	type got struct {
		kind, name, err string
		item            int
	}
	var docs []got
	for d := range job.Documents(strings.NewReader(manifest), job.DecodeOptions{AllKinds: true, FieldValidation: job.Strict}) {
		g := got{kind: d.Kind, item: d.Item}
		switch {
		case d.Err != nil:
			g.err = d.Err.Error()
		case d.Job != nil:
			g.name = d.Job.Name
		case d.CronJob != nil:
			g.name = d.CronJob.Name
		}
		docs = append(docs, g)
	}
	want := []got{
		{kind: "Deployment", item: -1},
		{kind: "Job", name: "pi", item: -1},
		{kind: "CronJob", name: "nightly", item: -1},
		{kind: "Service", item: 0},
		{kind: "Job", name: "listed", item: 1},
		{kind: "CronJob", err: "document 5 (line 22): batch/v1beta1 CronJob was removed in Kubernetes 1.25: use batch/v1", item: -1},
		{item: -1}, // not an object of the API
		// Documents that cannot be read still name their kind.
		{kind: "Job", err: `document 7 (line 29): strict decoding error: unknown field "spec.backofLimit"`, item: -1},
		{kind: "CronJob", err: `document 8 (line 34), item 0: strict decoding error: unknown field "spec.schedul"`, item: 0},
		// A Job without apiVersion is read as the endpoint reads it; a version of batch
		// that is not served is an error; a Job of another group is another kind.
		{kind: "Job", name: "versionless", item: -1},
		{kind: "Job", err: "document 10 (line 42): batch/v2 Job is not served: use batch/v1", item: -1},
		{kind: "Job", item: -1},
	}
	if !slices.Equal(docs, want) {
		t.Errorf("documents\n got %+v\nwant %+v", docs, want)
	}
	// Without AllKinds, only Jobs are read.
	for d := range job.Documents(strings.NewReader(manifest), job.DecodeOptions{}) {
		if d.Number == 1 && (d.Err == nil || !strings.Contains(d.Err.Error(), `apiVersion "apps/v1" is not batch/v1`)) {
			t.Errorf("a Deployment without AllKinds: %v", d.Err)
		}
	}
}

func TestCronJobRoundTrip(t *testing.T) {
	in := `{"kind":"CronJob","apiVersion":"batch/v1","metadata":{"name":"nightly"},"spec":{"schedule":"@daily","timeZone":"UTC","startingDeadlineSeconds":30,"concurrencyPolicy":"Forbid","suspend":false,"jobTemplate":{"metadata":{},"spec":{"template":{"metadata":{},"spec":{"containers":[{"name":"c","image":"perl","resources":{}}]}}}},"successfulJobsHistoryLimit":3,"failedJobsHistoryLimit":1},"status":{"active":[{"kind":"Job","name":"nightly-1"}],"lastScheduleTime":"2025-01-01T00:00:00Z"}}`
	var c job.CronJob
	if err := c.UnmarshalJSON([]byte(in)); err != nil {
		t.Fatal(err)
	}
	out, err := c.MarshalJSON()
	if err != nil || string(out) != in {
		t.Errorf("round trip\n got %s\nwant %s (%v)", out, in, err)
	}
}
