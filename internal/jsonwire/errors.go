package jsonwire

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// SyntaxError is malformed JSON. It says where: the byte offset, and the line and column
// counted from 1.
type SyntaxError struct {
	Offset int
	Line   int
	Column int
	Msg    string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("invalid JSON at line %d, column %d (byte %d): %s", e.Line, e.Column, e.Offset, e.Msg)
}

// TypeError is a well-formed value of the wrong type for its member, such as a string
// where an int32 belongs.
type TypeError struct {
	Path  string // the member, as "spec.parallelism"
	Want  string // what the member holds, as "int32"
	Found string // what the document has, as `string "2"`
}

func (e *TypeError) Error() string {
	return fmt.Sprintf("%s: expected %s, found %s", e.Path, e.Want, e.Found)
}

// TypeErrors lists every wrong-type value of one document, in document order.
type TypeErrors struct {
	Errors []*TypeError
}

func (e *TypeErrors) Error() string {
	msgs := make([]string, len(e.Errors))
	for i, te := range e.Errors {
		msgs[i] = te.Error()
	}
	return strings.Join(msgs, "; ")
}

// IssueKind says what is wrong with a member that the API server reads anyway.
type IssueKind uint8

const (
	// Unknown is a member the schema does not have. The API server drops it.
	Unknown IssueKind = iota + 1
	// Duplicate is a member given twice in one object. The API server keeps the last.
	Duplicate
)

// Issue is an unknown or duplicate member, found at Path.
type Issue struct {
	Kind IssueKind
	Path string
}

// String renders the issue as the API server's warning does: `unknown field "spec.x"`.
func (i Issue) String() string {
	kind := "unknown"
	if i.Kind == Duplicate {
		kind = "duplicate"
	}
	return kind + " field " + strconv.Quote(i.Path)
}

// Path renders the position of the current value, as "spec.template.spec.containers[0]".
func (d *Decoder) Path() string {
	var b strings.Builder
	for _, f := range d.frames {
		switch {
		case f.array && f.index >= 0:
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(f.index))
			b.WriteByte(']')
		case !f.array && f.key != nil:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.Write(f.key)
		}
	}
	return b.String()
}

// issue records an unknown or duplicate member at the current position.
func (d *Decoder) issue(kind IssueKind) {
	d.issues = append(d.issues, Issue{Kind: kind, Path: d.Path()})
}

// Unknown records the current member as unknown to the schema and consumes its value
// without looking inside.
func (d *Decoder) Unknown() {
	if d.quiet == 0 {
		d.issue(Unknown)
	}
	d.Quietly(d.Skip)
}

// syntaxError stops the decode at the current position.
func (d *Decoder) syntaxError(msg string) {
	if d.syntax != nil {
		return
	}
	pos := min(d.pos, len(d.data))
	line := 1 + bytes.Count(d.data[:pos], []byte{'\n'})
	col := pos - bytes.LastIndexByte(d.data[:pos], '\n')
	d.syntax = &SyntaxError{Offset: pos, Line: line, Column: col, Msg: msg}
}

// typeError records that the next value is not a want, and consumes it.
func (d *Decoder) typeError(want string) {
	d.skipSpace()
	start := d.pos
	d.Quietly(d.Skip)
	if d.failed() || len(d.types) >= maxTypeErrors {
		return
	}
	d.types = append(d.types, &TypeError{Path: d.Path(), Want: want, Found: describe(d.data[start:d.pos])})
}

// describe names a JSON value's type and shows its text, shortened.
func describe(raw []byte) string {
	kind := "number"
	switch raw[0] {
	case '"':
		kind = "string"
	case '{':
		kind = "object"
	case '[':
		kind = "array"
	case 't', 'f':
		kind = "boolean"
	case 'n':
		return "null"
	}
	const max = 40
	text := string(raw)
	if len(text) > max {
		text = text[:max] + "…"
	}
	return kind + " " + text
}
