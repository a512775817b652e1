package selector_test

import (
	"fmt"
	"maps"
	"slices"

	"github.com/jobkit/jobkit/selector"
)

// A Job without manualSelector gets a selector on its UID, and its pod template the labels
// that selector matches.
func ExampleForJob() {
	sel := selector.ForJob("8f0c6c2e-1d1b-4b5e-9a43-5c1f2f8f3e11")
	fmt.Println(sel.MatchLabels)

	labels := selector.AddLabels(map[string]string{"app": "pi"}, "pi", "8f0c6c2e-1d1b-4b5e-9a43-5c1f2f8f3e11")
	for _, k := range slices.Sorted(maps.Keys(labels)) {
		fmt.Printf("%s=%s\n", k, labels[k])
	}
	// Output:
	// map[batch.kubernetes.io/controller-uid:8f0c6c2e-1d1b-4b5e-9a43-5c1f2f8f3e11]
	// app=pi
	// batch.kubernetes.io/controller-uid=8f0c6c2e-1d1b-4b5e-9a43-5c1f2f8f3e11
	// batch.kubernetes.io/job-name=pi
	// controller-uid=8f0c6c2e-1d1b-4b5e-9a43-5c1f2f8f3e11
	// job-name=pi
}

// Matches answers as a converted apimachinery selector would, without converting it, and
// says when the selector is not valid.
func ExampleMatches() {
	sel := selector.ForJob("u-1")
	fmt.Println(selector.Matches(sel, selector.Generated("pi", "u-1")))
	fmt.Println(selector.Matches(sel, map[string]string{"app": "pi"}))

	sel.MatchLabels["tier"] = "-not-a-value"
	fmt.Println(selector.Matches(sel, selector.Generated("pi", "u-1")))
	// Output:
	// true true
	// false true
	// false false
}
