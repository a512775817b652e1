package validation

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"strings"

	"github.com/jobkit/jobkit/job"
)

// InternalForm is the bad value of an error that names a whole struct — a success policy, a
// pod template, a resource claim — as the API server prints it: the server validates its
// internal types, which have no JSON tags, so their JSON has Go field names and every
// field, an absent one as null. Value is the jobkit value itself; its Extra members are not
// printed.
type InternalForm struct {
	Value any
}

// MarshalJSON writes the value in the internal form.
func (f InternalForm) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	err := writeInternal(&b, reflect.ValueOf(f.Value))
	return b.Bytes(), err
}

// wrapStructValue returns value wrapped in InternalForm when it is a jobkit struct or a
// pointer to one, and value itself otherwise.
func wrapStructValue(value any) any {
	t := reflect.TypeOf(value)
	if t == nil {
		return value
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() == reflect.Struct && isJobkit(t) {
		return InternalForm{value}
	}
	return value
}

// isJobkit reports whether t is one of jobkit's own types (package job's), printed in the
// internal form; the apimachinery types print as themselves.
func isJobkit(t reflect.Type) bool {
	return t.PkgPath() == reflect.TypeFor[job.Job]().PkgPath()
}

var (
	extraType = reflect.TypeFor[job.Extra]()
)

// writeInternal writes v: jobkit structs with Go field names, every field, embedded ones
// flattened; everything else as encoding/json writes it.
func writeInternal(b *bytes.Buffer, v reflect.Value) error {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			b.WriteString("null")
			return nil
		}
		v = v.Elem()
	}
	switch {
	case v.Kind() == reflect.Struct && isJobkit(v.Type()):
		b.WriteByte('{')
		first := true
		return writeFields(b, v, &first, func() { b.WriteByte('}') })
	case v.Kind() == reflect.Slice && isJobkitElem(v.Type().Elem()):
		if v.IsNil() {
			b.WriteString("null")
			return nil
		}
		b.WriteByte('[')
		for i := range v.Len() {
			if i > 0 {
				b.WriteByte(',')
			}
			if err := writeInternal(b, v.Index(i)); err != nil {
				return err
			}
		}
		b.WriteByte(']')
		return nil
	case v.Kind() == reflect.Map && isJobkitElem(v.Type().Elem()):
		if v.IsNil() {
			b.WriteString("null")
			return nil
		}
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
		b.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				b.WriteByte(',')
			}
			key, _ := json.Marshal(k.String())
			b.Write(key)
			b.WriteByte(':')
			if err := writeInternal(b, v.MapIndex(k)); err != nil {
				return err
			}
		}
		b.WriteByte('}')
		return nil
	}
	data, err := json.Marshal(v.Interface())
	b.Write(data)
	return err
}

// isJobkitElem reports whether lists or maps of t hold jobkit structs.
func isJobkitElem(t reflect.Type) bool {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t.Kind() == reflect.Struct && isJobkit(t)
}

// writeFields writes the fields of struct v as members, flattening embedded structs, then
// calls end.
func writeFields(b *bytes.Buffer, v reflect.Value, first *bool, end func()) error {
	t := v.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() || f.Type == extraType {
			continue
		}
		fv := v.Field(i)
		if f.Anonymous && f.Type.Kind() == reflect.Struct {
			if isJobkit(f.Type) {
				if err := writeFields(b, fv, first, func() {}); err != nil {
					return err
				}
				continue
			}
			// An apimachinery struct (object metadata) inlined: its own members.
			data, err := json.Marshal(fv.Interface())
			if err != nil {
				return err
			}
			if inner := bytes.TrimSuffix(bytes.TrimPrefix(data, []byte("{")), []byte("}")); len(inner) > 0 {
				if !*first {
					b.WriteByte(',')
				}
				*first = false
				b.Write(inner)
			}
			continue
		}
		if !*first {
			b.WriteByte(',')
		}
		*first = false
		name, _ := json.Marshal(f.Name)
		b.Write(name)
		b.WriteByte(':')
		if err := writeInternal(b, fv); err != nil {
			return err
		}
	}
	end()
	return nil
}
