package validation_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/validation"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

func TestRequestOptions(t *testing.T) {
	long := strings.Repeat("x", 129)
	orphan := metav1.DeletePropagationOrphan
	var both metav1.DeleteOptions
	both.PropagationPolicy = &orphan
	//lint:ignore SA1019 the deprecated option is what is checked
	both.OrphanDependents = new(true)
	tests := []struct {
		name string
		got  field.ErrorList
		want field.ErrorList
	}{
		{"create", validation.ValidateCreateOptions(&metav1.CreateOptions{DryRun: []string{"All"}, FieldManager: "kubectl", FieldValidation: "Strict"}), nil},
		{"create dryRun", validation.ValidateCreateOptions(&metav1.CreateOptions{DryRun: []string{"Some"}}), field.ErrorList{e(notSupported, "dryRun")}},
		{"create fieldValidation", validation.ValidateCreateOptions(&metav1.CreateOptions{FieldValidation: "Loose"}), field.ErrorList{e(notSupported, "fieldValidation")}},
		{"update fieldManager", validation.ValidateUpdateOptions(&metav1.UpdateOptions{FieldManager: long}), field.ErrorList{e(tooLong, "fieldManager")}},
		{"apply without fieldManager", validation.ValidatePatchOptions(&metav1.PatchOptions{}, types.ApplyYAMLPatchType), field.ErrorList{e(required, "fieldManager")}},
		{"force without apply", validation.ValidatePatchOptions(&metav1.PatchOptions{Force: new(true)}, types.MergePatchType), field.ErrorList{e(forbidden, "force")}},
		{"delete", validation.ValidateDeleteOptions(&metav1.DeleteOptions{PropagationPolicy: &orphan}), nil},
		{"delete policy", validation.ValidateDeleteOptions(&metav1.DeleteOptions{PropagationPolicy: new(metav1.DeletionPropagation("Later"))}),
			field.ErrorList{e(notSupported, "propagationPolicy")}},
		{"delete both", validation.ValidateDeleteOptions(&both),
			field.ErrorList{e(invalid, "propagationPolicy")}},
		{"list", validation.ValidateListOptions(&metav1.ListOptions{LabelSelector: "app in (a,b)", FieldSelector: "status.successful=1,metadata.name!=x"}), nil},
		{"list selectors", validation.ValidateListOptions(&metav1.ListOptions{LabelSelector: "app in (", FieldSelector: "spec.suspend=true"}),
			field.ErrorList{e(invalid, "labelSelector"), e(notSupported, "fieldSelector")}},
		{"list bad field selector", validation.ValidateListOptions(&metav1.ListOptions{FieldSelector: "a"}), field.ErrorList{e(invalid, "fieldSelector")}},
		{"list resourceVersionMatch", validation.ValidateListOptions(&metav1.ListOptions{ResourceVersionMatch: metav1.ResourceVersionMatchExact}),
			field.ErrorList{e(forbidden, "resourceVersionMatch")}},
		{"list sendInitialEvents", validation.ValidateListOptions(&metav1.ListOptions{SendInitialEvents: new(true)}),
			field.ErrorList{e(forbidden, "sendInitialEvents")}},
		{"watch sendInitialEvents", validation.ValidateListOptions(&metav1.ListOptions{Watch: true, SendInitialEvents: new(true),
			ResourceVersionMatch: metav1.ResourceVersionMatchNotOlderThan, AllowWatchBookmarks: true}), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkErrors(t, tt.want, tt.got) })
	}
}

func TestInvalidError(t *testing.T) {
	err := validation.InvalidError("pi", field.ErrorList{field.Invalid(field.NewPath("spec", "parallelism"), -1, "must be greater than or equal to 0")})
	status := err.Status()
	if status.Code != http.StatusUnprocessableEntity || status.Details.Kind != job.Kind || status.Details.Group != job.GroupName ||
		len(status.Details.Causes) != 1 || status.Details.Causes[0].Field != "spec.parallelism" || status.Details.Causes[0].Type != metav1.CauseTypeFieldValueInvalid {
		t.Fatalf("status = %+v", status)
	}
}

func TestWarnings(t *testing.T) {
	tests := []struct {
		name     string
		j, old   *job.Job
		warnings []string
	}{
		{name: "none", j: mk().Obj()},
		{name: "name with dots", j: with(mk(), func(j *job.Job) { j.Name = "a.b" }), warnings: []string{
			"metadata.name: this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: [must not contain dots]",
		}},
		{name: "many completions", j: mk().Indexed(100001).Parallelism(10001).Obj(), warnings: []string{
			"spec: In Indexed Jobs with a number of completions higher than 10^5 and a parallelism higher than 10^4, Kubernetes might not be able to track completedIndexes when a big number of indexes fail",
		}},
		{name: "fractional memory", j: mk().Request(job.ResourceMemory, "1.5").Limit(job.ResourceEphemeralStorage, "100m").Obj(), warnings: []string{
			`spec.template.spec.containers[0].resources.requests[memory]: fractional byte value "1500m" is invalid, must be an integer`,
			`spec.template.spec.containers[0].resources.limits[ephemeral-storage]: fractional byte value "100m" is invalid, must be an integer`,
		}},
		{name: "negative grace period", j: with(mk(), func(j *job.Job) {
			j.Spec.Template.Spec.TerminationGracePeriodSeconds = new(int64(-5))
		}), warnings: []string{"spec.template.spec.terminationGracePeriodSeconds: must be >= 0; negative values are invalid and will be treated as 1"}},
		{name: "update without a spec change", j: mk().Indexed(100001).Parallelism(10001).Obj(), old: mk().Indexed(100001).Parallelism(10001).Obj()},
		{name: "update with a spec change", j: with(mk().Indexed(100001).Parallelism(10001), func(j *job.Job) { j.Generation = 2 }),
			old: mk().Obj(), warnings: []string{
				"spec: In Indexed Jobs with a number of completions higher than 10^5 and a parallelism higher than 10^4, Kubernetes might not be able to track completedIndexes when a big number of indexes fail",
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := validation.Warnings(tt.j, tt.old)
			if len(got) != len(tt.warnings) {
				t.Fatalf("warnings %q, want %q", got, tt.warnings)
			}
			for i := range got {
				if got[i] != tt.warnings[i] {
					t.Fatalf("warning %d = %q, want %q", i, got[i], tt.warnings[i])
				}
			}
		})
	}
}
