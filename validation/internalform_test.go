package validation_test

import (
	"strings"
	"testing"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/validation"
	"k8s.io/apimachinery/pkg/types"
)

func TestInternalForm(t *testing.T) {
	tests := []struct {
		value any
		want  string
	}{
		{job.SuccessPolicy{}, `{"Rules":null}`},
		{&job.UncountedTerminatedPods{Succeeded: []types.UID{"a"}, Extra: job.Extra{"x": []byte("1")}}, `{"Succeeded":["a"],"Failed":null}`},
		{(*job.SuccessPolicy)(nil), `null`},
		{job.PodResourceClaim{Name: "gpu", ResourceClaimName: new("c")}, `{"Name":"gpu","ResourceClaimName":"c","ResourceClaimTemplateName":null}`},
		// Embedded structs are flattened, as in the internal types; object metadata keeps its
		// own JSON.
		{job.Volume{Name: "v", VolumeSource: job.VolumeSource{EmptyDir: &job.EmptyDirVolumeSource{}}}, `"Name":"v","HostPath":null,"EmptyDir":{"Medium":"","SizeLimit":null,"Mode":null}`},
	}
	for _, tt := range tests {
		got, err := validation.InternalForm{Value: tt.value}.MarshalJSON()
		if err != nil || !strings.Contains(string(got), tt.want) {
			t.Errorf("%T: %s, %v; want %s", tt.value, got, err, tt.want)
		}
	}
	// A struct-valued error prints the internal form.
	errs := validation.ValidateJob(with(mk(), func(j *job.Job) { j.Spec.SuccessPolicy = &job.SuccessPolicy{} }), validation.Options{})
	if len(errs) == 0 || errs[0].Error() != `spec.successPolicy: Invalid value: {"Rules":null}: requires indexed completion mode` {
		t.Errorf("errors %v", errs)
	}
}
