package jsonwire

import (
	"encoding/json"
	"maps"
	"slices"
	"strconv"
	"unicode/utf8"
)

// Encoder appends JSON to a buffer. Members and elements are separated automatically.
type Encoder struct {
	buf    []byte
	comma  bool     // whether the next member or element needs a leading comma
	keys   []string // member names written in the open objects
	starts []int    // where each open object's names start in keys
	err    error    // the first error of MarshalValue
}

// NewEncoder returns an Encoder that appends to buf.
func NewEncoder(buf []byte) *Encoder { return &Encoder{buf: buf} }

// Bytes returns the JSON written so far.
func (e *Encoder) Bytes() []byte { return e.buf }

func (e *Encoder) sep() {
	if e.comma {
		e.buf = append(e.buf, ',')
	}
	e.comma = true
}

// BeginObject opens an object as the next value.
func (e *Encoder) BeginObject() {
	e.buf = append(e.buf, '{')
	e.comma = false
	e.starts = append(e.starts, len(e.keys))
}

// EndObject closes the current object.
func (e *Encoder) EndObject() {
	e.buf = append(e.buf, '}')
	e.comma = true
	if n := len(e.starts); n > 0 {
		e.keys = e.keys[:e.starts[n-1]]
		e.starts = e.starts[:n-1]
	}
}

// BeginArray opens an array as the next value.
func (e *Encoder) BeginArray() {
	e.buf = append(e.buf, '[')
	e.comma = false
}

// EndArray closes the current array.
func (e *Encoder) EndArray() {
	e.buf = append(e.buf, ']')
	e.comma = true
}

// Key writes a member name; the member's value follows.
func (e *Encoder) Key(name string) {
	e.keys = append(e.keys, name)
	e.sep()
	e.buf = AppendString(e.buf, name)
	e.buf = append(e.buf, ':')
	e.comma = false
}

// Elem prepares the next array element.
func (e *Encoder) Elem() { e.sep(); e.comma = false }

// String writes a string value.
func (e *Encoder) String(s string) {
	e.buf = AppendString(e.buf, s)
	e.comma = true
}

// Int writes an integer value.
func (e *Encoder) Int(v int64) {
	e.buf = strconv.AppendInt(e.buf, v, 10)
	e.comma = true
}

// Bool writes a boolean value.
func (e *Encoder) Bool(v bool) {
	e.buf = strconv.AppendBool(e.buf, v)
	e.comma = true
}

// Null writes null.
func (e *Encoder) Null() {
	e.buf = append(e.buf, "null"...)
	e.comma = true
}

// Raw writes raw JSON as the next value; nil or empty raw JSON is written as null.
func (e *Encoder) Raw(raw []byte) {
	if len(raw) == 0 {
		raw = []byte("null")
	}
	e.buf = append(e.buf, raw...)
	e.comma = true
}

// Marshal writes v with encoding/json, for types that bring their own MarshalJSON or
// that jobkit borrows from apimachinery.
func (e *Encoder) Marshal(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	e.Raw(b)
	return nil
}

// MarshalValue is Marshal for code that cannot return an error: the first error is kept
// for Err, and null is written in place of the value.
func (e *Encoder) MarshalValue(v any) {
	if err := e.Marshal(v); err != nil {
		if e.err == nil {
			e.err = err
		}
		e.Null()
	}
}

// Err returns the first error MarshalValue met.
func (e *Encoder) Err() error { return e.err }

// OptString writes the member name: s unless s is empty.
func (e *Encoder) OptString(name, s string) {
	if s != "" {
		e.Key(name)
		e.String(s)
	}
}

// OptStringPtr writes the member name: *p unless p is nil.
func (e *Encoder) OptStringPtr(name string, p *string) {
	if p != nil {
		e.Key(name)
		e.String(*p)
	}
}

// OptInt writes the member name: v unless v is zero.
func (e *Encoder) OptInt(name string, v int64) {
	if v != 0 {
		e.Key(name)
		e.Int(v)
	}
}

// OptInt32Ptr writes the member name: *p unless p is nil.
func (e *Encoder) OptInt32Ptr(name string, p *int32) {
	if p != nil {
		e.Key(name)
		e.Int(int64(*p))
	}
}

// OptInt64Ptr writes the member name: *p unless p is nil.
func (e *Encoder) OptInt64Ptr(name string, p *int64) {
	if p != nil {
		e.Key(name)
		e.Int(*p)
	}
}

// OptBoolPtr writes the member name: *p unless p is nil.
func (e *Encoder) OptBoolPtr(name string, p *bool) {
	if p != nil {
		e.Key(name)
		e.Bool(*p)
	}
}

// Strings writes a string slice; nil is written as null.
func (e *Encoder) Strings(s []string) {
	if s == nil {
		e.Null()
		return
	}
	e.BeginArray()
	for _, v := range s {
		e.Elem()
		e.String(v)
	}
	e.EndArray()
}

// OptStringMap writes the member name: m, keys in order, unless m is empty.
func (e *Encoder) OptStringMap(name string, m map[string]string) {
	if len(m) == 0 {
		return
	}
	e.Key(name)
	e.BeginObject()
	for _, k := range slices.Sorted(maps.Keys(m)) {
		e.Key(k)
		e.String(m[k])
	}
	e.EndObject()
}

// Extra writes the members of m, in key order, except those the current object already has.
func (e *Encoder) Extra(m map[string]json.RawMessage) {
	if len(m) == 0 {
		return
	}
	var written []string
	if n := len(e.starts); n > 0 {
		written = e.keys[e.starts[n-1]:]
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		if !slices.Contains(written, k) {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		e.Key(k)
		e.Raw(m[k])
	}
}

// AppendString appends s, a string or its bytes, as a JSON string, escaped as encoding/json
// escapes it: control characters, <, > and &, U+2028 and U+2029; invalid UTF-8 is written
// as U+FFFD.
func AppendString[T ~string | ~[]byte](b []byte, s T) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= ' ' && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			b = appendEscapedByte(b, c)
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(string(s[i:min(len(s), i+utf8.UTFMax)]))
		if (r == utf8.RuneError && size == 1) || r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			if r == utf8.RuneError {
				b = append(b, `\ufffd`...)
			} else {
				b = append(b, `\u202`...)
				b = append(b, "0123456789abcdef"[r&0xF])
			}
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// appendEscapedByte appends the escape of an ASCII byte that JSON strings may not hold raw.
func appendEscapedByte(b []byte, c byte) []byte {
	switch c {
	case '"', '\\':
		return append(b, '\\', c)
	case '\n':
		return append(b, '\\', 'n')
	case '\r':
		return append(b, '\\', 'r')
	case '\t':
		return append(b, '\\', 't')
	case '\b':
		return append(b, '\\', 'b')
	case '\f':
		return append(b, '\\', 'f')
	}
	const hex = "0123456789abcdef"
	return append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
}
