package sim_test

import (
	"strings"
	"testing"
	"time"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/policy"
	"github.com/jobkit/jobkit/sim"
)

// TestNilArguments calls the package's entry points with a nil Job: each returns an error
// that names it, and none panics.
func TestNilArguments(t *testing.T) {
	for _, tt := range []struct {
		name string
		call func() error
	}{
		{"Sync", func() error { _, err := sim.Sync(sim.Input{}); return err }},
		{"NewSimulator", func() error { _, err := sim.NewSimulator(nil, time.Now()); return err }},
		{"StatusRunning", func() error { _, err := sim.StatusRunning(nil, 0); return err }},
		{"StatusComplete", func() error { _, err := sim.StatusComplete(nil); return err }},
		{"StatusFailed", func() error { _, err := sim.StatusFailed(nil, "BackoffLimitExceeded"); return err }},
		{"StatusSuspended", func() error { _, err := sim.StatusSuspended(nil); return err }},
		{"StatusIndexed", func() error { _, err := sim.StatusIndexed(nil, "", ""); return err }},
		{"Sync with a nil pod", func() error {
			_, err := sim.Sync(sim.Input{Job: &job.Job{}, Pods: []*policy.Pod{nil}})
			return err
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("panic: %v", r)
				}
			}()
			err := tt.call()
			if tt.name != "Sync with a nil pod" && (err == nil || !strings.Contains(err.Error(), "nil")) {
				t.Errorf("error %v, want one saying the Job is nil", err)
			}
		})
	}
}
