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

// Error says where the JSON is malformed and how.
func (e *SyntaxError) Error() string {
	return fmt.Sprintf("invalid JSON at line %d, column %d (byte %d): %s", e.Line, e.Column, e.Offset, e.Msg)
}

// TypeError is a well-formed value of the wrong type for its member, such as a string
// where an int32 belongs, or a value its type's own decoder rejects (Err).
type TypeError struct {
	Path  string // the member, as "spec.parallelism"
	Want  string // what the member holds, as "int32"
	Found string // what the document has, as `string "2"`
	Err   error  // the rejection of the type's own decoder, when Found is empty
}

// Error names the member, what it holds and what the document has instead.
func (e *TypeError) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%s: invalid %s: %v", e.Path, e.Want, e.Err)
	}
	return fmt.Sprintf("%s: expected %s, found %s", e.Path, e.Want, e.Found)
}

// Unwrap returns the rejection of the type's own decoder, if any.
func (e *TypeError) Unwrap() error { return e.Err }

// AddError records that a value at path was rejected by another decoder, for values that
// jsonwire hands over whole.
func (d *Decoder) AddError(path, want string, err error) {
	if len(d.types) < maxTypeErrors {
		d.types = append(d.types, &TypeError{Path: path, Want: want, Err: err})
	}
}

// AddIssue records an unknown or duplicate member found by another decoder at path.
func (d *Decoder) AddIssue(kind IssueKind, path string) {
	if d.quiet == 0 && len(d.issues) < MaxIssues {
		d.issues = append(d.issues, Issue{Kind: kind, Path: path})
	}
}

// TypeErrors lists every wrong-type value of one document, in document order.
type TypeErrors struct {
	Errors []*TypeError
}

// Error joins the errors with "; ".
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
	if len(d.issues) < MaxIssues {
		d.issues = append(d.issues, Issue{Kind: kind, Path: d.Path()})
	}
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
	d.quiet++
	d.Skip()
	d.quiet--
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
