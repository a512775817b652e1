package job

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/jobkit/jobkit/internal/jsonwire"
	sigsyaml "sigs.k8s.io/yaml"
)

// FieldValidation is the API server's fieldValidation mode: what decoding does with unknown
// and duplicate members.
type FieldValidation string

const (
	// Strict rejects a document with unknown or duplicate members.
	Strict FieldValidation = "Strict"
	// Warn reports unknown and duplicate members as warnings. It is the API server's default.
	Warn FieldValidation = "Warn"
	// Ignore drops unknown members and keeps the last of duplicates, silently.
	Ignore FieldValidation = "Ignore"
)

// DefaultMaxBytes is the default size limit of one manifest document: the API server's
// 3 MiB request body limit.
const DefaultMaxBytes = 3 << 20

// DecodeOptions configure Decode and DecodeAll. The zero value is the API server's
// behaviour: Warn, and the 3 MiB limit.
type DecodeOptions struct {
	// FieldValidation is Strict, Warn or Ignore; empty means Warn.
	FieldValidation FieldValidation
	// MaxBytes limits the size of each document; 0 means DefaultMaxBytes and a negative
	// value means no limit.
	MaxBytes int
}

// Document is one Job read from a manifest, or the error that kept it from being read.
type Document struct {
	// Number is the document's position in the stream, from 1.
	Number int
	// Line is the line of the stream where the document starts, from 1.
	Line int
	// Item is the Job's index in a JobList document, or -1.
	Item int
	// Job is the decoded Job; nil when Err is set.
	Job *Job
	// Warnings are the unknown and duplicate members (FieldValidation Warn), as the API
	// server words them: `unknown field "spec.retries"`.
	Warnings []string
	// Err says why the document could not be read; it is a *DocumentError.
	Err error
}

// DocumentError is a document that could not be read: malformed JSON or YAML, a value that
// is not an object, a wrong apiVersion or kind, a value of the wrong type, a member Strict
// field validation rejects, or a document over the size limit.
type DocumentError struct {
	Number int // the document's position in the stream, from 1
	Line   int // the line where the document starts, from 1
	Item   int // the index in a JobList, or -1
	Err    error
}

// Error names the document, its line and, in a JobList, the item, then the error.
func (e *DocumentError) Error() string {
	where := fmt.Sprintf("document %d (line %d)", e.Number, e.Line)
	if e.Item >= 0 {
		where += fmt.Sprintf(", item %d", e.Item)
	}
	return where + ": " + e.Err.Error()
}

// Unwrap returns the error found in the document.
func (e *DocumentError) Unwrap() error { return e.Err }

// StrictError lists the unknown and duplicate members that Strict field validation
// rejects, in the API server's words.
type StrictError struct {
	Issues []string
}

// Error words the rejection as the API server does: "strict decoding error: " and the
// issues.
func (e *StrictError) Error() string {
	return "strict decoding error: " + strings.Join(e.Issues, ", ")
}

// Decode reads a manifest that holds exactly one Job, in JSON or YAML, and returns it with
// the field validation warnings. See DecodeAll for the rules.
func Decode(data []byte, opts DecodeOptions) (*Job, []string, error) {
	docs := DecodeAll(data, opts)
	switch {
	case len(docs) == 0:
		return nil, nil, errors.New("the manifest holds no Job")
	case len(docs) > 1:
		return nil, nil, fmt.Errorf("the manifest holds %d Jobs, want one", len(docs))
	}
	return docs[0].Job, docs[0].Warnings, docs[0].Err
}

// DecodeAll reads every Job of a manifest: a JSON document, or a YAML stream of documents
// separated by "---" lines, where each document is a Job or a JobList. Empty documents are
// skipped. A document's apiVersion and kind must be batch/v1 and Job (or JobList); when both
// are missing the document is read as a Job, as the Job endpoints do. YAML is converted to
// JSON the way kubectl and the API server do it (sigs.k8s.io/yaml), so YAML 1.1 scalars
// such as yes read as booleans.
//
// A document that cannot be read gets a Document with Err set; the others are still read.
func DecodeAll(data []byte, opts DecodeOptions) []Document {
	var docs []Document
	for _, part := range split(data) {
		docs = append(docs, decodeDocument(part, opts)...)
	}
	return docs
}

// part is one document of a stream.
type part struct {
	number, line int
	data         []byte
	yaml         bool
}

// split cuts a manifest into documents. JSON is one document; YAML is cut at lines that
// start with "---" followed by nothing but space or a comment.
func split(data []byte) []part {
	if trimmed := bytes.TrimLeft(data, " \t\r\n"); len(trimmed) > 0 && trimmed[0] == '{' {
		return []part{{number: 1, line: 1, data: data}}
	}
	var parts []part
	start, startLine, line := 0, 1, 1
	for pos := 0; pos < len(data); line++ {
		end := bytes.IndexByte(data[pos:], '\n')
		if end < 0 {
			end = len(data) - pos
		} else {
			end++
		}
		if isSeparator(data[pos : pos+end]) {
			parts = appendPart(parts, data[start:pos], startLine)
			start, startLine = pos+end, line+1
		}
		pos += end
	}
	return appendPart(parts, data[start:], startLine)
}

// isSeparator reports whether a YAML line separates documents.
func isSeparator(line []byte) bool {
	rest, ok := bytes.CutPrefix(line, []byte("---"))
	if !ok {
		return false
	}
	rest = bytes.TrimSpace(rest)
	return len(rest) == 0 || rest[0] == '#'
}

// appendPart adds a YAML document to parts unless it holds only space and comments.
func appendPart(parts []part, data []byte, line int) []part {
	for l := range bytes.SplitSeq(data, []byte("\n")) {
		if t := bytes.TrimSpace(l); len(t) > 0 && t[0] != '#' {
			return append(parts, part{number: len(parts) + 1, line: line, data: data, yaml: true})
		}
	}
	return parts
}

// decodeDocument reads one document: a Job, or the Jobs of a JobList.
func decodeDocument(p part, opts DecodeOptions) []Document {
	fail := func(item int, err error) []Document {
		return []Document{{Number: p.number, Line: p.line, Item: item,
			Err: &DocumentError{Number: p.number, Line: p.line, Item: item, Err: err}}}
	}
	if max := opts.maxBytes(); max >= 0 && len(p.data) > max {
		return fail(-1, fmt.Errorf("the document is %d bytes, more than the limit of %d", len(p.data), max))
	}
	data, yamlIssues, err := toJSON(p, opts)
	if err != nil {
		return fail(-1, err)
	}
	switch c := firstByte(data); c {
	case '{':
	case 'n':
		return nil // an empty YAML document
	default:
		return fail(-1, fmt.Errorf("the document is %s, not an object", kindOfJSON(c)))
	}
	var j Job
	d := jsonwire.NewDecoder(data)
	j.decode(d)
	d.Finish()
	if err := syntaxError(d); err != nil {
		return fail(-1, err)
	}
	if j.Kind == ListKind {
		return decodeList(p, data, yamlIssues, opts, fail)
	}
	if err := checkType(j.APIVersion, j.Kind, Kind); err != nil {
		return fail(-1, err)
	}
	warnings, err := fieldValidation(d, yamlIssues, opts)
	if err != nil {
		return fail(-1, err)
	}
	return []Document{{Number: p.number, Line: p.line, Item: -1, Job: &j, Warnings: warnings}}
}

// decodeList reads the Jobs of a JobList document.
func decodeList(p part, data []byte, yamlIssues []string, opts DecodeOptions, fail func(int, error) []Document) []Document {
	var l JobList
	d := jsonwire.NewDecoder(data)
	l.decode(d)
	d.Finish()
	if err := checkType(l.APIVersion, l.Kind, ListKind); err != nil {
		return fail(-1, err)
	}
	warnings, err := fieldValidation(d, yamlIssues, opts)
	if err != nil {
		return fail(-1, err)
	}
	docs := make([]Document, 0, len(l.Items))
	for i := range l.Items {
		item := &l.Items[i]
		if item.APIVersion != "" || item.Kind != "" {
			if err := checkType(item.APIVersion, item.Kind, Kind); err != nil {
				docs = append(docs, fail(i, err)...)
				continue
			}
		}
		docs = append(docs, Document{Number: p.number, Line: p.line, Item: i, Job: item, Warnings: warnings})
	}
	return docs
}

func (o DecodeOptions) maxBytes() int {
	if o.MaxBytes == 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

// toJSON converts a YAML document to JSON. Unless field validation is Ignore it also looks
// for duplicate keys: the strict conversion finds them, and only then is the document
// converted again the API server's way, keeping the last of duplicates.
func toJSON(p part, opts DecodeOptions) ([]byte, []string, error) {
	if !p.yaml {
		return p.data, nil, nil
	}
	var issues []string
	if opts.FieldValidation != Ignore {
		data, err := sigsyaml.YAMLToJSONStrict(p.data)
		if err == nil {
			return data, nil, nil
		}
		issues = []string{strings.Join(strings.Fields(err.Error()), " ")}
	}
	data, err := sigsyaml.YAMLToJSON(p.data)
	if err != nil {
		return nil, nil, err
	}
	return data, issues, nil
}

// checkType checks that a document's apiVersion and kind name batch/v1 and want. Both
// missing is accepted: the endpoint's own kind is meant.
func checkType(apiVersion, kind, want string) error {
	switch {
	case apiVersion == "" && kind == "":
		return nil
	case apiVersion != "" && apiVersion != SchemeGroupVersion.String():
		return fmt.Errorf("apiVersion %q is not %s: jobkit reads batch/v1 %ss", apiVersion, SchemeGroupVersion, want)
	case kind != "" && kind != want:
		return fmt.Errorf("kind %q is not %s", kind, want)
	}
	return nil
}

// syntaxError returns the decoder's error if it is malformed JSON.
func syntaxError(d *jsonwire.Decoder) error {
	var se *jsonwire.SyntaxError
	if err := d.Err(); errors.As(err, &se) {
		return err
	}
	return nil
}

// fieldValidation turns the decoder's outcome into warnings or an error: wrong-type values
// are errors in every mode, unknown and duplicate members depend on the mode.
func fieldValidation(d *jsonwire.Decoder, yamlIssues []string, opts DecodeOptions) ([]string, error) {
	if err := d.Err(); err != nil {
		return nil, err
	}
	if opts.FieldValidation == Ignore {
		return nil, nil
	}
	issues := yamlIssues
	for _, i := range d.Issues() {
		issues = append(issues, i.String())
	}
	if len(issues) > 0 && opts.FieldValidation == Strict {
		return nil, &StrictError{Issues: issues}
	}
	return issues, nil
}

// firstByte returns the first byte of data that is not JSON white space.
func firstByte(data []byte) byte {
	if t := bytes.TrimLeft(data, " \t\r\n"); len(t) > 0 {
		return t[0]
	}
	return 0
}

// kindOfJSON names the kind of JSON value that starts with c.
func kindOfJSON(c byte) string {
	switch c {
	case '[':
		return "a list"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 0:
		return "empty"
	default:
		return "a number"
	}
}

// Encode writes j as JSON, with apiVersion batch/v1 and kind Job where j leaves them empty.
// j is not modified.
func Encode(j *Job) ([]byte, error) {
	c := *j
	if c.APIVersion == "" {
		c.APIVersion = SchemeGroupVersion.String()
	}
	if c.Kind == "" {
		c.Kind = Kind
	}
	return c.MarshalJSON()
}

// EncodeYAML writes j as YAML, the way kubectl prints objects (keys sorted), with
// apiVersion and kind filled in as Encode does.
func EncodeYAML(j *Job) ([]byte, error) {
	data, err := Encode(j)
	if err != nil {
		return nil, err
	}
	return sigsyaml.JSONToYAML(data)
}
