package validation

import (
	"strconv"
	"strings"

	"github.com/jobkit/jobkit/internal/names"
	"github.com/jobkit/jobkit/job"
	"k8s.io/apimachinery/pkg/api/validate/content"
	metav1validation "k8s.io/apimachinery/pkg/apis/meta/v1/validation"
	"k8s.io/apimachinery/pkg/util/validation"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// tolerations checks the pod's tolerations as core validation does: a key that is a label
// key, or none with operator Exists; tolerationSeconds only with effect NoExecute; a value
// that fits the operator; a known effect. The Lt and Gt operators need their feature gate,
// unless the stored template already uses them.
func (v *validator) tolerations(ts []job.Toleration, p *path) {
	tp := p.child("tolerations")
	for i := range ts {
		t := &ts[i]
		ip := tp.at(i)
		if t.Key != "" && !names.IsQualifiedName(t.Key) {
			kp := ip.child("key")
			v.addAll(metav1validation.ValidateLabelName(t.Key, kp.build()))
		}
		op := ip.child("operator")
		if t.Key == "" && t.Operator != job.TolerationOpExists {
			v.add(field.Invalid(op.build(), t.Operator, "operator must be Exists when `key` is empty, which means \"match all values and all keys\""))
		}
		if t.TolerationSeconds != nil && t.Effect != job.TaintEffectNoExecute {
			ep := ip.child("effect")
			v.add(field.Invalid(ep.build(), t.Effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"))
		}
		v.tolerationValue(t, &ip, &op)
		switch t.Effect {
		case "", job.TaintEffectNoSchedule, job.TaintEffectPreferNoSchedule, job.TaintEffectNoExecute:
		default:
			ep := ip.child("effect")
			v.add(field.NotSupported(ep.build(), t.Effect, []job.TaintEffect{job.TaintEffectNoSchedule, job.TaintEffectPreferNoSchedule, job.TaintEffectNoExecute}))
		}
	}
}

// tolerationValue checks the operator and the value it compares with.
func (v *validator) tolerationValue(t *job.Toleration, ip, op *path) {
	switch t.Operator {
	case job.TolerationOpEqual, "":
		if !names.IsLabelValue(t.Value) {
			v.add(field.Invalid(op.build(), t.Value, strings.Join(validation.IsValidLabelValue(t.Value), ";")))
		}
	case job.TolerationOpExists:
		if t.Value != "" {
			v.add(field.Invalid(op.build(), t.Value, "value must be empty when `operator` is 'Exists'"))
		}
	case job.TolerationOpLt, job.TolerationOpGt:
		if !v.allowComparisonTolerations {
			v.add(field.NotSupported(op.build(), t.Operator, []job.TolerationOperator{job.TolerationOpEqual, job.TolerationOpExists, job.TolerationOpLt, job.TolerationOpGt}))
			return
		}
		vp := ip.child("value")
		for _, msg := range content.IsDecimalInteger(t.Value) {
			v.add(field.Invalid(vp.build(), t.Value, msg))
		}
		if _, err := strconv.ParseInt(t.Value, 10, 64); err != nil {
			v.add(field.Invalid(vp.build(), t.Value, err.Error()))
		}
	default:
		v.add(field.NotSupported(op.build(), t.Operator, []job.TolerationOperator{job.TolerationOpEqual, job.TolerationOpExists}))
	}
}

// comparisonTolerations reports whether a toleration of the pod uses Lt or Gt.
func comparisonTolerations(pod *job.PodSpec) bool {
	for i := range pod.Tolerations {
		if op := pod.Tolerations[i].Operator; op == job.TolerationOpLt || op == job.TolerationOpGt {
			return true
		}
	}
	return false
}
