package jsonwire

import (
	"encoding/json"
	"strconv"
)

// Null consumes a null and reports whether there was one.
func (d *Decoder) Null() bool {
	if d.peek() == 'n' {
		return d.literal("null")
	}
	return false
}

// String reads a string into p. A null leaves p unchanged, as in encoding/json.
func (d *Decoder) String(p *string) { Str(d, p) }

// StringPtr reads a string into a new *string; a null sets it to nil.
func (d *Decoder) StringPtr(p **string) { Ptr(d, p, Str[string]) }

// Ptr reads a value into *p with read, allocating *p when it is nil; a null sets *p to
// nil.
func Ptr[T any](d *Decoder, p **T, read func(*Decoder, *T)) {
	if d.Null() {
		*p = nil
		return
	}
	if *p == nil {
		*p = new(T)
	}
	read(d, *p)
}

// Str reads a string into p, of any string type. A null leaves p unchanged.
func Str[T ~string](d *Decoder, p *T) {
	switch d.peek() {
	case '"':
		if s := d.str(); !d.failed() {
			*p = T(s)
		}
	case 'n':
		d.literal("null")
	default:
		d.typeError("string")
	}
}

// StrPtr reads a string into a new *T; a null sets it to nil.
func StrPtr[T ~string](d *Decoder, p **T) { Ptr(d, p, Str[T]) }

// Bool reads a boolean into p. A null leaves p unchanged.
func (d *Decoder) Bool(p *bool) {
	switch d.peek() {
	case 't':
		if d.literal("true") {
			*p = true
		}
	case 'f':
		if d.literal("false") {
			*p = false
		}
	case 'n':
		d.literal("null")
	default:
		d.typeError("boolean")
	}
}

// BoolPtr reads a boolean into a new *bool; a null sets it to nil.
func (d *Decoder) BoolPtr(p **bool) { Ptr(d, p, (*Decoder).Bool) }

// Int32 reads an integer that fits in 32 bits into p. A null leaves p unchanged; a
// fraction, an exponent or an out-of-range value is a wrong-type error.
func (d *Decoder) Int32(p *int32) {
	if v, ok := d.integer(32, "int32"); ok {
		*p = int32(v)
	}
}

// Int32Ptr reads an int32 into a new *int32; a null sets it to nil.
func (d *Decoder) Int32Ptr(p **int32) { Ptr(d, p, (*Decoder).Int32) }

// Int64 reads an integer that fits in 64 bits into p. A null leaves p unchanged.
func (d *Decoder) Int64(p *int64) {
	if v, ok := d.integer(64, "int64"); ok {
		*p = v
	}
}

// Int64Ptr reads an int64 into a new *int64; a null sets it to nil.
func (d *Decoder) Int64Ptr(p **int64) { Ptr(d, p, (*Decoder).Int64) }

// integer reads a number that must be an integer of the given bit size.
func (d *Decoder) integer(bits int, want string) (int64, bool) {
	switch c := d.peek(); {
	case c == '-' || isDigit(c):
	case c == 'n':
		d.literal("null")
		return 0, false
	default:
		d.typeError(want)
		return 0, false
	}
	start := d.pos
	lit := d.number()
	if d.failed() {
		return 0, false
	}
	v, err := strconv.ParseInt(string(lit), 10, bits)
	if err != nil {
		d.pos = start
		d.typeError(want)
		return 0, false
	}
	return v, true
}

// Unmarshal reads the next value into v with its own UnmarshalJSON, for types such as
// times and quantities. An error is a wrong-type error.
func (d *Decoder) Unmarshal(v json.Unmarshaler, want string) {
	raw := d.View()
	if d.failed() {
		return
	}
	if err := v.UnmarshalJSON(raw); err != nil {
		d.AddError(d.Path(), want, err)
	}
}

// UnmarshalFunc hands the next value's JSON text to read, and records its error as a type
// error of a value of kind want at the current path.
func (d *Decoder) UnmarshalFunc(want string, read func([]byte) error) {
	raw := d.View()
	if d.failed() {
		return
	}
	if err := read(raw); err != nil {
		d.AddError(d.Path(), want, err)
	}
}

// ForeignView is View for a value another decoder reads and checks itself: duplicate members
// in it are left to that decoder to report.
func (d *Decoder) ForeignView() []byte {
	d.quiet++
	defer func() { d.quiet-- }()
	return d.View()
}

// View consumes the next value and returns its JSON text as a slice of the input: it must
// not be kept or modified.
func (d *Decoder) View() []byte {
	d.skipSpace()
	start := d.pos
	d.Skip()
	if d.failed() {
		return nil
	}
	return d.data[start:d.pos]
}

// Slice reads an array into *p, reading each element with read. A null sets *p to nil;
// like encoding/json, elements reuse the slice's backing array.
func Slice[T any](d *Decoder, p *[]T, read func(*Decoder, *T)) {
	if d.Null() {
		*p = nil
		return
	}
	if !d.Array() {
		return
	}
	out := (*p)[:0]
	if out == nil {
		out = []T{}
	}
	for d.Elem() {
		if len(out) < cap(out) {
			out = out[:len(out)+1]
		} else {
			var zero T
			out = append(out, zero)
		}
		read(d, &out[len(out)-1])
	}
	*p = out
}

// Map reads an object into the map *p, reading each value with read. A null sets *p to
// nil; existing entries are kept unless the object names them again.
func Map[K ~string, V any](d *Decoder, p *map[K]V, read func(*Decoder, *V)) {
	if d.Null() {
		*p = nil
		return
	}
	if !d.Object() {
		return
	}
	if *p == nil {
		*p = map[K]V{}
	}
	for d.Member() {
		var v V
		read(d, &v)
		(*p)[K(d.Key())] = v
	}
}

// Keep consumes the current member's value with read and keeps its JSON text, as raw
// JSON, in *m under the member's key.
func (d *Decoder) Keep(m *map[string]json.RawMessage, read func(*Decoder)) {
	d.skipSpace()
	start := d.pos
	read(d)
	if d.failed() {
		return
	}
	if *m == nil {
		*m = map[string]json.RawMessage{}
	}
	(*m)[string(d.Key())] = append(json.RawMessage(nil), d.data[start:d.pos]...)
}

// SkipUnknown consumes the current member's value and reports the member as unknown to the
// schema. Nothing inside the value is examined or reported.
func (d *Decoder) SkipUnknown() {
	if d.quiet == 0 {
		d.issue(Unknown)
	}
	d.quiet++
	d.Skip()
	d.quiet--
}
