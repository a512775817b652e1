package main

import (
	"bufio"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
)

// A format writes results as they come, and what it closes the output with.
type format interface {
	result(w *bufio.Writer, r result)
	close(w *bufio.Writer, summary string)
}

// output writes the results of a run in a format and counts them for the summary.
type output struct {
	w       *bufio.Writer
	stderr  io.Writer
	format  format
	summary bool // the summary line only
	counts  counts
}

// counts are what the summary says.
type counts struct {
	checked    map[string]int // checked objects by kind, "" for documents of no kind
	skipped    map[string]int // objects of kinds not checked, by kind
	valid      int
	invalid    int
	warnings   int
	notices    int // documents and files that cannot be checked
	readErrors int
}

func newOutput(stdout, stderr io.Writer, name string, summaryOnly bool) *output {
	formats := map[string]format{
		"text": textFormat{}, "json": jsonFormat{}, "junit": &junitFormat{}, "tap": &tapFormat{}, "github": githubFormat{},
	}
	return &output{
		w: bufio.NewWriter(stdout), stderr: stderr, format: formats[name], summary: summaryOnly,
		counts: counts{checked: map[string]int{}, skipped: map[string]int{}},
	}
}

// write counts a result and writes it. A file that could not be read is written to
// stderr, whatever the format, and makes the run's exit status 2.
func (o *output) write(r result) {
	c := &o.counts
	switch {
	case r.readError:
		c.readErrors++
		o.w.Flush()
		for _, e := range r.Errors {
			fmt.Fprintln(o.stderr, "jobcheck validate:", e.body)
		}
		return
	case r.notice:
		c.notices++
	case r.Skipped != "":
		c.skipped[r.Kind]++
	case r.Valid:
		c.checked[r.Kind]++
		c.valid++
	default:
		c.checked[r.Kind]++
		c.invalid++
	}
	c.warnings += len(r.Warnings)
	if !o.summary {
		o.format.result(o.w, r)
	}
}

// close writes the end of the output with the summary of files files.
func (o *output) close(files int) {
	o.format.close(o.w, o.counts.summary(files))
	o.w.Flush()
}

// summary is the run in a line: "11 Jobs in 10 files: 5 valid, 6 invalid, 0 warnings",
// then what was skipped and what could not be checked.
func (c counts) summary(files int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s in %s: %d valid, %d invalid, %s", c.objects(), plural(files, "file"), c.valid, c.invalid, plural(c.warnings, "warning"))
	if n := sum(c.skipped); n > 0 {
		var kinds []string
		for _, k := range slices.Sorted(maps.Keys(c.skipped)) {
			kinds = append(kinds, fmt.Sprintf("%s %d", kindName(k), c.skipped[k]))
		}
		fmt.Fprintf(&b, "; %d skipped (%s)", n, strings.Join(kinds, ", "))
	}
	if c.notices > 0 {
		fmt.Fprintf(&b, "; %d not checkable", c.notices)
	}
	return b.String()
}

// objects counts the checked objects by kind: "11 Jobs", "3 Jobs and 1 CronJob".
func (c counts) objects() string {
	kinds := slices.SortedFunc(maps.Keys(c.checked), func(a, b string) int {
		return strings.Compare(kindOrder(a), kindOrder(b))
	})
	var parts []string
	for _, k := range kinds {
		parts = append(parts, plural(c.checked[k], kindName(k)))
	}
	switch len(parts) {
	case 0:
		return "0 Jobs"
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// kindOrder sorts Jobs first, then CronJobs, then the other kinds by name.
func kindOrder(kind string) string {
	switch kind {
	case "Job":
		return "0"
	case "CronJob":
		return "1"
	}
	return "2" + kind
}

// kindName names a kind in the summary; a document that could not be read as any object
// has none.
func kindName(kind string) string {
	if kind == "" {
		return "document"
	}
	return kind
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func sum(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

// label names the object of a result for the formats that name each test: the kind, then
// namespace/name; nothing for a file or a document that is not an object.
func (r result) label() string {
	if r.Kind == "" && r.Name == "" {
		return ""
	}
	name := r.displayName()
	if r.Namespace != "" {
		name = r.Namespace + "/" + name
	}
	return kindName(r.Kind) + " " + name
}

// title is how the formats that name each test name a result: its source, then its label.
func (r result) title() string {
	return strings.TrimSpace(r.Source + " " + r.label())
}

// displayName is the name of an object in text output: "-" when it has none.
func (r result) displayName() string {
	if r.Name == "" {
		return "-"
	}
	return r.Name
}
