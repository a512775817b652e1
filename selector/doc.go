// Package selector generates the selector and pod template labels of a Job and matches
// label selectors against label sets, with the API server's semantics.
//
// A Job created without manualSelector gets four template labels — job-name and
// controller-uid, each unprefixed (for compatibility) and under batch.kubernetes.io/ — and a
// selector on batch.kubernetes.io/controller-uid alone. [AddLabels] and [AddSelector] add
// them the way the API server does: a key already present keeps its value.
//
// [Matches] follows apimachinery's conversion of a LabelSelector to a labels.Selector: a nil
// selector matches nothing, an empty one everything, and a selector that cannot be
// converted (an invalid key, value or operator) reports ok == false, because the API server
// then skips the checks that match it. Matching does not allocate.
package selector
