package generate

import (
	"reflect"
	"slices"
	"strings"

	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
)

// leafTypes are struct types written as one JSON value, not as an object of members.
var leafTypes = []reflect.Type{
	reflect.TypeFor[resource.Quantity](),
	reflect.TypeFor[intstr.IntOrString](),
	reflect.TypeFor[metav1.Time](),
	reflect.TypeFor[metav1.MicroTime](),
	reflect.TypeFor[metav1.Duration](),
}

func isLeaf(t reflect.Type) bool {
	return t.Kind() != reflect.Struct || slices.Contains(leafTypes, t)
}

// jsonName is the JSON member name of a struct field, "" for fields not in JSON, and
// inline for embedded members.
func jsonName(f reflect.StructField) (name string, inline bool) {
	tag := f.Tag.Get("json")
	if tag == "-" || !f.IsExported() {
		return "", false
	}
	name, opts, _ := strings.Cut(tag, ",")
	if strings.Contains(opts, "inline") || (f.Anonymous && name == "") {
		return "", true
	}
	if name == "" {
		name = f.Name
	}
	return name, false
}

// Members lists every member path of a type, as dotted JSON names with "[]" after a list
// member: "containers[].securityContext.capabilities.add[]". Struct-valued members are
// listed as well as their own members.
func Members(t reflect.Type) []string {
	var out []string
	var walk func(t reflect.Type, prefix string, seen []reflect.Type)
	walk = func(t reflect.Type, prefix string, seen []reflect.Type) {
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if isLeaf(t) || slices.Contains(seen, t) {
			return
		}
		seen = append(seen, t)
		for i := range t.NumField() {
			f := t.Field(i)
			name, inline := jsonName(f)
			if inline {
				walk(f.Type, prefix, seen)
				continue
			}
			if name == "" {
				continue
			}
			path := prefix + name
			ft := f.Type
			for ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Slice && ft.Elem().Kind() != reflect.Uint8 {
				path += "[]"
				ft = ft.Elem()
			}
			out = append(out, path)
			walk(ft, path+".", seen)
		}
	}
	walk(t, "", nil)
	return out
}
