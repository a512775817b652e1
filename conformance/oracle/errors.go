package oracle

import (
	"cmp"
	"slices"
	"strings"

	"k8s.io/apimachinery/pkg/util/net"
	"k8s.io/apimachinery/pkg/util/validation/field"
	"k8s.io/kubernetes/pkg/api/pod"
	"k8s.io/kubernetes/pkg/apis/batch"
	corevalidation "k8s.io/kubernetes/pkg/apis/core/validation"
)

// maxMessage is where the case format cuts an error's message.
const maxMessage = 512

// errorOf writes a validation error as the case format has it.
func errorOf(e *field.Error, template map[string]bool) Error {
	msg := e.Error()
	out := Error{
		Type:        string(e.Type),
		Field:       e.Field,
		Detail:      e.Detail,
		Origin:      e.Origin,
		PodTemplate: template[key(e)],
	}
	if len(msg) > maxMessage {
		msg, out.MessageTruncated = msg[:maxMessage], true
	}
	out.Message = msg
	return out
}

func key(e *field.Error) string {
	return string(e.Type) + "\x00" + e.Field + "\x00" + e.Detail
}

// podTemplateErrors runs the generic validation of a pod template on the Job's template, and
// returns its errors by key: the Job's errors that are also among these come from the pod
// template rules rather than from a Job rule.
func podTemplateErrors(j *batch.Job) map[string]bool {
	if j == nil {
		return nil
	}
	opts := pod.GetValidationOptionsFromPodTemplate(&j.Spec.Template, nil)
	errs := corevalidation.ValidatePodTemplateSpec(&j.Spec.Template, field.NewPath("spec", "template"), opts)
	keys := make(map[string]bool, len(errs))
	for _, e := range errs {
		keys[key(e)] = true
	}
	return keys
}

// canonicalOrder sorts each run of consecutive errors found while walking one map (labels,
// annotations, a selector's matchLabels, a resource list), whose order the server does not fix,
// and each run of consecutive errors at one field, by field, type and message; everything else
// keeps the server's order.
func canonicalOrder(errs field.ErrorList) field.ErrorList {
	out := slices.Clone(errs)
	for i := 0; i < len(out); {
		j := i + 1
		for j < len(out) && sameRun(out[i].Field, out[j].Field) {
			j++
		}
		slices.SortStableFunc(out[i:j], func(a, b *field.Error) int {
			return cmp.Or(strings.Compare(a.Field, b.Field), strings.Compare(string(a.Type), string(b.Type)), strings.Compare(a.Error(), b.Error()))
		})
		i = j
	}
	return out
}

// sameRun reports whether errors at fields a and b, one after the other, are in one run: at
// the same field, or in the same map.
func sameRun(a, b string) bool {
	if a == b {
		return true
	}
	baseA, okA := mapBase(a)
	baseB, okB := mapBase(b)
	return okA && okB && baseA == baseB
}

// mapMembers are the map-valued members whose errors the server reports at the map's own path.
var mapMembers = []string{"labels", "annotations", "matchLabels", "nodeSelector", "limits", "requests", "overhead", "capacity", "allocatable"}

// mapBase returns the path of the map an error's field is in: the field without a trailing
// non-numeric [key], or the field itself when it names a map member.
func mapBase(f string) (string, bool) {
	if strings.HasSuffix(f, "]") {
		if i := strings.LastIndexByte(f, '['); i >= 0 && !numeric(f[i+1:len(f)-1]) {
			return f[:i], true
		}
	}
	last := f[strings.LastIndexByte(f, '.')+1:]
	return f, slices.Contains(mapMembers, last)
}

func numeric(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// parseWarnings reads Warning headers back into their texts.
func parseWarnings(headers []string) []string {
	parsed, _ := net.ParseWarningHeaders(headers)
	out := make([]string, 0, len(parsed))
	for _, w := range parsed {
		out = append(out, w.Text)
	}
	return out
}
