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

// PodSpec is the part of a core/v1 PodSpec that Job semantics and jobkit's pod template
// checks read. Every other member (affinity, tolerations, security context, ...) is in
// Extra, as raw JSON.
//
// +k8s:deepcopy-gen=true
type PodSpec struct {
	// Volumes are the volumes the containers may mount.
	Volumes []Volume `json:"volumes,omitempty"`
	// InitContainers run in order before the containers; those with restartPolicy Always
	// are sidecars.
	InitContainers []Container `json:"initContainers,omitempty"`
	// Containers are the pod's containers; at least one.
	Containers []Container `json:"containers"`
	// RestartPolicy must be OnFailure or Never for a Job.
	RestartPolicy RestartPolicy `json:"restartPolicy,omitempty"`
	// ActiveDeadlineSeconds bounds, from the pod's start, how long the pod may run.
	ActiveDeadlineSeconds *int64 `json:"activeDeadlineSeconds,omitempty"`
	// HostNetwork runs the pod in the node's network namespace.
	HostNetwork bool `json:"hostNetwork,omitempty"`
	// SecurityContext holds the pod-level security settings.
	SecurityContext *PodSecurityContext `json:"securityContext,omitempty"`
	// Tolerations let the pod run on nodes with matching taints.
	Tolerations []Toleration `json:"tolerations,omitempty"`
	// DNSPolicy says how the pod resolves names; the API server defaults it to
	// ClusterFirst.
	DNSPolicy DNSPolicy `json:"dnsPolicy,omitempty"`
	// NodeSelector restricts the pod to nodes with these labels.
	NodeSelector map[string]string `json:"nodeSelector,omitempty"`
	// ServiceAccountName is the service account the pod runs as.
	ServiceAccountName string `json:"serviceAccountName,omitempty"`
	// Hostname is the pod's host name; a DNS label.
	Hostname string `json:"hostname,omitempty"`
	// Subdomain makes the pod's name resolvable as <hostname>.<subdomain>; a DNS label.
	Subdomain string `json:"subdomain,omitempty"`
	// PriorityClassName names the pod's priority class.
	PriorityClassName string `json:"priorityClassName,omitempty"`
	// SchedulingGates hold the pod back from scheduling until each is removed.
	SchedulingGates []PodSchedulingGate `json:"schedulingGates,omitempty"`

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
	// Ports are the ports the container exposes.
	Ports []ContainerPort `json:"ports,omitempty"`
	// Env sets environment variables in the container.
	Env []EnvVar `json:"env,omitempty"`
	// VolumeMounts mount the pod's volumes into the container.
	VolumeMounts []VolumeMount `json:"volumeMounts,omitempty"`
	// ImagePullPolicy says when the image is pulled; the API server defaults it to Always
	// for images tagged :latest or untagged, and to IfNotPresent otherwise.
	ImagePullPolicy PullPolicy `json:"imagePullPolicy,omitempty"`
	// RestartPolicy, on an init container, set to Always makes it a sidecar.
	RestartPolicy *ContainerRestartPolicy `json:"restartPolicy,omitempty"`
	// SecurityContext holds the container's security settings.
	SecurityContext *SecurityContext `json:"securityContext,omitempty"`
	// LivenessProbe restarts the container when it fails.
	LivenessProbe *Probe `json:"livenessProbe,omitempty"`
	// ReadinessProbe marks the container ready when it succeeds.
	ReadinessProbe *Probe `json:"readinessProbe,omitempty"`
	// StartupProbe holds the other probes back until it succeeds.
	StartupProbe *Probe `json:"startupProbe,omitempty"`

	// Extra holds the container members jobkit does not type.
	Extra Extra `json:"-"`
}

// Volume is a volume of the pod: its name, typed, and its source (emptyDir, configMap,
// secret, persistentVolumeClaim, ...) in Extra.
//
// +k8s:deepcopy-gen=true
type Volume struct {
	// Name is the volume's name, a DNS label unique within the pod.
	Name string `json:"name"`

	// Extra holds the volume's source and any other member.
	Extra Extra `json:"-"`
}

// VolumeMount mounts a volume of the pod into a container.
//
// +k8s:deepcopy-gen=true
type VolumeMount struct {
	// Name is the name of the pod's volume.
	Name string `json:"name"`
	// MountPath is where the volume appears in the container.
	MountPath string `json:"mountPath"`

	// Extra holds the members jobkit does not type (readOnly, subPath, ...).
	Extra Extra `json:"-"`
}

// PodSchedulingGate holds a pod back from scheduling until it is removed.
//
// +k8s:deepcopy-gen=true
type PodSchedulingGate struct {
	// Name is the gate's name, a qualified name unique within the pod.
	Name string `json:"name"`

	// Extra holds members jobkit does not know.
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

// ContainerPort is a port a container exposes.
//
// +k8s:deepcopy-gen=true
type ContainerPort struct {
	// Name is the port's name, an IANA service name unique within the container.
	Name string `json:"name,omitempty"`
	// HostPort is the node port the container port is exposed on.
	HostPort int32 `json:"hostPort,omitempty"`
	// ContainerPort is the port number in the container.
	ContainerPort int32 `json:"containerPort"`
	// Protocol is TCP, UDP or SCTP; the API server defaults it to TCP.
	Protocol Protocol `json:"protocol,omitempty"`
	// HostIP is the node address the host port binds to.
	HostIP string `json:"hostIP,omitempty"`

	// Extra holds members jobkit does not know.
	Extra Extra `json:"-"`
}

// EnvVar is an environment variable of a container: a value, or a source in Extra
// (valueFrom).
//
// +k8s:deepcopy-gen=true
type EnvVar struct {
	// Name is the variable's name.
	Name string `json:"name"`
	// Value is the variable's value.
	Value string `json:"value,omitempty"`

	// Extra holds the members jobkit does not type (valueFrom).
	Extra Extra `json:"-"`
}

// SecurityContext is the part of a container's security settings that jobkit checks.
//
// +k8s:deepcopy-gen=true
type SecurityContext struct {
	// Privileged runs the container as privileged.
	Privileged *bool `json:"privileged,omitempty"`
	// RunAsUser is the user ID the container runs as.
	RunAsUser *int64 `json:"runAsUser,omitempty"`
	// RunAsGroup is the group ID the container runs as.
	RunAsGroup *int64 `json:"runAsGroup,omitempty"`
	// AllowPrivilegeEscalation says whether a process may gain more privileges than its
	// parent.
	AllowPrivilegeEscalation *bool `json:"allowPrivilegeEscalation,omitempty"`

	// Extra holds the members jobkit does not type (capabilities, seccompProfile, ...).
	Extra Extra `json:"-"`
}

// PodSecurityContext is the part of a pod's security settings that jobkit checks.
//
// +k8s:deepcopy-gen=true
type PodSecurityContext struct {
	// RunAsUser is the user ID the containers run as.
	RunAsUser *int64 `json:"runAsUser,omitempty"`
	// RunAsGroup is the group ID the containers run as.
	RunAsGroup *int64 `json:"runAsGroup,omitempty"`
	// SupplementalGroups are group IDs added to the containers' processes.
	SupplementalGroups []int64 `json:"supplementalGroups,omitempty"`
	// FSGroup owns the pod's volumes.
	FSGroup *int64 `json:"fsGroup,omitempty"`

	// Extra holds the members jobkit does not type (sysctls, seccompProfile, ...).
	Extra Extra `json:"-"`
}

// Toleration lets a pod run on nodes with a matching taint.
//
// +k8s:deepcopy-gen=true
type Toleration struct {
	// Key is the taint key matched; empty with operator Exists matches every taint.
	Key string `json:"key,omitempty"`
	// Operator is Equal (the default) or Exists.
	Operator TolerationOperator `json:"operator,omitempty"`
	// Value is the taint value matched with Equal.
	Value string `json:"value,omitempty"`
	// Effect is the taint effect matched; empty matches every effect.
	Effect TaintEffect `json:"effect,omitempty"`
	// TolerationSeconds is how long a NoExecute taint is tolerated.
	TolerationSeconds *int64 `json:"tolerationSeconds,omitempty"`

	// Extra holds members jobkit does not know.
	Extra Extra `json:"-"`
}

// Probe is a container probe: its timing, typed, and its handler (exec, httpGet, tcpSocket
// or grpc) in Extra. The API server defaults the zero timings: timeoutSeconds to 1,
// periodSeconds to 10, successThreshold to 1 and failureThreshold to 3.
//
// +k8s:deepcopy-gen=true
type Probe struct {
	// InitialDelaySeconds is how long after the container starts the probe first runs.
	InitialDelaySeconds int32 `json:"initialDelaySeconds,omitempty"`
	// TimeoutSeconds is how long one probe may take.
	TimeoutSeconds int32 `json:"timeoutSeconds,omitempty"`
	// PeriodSeconds is how often the probe runs.
	PeriodSeconds int32 `json:"periodSeconds,omitempty"`
	// SuccessThreshold is how many successes in a row count as success after a failure.
	SuccessThreshold int32 `json:"successThreshold,omitempty"`
	// FailureThreshold is how many failures in a row count as failure.
	FailureThreshold int32 `json:"failureThreshold,omitempty"`
	// TerminationGracePeriodSeconds overrides the pod's grace period when the probe fails.
	TerminationGracePeriodSeconds *int64 `json:"terminationGracePeriodSeconds,omitempty"`

	// Extra holds the probe's handler.
	Extra Extra `json:"-"`
}
