package oracle

import (
	"cmp"
	"reflect"
	"slices"
	"strings"

	batchv1 "k8s.io/api/batch/v1"
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

// mapMembers are the JSON names of the map-valued members of a Job, its pod template included.
var mapMembers = mapMemberNames(reflect.TypeFor[batchv1.Job]())

func mapMemberNames(t reflect.Type) []string {
	var names []string
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || seen[t] {
			return
		}
		seen[t] = true
		for i := range t.NumField() {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if f.Type.Kind() == reflect.Map && name != "" && !slices.Contains(names, name) {
				names = append(names, name)
			}
			walk(f.Type)
		}
	}
	walk(t)
	return names
}

// mapBase returns the object that holds the map an error's field is in (for
// "x.resources.requests[cpu]" and "x.resources.limits", "x.resources"), when it is in one:
// maps of one object, such as requests and limits, are walked together.
func mapBase(f string) (string, bool) {
	if strings.HasSuffix(f, "]") {
		if i := strings.LastIndexByte(f, '['); i >= 0 && !numeric(f[i+1:len(f)-1]) {
			f = f[:i]
		}
	}
	dot := strings.LastIndexByte(f, '.')
	if !slices.Contains(mapMembers, f[dot+1:]) {
		return "", false
	}
	if dot < 0 {
		return "", true
	}
	return f[:dot], true
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
