package job

import (
	"slices"

	"github.com/jobkit/jobkit/internal/jsonwire"
	"k8s.io/apimachinery/pkg/api/resource"
	"k8s.io/apimachinery/pkg/util/intstr"
)

// The readers and writers the generated pod template codec uses for values that are not
// structs of core/v1.

// decodeIntOrString reads an int or a string, as intstr.IntOrString reads itself.
func decodeIntOrString(d *jsonwire.Decoder, v *intstr.IntOrString) {
	d.Unmarshal(v, "int or string")
}

// writeQuantity writes a quantity in its canonical form, as its MarshalJSON does.
func writeQuantity(e *jsonwire.Encoder, q *resource.Quantity) { e.String(q.String()) }

// writeIntOrString writes an int or a string, as its MarshalJSON does.
func writeIntOrString(e *jsonwire.Encoder, v *intstr.IntOrString) {
	if v.Type == intstr.String {
		e.String(v.StrVal)
		return
	}
	e.Int(int64(v.IntVal))
}

func quantityWriter(q *resource.Quantity, e *jsonwire.Encoder) { writeQuantity(e, q) }
func writeString[T ~string](s *T, e *jsonwire.Encoder)         { e.String(string(*s)) }
func writeInt[T ~int32 | ~int64](v *T, e *jsonwire.Encoder)    { e.Int(int64(*v)) }

// writeMap writes m as an object with its keys in order, as encoding/json does, or null when
// it is nil.
func writeMap[K ~string, V any](e *jsonwire.Encoder, m map[K]V, write func(*V, *jsonwire.Encoder)) {
	if m == nil {
		e.Null()
		return
	}
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	e.BeginObject()
	for _, k := range keys {
		v := m[k]
		e.Key(string(k))
		write(&v, e)
	}
	e.EndObject()
}

// ptrEqual reports whether a and b are both nil or point to values eq finds equal.
func ptrEqual[T any](a, b *T, eq func(*T, *T) bool) bool {
	if a == nil || b == nil {
		return a == b
	}
	return eq(a, b)
}

// sliceEqual reports whether a and b have the same length and eq finds their elements
// equal; nil and empty are equal.
func sliceEqual[T any](a, b []T, eq func(*T, *T) bool) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !eq(&a[i], &b[i]) {
			return false
		}
	}
	return true
}

// mapEqual reports whether a and b have the same keys and eq finds their values equal; nil
// and empty are equal.
func mapEqual[K comparable, V any](a, b map[K]V, eq func(*V, *V) bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k, va := range a {
		vb, ok := b[k]
		if !ok || !eq(&va, &vb) {
			return false
		}
	}
	return true
}

func quantityEqual(a, b *resource.Quantity) bool { return a.Cmp(*b) == 0 }
