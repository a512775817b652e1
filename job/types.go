package job

import (
	"encoding/json"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
)

// Extra holds the members of a JSON object that jobkit does not type, by name, as the raw
// JSON they were read from. Decoding fills it and encoding writes it back after the typed
// members, so a round trip loses nothing. An entry whose name is a typed member of the same
// object is ignored on encoding.
//
// +k8s:deepcopy-gen=true
type Extra map[string]json.RawMessage

// Job is a batch/v1 Job: a set of pods that run to completion.
//
// +k8s:deepcopy-gen=true
// +k8s:deepcopy-gen:interfaces=k8s.io/apimachinery/pkg/runtime.Object
type Job struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	// Spec is the desired behaviour of the Job.
	Spec JobSpec `json:"spec,omitempty"`
	// Status is the Job's observed state, written through the /status subresource.
	Status JobStatus `json:"status,omitempty"`

	// Extra holds top-level members jobkit does not know.
	Extra Extra `json:"-"`
}

// JobList is a list of Jobs.
//
// +k8s:deepcopy-gen=true
// +k8s:deepcopy-gen:interfaces=k8s.io/apimachinery/pkg/runtime.Object
type JobList struct {
	metav1.TypeMeta `json:",inline"`
	metav1.ListMeta `json:"metadata,omitempty"`

	// Items are the Jobs.
	Items []Job `json:"items"`

	// Extra holds top-level members jobkit does not know.
	Extra Extra `json:"-"`
}

// JobSpec is the desired behaviour of a Job.
//
// +k8s:deepcopy-gen=true
type JobSpec struct {
	// Parallelism is the most pods that run at once. Defaults to 1.
	Parallelism *int32 `json:"parallelism,omitempty"`
	// Completions is how many pods must succeed. Defaults to 1 when Parallelism is unset
	// too; nil means any one success completes the Job (the work-queue pattern).
	Completions *int32 `json:"completions,omitempty"`
	// ActiveDeadlineSeconds bounds, from startTime, how long the Job may run.
	ActiveDeadlineSeconds *int64 `json:"activeDeadlineSeconds,omitempty"`
	// PodFailurePolicy decides, rule by rule, what a failed pod does to the Job. Immutable.
	PodFailurePolicy *PodFailurePolicy `json:"podFailurePolicy,omitempty"`
	// SuccessPolicy says when an Indexed Job has succeeded before all indexes did. Immutable.
	SuccessPolicy *SuccessPolicy `json:"successPolicy,omitempty"`
	// BackoffLimit is how many counted failures the Job tolerates. Defaults to 6, or to
	// 2147483647 when BackoffLimitPerIndex is set.
	BackoffLimit *int32 `json:"backoffLimit,omitempty"`
	// BackoffLimitPerIndex is how many failures each index of an Indexed Job tolerates.
	// Immutable.
	BackoffLimitPerIndex *int32 `json:"backoffLimitPerIndex,omitempty"`
	// MaxFailedIndexes is how many indexes may fail before the Job fails.
	MaxFailedIndexes *int32 `json:"maxFailedIndexes,omitempty"`
	// Selector selects the Job's pods. Generated at create unless ManualSelector is true.
	// Immutable.
	Selector *metav1.LabelSelector `json:"selector,omitempty"`
	// ManualSelector turns off selector generation. Defaults to false.
	ManualSelector *bool `json:"manualSelector,omitempty"`
	// Template is the pod template. Its restartPolicy must be OnFailure or Never.
	Template PodTemplateSpec `json:"template"`
	// TTLSecondsAfterFinished is how long a finished Job is kept before it is deleted.
	TTLSecondsAfterFinished *int32 `json:"ttlSecondsAfterFinished,omitempty"`
	// CompletionMode is NonIndexed (the default) or Indexed. Immutable.
	CompletionMode *CompletionMode `json:"completionMode,omitempty"`
	// Suspend stops the Job's pods and keeps new ones from starting. Defaults to false.
	Suspend *bool `json:"suspend,omitempty"`
	// PodReplacementPolicy says when failed pods are replaced. Defaults to Failed with a pod
	// failure policy, TerminatingOrFailed without.
	PodReplacementPolicy *PodReplacementPolicy `json:"podReplacementPolicy,omitempty"`
	// ManagedBy names the controller that reconciles the Job; nil or
	// "kubernetes.io/job-controller" is the built-in one. Immutable.
	ManagedBy *string `json:"managedBy,omitempty"`
	// Scheduling configures gang scheduling (alpha, feature gate WorkloadWithJob, off by
	// default: the API server drops it on create).
	Scheduling *JobSchedulingConfiguration `json:"scheduling,omitempty"`

	// Extra holds members jobkit does not know.
	Extra Extra `json:"-"`
}

// JobStatus is the observed state of a Job.
//
// +k8s:deepcopy-gen=true
type JobStatus struct {
	// Conditions are the Job's conditions; see JobConditionType.
	Conditions []JobCondition `json:"conditions,omitempty"`
	// StartTime is when the controller started the Job (first unsuspended sync).
	StartTime *metav1.Time `json:"startTime,omitempty"`
	// CompletionTime is when the Job completed successfully. Immutable once set.
	CompletionTime *metav1.Time `json:"completionTime,omitempty"`
	// Active is the number of pending or running pods that are not terminating.
	Active int32 `json:"active,omitempty"`
	// Succeeded is the number of succeeded pods (Indexed: of completed indexes).
	Succeeded int32 `json:"succeeded,omitempty"`
	// Failed is the number of failed pods counted toward backoffLimit.
	Failed int32 `json:"failed,omitempty"`
	// Terminating is the number of pods that are terminating.
	Terminating *int32 `json:"terminating,omitempty"`
	// CompletedIndexes lists the completed indexes of an Indexed Job, as "1,3-5,7".
	CompletedIndexes string `json:"completedIndexes,omitempty"`
	// FailedIndexes lists the failed indexes of a Job with backoffLimitPerIndex.
	FailedIndexes *string `json:"failedIndexes,omitempty"`
	// UncountedTerminatedPods holds finished pods not yet counted in Succeeded or Failed.
	UncountedTerminatedPods *UncountedTerminatedPods `json:"uncountedTerminatedPods,omitempty"`
	// Ready is the number of active pods with the Ready condition.
	Ready *int32 `json:"ready,omitempty"`

	// Extra holds members jobkit does not know.
	Extra Extra `json:"-"`
}

// UncountedTerminatedPods lists, by UID, finished pods that the controller has not yet
// folded into the status counters.
//
// +k8s:deepcopy-gen=true
type UncountedTerminatedPods struct {
	// Succeeded lists succeeded pods.
	Succeeded []types.UID `json:"succeeded,omitempty"`
	// Failed lists failed pods.
	Failed []types.UID `json:"failed,omitempty"`

	// Extra holds members jobkit does not know.
	Extra Extra `json:"-"`
}

// JobCondition is one condition of a Job.
//
// +k8s:deepcopy-gen=true
type JobCondition struct {
	// Type is the condition's type.
	Type JobConditionType `json:"type"`
	// Status is True, False or Unknown.
	Status ConditionStatus `json:"status"`
	// LastProbeTime is when the condition was last checked.
	LastProbeTime metav1.Time `json:"lastProbeTime,omitempty"`
	// LastTransitionTime is when the condition last changed.
	LastTransitionTime metav1.Time `json:"lastTransitionTime,omitempty"`
	// Reason is a one-word CamelCase reason for the last transition.
	Reason string `json:"reason,omitempty"`
	// Message is a human-readable explanation.
	Message string `json:"message,omitempty"`

	// Extra holds members jobkit does not know.
	Extra Extra `json:"-"`
}

// JobTemplateSpec is a Job template, as a CronJob embeds it.
//
// +k8s:deepcopy-gen=true
type JobTemplateSpec struct {
	metav1.ObjectMeta `json:"metadata,omitempty"`

	// Spec is the spec of the Jobs created from the template.
	Spec JobSpec `json:"spec,omitempty"`

	// Extra holds members jobkit does not know.
	Extra Extra `json:"-"`
}
