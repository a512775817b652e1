package generate

import (
	"reflect"
	"strings"

	"k8s.io/apimachinery/pkg/api/resource"
	"k8s.io/apimachinery/pkg/util/intstr"
)

// mutate sets the member at path (as Members writes it) below root, a settable struct: the
// objects on the way are created when missing, plausibly filled; the member itself gets a
// plausible or, with hostile, a hostile value.
func (f *filler) mutate(root reflect.Value, path string, hostile bool) {
	segments := strings.Split(path, ".")
	cur := root
	for i, seg := range segments {
		name, list := strings.CutSuffix(seg, "[]")
		fl, ok := fieldByName(cur.Type(), name)
		if !ok {
			return
		}
		if u, ok := unionHolding(cur, fl); ok {
			f.clearUnion(u, name, hostile)
		}
		f.parent = cur.Type().Name()
		fv := cur.FieldByIndex(fl.index)
		if i == len(segments)-1 {
			f.leaf(fv, name, list, hostile)
			return
		}
		cur = f.descend(fv, name, list)
	}
}

// unionHolding returns the union struct that holds member fl of the struct v: v itself, or an
// inline union embedded in it.
func unionHolding(v reflect.Value, fl field) (reflect.Value, bool) {
	if isUnion(v.Type()) {
		return v, true
	}
	if len(fl.index) > 1 {
		if u := v.FieldByIndex(fl.index[:len(fl.index)-1]); isUnion(u.Type()) {
			return u, true
		}
	}
	return reflect.Value{}, false
}

// clearUnion keeps only member keep of a union, and with hostile sometimes one other.
func (f *filler) clearUnion(v reflect.Value, keep string, hostile bool) {
	kept := hostile && f.r.IntN(3) == 0
	for _, fl := range structFields(v.Type()) {
		if fl.name == keep {
			continue
		}
		fv := v.FieldByIndex(fl.index)
		if !fv.IsZero() && kept {
			kept = false
			continue
		}
		fv.SetZero()
	}
}

// descend returns the struct the path goes on in, below the member fv, creating it.
func (f *filler) descend(fv reflect.Value, name string, list bool) reflect.Value {
	if fv.Kind() == reflect.Pointer {
		if fv.IsNil() {
			fv.Set(reflect.New(fv.Type().Elem()))
			f.fillStruct(fv.Elem(), 1)
		}
		fv = fv.Elem()
	}
	if list {
		if fv.Len() == 0 || f.r.IntN(3) == 0 {
			elem := reflect.New(fv.Type().Elem()).Elem()
			f.fill(elem, name, 2)
			fv.Set(reflect.Append(fv, elem))
		}
		fv = fv.Index(fv.Len() - 1)
		if fv.Kind() == reflect.Pointer {
			if fv.IsNil() {
				fv.Set(reflect.New(fv.Type().Elem()))
			}
			fv = fv.Elem()
		}
	}
	return fv
}

// leaf gives the member fv, named name, its generated value.
func (f *filler) leaf(fv reflect.Value, name string, list, hostile bool) {
	t := fv.Type()
	base := t
	for base.Kind() == reflect.Pointer {
		base = base.Elem()
	}
	switch {
	case list:
		f.list(fv, name, hostile)
	case !hostile:
		f.fill(fv, name, 2)
	case base == reflect.TypeFor[resource.Quantity]():
		fv.Set(pointerTo(t, reflect.ValueOf(resource.MustParse(f.pick(hostileQuantities)))))
	case base == reflect.TypeFor[intstr.IntOrString]():
		var v intstr.IntOrString
		if f.r.IntN(2) == 0 {
			v = intstr.FromInt32(int32(f.pickInt([]int64{0, -1, 65536, 70000})))
		} else {
			v = intstr.FromString(f.pick([]string{"", "UPPER", "nosuchport", "a-very-long-port-name", "8080", "-x"}))
		}
		fv.Set(pointerTo(t, reflect.ValueOf(v)))
	case base.Kind() == reflect.Map:
		v := reflect.New(base).Elem()
		f.fillMap(v, name, true)
		fv.Set(pointerTo(t, v))
	case base.Kind() == reflect.Struct:
		v := reflect.New(base).Elem()
		f.fillStruct(v, 2)
		if fields := structFields(base); len(fields) > 0 {
			fl := fields[f.r.IntN(len(fields))]
			f.leaf(v.FieldByIndex(fl.index), fl.name, false, true)
		}
		fv.Set(pointerTo(t, v))
	default:
		v := reflect.New(base).Elem()
		f.scalar(v, name, true)
		fv.Set(pointerTo(t, v))
	}
}

// list gives a list member a generated value: with hostile, an empty list, a duplicated
// element, or an element with a hostile member.
func (f *filler) list(fv reflect.Value, name string, hostile bool) {
	t := fv.Type()
	n := 1 + f.r.IntN(2)
	s := reflect.MakeSlice(t, n, n)
	for i := range n {
		f.fill(s.Index(i), name, 2)
	}
	if hostile {
		switch f.r.IntN(3) {
		case 0:
			s = reflect.MakeSlice(t, 0, 0)
		case 1:
			s = reflect.Append(s, s.Index(0))
		default:
			f.leaf(s.Index(0), name, false, true)
		}
	}
	fv.Set(s)
}

// pointerTo returns v as a value of type t, which is v's type or a pointer to it.
func pointerTo(t reflect.Type, v reflect.Value) reflect.Value {
	if t.Kind() != reflect.Pointer {
		return v
	}
	p := reflect.New(t.Elem())
	p.Elem().Set(pointerTo(t.Elem(), v))
	return p
}

func reflectValue(p any) reflect.Value { return reflect.ValueOf(p).Elem() }
