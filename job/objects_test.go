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
`
	type got struct {
		kind, name, err string
		item            int
	}
	var docs []got
	for d := range job.Documents(strings.NewReader(manifest), job.DecodeOptions{AllKinds: true}) {
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
		{err: "document 5 (line 22): batch/v1beta1 CronJob was removed in Kubernetes 1.25: use batch/v1", item: -1},
		{item: -1}, // not an object of the API
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
