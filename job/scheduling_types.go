package job

// JobSchedulingConfiguration configures how the scheduler places a Job's pods as a group
// (alpha, feature gate WorkloadWithJob). Its building blocks are those of the
// scheduling.k8s.io/v1alpha3 Workload API.
//
// +k8s:deepcopy-gen=true
type JobSchedulingConfiguration struct {
	// SchedulingPolicy is basic (the default) or gang.
	SchedulingPolicy *SchedulingPolicy `json:"schedulingPolicy,omitempty"`
	// SchedulingConstraints constrain placement, such as to one topology domain.
	SchedulingConstraints *SchedulingConstraints `json:"schedulingConstraints,omitempty"`
	// DisruptionMode says whether pods are disrupted one by one or all together.
	DisruptionMode *DisruptionMode `json:"disruptionMode,omitempty"`
	// ResourceClaims are claims shared by the group, at most 4.
	ResourceClaims []SchedulingResourceClaim `json:"resourceClaims,omitempty"`

	// Extra holds members jobkit does not know.
	Extra Extra `json:"-"`
}

// SchedulingPolicy holds exactly one of Basic and Gang.
//
// +k8s:deepcopy-gen=true
type SchedulingPolicy struct {
	// Basic schedules pods one by one.
	Basic *BasicSchedulingPolicy `json:"basic,omitempty"`
	// Gang schedules at least MinCount pods together or none.
	Gang *GangSchedulingPolicy `json:"gang,omitempty"`

	// Extra holds members jobkit does not know.
	Extra Extra `json:"-"`
}

// BasicSchedulingPolicy has no settings.
//
// +k8s:deepcopy-gen=true
type BasicSchedulingPolicy struct {
	// Extra holds members jobkit does not know.
	Extra Extra `json:"-"`
}

// GangSchedulingPolicy schedules a group of pods all at once.
//
// +k8s:deepcopy-gen=true
type GangSchedulingPolicy struct {
	// MinCount is how many pods must be placeable together; at least 1 and at most the
	// Job's parallelism. Unset means max(1, parallelism).
	MinCount *int32 `json:"minCount,omitempty"`

	// Extra holds members jobkit does not know.
	Extra Extra `json:"-"`
}

// SchedulingConstraints constrain where a group of pods is placed.
//
// +k8s:deepcopy-gen=true
type SchedulingConstraints struct {
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

// DisruptionMode holds exactly one of Single and All.
//
// +k8s:deepcopy-gen=true
type DisruptionMode struct {
	// Single disrupts pods one at a time.
	Single *SingleDisruptionMode `json:"single,omitempty"`
	// All disrupts the whole group together; not allowed with the basic policy.
	All *AllDisruptionMode `json:"all,omitempty"`

	// Extra holds members jobkit does not know.
	Extra Extra `json:"-"`
}

// SingleDisruptionMode has no settings.
//
// +k8s:deepcopy-gen=true
type SingleDisruptionMode struct {
	// Extra holds members jobkit does not know.
	Extra Extra `json:"-"`
}

// AllDisruptionMode has no settings.
//
// +k8s:deepcopy-gen=true
type AllDisruptionMode struct {
	// Extra holds members jobkit does not know.
	Extra Extra `json:"-"`
}

// SchedulingResourceClaim is a resource claim shared by a group of pods: exactly one of
// ResourceClaimName and ResourceClaimTemplateName is set.
//
// +k8s:deepcopy-gen=true
type SchedulingResourceClaim struct {
	// Name identifies the claim within the group, a DNS label.
	Name string `json:"name"`
	// ResourceClaimName names an existing ResourceClaim.
	ResourceClaimName *string `json:"resourceClaimName,omitempty"`
	// ResourceClaimTemplateName names a ResourceClaimTemplate to create the claim from.
	ResourceClaimTemplateName *string `json:"resourceClaimTemplateName,omitempty"`

	// Extra holds members jobkit does not know.
	Extra Extra `json:"-"`
}
