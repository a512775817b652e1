package sim_test

// The cases of the table test of upstream's sync of Jobs with a pod failure policy,
// TestSyncJobWithJobPodFailurePolicy in pkg/controller/job of Kubernetes 1.37.1: their inputs
// and expected outcomes, as facts, run through sim.Sync by upstream_test.go.

import (
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/policy"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

var podFailurePolicyCases = map[string]podFailurePolicyRow{
	"count pod failure based on OnExitCodes; both rules are matching, the first is executed only": {
		job: job.Job{
			TypeMeta:   metav1.TypeMeta{Kind: "Job"},
			ObjectMeta: validObjectMeta,
			Spec: job.JobSpec{
				Selector:     validSelector,
				Template:     validTemplate,
				Parallelism:  new(int32(1)),
				Completions:  new(int32(1)),
				BackoffLimit: new(int32(6)),
				PodFailurePolicy: &job.PodFailurePolicy{
					Rules: []job.PodFailurePolicyRule{
						{
							Action: job.PodFailurePolicyActionCount,
							OnExitCodes: &job.PodFailurePolicyOnExitCodesRequirement{
								Operator: job.PodFailurePolicyOnExitCodesOpIn,
								Values:   []int32{1, 2},
							},
						},
						{
							Action: job.PodFailurePolicyActionIgnore,
							OnExitCodes: &job.PodFailurePolicyOnExitCodesRequirement{
								Operator: job.PodFailurePolicyOnExitCodesOpIn,
								Values:   []int32{2, 3},
							},
						},
					},
				},
			},
		},
		pods: []policy.Pod{
			{
				Status: policy.PodStatus{
					Phase: policy.PodFailed,
					ContainerStatuses: []policy.ContainerStatus{
						{
							State: policy.ContainerState{
								Terminated: &policy.ContainerStateTerminated{
									ExitCode:   2,
									FinishedAt: testFinishedAt,
								},
							},
						},
					},
				},
			},
		},
		wantConditions:      nil,
		wantStatusActive:    1,
		wantStatusFailed:    1,
		wantStatusSucceeded: 0,
	},
	"count pod failure based on OnPodConditions; both rules are matching, the first is executed only": {
		job: job.Job{
			TypeMeta:   metav1.TypeMeta{Kind: "Job"},
			ObjectMeta: validObjectMeta,
			Spec: job.JobSpec{
				Selector:     validSelector,
				Template:     validTemplate,
				Parallelism:  new(int32(1)),
				Completions:  new(int32(1)),
				BackoffLimit: new(int32(6)),
				PodFailurePolicy: &job.PodFailurePolicy{
					Rules: []job.PodFailurePolicyRule{
						{
							Action: job.PodFailurePolicyActionCount,
							OnPodConditions: []job.PodFailurePolicyOnPodConditionsPattern{
								{
									Type:   job.PodConditionType("ResourceLimitExceeded"),
									Status: job.ConditionTrue,
								},
							},
						},
						{
							Action: job.PodFailurePolicyActionIgnore,
							OnPodConditions: []job.PodFailurePolicyOnPodConditionsPattern{
								{
									Type:   job.DisruptionTarget,
									Status: job.ConditionTrue,
								},
							},
						},
					},
				},
			},
		},
		pods: []policy.Pod{
			{
				Status: policy.PodStatus{
					Phase: policy.PodFailed,
					Conditions: []policy.PodCondition{
						{
							Type:   job.PodConditionType("ResourceLimitExceeded"),
							Status: job.ConditionTrue,
						},
						{
							Type:   job.DisruptionTarget,
							Status: job.ConditionTrue,
						},
					},
					ContainerStatuses: []policy.ContainerStatus{
						{
							State: policy.ContainerState{
								Terminated: &policy.ContainerStateTerminated{
									FinishedAt: testFinishedAt,
								},
							},
						},
					},
				},
			},
		},
		wantConditions:      nil,
		wantStatusActive:    1,
		wantStatusFailed:    1,
		wantStatusSucceeded: 0,
	},
	"default handling for pod failure if the container matching the exit codes does not match the containerName restriction": {
		job: job.Job{
			TypeMeta:   metav1.TypeMeta{Kind: "Job"},
			ObjectMeta: validObjectMeta,
			Spec: job.JobSpec{
				Selector:     validSelector,
				Template:     validTemplate,
				Parallelism:  new(int32(1)),
				Completions:  new(int32(1)),
				BackoffLimit: new(int32(6)),
				PodFailurePolicy: &job.PodFailurePolicy{
					Rules: []job.PodFailurePolicyRule{
						{
							Action: job.PodFailurePolicyActionIgnore,
							OnExitCodes: &job.PodFailurePolicyOnExitCodesRequirement{
								ContainerName: new("main-container"),
								Operator:      job.PodFailurePolicyOnExitCodesOpIn,
								Values:        []int32{1, 2, 3},
							},
						},
						{
							Action: job.PodFailurePolicyActionFailJob,
							OnExitCodes: &job.PodFailurePolicyOnExitCodesRequirement{
								ContainerName: new("main-container"),
								Operator:      job.PodFailurePolicyOnExitCodesOpIn,
								Values:        []int32{5, 6, 7},
							},
						},
					},
				},
			},
		},
		pods: []policy.Pod{
			{
				Status: policy.PodStatus{
					Phase: policy.PodFailed,
					ContainerStatuses: []policy.ContainerStatus{
						{
							Name: "monitoring-container",
							State: policy.ContainerState{
								Terminated: &policy.ContainerStateTerminated{
									ExitCode: 5,
								},
							},
						},
						{
							Name: "main-container",
							State: policy.ContainerState{
								Terminated: &policy.ContainerStateTerminated{
									ExitCode:   42,
									FinishedAt: testFinishedAt,
								},
							},
						},
					},
				},
			},
		},
		wantConditions:      nil,
		wantStatusActive:    1,
		wantStatusSucceeded: 0,
		wantStatusFailed:    1,
	},
	"default handling job based on OnExitCodes with NotIn operator": {
		job: job.Job{
			TypeMeta:   metav1.TypeMeta{Kind: "Job"},
			ObjectMeta: validObjectMeta,
			Spec: job.JobSpec{
				Selector:     validSelector,
				Template:     validTemplate,
				Parallelism:  new(int32(1)),
				Completions:  new(int32(1)),
				BackoffLimit: new(int32(6)),
				PodFailurePolicy: &job.PodFailurePolicy{
					Rules: []job.PodFailurePolicyRule{
						{
							Action: job.PodFailurePolicyActionFailJob,
							OnExitCodes: &job.PodFailurePolicyOnExitCodesRequirement{
								Operator: job.PodFailurePolicyOnExitCodesOpNotIn,
								Values:   []int32{5, 6, 7},
							},
						},
					},
				},
			},
		},
		pods: []policy.Pod{
			{
				Status: policy.PodStatus{
					Phase: policy.PodFailed,
					ContainerStatuses: []policy.ContainerStatus{
						{
							Name: "main-container",
							State: policy.ContainerState{
								Terminated: &policy.ContainerStateTerminated{
									ExitCode:   5,
									FinishedAt: testFinishedAt,
								},
							},
						},
					},
				},
			},
		},
		wantConditions:      nil,
		wantStatusActive:    1,
		wantStatusFailed:    1,
		wantStatusSucceeded: 0,
	},
	"default job based on OnExitCodes": {
		job: job.Job{
			TypeMeta:   metav1.TypeMeta{Kind: "Job"},
			ObjectMeta: validObjectMeta,
			Spec: job.JobSpec{
				Selector:     validSelector,
				Template:     validTemplate,
				Parallelism:  new(int32(1)),
				Completions:  new(int32(1)),
				BackoffLimit: new(int32(0)),
				PodFailurePolicy: &job.PodFailurePolicy{
					Rules: onExitCodeRules,
				},
			},
		},
		pods: []policy.Pod{
			{
				Status: policy.PodStatus{
					Phase: policy.PodFailed,
					ContainerStatuses: []policy.ContainerStatus{
						{
							State: policy.ContainerState{
								Terminated: &policy.ContainerStateTerminated{
									ExitCode: 10,
								},
							},
						},
					},
				},
			},
		},
		wantConditions: []job.JobCondition{
			{
				Type:    job.JobFailureTarget,
				Status:  job.ConditionTrue,
				Reason:  job.JobReasonBackoffLimitExceeded,
				Message: "Job has reached the specified backoff limit",
			},
			{
				Type:    job.JobFailed,
				Status:  job.ConditionTrue,
				Reason:  job.JobReasonBackoffLimitExceeded,
				Message: "Job has reached the specified backoff limit",
			},
		},
		wantStatusActive:    0,
		wantStatusFailed:    1,
		wantStatusSucceeded: 0,
	},
	"default job based on OnExitCodes; JobManagedBy enabled triggers adding interim condition": {
		enableJobManagedBy: true,
		job: job.Job{
			TypeMeta:   metav1.TypeMeta{Kind: "Job"},
			ObjectMeta: validObjectMeta,
			Spec: job.JobSpec{
				Selector:     validSelector,
				Template:     validTemplate,
				Parallelism:  new(int32(1)),
				Completions:  new(int32(1)),
				BackoffLimit: new(int32(0)),
				PodFailurePolicy: &job.PodFailurePolicy{
					Rules: onExitCodeRules,
				},
			},
		},
		pods: []policy.Pod{
			{
				Status: policy.PodStatus{
					Phase: policy.PodFailed,
					ContainerStatuses: []policy.ContainerStatus{
						{
							State: policy.ContainerState{
								Terminated: &policy.ContainerStateTerminated{
									ExitCode: 10,
								},
							},
						},
					},
				},
			},
		},
		wantConditions: []job.JobCondition{
			{
				Type:    job.JobFailureTarget,
				Status:  job.ConditionTrue,
				Reason:  job.JobReasonBackoffLimitExceeded,
				Message: "Job has reached the specified backoff limit",
			},
			{
				Type:    job.JobFailed,
				Status:  job.ConditionTrue,
				Reason:  job.JobReasonBackoffLimitExceeded,
				Message: "Job has reached the specified backoff limit",
			},
		},
		wantStatusActive:    0,
		wantStatusFailed:    1,
		wantStatusSucceeded: 0,
	},
	"fail indexed job based on OnExitCodes": {
		job: job.Job{
			TypeMeta:   metav1.TypeMeta{Kind: "Job"},
			ObjectMeta: validObjectMeta,
			Spec: job.JobSpec{
				Selector:       validSelector,
				Template:       validTemplate,
				CompletionMode: &indexedCompletionMode,
				Parallelism:    new(int32(1)),
				Completions:    new(int32(1)),
				BackoffLimit:   new(int32(6)),
				PodFailurePolicy: &job.PodFailurePolicy{
					Rules: onExitCodeRules,
				},
			},
		},
		pods: []policy.Pod{
			{
				Status: policy.PodStatus{
					Phase: policy.PodFailed,
					ContainerStatuses: []policy.ContainerStatus{
						{
							Name: "main-container",
							State: policy.ContainerState{
								Terminated: &policy.ContainerStateTerminated{
									ExitCode: 5,
								},
							},
						},
					},
				},
			},
		},
		wantConditions: []job.JobCondition{
			{
				Type:    job.JobFailureTarget,
				Status:  job.ConditionTrue,
				Reason:  job.JobReasonPodFailurePolicy,
				Message: "Container main-container for pod default/mypod-0 failed with exit code 5 matching FailJob rule at index 1",
			},
			{
				Type:    job.JobFailed,
				Status:  job.ConditionTrue,
				Reason:  job.JobReasonPodFailurePolicy,
				Message: "Container main-container for pod default/mypod-0 failed with exit code 5 matching FailJob rule at index 1",
			},
		},
		wantStatusActive:    0,
		wantStatusFailed:    1,
		wantStatusSucceeded: 0,
	},
	"fail job based on OnExitCodes for InitContainer": {
		job: job.Job{
			TypeMeta:   metav1.TypeMeta{Kind: "Job"},
			ObjectMeta: validObjectMeta,
			Spec: job.JobSpec{
				Selector:     validSelector,
				Template:     validTemplate,
				Parallelism:  new(int32(1)),
				Completions:  new(int32(1)),
				BackoffLimit: new(int32(6)),
				PodFailurePolicy: &job.PodFailurePolicy{
					Rules: onExitCodeRules,
				},
			},
		},
		pods: []policy.Pod{
			{
				Status: policy.PodStatus{
					Phase: policy.PodFailed,
					InitContainerStatuses: []policy.ContainerStatus{
						{
							Name: "init-container",
							State: policy.ContainerState{
								Terminated: &policy.ContainerStateTerminated{
									ExitCode: 5,
								},
							},
						},
					},
					ContainerStatuses: []policy.ContainerStatus{
						{
							Name: "main-container",
							State: policy.ContainerState{
								Terminated: &policy.ContainerStateTerminated{
									ExitCode: 143,
								},
							},
						},
					},
				},
			},
		},
		wantConditions: []job.JobCondition{
			{
				Type:    job.JobFailureTarget,
				Status:  job.ConditionTrue,
				Reason:  job.JobReasonPodFailurePolicy,
				Message: "Container init-container for pod default/mypod-0 failed with exit code 5 matching FailJob rule at index 1",
			},
			{
				Type:    job.JobFailed,
				Status:  job.ConditionTrue,
				Reason:  job.JobReasonPodFailurePolicy,
				Message: "Container init-container for pod default/mypod-0 failed with exit code 5 matching FailJob rule at index 1",
			},
		},
		wantStatusActive:    0,
		wantStatusFailed:    1,
		wantStatusSucceeded: 0,
	},
	"fail job based on OnExitCodes with NotIn operator": {
		job: job.Job{
			TypeMeta:   metav1.TypeMeta{Kind: "Job"},
			ObjectMeta: validObjectMeta,
			Spec: job.JobSpec{
				Selector:     validSelector,
				Template:     validTemplate,
				Parallelism:  new(int32(1)),
				Completions:  new(int32(1)),
				BackoffLimit: new(int32(6)),
				PodFailurePolicy: &job.PodFailurePolicy{
					Rules: []job.PodFailurePolicyRule{
						{
							Action: job.PodFailurePolicyActionFailJob,
							OnExitCodes: &job.PodFailurePolicyOnExitCodesRequirement{
								Operator: job.PodFailurePolicyOnExitCodesOpNotIn,
								Values:   []int32{5, 6, 7},
							},
						},
					},
				},
			},
		},
		pods: []policy.Pod{
			{
				Status: policy.PodStatus{
					Phase: policy.PodFailed,
					ContainerStatuses: []policy.ContainerStatus{
						{
							Name: "main-container",
							State: policy.ContainerState{
								Terminated: &policy.ContainerStateTerminated{
									ExitCode: 42,
								},
							},
						},
					},
				},
			},
		},
		wantConditions: []job.JobCondition{
			{
				Type:    job.JobFailureTarget,
				Status:  job.ConditionTrue,
				Reason:  job.JobReasonPodFailurePolicy,
				Message: "Container main-container for pod default/mypod-0 failed with exit code 42 matching FailJob rule at index 0",
			},
			{
				Type:    job.JobFailed,
				Status:  job.ConditionTrue,
				Reason:  job.JobReasonPodFailurePolicy,
				Message: "Container main-container for pod default/mypod-0 failed with exit code 42 matching FailJob rule at index 0",
			},
		},
		wantStatusActive:    0,
		wantStatusFailed:    1,
		wantStatusSucceeded: 0,
	},
	"fail job based on OnExitCodes": {
		job: job.Job{
			TypeMeta:   metav1.TypeMeta{Kind: "Job"},
			ObjectMeta: validObjectMeta,
			Spec: job.JobSpec{
				Selector:     validSelector,
				Template:     validTemplate,
				Parallelism:  new(int32(1)),
				Completions:  new(int32(1)),
				BackoffLimit: new(int32(6)),
				PodFailurePolicy: &job.PodFailurePolicy{
					Rules: onExitCodeRules,
				},
			},
		},
		pods: []policy.Pod{
			{
				Status: policy.PodStatus{
					Phase: policy.PodFailed,
					ContainerStatuses: []policy.ContainerStatus{
						{
							Name: "main-container",
							State: policy.ContainerState{
								Terminated: &policy.ContainerStateTerminated{
									ExitCode: 5,
								},
							},
						},
					},
				},
			},
		},
		wantConditions: []job.JobCondition{
			{
				Type:    job.JobFailureTarget,
				Status:  job.ConditionTrue,
				Reason:  job.JobReasonPodFailurePolicy,
				Message: "Container main-container for pod default/mypod-0 failed with exit code 5 matching FailJob rule at index 1",
			},
			{
				Type:    job.JobFailed,
				Status:  job.ConditionTrue,
				Reason:  job.JobReasonPodFailurePolicy,
				Message: "Container main-container for pod default/mypod-0 failed with exit code 5 matching FailJob rule at index 1",
			},
		},
		wantStatusActive:    0,
		wantStatusFailed:    1,
		wantStatusSucceeded: 0,
	},
	"fail job based on OnPodConditions": {
		job: job.Job{
			TypeMeta:   metav1.TypeMeta{Kind: "Job"},
			ObjectMeta: validObjectMeta,
			Spec: job.JobSpec{
				Selector:     validSelector,
				Template:     validTemplate,
				Parallelism:  new(int32(1)),
				Completions:  new(int32(1)),
				BackoffLimit: new(int32(6)),
				PodFailurePolicy: &job.PodFailurePolicy{
					Rules: []job.PodFailurePolicyRule{
						{
							Action: job.PodFailurePolicyActionFailJob,
							OnPodConditions: []job.PodFailurePolicyOnPodConditionsPattern{
								{
									Type:   job.DisruptionTarget,
									Status: job.ConditionTrue,
								},
							},
						},
					},
				},
			},
		},
		pods: []policy.Pod{
			{
				Status: policy.PodStatus{
					Phase: policy.PodFailed,
					Conditions: []policy.PodCondition{
						{
							Type:   job.DisruptionTarget,
							Status: job.ConditionTrue,
						},
					},
				},
			},
		},
		wantConditions: []job.JobCondition{
			{
				Type:    job.JobFailureTarget,
				Status:  job.ConditionTrue,
				Reason:  job.JobReasonPodFailurePolicy,
				Message: "Pod default/mypod-0 has condition DisruptionTarget matching FailJob rule at index 0",
			},
			{
				Type:    job.JobFailed,
				Status:  job.ConditionTrue,
				Reason:  job.JobReasonPodFailurePolicy,
				Message: "Pod default/mypod-0 has condition DisruptionTarget matching FailJob rule at index 0",
			},
		},
		wantStatusActive:    0,
		wantStatusFailed:    1,
		wantStatusSucceeded: 0,
	},
	"fail job with multiple pods": {
		job: job.Job{
			TypeMeta:   metav1.TypeMeta{Kind: "Job"},
			ObjectMeta: validObjectMeta,
			Spec: job.JobSpec{
				Selector:     validSelector,
				Template:     validTemplate,
				Parallelism:  new(int32(2)),
				Completions:  new(int32(2)),
				BackoffLimit: new(int32(6)),
				PodFailurePolicy: &job.PodFailurePolicy{
					Rules: onExitCodeRules,
				},
			},
		},
		pods: []policy.Pod{
			{
				Status: policy.PodStatus{
					Phase: policy.PodRunning,
				},
			},
			{
				Status: policy.PodStatus{
					Phase: policy.PodFailed,
					ContainerStatuses: []policy.ContainerStatus{
						{
							Name: "main-container",
							State: policy.ContainerState{
								Terminated: &policy.ContainerStateTerminated{
									ExitCode: 5,
								},
							},
						},
					},
				},
			},
		},
		wantConditions: []job.JobCondition{
			{
				Type:    job.JobFailureTarget,
				Status:  job.ConditionTrue,
				Reason:  job.JobReasonPodFailurePolicy,
				Message: "Container main-container for pod default/mypod-1 failed with exit code 5 matching FailJob rule at index 1",
			},
		},
		wantStatusActive:      0,
		wantStatusFailed:      2,
		wantStatusTerminating: new(int32(1)),
		wantStatusSucceeded:   0,
	},
	"fail job with multiple pods; JobManagedBy enabled delays setting terminal condition": {
		enableJobManagedBy: true,
		job: job.Job{
			TypeMeta:   metav1.TypeMeta{Kind: "Job"},
			ObjectMeta: validObjectMeta,
			Spec: job.JobSpec{
				Selector:     validSelector,
				Template:     validTemplate,
				Parallelism:  new(int32(2)),
				Completions:  new(int32(2)),
				BackoffLimit: new(int32(6)),
				PodFailurePolicy: &job.PodFailurePolicy{
					Rules: onExitCodeRules,
				},
			},
		},
		pods: []policy.Pod{
			{
				Status: policy.PodStatus{
					Phase: policy.PodRunning,
				},
			},
			{
				Status: policy.PodStatus{
					Phase: policy.PodFailed,
					ContainerStatuses: []policy.ContainerStatus{
						{
							Name: "main-container",
							State: policy.ContainerState{
								Terminated: &policy.ContainerStateTerminated{
									ExitCode: 5,
								},
							},
						},
					},
				},
			},
		},
		wantConditions: []job.JobCondition{
			{
				Type:    job.JobFailureTarget,
				Status:  job.ConditionTrue,
				Reason:  job.JobReasonPodFailurePolicy,
				Message: "Container main-container for pod default/mypod-1 failed with exit code 5 matching FailJob rule at index 1",
			},
		},
		wantStatusActive:      0,
		wantStatusFailed:      2,
		wantStatusTerminating: new(int32(1)),
		wantStatusSucceeded:   0,
	},
	"ignore pod failure based on OnExitCodes": {
		job: job.Job{
			TypeMeta:   metav1.TypeMeta{Kind: "Job"},
			ObjectMeta: validObjectMeta,
			Spec: job.JobSpec{
				Selector:     validSelector,
				Template:     validTemplate,
				Parallelism:  new(int32(1)),
				Completions:  new(int32(1)),
				BackoffLimit: new(int32(0)),
				PodFailurePolicy: &job.PodFailurePolicy{
					Rules: onExitCodeRules,
				},
			},
		},
		pods: []policy.Pod{
			{
				Status: policy.PodStatus{
					Phase: policy.PodFailed,
					ContainerStatuses: []policy.ContainerStatus{
						{
							State: policy.ContainerState{
								Terminated: &policy.ContainerStateTerminated{
									ExitCode: 1,
								},
							},
						},
					},
				},
			},
		},
		wantConditions:      nil,
		wantStatusActive:    1,
		wantStatusFailed:    0,
		wantStatusSucceeded: 0,
	},
	"ignore pod failure based on OnPodConditions": {
		job: job.Job{
			TypeMeta:   metav1.TypeMeta{Kind: "Job"},
			ObjectMeta: validObjectMeta,
			Spec: job.JobSpec{
				Selector:     validSelector,
				Template:     validTemplate,
				Parallelism:  new(int32(1)),
				Completions:  new(int32(1)),
				BackoffLimit: new(int32(0)),
				PodFailurePolicy: &job.PodFailurePolicy{
					Rules: []job.PodFailurePolicyRule{
						{
							Action: job.PodFailurePolicyActionIgnore,
							OnPodConditions: []job.PodFailurePolicyOnPodConditionsPattern{
								{
									Type:   job.DisruptionTarget,
									Status: job.ConditionTrue,
								},
							},
						},
					},
				},
			},
		},
		pods: []policy.Pod{
			{
				Status: policy.PodStatus{
					Phase: policy.PodFailed,
					Conditions: []policy.PodCondition{
						{
							Type:   job.DisruptionTarget,
							Status: job.ConditionTrue,
						},
					},
				},
			},
		},
		wantConditions:      nil,
		wantStatusActive:    1,
		wantStatusFailed:    0,
		wantStatusSucceeded: 0,
	},
	"ignore pod failure based on OnPodConditions, ignored failures delays pod recreation": {
		job: job.Job{
			TypeMeta:   metav1.TypeMeta{Kind: "Job"},
			ObjectMeta: validObjectMeta,
			Spec: job.JobSpec{
				Selector:     validSelector,
				Template:     validTemplate,
				Parallelism:  new(int32(1)),
				Completions:  new(int32(1)),
				BackoffLimit: new(int32(0)),
				PodFailurePolicy: &job.PodFailurePolicy{
					Rules: []job.PodFailurePolicyRule{
						{
							Action: job.PodFailurePolicyActionIgnore,
							OnPodConditions: []job.PodFailurePolicyOnPodConditionsPattern{
								{
									Type:   job.DisruptionTarget,
									Status: job.ConditionTrue,
								},
							},
						},
					},
				},
			},
		},
		pods: []policy.Pod{
			{
				ObjectMeta: metav1.ObjectMeta{
					DeletionTimestamp: &now,
				},
				Status: policy.PodStatus{
					Phase: policy.PodFailed,
					Conditions: []policy.PodCondition{
						{
							Type:   job.DisruptionTarget,
							Status: job.ConditionTrue,
						},
					},
				},
			},
		},
		wantConditions:      nil,
		wantStatusActive:    0,
		wantStatusFailed:    0,
		wantStatusSucceeded: 0,
	},
	"ignore pod failure; both rules are matching, the first is executed only": {
		job: job.Job{
			TypeMeta:   metav1.TypeMeta{Kind: "Job"},
			ObjectMeta: validObjectMeta,
			Spec: job.JobSpec{
				Selector:     validSelector,
				Template:     validTemplate,
				Parallelism:  new(int32(1)),
				Completions:  new(int32(1)),
				BackoffLimit: new(int32(0)),
				PodFailurePolicy: &job.PodFailurePolicy{
					Rules: onExitCodeRules,
				},
			},
		},
		pods: []policy.Pod{
			{
				Status: policy.PodStatus{
					Phase: policy.PodFailed,
					ContainerStatuses: []policy.ContainerStatus{
						{
							Name: "container1",
							State: policy.ContainerState{
								Terminated: &policy.ContainerStateTerminated{
									ExitCode: 2,
								},
							},
						},
						{
							Name: "container2",
							State: policy.ContainerState{
								Terminated: &policy.ContainerStateTerminated{
									ExitCode: 6,
								},
							},
						},
					},
				},
			},
		},
		wantConditions:      nil,
		wantStatusActive:    1,
		wantStatusFailed:    0,
		wantStatusSucceeded: 0,
	},
	"job marked already as failure target with failed pod": {
		job: job.Job{
			TypeMeta:   metav1.TypeMeta{Kind: "Job"},
			ObjectMeta: validObjectMeta,
			Spec: job.JobSpec{
				Selector:     validSelector,
				Template:     validTemplate,
				Parallelism:  new(int32(1)),
				Completions:  new(int32(1)),
				BackoffLimit: new(int32(6)),
				PodFailurePolicy: &job.PodFailurePolicy{
					Rules: onExitCodeRules,
				},
			},
			Status: job.JobStatus{
				Conditions: []job.JobCondition{
					{
						Type:    job.JobFailureTarget,
						Status:  job.ConditionTrue,
						Reason:  job.JobReasonPodFailurePolicy,
						Message: "Container main-container for pod default/mypod-0 failed with exit code 5 matching FailJob rule at index 1",
					},
				},
			},
		},
		pods: []policy.Pod{
			{
				Status: policy.PodStatus{
					Phase: policy.PodFailed,
					ContainerStatuses: []policy.ContainerStatus{
						{
							Name: "main-container",
							State: policy.ContainerState{
								Terminated: &policy.ContainerStateTerminated{
									ExitCode: 5,
								},
							},
						},
					},
				},
			},
		},
		wantConditions: []job.JobCondition{
			{
				Type:    job.JobFailureTarget,
				Status:  job.ConditionTrue,
				Reason:  job.JobReasonPodFailurePolicy,
				Message: "Container main-container for pod default/mypod-0 failed with exit code 5 matching FailJob rule at index 1",
			},
			{
				Type:    job.JobFailed,
				Status:  job.ConditionTrue,
				Reason:  job.JobReasonPodFailurePolicy,
				Message: "Container main-container for pod default/mypod-0 failed with exit code 5 matching FailJob rule at index 1",
			},
		},
		wantStatusActive:    0,
		wantStatusFailed:    1,
		wantStatusSucceeded: 0,
	},
	"job marked already as failure target with failed pod, message based on already deleted pod": {
		job: job.Job{
			TypeMeta:   metav1.TypeMeta{Kind: "Job"},
			ObjectMeta: validObjectMeta,
			Spec: job.JobSpec{
				Selector:     validSelector,
				Template:     validTemplate,
				Parallelism:  new(int32(1)),
				Completions:  new(int32(1)),
				BackoffLimit: new(int32(6)),
				PodFailurePolicy: &job.PodFailurePolicy{
					Rules: onExitCodeRules,
				},
			},
			Status: job.JobStatus{
				Conditions: []job.JobCondition{
					{
						Type:    job.JobFailureTarget,
						Status:  job.ConditionTrue,
						Reason:  job.JobReasonPodFailurePolicy,
						Message: "Container main-container for pod default/already-deleted-pod failed with exit code 5 matching FailJob rule at index 1",
					},
				},
			},
		},
		pods: []policy.Pod{
			{
				Status: policy.PodStatus{
					Phase: policy.PodFailed,
					ContainerStatuses: []policy.ContainerStatus{
						{
							Name: "main-container",
							State: policy.ContainerState{
								Terminated: &policy.ContainerStateTerminated{
									ExitCode: 5,
								},
							},
						},
					},
				},
			},
		},
		wantConditions: []job.JobCondition{
			{
				Type:    job.JobFailureTarget,
				Status:  job.ConditionTrue,
				Reason:  job.JobReasonPodFailurePolicy,
				Message: "Container main-container for pod default/already-deleted-pod failed with exit code 5 matching FailJob rule at index 1",
			},
			{
				Type:    job.JobFailed,
				Status:  job.ConditionTrue,
				Reason:  job.JobReasonPodFailurePolicy,
				Message: "Container main-container for pod default/already-deleted-pod failed with exit code 5 matching FailJob rule at index 1",
			},
		},
		wantStatusActive:    0,
		wantStatusFailed:    1,
		wantStatusSucceeded: 0,
	},
	"running pod should not result in job fail based on OnExitCodes": {
		job: job.Job{
			TypeMeta:   metav1.TypeMeta{Kind: "Job"},
			ObjectMeta: validObjectMeta,
			Spec: job.JobSpec{
				Selector:     validSelector,
				Template:     validTemplate,
				Parallelism:  new(int32(1)),
				Completions:  new(int32(1)),
				BackoffLimit: new(int32(6)),
				PodFailurePolicy: &job.PodFailurePolicy{
					Rules: onExitCodeRules,
				},
			},
		},
		pods: []policy.Pod{
			{
				Status: policy.PodStatus{
					Phase: policy.PodRunning,
					ContainerStatuses: []policy.ContainerStatus{
						{
							Name: "main-container",
							State: policy.ContainerState{
								Terminated: &policy.ContainerStateTerminated{
									ExitCode: 5,
								},
							},
						},
					},
				},
			},
		},
		wantConditions:      nil,
		wantStatusActive:    1,
		wantStatusFailed:    0,
		wantStatusSucceeded: 0,
	},
	"terminating Pod not considered failed when JobPodFailurePolicy is used": {
		job: job.Job{
			TypeMeta:   metav1.TypeMeta{Kind: "Job"},
			ObjectMeta: validObjectMeta,
			Spec: job.JobSpec{
				Parallelism:  new(int32(1)),
				Selector:     validSelector,
				Template:     validTemplate,
				BackoffLimit: new(int32(0)),
				PodFailurePolicy: &job.PodFailurePolicy{
					Rules: []job.PodFailurePolicyRule{
						{
							Action: job.PodFailurePolicyActionCount,
							OnPodConditions: []job.PodFailurePolicyOnPodConditionsPattern{
								{
									Type:   job.DisruptionTarget,
									Status: job.ConditionTrue,
								},
							},
						},
					},
				},
			},
		},
		pods: []policy.Pod{
			{
				ObjectMeta: metav1.ObjectMeta{
					DeletionTimestamp: &now,
				},
			},
		},
		wantStatusTerminating: new(int32(1)),
	},
}
