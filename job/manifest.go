package job

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"iter"
	"slices"
	"strings"

	sigsyaml "sigs.k8s.io/yaml"

	"github.com/jobkit/jobkit/internal/jsonwire"
	"github.com/jobkit/jobkit/internal/warnings"
	"github.com/jobkit/jobkit/internal/yamljson"
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
	// FieldValidation is Strict, Warn or Ignore, spelt so; empty means Warn. Another value
	// is an error, as the API server answers 400 to a fieldValidation it does not know.
	FieldValidation FieldValidation
	// MaxBytes limits the size of each document; 0 means DefaultMaxBytes and a negative
	// value means no limit.
	MaxBytes int
	// AllKinds reads a manifest of any objects, as a repository holds them: Jobs and
	// JobLists, batch/v1 CronJobs and CronJobLists (Document.CronJob), the items of a v1
	// List, and documents of every other kind, which come back with their APIVersion and
	// Kind only, to be skipped. A document with neither apiVersion nor kind is not an
	// object of the API and comes back so too. A CronJob of a removed API version
	// (batch/v1beta1) is an error that says so. Without AllKinds every document must be a
	// Job or a JobList, as the Job endpoints require.
	AllKinds bool

	// untyped is the kind a document with neither apiVersion nor kind is read as, with
	// AllKinds: "" for none (DecodeCronJob reads it as a CronJob, as its endpoint does).
	untyped string
}

// check rejects a field validation mode the API server does not know.
func (o DecodeOptions) check() error {
	switch o.FieldValidation {
	case "", Strict, Warn, Ignore:
		return nil
	}
	return fmt.Errorf("unknown field validation %q: want %q, %q or %q", o.FieldValidation, Strict, Warn, Ignore)
}

// Document is one Job read from a manifest, or the error that kept it from being read.
type Document struct {
	// Number is the document's position in the stream, from 1.
	Number int
	// Line is the line of the stream where the document starts, from 1.
	Line int
	// Item is the Job's index in a JobList document, or -1.
	Item int
	// APIVersion and Kind are the document's (with AllKinds), also when Err is set, where
	// they could be read.
	APIVersion, Kind string
	// Job is the decoded Job; nil when Err is set, and with AllKinds for other kinds.
	Job *Job
	// CronJob is the decoded CronJob, with AllKinds.
	CronJob *CronJob
	// Object is the JSON of a document of another kind, with AllKinds, for callers that
	// look inside it (a Job template embedded in another kind).
	Object []byte
	// Warnings are the unknown and duplicate members (FieldValidation Warn), as the API
	// server words and sends them: `unknown field "spec.retries"`, each text once, and at
	// most 4096 characters in all, past which the API server cuts each to 256.
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
// the field validation warnings. See Documents for the rules. The manifest is one request
// body: MaxBytes limits all of it, and reading stops at a second document.
func Decode(data []byte, opts DecodeOptions) (*Job, []string, error) {
	if err := opts.check(); err != nil {
		return nil, nil, err
	}
	if max := opts.maxBytes(); max >= 0 && len(data) > max {
		return nil, nil, fmt.Errorf("the manifest is %d bytes, larger than the limit of %d bytes", len(data), max)
	}
	var first Document
	n := 0
	for doc := range memoryDocuments(data, opts) {
		if n++; n > 1 {
			return nil, nil, errors.New("the manifest holds more than one Job, want one")
		}
		first = doc
	}
	if n == 0 {
		return nil, nil, errors.New("the manifest holds no Job")
	}
	return first.Job, first.Warnings, first.Err
}

// DecodeAll reads every Job of a manifest held in memory; see Documents. All of it is kept,
// so MaxBytes limits the manifest as a whole as well as each document: a larger stream gets
// one Document with the error, and is for Documents to read.
func DecodeAll(data []byte, opts DecodeOptions) []Document {
	if err := opts.check(); err != nil {
		return []Document{{Number: 1, Line: 1, Item: -1, Err: &DocumentError{Number: 1, Line: 1, Item: -1, Err: err}}}
	}
	if max := opts.maxBytes(); max >= 0 && len(data) > max {
		err := fmt.Errorf("the manifest is %d bytes, larger than the limit of %d bytes; read it as a stream", len(data), max)
		return []Document{{Number: 1, Line: 1, Item: -1, Err: &DocumentError{Number: 1, Line: 1, Item: -1, Err: err}}}
	}
	return slices.Collect(memoryDocuments(data, opts))
}

// memoryDocuments is Documents of a manifest held in memory. A JSON manifest is one
// document, read in place.
func memoryDocuments(data []byte, opts DecodeOptions) iter.Seq[Document] {
	line := 1
	for i, c := range data {
		switch c {
		case '\n':
			line++
			continue
		case ' ', '\t', '\r':
			continue
		case '{':
			p := part{number: 1, line: line, data: data[i:]}
			return slices.Values(decodeDocument(p, opts))
		}
		break
	}
	if p, ok := singleYAMLDocument(data); ok {
		if p.data == nil {
			return func(func(Document) bool) {} // blank lines and comments
		}
		return slices.Values(decodeDocument(p, opts))
	}
	return Documents(bytes.NewReader(data), opts)
}

// singleYAMLDocument reads a YAML manifest held in memory without a line that starts with
// "---" or "..." as the stream reader would: one document, from its first line that holds
// more than white space and comments, or none. ok is false for a manifest with such a line.
func singleYAMLDocument(data []byte) (p part, ok bool) {
	for _, marker := range [...]string{"---", "..."} {
		if bytes.HasPrefix(data, []byte(marker)) || bytes.Contains(data, []byte("\n"+marker)) {
			return part{}, false
		}
	}
	line := 1
	for rest := data; len(rest) > 0; line++ {
		l := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			l, rest = rest[:i+1], rest[i+1:]
		} else {
			rest = nil
		}
		if !blank(l) {
			return part{number: 1, line: line, data: data, yaml: true}, true
		}
	}
	return part{}, true
}

// Documents reads the Jobs of a manifest stream, one document at a time, so that a stream of
// any length is read in the memory of its largest document: a JSON document, or a YAML
// stream of documents, each a Job or a JobList. YAML documents are separated by "---" lines
// and may end with a "..." line, after which the next document starts; those lines inside a
// multi-line quoted or block scalar belong to the scalar. Empty documents are skipped.
// A document's apiVersion and kind must be batch/v1 and Job (or JobList); when both are
// missing the document is read as a Job, as the Job endpoints do. YAML is converted to JSON
// the way kubectl and the API server do it (sigs.k8s.io/yaml), so YAML 1.1 scalars such as
// yes read as booleans.
//
// Each document is limited to MaxBytes, in its YAML form and, when it uses aliases, in the
// JSON its aliases expand to. A document that cannot be read gets a Document with Err set,
// and the next ones are still read; an error reading r ends the stream with a Document that
// holds it.
func Documents(r io.Reader, opts DecodeOptions) iter.Seq[Document] {
	return func(yield func(Document) bool) {
		for raw := range Split(r, opts) {
			for _, doc := range raw.Decode(opts) {
				if !yield(doc) {
					return
				}
			}
		}
	}
}

// RawDocument is one document of a manifest stream, split from it but not yet read, so that
// documents can be read in parallel while the stream is split in order.
type RawDocument struct {
	p   part
	err *Document // set when the stream could not be read
}

// Number is the document's position in the stream, from 1.
func (r RawDocument) Number() int {
	if r.err != nil {
		return r.err.Number
	}
	return r.p.number
}

// Split splits a manifest stream into its documents as Documents does, each limited to
// opts.MaxBytes, without reading them. An error reading r, or bad options, ends the
// sequence with a RawDocument whose Decode returns the error.
func Split(r io.Reader, opts DecodeOptions) iter.Seq[RawDocument] {
	return func(yield func(RawDocument) bool) {
		if err := opts.check(); err != nil {
			yield(RawDocument{err: &Document{Number: 1, Line: 1, Item: -1, Err: &DocumentError{Number: 1, Line: 1, Item: -1, Err: err}}})
			return
		}
		s := newStreamReader(r, opts.maxBytes())
		for {
			p, err := s.next()
			if errors.Is(err, io.EOF) {
				return
			}
			if err != nil {
				n := s.number + 1
				yield(RawDocument{err: &Document{Number: n, Line: s.line, Item: -1, Err: &DocumentError{Number: n, Line: s.line, Item: -1, Err: err}}})
				return
			}
			// The stream reader reuses no buffer: the part's data is its own.
			if !yield(RawDocument{p: p}) {
				return
			}
		}
	}
}

// Decode reads the document as Documents does: one Document, the items of a list, or none
// for an empty document.
func (r RawDocument) Decode(opts DecodeOptions) []Document {
	if r.err != nil {
		return []Document{*r.err}
	}
	return decodeDocument(r.p, opts)
}

// part is one document of a stream.
type part struct {
	number, line int
	data         []byte
	yaml         bool
	tooLarge     bool // over the size limit; data was not kept
}

// decodeDocument reads one document: a Job, or the Jobs of a JobList.
func decodeDocument(p part, opts DecodeOptions) []Document {
	fail := func(item int, err error) []Document {
		return []Document{{Number: p.number, Line: p.line, Item: item,
			Err: &DocumentError{Number: p.number, Line: p.line, Item: item, Err: err}}}
	}
	if p.tooLarge {
		return fail(-1, fmt.Errorf("the document is larger than the limit of %d bytes", opts.maxBytes()))
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
	if opts.AllKinds {
		return decodeObject(p, data, yamlIssues, opts, fail)
	}
	return decodeJobDocument(p, data, yamlIssues, opts, fail)
}

// decodeJobDocument reads a document that must be a Job or a JobList.
func decodeJobDocument(p part, data []byte, yamlIssues []string, opts DecodeOptions, fail func(int, error) []Document) []Document {
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
	return []Document{{Number: p.number, Line: p.line, Item: -1, APIVersion: j.APIVersion, Kind: j.Kind, Job: &j, Warnings: warnings}}
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
		docs = append(docs, Document{Number: p.number, Line: p.line, Item: i, APIVersion: item.APIVersion, Kind: item.Kind, Job: item, Warnings: warnings})
	}
	return docs
}

func (o DecodeOptions) maxBytes() int {
	if o.MaxBytes == 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

// toJSON converts a YAML document to JSON: the fast path reads the YAML manifests are
// written in, and declines the rest. Unless field validation is Ignore the slow path also
// looks for duplicate keys: the strict conversion finds them, and only then is the
// document converted again the API server's way, keeping the last of duplicates.
func toJSON(p part, opts DecodeOptions) ([]byte, []string, error) {
	if !p.yaml {
		return p.data, nil, nil
	}
	if data, ok := yamljson.Convert(p.data); ok {
		return data, nil, nil // neither aliases nor duplicate keys
	}
	if err := checkExpansion(p.data, opts.maxBytes()); err != nil {
		return nil, nil, err
	}
	var issues []string
	if opts.FieldValidation != Ignore {
		data, err := sigsyaml.YAMLToJSONStrict(p.data)
		if err == nil {
			return data, nil, nil
		}
		if issues = yamlIssues(err.Error()); issues == nil {
			return nil, nil, yamlError(err) // malformed, not merely strict
		}
	}
	data, err := sigsyaml.YAMLToJSON(p.data)
	if err != nil {
		return nil, nil, yamlError(err)
	}
	return data, issues, nil
}

// The beginnings of the errors of strict YAML conversion, which lists one issue a line.
const (
	yamlIssuesShort = "yaml: unmarshal errors:\n"
	yamlIssuesLong  = "error converting YAML to JSON: yaml: unmarshal errors:\n"
)

// yamlIssues splits the error of strict YAML conversion into its issues, one warning each,
// as the API server does: `line 5: key "x" already set in map`. It returns nil for an error
// that is not about strictness.
func yamlIssues(msg string) []string {
	rest, ok := strings.CutPrefix(msg, yamlIssuesShort)
	if !ok {
		if rest, ok = strings.CutPrefix(msg, yamlIssuesLong); !ok {
			return nil
		}
	}
	var issues []string
	for line := range strings.SplitSeq(rest, "\n") {
		issues = append(issues, strings.TrimSpace(line))
	}
	return issues
}

// yamlError words the conversion's error for a null map key, which it prints with a
// formatting directive ("%!s(<nil>)").
func yamlError(err error) error {
	if msg := err.Error(); strings.Contains(msg, "%!s(<nil>)") {
		_, value, _ := strings.Cut(msg, ", value: ")
		return fmt.Errorf("a map key is null (its value: %s)", value)
	}
	return err
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
	return warnings.Of(issues), nil
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
// j is not modified. A nil j is an error.
func Encode(j *Job) ([]byte, error) {
	if j == nil {
		return nil, errors.New("encode: the Job j is nil")
	}
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
// apiVersion and kind filled in as Encode does. A nil j is an error.
func EncodeYAML(j *Job) ([]byte, error) {
	data, err := Encode(j)
	if err != nil {
		return nil, err
	}
	return sigsyaml.JSONToYAML(data)
}
