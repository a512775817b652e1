package validation_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/job/jobtest"
	"github.com/jobkit/jobkit/validation"
	"k8s.io/apimachinery/pkg/api/resource"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

type updateCase struct {
	name   string
	old    *jobtest.Wrapper
	update func(j *job.Job)
	opts   validation.Options
	want   field.ErrorList
}

// runUpdate applies each case's change to a copy of old, prepares the update as the API
// server does, and validates it.
func runUpdate(t *testing.T, tests []updateCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old := tt.old.Obj()
			old.ResourceVersion = "1"
			j := old.DeepCopy()
			tt.update(j)
			job.PrepareForUpdate(j, old, tt.opts.FeatureGates)
			got := validation.ValidateJobUpdate(j, old, tt.opts)
			if diff := cmp.Diff(tt.want, got, jobtest.CompareErrors()); diff != "" {
				t.Fatalf("errors (-want +got):\n%s\n%v", diff, got)
			}
		})
	}
}

func TestUpdate(t *testing.T) {
	suspended := func() *jobtest.Wrapper { return mk().Suspend(true) }
	image := func(j *job.Job) { j.Spec.Template.Spec.Containers[0].Image = "busybox:2" }
	cpu := func(j *job.Job) {
		j.Spec.Template.Spec.Containers[0].Resources.Requests = job.ResourceList{job.ResourceCPU: resource.MustParse("2")}
	}
	nodeSelector := func(j *job.Job) {
		j.Spec.Template.Spec.NodeSelector = map[string]string{"zone": "a"}
	}
	runUpdate(t, []updateCase{
		{name: "parallelism", old: mk(), update: func(j *job.Job) { j.Spec.Parallelism = new(int32(5)) }},
		{name: "status changes are ignored", old: mk(), update: func(j *job.Job) { j.Status.Failed = -1 }},
		{name: "name", old: mk(), update: func(j *job.Job) { j.Name = "other" }, want: field.ErrorList{e(invalid, "metadata.name")}},
		{name: "completions of NonIndexed", old: mk(), update: func(j *job.Job) { j.Spec.Completions = new(int32(3)) },
			want: field.ErrorList{e(invalid, "spec.completions")}},
		{name: "completions with parallelism of Indexed", old: mk().Indexed(4).Parallelism(4), update: func(j *job.Job) {
			j.Spec.Completions, j.Spec.Parallelism = new(int32(6)), new(int32(6))
		}},
		{name: "completions alone of Indexed", old: mk().Indexed(4).Parallelism(4), update: func(j *job.Job) { j.Spec.Completions = new(int32(6)) },
			want: field.ErrorList{e(invalid, "spec.completions")}},
		{name: "adding a pod failure policy", old: mk(), update: func(j *job.Job) {
			j.Spec.PodFailurePolicy = &job.PodFailurePolicy{Rules: []job.PodFailurePolicyRule{}}
		}, want: field.ErrorList{e(notSupported, "spec.podReplacementPolicy"), e(invalid, "spec.podFailurePolicy")}},
		{name: "immutable fields", old: mk().Indexed(4).BackoffLimitPerIndex(1), update: func(j *job.Job) {
			j.Spec.BackoffLimitPerIndex = new(int32(2))
			j.Spec.ManagedBy = new("example.com/x")
			j.Spec.Selector.MatchLabels["x"] = "y"
		}, want: field.ErrorList{
			e(invalid, "spec.template.metadata.labels"), e(invalid, "spec.selector"),
			e(invalid, "spec.backoffLimitPerIndex"), e(invalid, "spec.managedBy"),
		}},
		{name: "completion mode", old: mk(), update: func(j *job.Job) { j.Spec.CompletionMode = new(job.IndexedCompletion) },
			want: field.ErrorList{e(invalid, "spec.completionMode")}},
		{name: "image of a running Job", old: mk(), update: image, want: field.ErrorList{e(invalid, "spec.template")}},
		{name: "image of a suspended Job", old: suspended(), update: image, want: field.ErrorList{e(invalid, "spec.template.spec")}},
		{name: "resources of a suspended Job", old: suspended(), update: cpu},
		{name: "resources without the gate", old: suspended(), update: cpu,
			opts: validation.Options{FeatureGates: job.FeatureGates{job.MutablePodResourcesForSuspendedJobs: false}},
			want: field.ErrorList{e(invalid, "spec.template")}},
		{name: "resources of a suspended Job with active pods", old: suspended().Active(1).StartTime(time.Now()), update: cpu,
			want: field.ErrorList{e(invalid, "spec.template")}},
		{name: "node selector of a suspended Job", old: suspended(), update: nodeSelector},
		{name: "node selector of a started suspended Job", old: suspended().StartTime(time.Now()), update: nodeSelector,
			want: field.ErrorList{e(invalid, "spec.template")}},
		{name: "node selector of a Job suspended since it started", old: suspended().StartTime(time.Now()).
			Condition(job.JobCondition{Type: job.JobSuspended, Status: job.ConditionTrue}), update: nodeSelector},
		{name: "node affinity of a suspended Job", old: suspended(), update: func(j *job.Job) {
			j.Spec.Template.Spec.Affinity = &job.Affinity{NodeAffinity: &job.NodeAffinity{
				RequiredDuringSchedulingIgnoredDuringExecution: &job.NodeSelector{NodeSelectorTerms: []job.NodeSelectorTerm{
					{MatchExpressions: []job.NodeSelectorRequirement{{Key: "zone", Operator: "In", Values: []string{"a"}}}},
				}},
			}}
		}},
		{name: "pod affinity of a suspended Job", old: suspended(), update: func(j *job.Job) {
			j.Spec.Template.Spec.Affinity = &job.Affinity{PodAffinity: &job.PodAffinity{}}
		}, want: field.ErrorList{e(invalid, "spec.template.spec")}},
		{name: "template labels of a suspended Job", old: suspended(), update: func(j *job.Job) { j.Spec.Template.Labels["team"] = "a" }},
		{name: "a security context is a change, an empty volume list is not", old: mk(), update: func(j *job.Job) {
			j.Spec.Template.Spec.SecurityContext, j.Spec.Template.Spec.Volumes = &job.PodSecurityContext{RunAsUser: new(int64(1))}, []job.Volume{}
		}, want: field.ErrorList{e(invalid, "spec.template")}},
	})
}

func TestUpdateSemanticallyEqualTemplate(t *testing.T) {
	old := mk().Obj()
	old.ResourceVersion = "1"
	old.Spec.Template.Spec.Overhead = job.ResourceList{"cpu": resource.MustParse("1"), "memory": resource.MustParse("2")}
	j := old.DeepCopy()
	j.Spec.Template.Spec.Overhead = job.ResourceList{"memory": resource.MustParse("2000m"), "cpu": resource.MustParse("1")}
	j.Spec.Template.Spec.Tolerations = []job.Toleration{}
	j.Spec.Template.Spec.Extra = job.Extra{"unknownMember": []byte(`true`)}
	job.PrepareForUpdate(j, old, nil)
	if errs := validation.ValidateJobUpdate(j, old, validation.Options{}); len(errs) > 0 {
		t.Fatalf("equal quantities, an empty list and an unknown member changed the template: %v", errs)
	}
}
