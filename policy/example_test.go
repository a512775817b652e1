package policy_test

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/jobkit/jobkit/indexes"
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/job/jobtest"
	"github.com/jobkit/jobkit/policy"
)

// A failed pod as `kubectl get pod -o json` prints it (abridged).
const failedPodJSON = `{
  "apiVersion": "v1",
  "kind": "Pod",
  "metadata": {
    "name": "train-0-x2k9p",
    "namespace": "ml",
    "uid": "3c6f3f0e-8a1c-4d2e-9b7f-0d1e2f3a4b5c",
    "creationTimestamp": "2026-03-01T12:00:00Z",
    "labels": {"batch.kubernetes.io/job-name": "train", "batch.kubernetes.io/job-completion-index": "0"},
    "annotations": {"batch.kubernetes.io/job-completion-index": "0", "batch.kubernetes.io/job-index-failure-count": "0"},
    "finalizers": ["batch.kubernetes.io/job-tracking"],
    "ownerReferences": [{"apiVersion": "batch/v1", "kind": "Job", "name": "train", "uid": "9d2c", "controller": true}]
  },
  "spec": {
    "containers": [{"name": "trainer", "image": "trainer:v1", "resources": {}}],
    "initContainers": [{"name": "proxy", "image": "envoy:v1", "restartPolicy": "Always"}],
    "restartPolicy": "Never",
    "nodeName": "node-7"
  },
  "status": {
    "phase": "Failed",
    "conditions": [
      {"type": "DisruptionTarget", "status": "False", "lastTransitionTime": "2026-03-01T12:05:00Z"},
      {"type": "Ready", "status": "False", "lastTransitionTime": "2026-03-01T12:05:03Z"}
    ],
    "initContainerStatuses": [{"name": "proxy", "ready": false, "restartCount": 0, "image": "envoy:v1", "imageID": "",
      "state": {"terminated": {"exitCode": 0, "reason": "Completed", "startedAt": "2026-03-01T12:00:05Z", "finishedAt": "2026-03-01T12:05:04Z"}}}],
    "containerStatuses": [{"name": "trainer", "ready": false, "restartCount": 0, "image": "trainer:v1", "imageID": "",
      "lastState": {},
      "state": {"terminated": {"exitCode": 3, "reason": "Error", "startedAt": "2026-03-01T12:00:06Z", "finishedAt": "2026-03-01T12:05:02Z"}}}],
    "podIP": "10.0.0.7"
  }
}`

func ExampleMatchPodFailure() {
	var pod policy.Pod
	if err := json.Unmarshal([]byte(failedPodJSON), &pod); err != nil {
		panic(err)
	}
	j := jobtest.Make("train", "ml").Indexed(8).BackoffLimitPerIndex(2).
		OnPodCondition(job.PodFailurePolicyActionIgnore, job.DisruptionTarget).
		OnExitCodes(job.PodFailurePolicyActionFailJob, job.PodFailurePolicyOnExitCodesOpIn, 3).
		Obj()

	m := policy.MatchPodFailure(j.Spec.PodFailurePolicy, &pod)
	fmt.Println(m.Rule, m.Action, m.CountFailed)
	fmt.Println(m.Message())
	fmt.Println(policy.CompletionIndex(&pod), policy.FailsIndex(j, &pod))
	fmt.Println(policy.FinishTime(&pod).UTC().Format(time.RFC3339))
	// Output:
	// 1 FailJob true
	// Container trainer for pod ml/train-0-x2k9p failed with exit code 3 matching FailJob rule at index 1
	// 0 false
	// 2026-03-01T12:05:04Z
}

func ExampleSucceededBy() {
	// Succeed once the leader (index 0) and any 3 workers have succeeded.
	sp := &job.SuccessPolicy{Rules: []job.SuccessPolicyRule{{SucceededIndexes: new("0")}, {SucceededCount: new(int32(4))}}}
	rule, ok := policy.SucceededBy(sp, 10, indexes.MustParse("2,5"))
	fmt.Println(rule, ok)
	rule, ok = policy.SucceededBy(sp, 10, indexes.MustParse("0,2,5"))
	fmt.Println(rule, ok, policy.SuccessPolicyMessage(rule))
	// Output:
	// -1 false
	// 0 true Matched rules at index 0
}

func ExampleBackoff() {
	delays := make([]time.Duration, 9)
	for n := range delays {
		delays[n] = policy.Backoff(n)
	}
	fmt.Println(delays)
	last := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	fmt.Println(policy.RemainingBackoff(3, last, last.Add(25*time.Second)))
	// Output:
	// [0s 10s 20s 40s 1m20s 2m40s 5m20s 10m0s 10m0s]
	// 15s
}
