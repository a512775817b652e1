package job

import "github.com/jobkit/jobkit/selector"

const labelPrefix = "batch.kubernetes.io/"

// Well-known labels, annotations, the finalizer and the controller name of batch/v1 Jobs.
const (
	// CronJobScheduledTimestampAnnotation is set by the CronJob controller on the Jobs it
	// creates: the scheduled time, in RFC 3339.
	CronJobScheduledTimestampAnnotation = labelPrefix + "cronjob-scheduled-timestamp"

	// JobCompletionIndexAnnotation holds the completion index of a pod of an Indexed Job.
	// The same key is used as a pod label.
	JobCompletionIndexAnnotation = labelPrefix + "job-completion-index"

	// JobTrackingFinalizer is the finalizer the Job controller puts on the pods it tracks.
	JobTrackingFinalizer = labelPrefix + "job-tracking"

	// JobNameLabel is the template and pod label that holds the Job's name.
	JobNameLabel = selector.JobNameLabel

	// ControllerUidLabel is the template and pod label that holds the Job's UID; generated
	// selectors select on it.
	ControllerUidLabel = selector.ControllerUIDLabel

	// LegacyJobNameLabel is the unprefixed job-name label, still stamped for compatibility.
	LegacyJobNameLabel = selector.LegacyJobNameLabel

	// LegacyControllerUidLabel is the unprefixed controller-uid label, still stamped for
	// compatibility.
	LegacyControllerUidLabel = selector.LegacyControllerUIDLabel

	// JobIndexFailureCountAnnotation counts the earlier counted failures of a pod's index
	// (Jobs with backoffLimitPerIndex).
	JobIndexFailureCountAnnotation = labelPrefix + "job-index-failure-count"

	// JobIndexIgnoredFailureCountAnnotation counts the earlier failures of a pod's index
	// that the pod failure policy ignored.
	JobIndexIgnoredFailureCountAnnotation = labelPrefix + "job-index-ignored-failure-count"

	// JobControllerName is the spec.managedBy value that names the built-in Job controller.
	JobControllerName = "kubernetes.io/job-controller"

	// GroupTemplateNameAnnotation marks a child Job whose parent manages its PodGroup
	// (alpha, WorkloadWithJob).
	GroupTemplateNameAnnotation = "scheduling.k8s.io/group-template-name"

	// CompletionIndexEnvName is the environment variable that carries the completion index
	// into every container of an Indexed Job's pods.
	CompletionIndexEnvName = "JOB_COMPLETION_INDEX"
)

// CompletionMode says how a Job's pods complete it.
type CompletionMode string

const (
	// NonIndexedCompletion: the Job is complete when completions pods have succeeded.
	NonIndexedCompletion CompletionMode = "NonIndexed"
	// IndexedCompletion: each pod gets a completion index from 0 to completions-1, and the
	// Job is complete when one pod of every index has succeeded.
	IndexedCompletion CompletionMode = "Indexed"
)

// PodFailurePolicyAction is what a matching pod failure policy rule does.
type PodFailurePolicyAction string

const (
	// PodFailurePolicyActionFailJob fails the Job and terminates its pods.
	PodFailurePolicyActionFailJob PodFailurePolicyAction = "FailJob"
	// PodFailurePolicyActionFailIndex fails the pod's index (needs backoffLimitPerIndex).
	PodFailurePolicyActionFailIndex PodFailurePolicyAction = "FailIndex"
	// PodFailurePolicyActionIgnore does not count the failure; a replacement is created.
	PodFailurePolicyActionIgnore PodFailurePolicyAction = "Ignore"
	// PodFailurePolicyActionCount counts the failure, as without a policy.
	PodFailurePolicyActionCount PodFailurePolicyAction = "Count"
)

// PodFailurePolicyOnExitCodesOperator relates a container's exit code to a value list.
type PodFailurePolicyOnExitCodesOperator string

const (
	// PodFailurePolicyOnExitCodesOpIn matches exit codes in the list.
	PodFailurePolicyOnExitCodesOpIn PodFailurePolicyOnExitCodesOperator = "In"
	// PodFailurePolicyOnExitCodesOpNotIn matches exit codes not in the list.
	PodFailurePolicyOnExitCodesOpNotIn PodFailurePolicyOnExitCodesOperator = "NotIn"
)

// PodReplacementPolicy says when a replacement pod is created.
type PodReplacementPolicy string

const (
	// TerminatingOrFailed replaces a pod as soon as it is terminating or has failed.
	TerminatingOrFailed PodReplacementPolicy = "TerminatingOrFailed"
	// Failed replaces a pod only once it has failed (reached phase Failed).
	Failed PodReplacementPolicy = "Failed"
)

// JobConditionType is the type of a Job condition.
type JobConditionType string

const (
	// JobSuspended: the Job is suspended (True) or was resumed (False).
	JobSuspended JobConditionType = "Suspended"
	// JobComplete: the Job has completed successfully. Terminal.
	JobComplete JobConditionType = "Complete"
	// JobFailed: the Job has failed. Terminal.
	JobFailed JobConditionType = "Failed"
	// JobFailureTarget: failure is decided; pods are being terminated.
	JobFailureTarget JobConditionType = "FailureTarget"
	// JobSuccessCriteriaMet: success is decided; pods are being terminated.
	JobSuccessCriteriaMet JobConditionType = "SuccessCriteriaMet"
)

// Reasons of the conditions the Job controller adds.
const (
	// JobReasonPodFailurePolicy: a FailJob rule of the pod failure policy matched.
	JobReasonPodFailurePolicy = "PodFailurePolicy"
	// JobReasonBackoffLimitExceeded: more pods failed than backoffLimit allows.
	JobReasonBackoffLimitExceeded = "BackoffLimitExceeded"
	// JobReasonDeadlineExceeded: activeDeadlineSeconds passed.
	JobReasonDeadlineExceeded = "DeadlineExceeded"
	// JobReasonMaxFailedIndexesExceeded: more indexes failed than maxFailedIndexes allows.
	JobReasonMaxFailedIndexesExceeded = "MaxFailedIndexesExceeded"
	// JobReasonFailedIndexes: every index finished and some failed.
	JobReasonFailedIndexes = "FailedIndexes"
	// JobReasonSuccessPolicy: a success policy rule was met.
	JobReasonSuccessPolicy = "SuccessPolicy"
	// JobReasonCompletionsReached: the number of completions was reached.
	JobReasonCompletionsReached = "CompletionsReached"
	// JobReasonSuspended is the reason of the Suspended=True condition.
	JobReasonSuspended = "JobSuspended"
	// JobReasonResumed is the reason of the Suspended=False condition.
	JobReasonResumed = "JobResumed"
)

// ConditionStatus is the status of a condition (core/v1 ConditionStatus).
type ConditionStatus string

const (
	// ConditionTrue means the condition holds.
	ConditionTrue ConditionStatus = "True"
	// ConditionFalse means the condition does not hold.
	ConditionFalse ConditionStatus = "False"
	// ConditionUnknown means it is not known whether the condition holds.
	ConditionUnknown ConditionStatus = "Unknown"
)

// PodConditionType is the type of a pod condition (core/v1 PodConditionType).
type PodConditionType string

const (
	// DisruptionTarget is the pod condition added before a pod is killed by a disruption
	// (preemption, eviction, taint-based eviction, garbage collection).
	DisruptionTarget PodConditionType = "DisruptionTarget"
	// PodReady is the pod condition that says the pod is ready.
	PodReady PodConditionType = "Ready"
)

// RestartPolicy is a pod's restart policy (core/v1 RestartPolicy).
type RestartPolicy string

const (
	// RestartPolicyAlways is not allowed for Jobs; it is the core default.
	RestartPolicyAlways RestartPolicy = "Always"
	// RestartPolicyOnFailure restarts failed containers in place.
	RestartPolicyOnFailure RestartPolicy = "OnFailure"
	// RestartPolicyNever never restarts containers: a failed container fails the pod.
	RestartPolicyNever RestartPolicy = "Never"
)

// DNSPolicy is how a pod resolves names (core/v1 DNSPolicy).
type DNSPolicy string

const (
	// DNSClusterFirstWithHostNet is ClusterFirst for pods on the host network.
	DNSClusterFirstWithHostNet DNSPolicy = "ClusterFirstWithHostNet"
	// DNSClusterFirst resolves through the cluster DNS first; the core default.
	DNSClusterFirst DNSPolicy = "ClusterFirst"
	// DNSDefault resolves as the node does.
	DNSDefault DNSPolicy = "Default"
	// DNSNone takes every DNS setting from the pod's dnsConfig.
	DNSNone DNSPolicy = "None"
)

// PullPolicy says when a container's image is pulled (core/v1 PullPolicy).
type PullPolicy string

const (
	// PullAlways pulls the image every time a container starts.
	PullAlways PullPolicy = "Always"
	// PullIfNotPresent pulls the image when the node does not have it.
	PullIfNotPresent PullPolicy = "IfNotPresent"
	// PullNever never pulls: the node must have the image.
	PullNever PullPolicy = "Never"
)

// Protocol is a network protocol of a container port (core/v1 Protocol).
type Protocol string

const (
	// ProtocolTCP is TCP, the core default.
	ProtocolTCP Protocol = "TCP"
	// ProtocolUDP is UDP.
	ProtocolUDP Protocol = "UDP"
	// ProtocolSCTP is SCTP.
	ProtocolSCTP Protocol = "SCTP"
)

// TolerationOperator is how a toleration matches a taint's value (core/v1
// TolerationOperator).
type TolerationOperator string

const (
	// TolerationOpEqual matches a taint with the same value; the default.
	TolerationOpEqual TolerationOperator = "Equal"
	// TolerationOpExists matches a taint with any value.
	TolerationOpExists TolerationOperator = "Exists"
	// TolerationOpLt matches a taint whose value is a number below the toleration's
	// (alpha, feature gate TaintTolerationComparisonOperators).
	TolerationOpLt TolerationOperator = "Lt"
	// TolerationOpGt matches a taint whose value is a number above the toleration's
	// (alpha, feature gate TaintTolerationComparisonOperators).
	TolerationOpGt TolerationOperator = "Gt"
)

// TaintEffect is what a taint does to pods that do not tolerate it (core/v1 TaintEffect).
type TaintEffect string

const (
	// TaintEffectNoSchedule keeps new pods off the node.
	TaintEffectNoSchedule TaintEffect = "NoSchedule"
	// TaintEffectPreferNoSchedule keeps new pods off the node when it can.
	TaintEffectPreferNoSchedule TaintEffect = "PreferNoSchedule"
	// TaintEffectNoExecute evicts running pods too.
	TaintEffectNoExecute TaintEffect = "NoExecute"
)

// ContainerRestartPolicy is an init container's restart policy; Always makes it a sidecar.
type ContainerRestartPolicy string

// Container restart policies. On an init container, Always makes it a sidecar that runs
// alongside the main containers; on a container, a policy with restart rules overrides the
// pod's restart policy for the exits the rules match.
const (
	ContainerRestartPolicyAlways    ContainerRestartPolicy = "Always"
	ContainerRestartPolicyOnFailure ContainerRestartPolicy = "OnFailure"
	ContainerRestartPolicyNever     ContainerRestartPolicy = "Never"
)

// ResourceName names a compute resource (core/v1 ResourceName).
type ResourceName string

// Compute resources that fixtures and examples use.
const (
	ResourceCPU              ResourceName = "cpu"
	ResourceMemory           ResourceName = "memory"
	ResourceEphemeralStorage ResourceName = "ephemeral-storage"
	// ResourceStorage is the size a persistent volume claim asks for.
	ResourceStorage ResourceName = "storage"
)
