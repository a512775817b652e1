package validation_test

import (
	"testing"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/validation"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

var workloadGate = validation.Options{FeatureGates: job.FeatureGates{job.WorkloadWithJob: true}}

func gang(minCount int32) *job.JobSchedulingConfiguration {
	return &job.JobSchedulingConfiguration{SchedulingPolicy: &job.WorkloadPodGroupSchedulingPolicy{Gang: &job.WorkloadPodGroupGangSchedulingPolicy{MinCount: &minCount}}}
}

func withScheduling(c *job.JobSchedulingConfiguration) *job.Job {
	return with(mk().Parallelism(4).Completions(4), func(j *job.Job) { j.Spec.Scheduling = c })
}

func TestSchedulingCreate(t *testing.T) {
	const s = "spec.scheduling"
	all := &job.WorkloadPodGroupDisruptionMode{All: &job.WorkloadPodGroupAllDisruptionMode{}}
	runCreate(t, []createCase{
		{name: "forbidden while the gate is off", job: withScheduling(gang(2)), want: field.ErrorList{e(forbidden, s)}},
		{name: "gang", job: withScheduling(gang(2)), opts: workloadGate},
		{name: "empty", job: withScheduling(&job.JobSchedulingConfiguration{}), opts: workloadGate},
		{name: "minCount above parallelism", job: withScheduling(gang(5)), opts: workloadGate,
			want: field.ErrorList{e(invalid, s+".schedulingPolicy.gang.minCount")}},
		{name: "minCount below 1", job: withScheduling(gang(0)), opts: workloadGate,
			want: field.ErrorList{e(invalid, s+".schedulingPolicy.gang.minCount")}},
		{name: "all with basic", job: withScheduling(&job.JobSchedulingConfiguration{DisruptionMode: all}), opts: workloadGate,
			want: field.ErrorList{e(invalid, s+".disruptionMode")}},
		{name: "policy union", job: withScheduling(&job.JobSchedulingConfiguration{SchedulingPolicy: &job.WorkloadPodGroupSchedulingPolicy{}}), opts: workloadGate,
			want: field.ErrorList{e(invalid, s+".schedulingPolicy")}},
		{name: "constraints and claims", job: withScheduling(&job.JobSchedulingConfiguration{
			SchedulingConstraints: &job.WorkloadPodGroupSchedulingConstraints{Topology: []job.TopologyConstraint{{Key: ""}}},
			ResourceClaims: []job.WorkloadPodGroupResourceClaim{
				{Name: "gpu", ResourceClaimName: new("gpus")},
				{Name: "gpu", ResourceClaimName: new("Bad_Name"), ResourceClaimTemplateName: new("t")},
			},
		}), opts: workloadGate, want: field.ErrorList{
			e(required, s+".schedulingConstraints.topology[0].key"),
			e(duplicate, s+".resourceClaims[1]"),
			e(invalid, s+".resourceClaims[1]"),
			e(invalid, s+".resourceClaims[1].resourceClaimName"),
		}},
	})
}

func TestSchedulingUpdate(t *testing.T) {
	const s = "spec.scheduling"
	for _, tt := range []struct {
		name   string
		update func(j *job.Job)
		opts   validation.Options
		want   field.ErrorList
	}{
		{name: "minCount may change", update: func(j *job.Job) { j.Spec.Scheduling = gang(3) }, opts: workloadGate},
		{name: "changed while the gate is off", update: func(j *job.Job) { j.Spec.Scheduling = gang(3) }, want: field.ErrorList{e(forbidden, s)}},
		{name: "unchanged while the gate is off", update: func(j *job.Job) { j.Spec.Parallelism = new(int32(5)) }},
		{name: "cleared", update: func(j *job.Job) { j.Spec.Scheduling = nil }, opts: workloadGate, want: field.ErrorList{e(invalid, s)}},
		{name: "basic to gang", update: func(j *job.Job) {
			j.Spec.Scheduling = &job.JobSchedulingConfiguration{SchedulingPolicy: &job.WorkloadPodGroupSchedulingPolicy{Basic: &job.WorkloadPodGroupBasicSchedulingPolicy{}}}
		}, opts: workloadGate, want: field.ErrorList{e(invalid, s+".schedulingPolicy")}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			o := withScheduling(gang(2))
			o.ResourceVersion = "1"
			j := o.DeepCopy()
			tt.update(j)
			job.PrepareForUpdate(j, o, tt.opts.FeatureGates)
			checkErrors(t, tt.want, validation.ValidateJobUpdate(j, o, tt.opts))
		})
	}
}
