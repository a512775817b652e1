package job_test

import (
	"strings"
	"testing"

	"github.com/jobkit/jobkit/job"
)

// TestNilArguments calls every exported function of the package that takes a pointer with
// nil: none panics, and those that return an error name the argument.
func TestNilArguments(t *testing.T) {
	j := &job.Job{}
	for _, tt := range []struct {
		name string
		call func()
	}{
		{"SetDefaults", func() { job.SetDefaults(nil) }},
		{"PrepareForCreate", func() { job.PrepareForCreate(nil, nil) }},
		{"PrepareForUpdate(nil, old)", func() { job.PrepareForUpdate(nil, j, nil) }},
		{"PrepareForUpdate(j, nil)", func() { job.PrepareForUpdate(j, nil, nil) }},
		{"PrepareForStatusUpdate(nil, old)", func() { job.PrepareForStatusUpdate(nil, j) }},
		{"PrepareForStatusUpdate(j, nil)", func() { job.PrepareForStatusUpdate(j, nil) }},
		{"SetSystemFields", func() { job.SetSystemFields(nil, job.SystemFields{}) }},
		{"DedupOwnerReferences", func() { job.DedupOwnerReferences(nil) }},
		{"SelectableFields", func() { job.SelectableFields(nil) }},
		{"SelectorsEqual", func() { job.SelectorsEqual(nil, nil) }},
		{"ObjectMetaEqual", func() { job.ObjectMetaEqual(nil, nil) }},
		{"(*Job).DropUnknown", func() { (*job.Job)(nil).DropUnknown() }},
		{"(*JobSpec).SemanticEqual", func() { (*job.JobSpec)(nil).SemanticEqual(nil) }},
		{"(*PodTemplateSpec).SemanticEqual", func() { (*job.PodTemplateSpec)(nil).SemanticEqual(nil) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("panic: %v", r)
				}
			}()
			tt.call()
		})
	}
	for _, tt := range []struct {
		name, arg string
		call      func() error
	}{
		{"Encode", "j", func() error { _, err := job.Encode(nil); return err }},
		{"EncodeYAML", "j", func() error { _, err := job.EncodeYAML(nil); return err }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			if err == nil || !strings.Contains(err.Error(), tt.arg) {
				t.Errorf("error %v, want one naming %s", err, tt.arg)
			}
		})
	}
}
