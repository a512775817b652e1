package job

// JobSchedulingConfiguration configures how the scheduler places a Job's pods as a group
// (alpha, feature gate WorkloadWithJob). Its building blocks are those of the
// scheduling.k8s.io/v1alpha3 Workload API, under the names k8s.io/api gives them.
//
// +k8s:deepcopy-gen=true
type JobSchedulingConfiguration struct {
	// SchedulingPolicy is basic (the default) or gang.
	SchedulingPolicy *WorkloadPodGroupSchedulingPolicy `json:"schedulingPolicy,omitempty"`
	// SchedulingConstraints constrain placement, such as to one topology domain.
	SchedulingConstraints *WorkloadPodGroupSchedulingConstraints `json:"schedulingConstraints,omitempty"`
	// DisruptionMode says whether pods are disrupted one by one or all together.
	DisruptionMode *WorkloadPodGroupDisruptionMode `json:"disruptionMode,omitempty"`
	// ResourceClaims are claims shared by the group, at most 4.
	ResourceClaims []WorkloadPodGroupResourceClaim `json:"resourceClaims,omitempty"`

	// Extra holds members jobkit does not know.
	Extra Extra `json:"-"`
}

// WorkloadPodGroupSchedulingPolicy holds exactly one of Basic and Gang.
//
// +k8s:deepcopy-gen=true
type WorkloadPodGroupSchedulingPolicy struct {
	// Basic schedules pods one by one.
	Basic *WorkloadPodGroupBasicSchedulingPolicy `json:"basic,omitempty"`
	// Gang schedules at least MinCount pods together or none.
	Gang *WorkloadPodGroupGangSchedulingPolicy `json:"gang,omitempty"`

	// Extra holds members jobkit does not know.
	Extra Extra `json:"-"`
}

// WorkloadPodGroupBasicSchedulingPolicy has no settings.
//
// +k8s:deepcopy-gen=true
type WorkloadPodGroupBasicSchedulingPolicy struct {
	// Extra holds members jobkit does not know.
	Extra Extra `json:"-"`
}

// WorkloadPodGroupGangSchedulingPolicy schedules a group of pods all at once.
//
// +k8s:deepcopy-gen=true
type WorkloadPodGroupGangSchedulingPolicy struct {
	// MinCount is how many pods must be placeable together; at least 1 and at most the
	// Job's parallelism. Unset means max(1, parallelism).
	MinCount *int32 `json:"minCount,omitempty"`

	// Extra holds members jobkit does not know.
	Extra Extra `json:"-"`
}

// WorkloadPodGroupSchedulingConstraints constrain where a group of pods is placed.
//
// +k8s:deepcopy-gen=true
type WorkloadPodGroupSchedulingConstraints struct {
	// Topology keeps the group within one domain of a node label, at most one entry.
	Topology []TopologyConstraint `json:"topology,omitempty"`

	// Extra holds members jobkit does not know.
	Extra Extra `json:"-"`
}

// TopologyConstraint names a node label whose value all the group's nodes share.
//
// +k8s:deepcopy-gen=true
type TopologyConstraint struct {
	// Key is the node label key.
	Key string `json:"key"`

	// Extra holds members jobkit does not know.
	Extra Extra `json:"-"`
}

// WorkloadPodGroupDisruptionMode holds exactly one of Single and All.
//
// +k8s:deepcopy-gen=true
type WorkloadPodGroupDisruptionMode struct {
	// Single disrupts pods one at a time.
	Single *WorkloadPodGroupSingleDisruptionMode `json:"single,omitempty"`
	// All disrupts the whole group together; not allowed with the basic policy.
	All *WorkloadPodGroupAllDisruptionMode `json:"all,omitempty"`

	// Extra holds members jobkit does not know.
	Extra Extra `json:"-"`
}

// WorkloadPodGroupSingleDisruptionMode has no settings.
//
// +k8s:deepcopy-gen=true
type WorkloadPodGroupSingleDisruptionMode struct {
	// Extra holds members jobkit does not know.
	Extra Extra `json:"-"`
}

// WorkloadPodGroupAllDisruptionMode has no settings.
//
// +k8s:deepcopy-gen=true
type WorkloadPodGroupAllDisruptionMode struct {
	// Extra holds members jobkit does not know.
	Extra Extra `json:"-"`
}

// WorkloadPodGroupResourceClaim is a resource claim shared by a group of pods: exactly one of
// ResourceClaimName and ResourceClaimTemplateName is set.
//
// +k8s:deepcopy-gen=true
type WorkloadPodGroupResourceClaim struct {
	// Name identifies the claim within the group, a DNS label.
	Name string `json:"name"`
	// ResourceClaimName names an existing ResourceClaim.
	ResourceClaimName *string `json:"resourceClaimName,omitempty"`
	// ResourceClaimTemplateName names a ResourceClaimTemplate to create the claim from.
	ResourceClaimTemplateName *string `json:"resourceClaimTemplateName,omitempty"`

	// Extra holds members jobkit does not know.
	Extra Extra `json:"-"`
}
