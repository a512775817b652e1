package job

import (
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// PodTemplateSpec is the pod template of a Job. jobkit does not import the core/v1 pod
// types: it types what Job semantics read and keeps every other member verbatim in the
// Extra maps, so that a decoded template encodes back unchanged. Decoding checks those
// members against the core/v1 schema all the same.
//
// +k8s:deepcopy-gen=true
type PodTemplateSpec struct {
	metav1.ObjectMeta `json:"metadata,omitempty"`

	// Spec is the pod spec.
	Spec PodSpec `json:"spec,omitempty"`

	// Extra holds members jobkit does not type.
	Extra Extra `json:"-"`
}

// PodSpec is the part of a core/v1 PodSpec that Job semantics read. Every other member
// (volumes, affinity, tolerations, ...) is in Extra, as raw JSON.
//
// +k8s:deepcopy-gen=true
type PodSpec struct {
	// InitContainers run in order before the containers; those with restartPolicy Always
	// are sidecars.
	InitContainers []Container `json:"initContainers,omitempty"`
	// Containers are the pod's containers; at least one.
	Containers []Container `json:"containers"`
	// RestartPolicy must be OnFailure or Never for a Job.
	RestartPolicy RestartPolicy `json:"restartPolicy,omitempty"`

	// Extra holds the pod spec members jobkit does not type.
	Extra Extra `json:"-"`
}

// Container is the part of a core/v1 Container that Job semantics and fixtures use.
//
// +k8s:deepcopy-gen=true
type Container struct {
	// Name is the container's name, a DNS label unique within the pod.
	Name string `json:"name"`
	// Image is the container image.
	Image string `json:"image,omitempty"`
	// Command overrides the image's entrypoint.
	Command []string `json:"command,omitempty"`
	// Args are the arguments to the entrypoint.
	Args []string `json:"args,omitempty"`
	// Resources are the container's compute resource requests and limits.
	Resources ResourceRequirements `json:"resources,omitempty"`
	// RestartPolicy, on an init container, set to Always makes it a sidecar.
	RestartPolicy *ContainerRestartPolicy `json:"restartPolicy,omitempty"`

	// Extra holds the container members jobkit does not type.
	Extra Extra `json:"-"`
}

// ResourceRequirements are a container's compute resource requests and limits.
//
// +k8s:deepcopy-gen=true
type ResourceRequirements struct {
	// Limits are the most the container may use.
	Limits ResourceList `json:"limits,omitempty"`
	// Requests are what the scheduler reserves for the container.
	Requests ResourceList `json:"requests,omitempty"`

	// Extra holds members jobkit does not type (claims).
	Extra Extra `json:"-"`
}

// ResourceList maps resource names to quantities.
//
// +k8s:deepcopy-gen=true
type ResourceList map[ResourceName]resource.Quantity
