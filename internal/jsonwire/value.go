package jsonwire

import "strconv"

// Number is a JSON number kept as its literal text.
type Number string

// Value decodes a JSON text into a generic value: map[string]any, []any, string, bool,
// Number or nil.
func Value(data []byte) (any, error) {
	d := NewDecoder(data)
	v := d.value()
	d.Finish()
	return v, d.Err()
}

// value reads the next value generically.
func (d *Decoder) value() any {
	switch d.peek() {
	case '{':
		m := map[string]any{}
		for d.Object(); d.Member(); {
			k := string(d.Key())
			m[k] = d.value()
		}
		return m
	case '[':
		s := []any{}
		for d.Array(); d.Elem(); {
			s = append(s, d.value())
		}
		return s
	case '"':
		var s string
		d.String(&s)
		return s
	case 't', 'f':
		var b bool
		d.Bool(&b)
		return b
	case 'n':
		d.Null()
		return nil
	default:
		if d.pos >= len(d.data) {
			d.syntaxError("unexpected end of input")
			return nil
		}
		return Number(d.number())
	}
}

// IsAbsent reports whether a member with value v means the same as no member in the
// Kubernetes API: v is null or an empty array.
func IsAbsent(v any) bool {
	s, isSlice := v.([]any)
	return v == nil || isSlice && len(s) == 0
}

// ValuesEqual compares two generic values as the Kubernetes API reads them: numbers by
// value, and object members that are absent, null or empty arrays alike.
func ValuesEqual(a, b any) bool {
	if IsAbsent(a) || IsAbsent(b) {
		return IsAbsent(a) && IsAbsent(b)
	}
	switch a := a.(type) {
	case map[string]any:
		b, ok := b.(map[string]any)
		return ok && membersEqual(a, b) && membersEqual(b, a)
	case []any:
		b, ok := b.([]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for i := range a {
			if !ValuesEqual(a[i], b[i]) {
				return false
			}
		}
		return true
	case Number:
		b, ok := b.(Number)
		if !ok {
			return false
		}
		if a == b {
			return true
		}
		x, errX := strconv.ParseFloat(string(a), 64)
		y, errY := strconv.ParseFloat(string(b), 64)
		return errX == nil && errY == nil && x == y
	default:
		return a == b
	}
}

// membersEqual reports whether every member of a has an equal counterpart in b.
func membersEqual(a, b map[string]any) bool {
	for k, v := range a {
		if !ValuesEqual(v, b[k]) {
			return false
		}
	}
	return true
}
