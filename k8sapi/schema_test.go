package k8sapi_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/jobkit/jobkit/job"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
)

// TestSchemaMatchesK8sAPI walks k8s.io/api's Job, JobList, JobTemplateSpec and
// PodTemplateSpec beside jobkit's types: the same members by JSON name, the same omitempty,
// the same pointers, the same kinds, type by type, with nothing left out on either side.
func TestSchemaMatchesK8sAPI(t *testing.T) {
	compareType(t, "Job", reflect.TypeFor[batchv1.Job](), reflect.TypeFor[job.Job]())
	compareType(t, "JobList", reflect.TypeFor[batchv1.JobList](), reflect.TypeFor[job.JobList]())
	compareType(t, "JobTemplateSpec", reflect.TypeFor[batchv1.JobTemplateSpec](), reflect.TypeFor[job.JobTemplateSpec]())
	compareType(t, "PodTemplateSpec", reflect.TypeFor[corev1.PodTemplateSpec](), reflect.TypeFor[job.PodTemplateSpec]())
}

// jsonMember is a struct member as encoding/json sees it.
type jsonMember struct {
	typ       reflect.Type
	omitempty bool
}

// members returns the JSON members of struct t, with embedded inline structs flattened.
func members(t reflect.Type, out map[string]jsonMember) map[string]jsonMember {
	for f := range t.Fields() {
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch {
		case name == "-" || !f.IsExported():
		case f.Anonymous && name == "":
			members(f.Type, out)
		default:
			out[name] = jsonMember{typ: f.Type, omitempty: strings.Contains(opts, "omitempty")}
		}
	}
	return out
}

func compareType(t *testing.T, path string, api, kit reflect.Type) {
	t.Helper()
	switch {
	case api == kit:
		return // a shared apimachinery type: ObjectMeta, Time, Quantity, LabelSelector
	case api.Kind() != kit.Kind():
		t.Errorf("%s: batch/v1 has a %s, jobkit a %s", path, api, kit)
	case api.Kind() == reflect.Pointer || api.Kind() == reflect.Slice:
		compareType(t, path+"[]", api.Elem(), kit.Elem())
	case api.Kind() == reflect.Map:
		compareType(t, path+"{key}", api.Key(), kit.Key())
		compareType(t, path+"{}", api.Elem(), kit.Elem())
	case api.Kind() == reflect.Struct:
		compareStruct(t, path, api, kit)
	}
}

func compareStruct(t *testing.T, path string, api, kit reflect.Type) {
	t.Helper()
	if api.Name() != kit.Name() {
		t.Errorf("%s: batch/v1 type %s is jobkit's %s", path, api.Name(), kit.Name())
	}
	apiMembers, kitMembers := members(api, map[string]jsonMember{}), members(kit, map[string]jsonMember{})
	for name, a := range apiMembers {
		k, ok := kitMembers[name]
		if !ok {
			t.Errorf("%s.%s: jobkit's %s has no such member", path, name, kit.Name())
			continue
		}
		if a.omitempty != k.omitempty {
			t.Errorf("%s.%s: omitempty is %v in batch/v1, %v in jobkit", path, name, a.omitempty, k.omitempty)
		}
		compareType(t, path+"."+name, a.typ, k.typ)
	}
	for name := range kitMembers {
		if _, ok := apiMembers[name]; !ok {
			t.Errorf("%s.%s: batch/v1's %s has no such member", path, name, api.Name())
		}
	}
}
