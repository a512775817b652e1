package selector_test

import (
	"testing"

	"github.com/jobkit/jobkit/selector"
)

// TestNilArguments: nil selectors and label maps do not make the functions panic.
func TestNilArguments(t *testing.T) {
	// As apimachinery converts it, a nil selector is valid and selects nothing.
	if m, ok := selector.Matches(nil, nil); m || !ok {
		t.Errorf("Matches(nil, nil) = %v, %v, want false, true", m, ok)
	}
	if !selector.Valid(nil) {
		t.Error("Valid(nil) = false")
	}
	if m, _ := selector.MatchesGenerated(nil, "j", "u", true); m {
		t.Error("MatchesGenerated(nil, ...)")
	}
	if sel := selector.AddSelector(nil, "u"); sel == nil || sel.MatchLabels["batch.kubernetes.io/controller-uid"] != "u" {
		t.Errorf("AddSelector(nil) = %v", sel)
	}
	if l := selector.AddLabels(nil, "j", "u"); l["job-name"] != "j" {
		t.Errorf("AddLabels(nil) = %v", l)
	}
}
