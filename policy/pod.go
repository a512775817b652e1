package policy

import (
	"github.com/jobkit/jobkit/job"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// Pod is the part of a core/v1 Pod that Job decisions read. A Pod in JSON, as a cluster
// returns it, decodes into it with encoding/json; other fields are ignored.
type Pod struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	// Spec is the pod's spec; only the containers' names and restart policies are read.
	Spec job.PodSpec `json:"spec,omitempty"`
	// Status is the pod's observed state.
	Status PodStatus `json:"status,omitempty"`
}

// PodPhase is the phase of a pod.
type PodPhase string

// The phases of a pod.
const (
	PodPending   PodPhase = "Pending"
	PodRunning   PodPhase = "Running"
	PodSucceeded PodPhase = "Succeeded"
	PodFailed    PodPhase = "Failed"
	PodUnknown   PodPhase = "Unknown"
)

// PodStatus is the observed state of a pod.
type PodStatus struct {
	// Phase is Pending, Running, Succeeded, Failed or Unknown.
	Phase PodPhase `json:"phase,omitempty"`
	// Conditions are the pod's conditions, such as Ready and DisruptionTarget.
	Conditions []PodCondition `json:"conditions,omitempty"`
	// InitContainerStatuses are the statuses of the init containers, sidecars included.
	InitContainerStatuses []ContainerStatus `json:"initContainerStatuses,omitempty"`
	// ContainerStatuses are the statuses of the containers.
	ContainerStatuses []ContainerStatus `json:"containerStatuses,omitempty"`
}

// PodCondition is one condition of a pod.
type PodCondition struct {
	Type               job.PodConditionType `json:"type"`
	Status             job.ConditionStatus  `json:"status"`
	LastProbeTime      metav1.Time          `json:"lastProbeTime,omitempty"`
	LastTransitionTime metav1.Time          `json:"lastTransitionTime,omitempty"`
	Reason             string               `json:"reason,omitempty"`
	Message            string               `json:"message,omitempty"`
}

// ContainerStatus is the status of one container.
type ContainerStatus struct {
	// Name is the container's name.
	Name string `json:"name"`
	// State is the container's current state; only it decides pod failure policy matches.
	State ContainerState `json:"state,omitempty"`
	// LastState is the state of the container's previous run; it is never matched.
	LastState ContainerState `json:"lastState,omitempty"`
	// Ready reports whether the container passes its readiness probe.
	Ready bool `json:"ready"`
	// RestartCount is how many times the container restarted.
	RestartCount int32 `json:"restartCount"`
}

// ContainerState holds at most one of its members.
type ContainerState struct {
	Waiting    *ContainerStateWaiting    `json:"waiting,omitempty"`
	Running    *ContainerStateRunning    `json:"running,omitempty"`
	Terminated *ContainerStateTerminated `json:"terminated,omitempty"`
}

// ContainerStateWaiting is a container that has not started.
type ContainerStateWaiting struct {
	Reason  string `json:"reason,omitempty"`
	Message string `json:"message,omitempty"`
}

// ContainerStateRunning is a running container.
type ContainerStateRunning struct {
	StartedAt metav1.Time `json:"startedAt,omitempty"`
}

// ContainerStateTerminated is a container that has exited.
type ContainerStateTerminated struct {
	ExitCode   int32       `json:"exitCode"`
	Signal     int32       `json:"signal,omitempty"`
	Reason     string      `json:"reason,omitempty"`
	Message    string      `json:"message,omitempty"`
	StartedAt  metav1.Time `json:"startedAt,omitempty"`
	FinishedAt metav1.Time `json:"finishedAt,omitempty"`
}
