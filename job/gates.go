package job

import (
	"fmt"
	"slices"
	"strings"
)

// Feature is a Kubernetes feature gate that changes how Jobs are prepared or validated.
type Feature string

// The configurable feature gates of Kubernetes 1.37 that concern Jobs and the pod template
// checks jobkit does. Every other Job gate of earlier releases is GA and always on.
const (
	// WorkloadWithJob enables spec.scheduling. Alpha, off by default: the API server drops
	// the field on create.
	WorkloadWithJob Feature = "WorkloadWithJob"
	// MutablePodResourcesForSuspendedJobs lets container resources change on suspended
	// Jobs that have no active pods. Beta, on by default.
	MutablePodResourcesForSuspendedJobs Feature = "MutablePodResourcesForSuspendedJobs"
	// MutableSchedulingDirectivesForSuspendedJobs lets the scheduling directives of the
	// template change on suspended Jobs that have no active pods, started or not. Beta, on
	// by default.
	MutableSchedulingDirectivesForSuspendedJobs Feature = "MutableSchedulingDirectivesForSuspendedJobs"
	// TaintTolerationComparisonOperators allows the Lt and Gt toleration operators. Alpha,
	// off by default; a stored template that uses them keeps them allowed.
	TaintTolerationComparisonOperators Feature = "TaintTolerationComparisonOperators"
)

// The pod features of Kubernetes 1.37 that are off by default and add members to the pod
// template: the API server drops their members on create, and on update unless the stored
// template uses them.
const (
	// AtomicWriteVolumeUserFields adds the users of secret, configMap, downwardAPI and
	// projected volume files (defaultUser, items[].user). Alpha.
	AtomicWriteVolumeUserFields Feature = "AtomicWriteVolumeUserFields"
	// GenericWorkload adds spec.schedulingGroup. Beta, off by default.
	GenericWorkload Feature = "GenericWorkload"
	// GRPCContainerProbeTLS adds the mode of gRPC probes. Alpha.
	GRPCContainerProbeTLS Feature = "GRPCContainerProbeTLS"
	// EvictionRequestAPI adds spec.evictionResponders. Alpha.
	EvictionRequestAPI Feature = "EvictionRequestAPI"
	// EmptyDirVolumeMode adds the mode of emptyDir volumes. Alpha.
	EmptyDirVolumeMode Feature = "EmptyDirVolumeMode"
	// VolumeBindMountOptions adds the bindMountOptions of volume mounts. Alpha.
	VolumeBindMountOptions Feature = "VolumeBindMountOptions"
	// ContainerStopSignals adds the stopSignal of container lifecycles. Alpha.
	ContainerStopSignals Feature = "ContainerStopSignals"
	// H2CContainerProbe adds the protocol of HTTP probes and hooks. Alpha.
	H2CContainerProbe Feature = "H2CContainerProbe"
)

// Default reports whether the gate is on by default in Kubernetes 1.37.
func (f Feature) Default() bool {
	return f == MutablePodResourcesForSuspendedJobs || f == MutableSchedulingDirectivesForSuspendedJobs
}

// Known reports whether f is one of the gates declared above.
func (f Feature) Known() bool {
	switch f {
	case WorkloadWithJob, MutablePodResourcesForSuspendedJobs, MutableSchedulingDirectivesForSuspendedJobs,
		TaintTolerationComparisonOperators, AtomicWriteVolumeUserFields, GenericWorkload, GRPCContainerProbeTLS,
		EvictionRequestAPI, EmptyDirVolumeMode, VolumeBindMountOptions, ContainerStopSignals, H2CContainerProbe:
		return true
	}
	return false
}

// FeatureGates overrides the default state of feature gates, like the API server's
// --feature-gates flag. A nil or empty FeatureGates is Kubernetes 1.37's default. A gate
// jobkit does not know is an error for Check (and for validation), as an unknown
// --feature-gates name stops kube-apiserver.
type FeatureGates map[Feature]bool

// Check returns an error naming the gates that are not known, or nil.
func (g FeatureGates) Check() error {
	var unknown []string
	for f := range g {
		if !f.Known() {
			unknown = append(unknown, string(f))
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	slices.Sort(unknown)
	return fmt.Errorf("unknown feature gates: %s", strings.Join(unknown, ", "))
}

// Enabled reports whether f is on: its override, or else its default.
func (g FeatureGates) Enabled(f Feature) bool {
	if on, ok := g[f]; ok {
		return on
	}
	return f.Default()
}
