package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"strings"
)

// textFormat writes a line per error, warning and notice, as a compiler would, then the
// summary. Objects of kinds not checked are only counted.
type textFormat struct{}

func (textFormat) result(w *bufio.Writer, r result) {
	switch {
	case r.notice:
		fmt.Fprintf(w, "%s: %s\n", r.Source, r.Skipped)
	case r.Skipped != "":
	default:
		for _, e := range r.Errors {
			fmt.Fprintf(w, "%s %s: %s\n", r.Source, r.displayName(), e.body)
		}
		for _, warning := range r.Warnings {
			fmt.Fprintf(w, "%s %s: warning: %s\n", r.Source, r.displayName(), warning)
		}
	}
}

func (textFormat) close(w *bufio.Writer, summary string) { fmt.Fprintln(w, summary) }

// jsonFormat writes a JSON object per document, a line each: checked objects with their
// verdict, errors (as the causes of the API server's Status) and warnings; the others with
// why they were skipped.
type jsonFormat struct{}

// jsonRecord is the JSON of a result.
type jsonRecord struct {
	Source    string    `json:"source"`
	File      string    `json:"file"`
	Line      int       `json:"line,omitempty"`
	Kind      string    `json:"kind,omitempty"`
	Name      string    `json:"name,omitempty"`
	Namespace string    `json:"namespace,omitempty"`
	Valid     *bool     `json:"valid,omitempty"`
	Errors    *[]cause  `json:"errors,omitempty"`
	Warnings  *[]string `json:"warnings,omitempty"`
	Skipped   string    `json:"skipped,omitempty"`
}

func (jsonFormat) result(w *bufio.Writer, r result) {
	rec := jsonRecord{Source: r.Source, File: r.File, Line: r.Line, Kind: r.Kind, Name: r.Name, Namespace: r.Namespace, Skipped: r.Skipped}
	if r.Skipped == "" {
		rec.Valid, rec.Errors, rec.Warnings = &r.Valid, &r.Errors, &r.Warnings
	}
	data, _ := json.Marshal(rec) // strings and numbers only: cannot fail
	w.Write(data)
	w.WriteByte('\n')
}

func (jsonFormat) close(*bufio.Writer, string) {}

// junitFormat writes a JUnit XML report, as CI systems read test results: a test suite per
// file, a test case per document, a failure per invalid object (its errors the failure's
// text), skipped documents as skipped cases and warnings as the case's output. A file's
// suite is written when the file's results end, so memory holds one file's report at most.
type junitFormat struct {
	started bool
	file    string
	cases   bytes.Buffer
	tests   int
	failed  int
	skipped int
}

func (f *junitFormat) result(w *bufio.Writer, r result) {
	if !f.started {
		w.WriteString(xml.Header + "<testsuites name=\"jobcheck\">\n")
		f.started = true
	}
	if r.File != f.file {
		f.flush(w)
		f.file = r.File
	}
	f.tests++
	b := &f.cases
	fmt.Fprintf(b, "    <testcase classname=%s name=%s>", attr(r.File), attr(r.title()))
	switch {
	case r.Skipped != "":
		f.skipped++
		fmt.Fprintf(b, "<skipped message=%s></skipped>", attr(r.Skipped))
	case !r.Valid:
		f.failed++
		var text []string
		for _, e := range r.Errors {
			text = append(text, e.body)
		}
		fmt.Fprintf(b, "<failure message=%s type=%s>%s</failure>", attr(plural(len(r.Errors), "error")), attr(r.Errors[0].Type), escape(strings.Join(text, "\n")))
	}
	if len(r.Warnings) > 0 {
		fmt.Fprintf(b, "<system-out>%s</system-out>", escape("warning: "+strings.Join(r.Warnings, "\nwarning: ")))
	}
	b.WriteString("</testcase>\n")
}

// flush writes the suite of the file whose results have ended.
func (f *junitFormat) flush(w *bufio.Writer) {
	if f.tests == 0 {
		return
	}
	fmt.Fprintf(w, "  <testsuite name=%s tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"%d\">\n", attr(f.file), f.tests, f.failed, f.skipped)
	w.Write(f.cases.Bytes())
	w.WriteString("  </testsuite>\n")
	f.cases.Reset()
	f.tests, f.failed, f.skipped = 0, 0, 0
}

func (f *junitFormat) close(w *bufio.Writer, summary string) {
	if !f.started {
		w.WriteString(xml.Header + "<testsuites name=\"jobcheck\">\n")
	}
	f.flush(w)
	fmt.Fprintf(w, "  <!-- %s -->\n</testsuites>\n", strings.ReplaceAll(summary, "--", "- -"))
}

// attr is s as a quoted XML attribute value.
func attr(s string) string { return `"` + escape(s) + `"` }

// escape is s as XML character data.
func escape(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s)) // writes to a strings.Builder: cannot fail
	return b.String()
}

// tapFormat writes the Test Anything Protocol, version 14: a test point per document, the
// errors and warnings of an object in a YAML block under it, skipped documents with a SKIP
// directive, the plan at the end, then the summary as a comment.
type tapFormat struct {
	n int
}

func (f *tapFormat) result(w *bufio.Writer, r result) {
	if f.n == 0 {
		w.WriteString("TAP version 14\n")
	}
	f.n++
	status := "ok"
	if r.Skipped == "" && !r.Valid {
		status = "not ok"
	}
	fmt.Fprintf(w, "%s %d - %s", status, f.n, tapEscape(r.title()))
	if r.Skipped != "" {
		fmt.Fprintf(w, " # SKIP %s\n", r.Skipped)
		return
	}
	w.WriteByte('\n')
	if len(r.Errors) == 0 && len(r.Warnings) == 0 {
		return
	}
	w.WriteString("  ---\n")
	if len(r.Errors) > 0 {
		w.WriteString("  errors:\n")
		for _, e := range r.Errors {
			fmt.Fprintf(w, "    - %s\n", yamlString(e.body))
		}
	}
	if len(r.Warnings) > 0 {
		w.WriteString("  warnings:\n")
		for _, warning := range r.Warnings {
			fmt.Fprintf(w, "    - %s\n", yamlString(warning))
		}
	}
	w.WriteString("  ...\n")
}

func (f *tapFormat) close(w *bufio.Writer, summary string) {
	if f.n == 0 {
		w.WriteString("TAP version 14\n")
	}
	fmt.Fprintf(w, "1..%d\n# %s\n", f.n, summary)
}

// tapEscape escapes what would start a directive in a test point's description.
func tapEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, "#", `\#`).Replace(s)
}

// yamlString is s as a YAML double-quoted scalar (JSON's string syntax is YAML's).
func yamlString(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s) // a string: cannot fail
	return strings.TrimSuffix(b.String(), "\n")
}

// githubFormat writes GitHub Actions workflow commands: an error annotation per error and a
// warning annotation per warning, on the document's line of its file, a notice per document
// that cannot be checked, then the summary.
type githubFormat struct{}

func (githubFormat) result(w *bufio.Writer, r result) {
	props := func(title string) string {
		return fmt.Sprintf("file=%s,line=%d,title=%s", ghProperty(r.File), max(r.Line, 1), ghProperty(title))
	}
	if r.File == "-" {
		props = func(title string) string { return "title=" + ghProperty(title) } // no file to point at
	}
	switch {
	case r.notice:
		fmt.Fprintf(w, "::notice %s::%s\n", props("not checked"), ghData(r.Skipped))
	case r.Skipped != "":
	default:
		for _, e := range r.Errors {
			fmt.Fprintf(w, "::error %s::%s\n", props(r.label()), ghData(e.body))
		}
		for _, warning := range r.Warnings {
			fmt.Fprintf(w, "::warning %s::%s\n", props(r.label()), ghData(warning))
		}
	}
}

func (githubFormat) close(w *bufio.Writer, summary string) { fmt.Fprintln(w, summary) }

// ghData escapes a workflow command's message.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProperty escapes a workflow command's property value.
func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
