package job

// PodFailurePolicy decides what a failed pod does to its Job. Rules are tried in order and
// the first that matches decides.
//
// +k8s:deepcopy-gen=true
type PodFailurePolicy struct {
	// Rules are the rules, at most 20.
	Rules []PodFailurePolicyRule `json:"rules"`

	// Extra holds members jobkit does not know.
	Extra Extra `json:"-"`
}

// PodFailurePolicyRule matches a failed pod by its containers' exit codes or by its
// conditions, and says what to do. Exactly one of OnExitCodes and OnPodConditions is set.
//
// +k8s:deepcopy-gen=true
type PodFailurePolicyRule struct {
	// Action is what a match does.
	Action PodFailurePolicyAction `json:"action"`
	// OnExitCodes matches on the exit codes of terminated containers.
	OnExitCodes *PodFailurePolicyOnExitCodesRequirement `json:"onExitCodes,omitempty"`
	// OnPodConditions matches on the pod's conditions, at most 20 patterns.
	OnPodConditions []PodFailurePolicyOnPodConditionsPattern `json:"onPodConditions,omitempty"`

	// Extra holds members jobkit does not know.
	Extra Extra `json:"-"`
}

// PodFailurePolicyOnExitCodesRequirement matches containers that terminated with certain
// exit codes. Exit code 0 never matches.
//
// +k8s:deepcopy-gen=true
type PodFailurePolicyOnExitCodesRequirement struct {
	// ContainerName limits the match to one container or init container.
	ContainerName *string `json:"containerName,omitempty"`
	// Operator is In or NotIn.
	Operator PodFailurePolicyOnExitCodesOperator `json:"operator"`
	// Values are the exit codes, sorted, unique, 1 to 255 of them; 0 is not allowed with In.
	Values []int32 `json:"values"`

	// Extra holds members jobkit does not know.
	Extra Extra `json:"-"`
}

// PodFailurePolicyOnPodConditionsPattern matches a pod condition by type and status.
//
// +k8s:deepcopy-gen=true
type PodFailurePolicyOnPodConditionsPattern struct {
	// Type is the pod condition type, such as DisruptionTarget.
	Type PodConditionType `json:"type"`
	// Status is the status to match. Defaults to True.
	Status ConditionStatus `json:"status"`

	// Extra holds members jobkit does not know.
	Extra Extra `json:"-"`
}

// SuccessPolicy says when an Indexed Job has succeeded. Rules are tried in order and the
// first that is met decides.
//
// +k8s:deepcopy-gen=true
type SuccessPolicy struct {
	// Rules are the rules, 1 to 20.
	Rules []SuccessPolicyRule `json:"rules"`

	// Extra holds members jobkit does not know.
	Extra Extra `json:"-"`
}

// SuccessPolicyRule is met when enough of the named indexes, or enough indexes at all,
// have succeeded. At least one of its fields is set.
//
// +k8s:deepcopy-gen=true
type SuccessPolicyRule struct {
	// SucceededIndexes names indexes in the "1,3-5,7" form; the rule needs all of them,
	// or SucceededCount of them when that is set too.
	SucceededIndexes *string `json:"succeededIndexes,omitempty"`
	// SucceededCount is how many (of SucceededIndexes, if set) must succeed.
	SucceededCount *int32 `json:"succeededCount,omitempty"`

	// Extra holds members jobkit does not know.
	Extra Extra `json:"-"`
}
