package validation_test

import (
	"strings"
	"testing"

	"github.com/jobkit/jobkit/job"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

func exitCodes(op job.PodFailurePolicyOnExitCodesOperator, values ...int32) *job.PodFailurePolicyOnExitCodesRequirement {
	return &job.PodFailurePolicyOnExitCodesRequirement{Operator: op, Values: values}
}

func withRules(rules ...job.PodFailurePolicyRule) *job.Job {
	j := mk().Obj()
	j.Spec.PodFailurePolicy = &job.PodFailurePolicy{Rules: rules}
	j.Spec.PodReplacementPolicy = new(job.Failed)
	return j
}

func TestPodFailurePolicy(t *testing.T) {
	in, notIn := job.PodFailurePolicyOnExitCodesOpIn, job.PodFailurePolicyOnExitCodesOpNotIn
	cond := []job.PodFailurePolicyOnPodConditionsPattern{{Type: job.DisruptionTarget, Status: job.ConditionTrue}}
	const r0 = "spec.podFailurePolicy.rules[0]"
	many := make([]job.PodFailurePolicyRule, 21)
	for i := range many {
		many[i] = job.PodFailurePolicyRule{Action: job.PodFailurePolicyActionCount, OnPodConditions: cond}
	}
	values := make([]int32, 256)
	for i := range values {
		values[i] = int32(i + 1)
	}
	runCreate(t, []createCase{
		{name: "zero rules", job: withRules()},
		{name: "more than 20 rules", job: withRules(many...), want: field.ErrorList{e(tooMany, "spec.podFailurePolicy.rules")}},
		{name: "no action", job: withRules(job.PodFailurePolicyRule{OnExitCodes: exitCodes(in, 1)}), want: field.ErrorList{e(required, r0+".action")}},
		{name: "unknown action", job: withRules(job.PodFailurePolicyRule{Action: "Retry", OnExitCodes: exitCodes(in, 1)}), want: field.ErrorList{e(notSupported, r0+".action")}},
		{name: "FailIndex without backoffLimitPerIndex", job: withRules(job.PodFailurePolicyRule{Action: job.PodFailurePolicyActionFailIndex, OnExitCodes: exitCodes(in, 1)}),
			want: field.ErrorList{e(invalid, r0+".action")}},
		{name: "both requirements", job: withRules(job.PodFailurePolicyRule{Action: job.PodFailurePolicyActionCount, OnExitCodes: exitCodes(in, 1), OnPodConditions: cond}),
			want: field.ErrorList{e(invalid, r0)}},
		{name: "no requirement", job: withRules(job.PodFailurePolicyRule{Action: job.PodFailurePolicyActionCount}), want: field.ErrorList{e(invalid, r0)}},
		{name: "no operator", job: withRules(job.PodFailurePolicyRule{Action: job.PodFailurePolicyActionCount, OnExitCodes: exitCodes("", 1)}),
			want: field.ErrorList{e(required, r0+".onExitCodes.operator")}},
		{name: "unknown operator skips the zero check", job: withRules(job.PodFailurePolicyRule{Action: job.PodFailurePolicyActionCount, OnExitCodes: exitCodes("Is", 0)}),
			want: field.ErrorList{e(notSupported, r0+".onExitCodes.operator")}},
		{name: "no values", job: withRules(job.PodFailurePolicyRule{Action: job.PodFailurePolicyActionCount, OnExitCodes: exitCodes(in)}),
			want: field.ErrorList{e(invalid, r0+".onExitCodes.values")}},
		{name: "too many values", job: withRules(job.PodFailurePolicyRule{Action: job.PodFailurePolicyActionCount, OnExitCodes: exitCodes(notIn, values...)}),
			want: field.ErrorList{e(tooMany, r0+".onExitCodes.values")}},
		{name: "zero with In, duplicates, disorder", job: withRules(job.PodFailurePolicyRule{Action: job.PodFailurePolicyActionCount, OnExitCodes: exitCodes(in, 0, 3, 3, 2, 0)}),
			want: field.ErrorList{
				e(invalid, r0+".onExitCodes.values[0]"),
				e(duplicate, r0+".onExitCodes.values[2]"),
				e(invalid, r0+".onExitCodes.values[4]"), e(duplicate, r0+".onExitCodes.values[4]"),
				e(invalid, r0+".onExitCodes.values"),
			}},
		{name: "zero and negative codes with NotIn", job: withRules(job.PodFailurePolicyRule{Action: job.PodFailurePolicyActionCount, OnExitCodes: exitCodes(notIn, -5, 0, 1)})},
		{name: "unknown container", job: with(mk(), func(j *job.Job) {
			*j = *withRules(job.PodFailurePolicyRule{Action: job.PodFailurePolicyActionFailJob, OnExitCodes: &job.PodFailurePolicyOnExitCodesRequirement{
				ContainerName: new("sidecar"), Operator: in, Values: []int32{1},
			}})
		}), want: field.ErrorList{e(invalid, r0+".onExitCodes.containerName")}},
		{name: "condition patterns", job: withRules(job.PodFailurePolicyRule{Action: job.PodFailurePolicyActionIgnore, OnPodConditions: []job.PodFailurePolicyOnPodConditionsPattern{
			{Type: "", Status: job.ConditionTrue},
			{Type: "a/b/c", Status: ""},
			{Type: "Ready", Status: "Maybe"},
			{Type: "example.com/" + job.PodConditionType(strings.Repeat("x", 64)), Status: job.ConditionFalse},
		}}), want: field.ErrorList{
			e(invalid, r0+".onPodConditions[0].type"), e(invalid, r0+".onPodConditions[0].type"),
			e(invalid, r0+".onPodConditions[1].type"), e(required, r0+".onPodConditions[1].status"),
			e(notSupported, r0+".onPodConditions[2].status"),
			e(invalid, r0+".onPodConditions[3].type"),
		}},
	})
}

func TestSuccessPolicy(t *testing.T) {
	const r0 = "spec.successPolicy.rules[0]"
	runCreate(t, []createCase{
		{name: "valid", job: mk().Indexed(10).SuccessPolicyRule("0-4", 3).SuccessPolicyRule("", 10).Obj()},
		{name: "accepted odd forms", job: mk().Indexed(10).SuccessPolicyRule("+1,007", 0).Obj()},
		{name: "NonIndexed", job: mk().SuccessPolicyRule("0", -1).Obj(), want: field.ErrorList{e(invalid, "spec.successPolicy")}},
		{name: "no rules", job: with(mk().Indexed(10), func(j *job.Job) { j.Spec.SuccessPolicy = &job.SuccessPolicy{} }),
			want: field.ErrorList{e(required, "spec.successPolicy.rules")}},
		{name: "empty rule", job: with(mk().Indexed(10), func(j *job.Job) {
			j.Spec.SuccessPolicy = &job.SuccessPolicy{Rules: []job.SuccessPolicyRule{{}}}
		}), want: field.ErrorList{e(required, r0)}},
		{name: "indexes out of range", job: mk().Indexed(10).SuccessPolicyRule("5-10", -1).Obj(), want: field.ErrorList{e(invalid, r0+".succeededIndexes")}},
		{name: "indexes too long", job: mk().Indexed(10).SuccessPolicyRule(strings.Repeat("1", 65537), -1).Obj(), want: field.ErrorList{
			e(tooLong, r0+".succeededIndexes"), e(invalid, r0+".succeededIndexes"),
		}},
		{name: "count out of range", job: mk().Indexed(10).SuccessPolicyRule("1-3", 11).Obj(), want: field.ErrorList{
			e(invalid, r0+".succeededCount"), e(invalid, r0+".succeededCount"),
		}},
		{name: "neither indexes nor count", job: mk().Indexed(10).SuccessPolicyRule("", -1).Obj(), want: field.ErrorList{e(required, r0)}},
		{name: "negative count", job: with(mk().Indexed(10), func(j *job.Job) {
			j.Spec.SuccessPolicy = &job.SuccessPolicy{Rules: []job.SuccessPolicyRule{{SucceededCount: new(int32(-1))}}}
		}), want: field.ErrorList{e(invalid, r0+".succeededCount")}},
		{name: "no completions does not panic", job: with(mk().Indexed(10).Parallelism(2).SuccessPolicyRule("1", 1), func(j *job.Job) {
			j.Spec.Completions = nil
		}), want: field.ErrorList{e(required, "spec.completions")}},
	})
}
