package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"iter"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/validation"
)

// runValidate is "jobcheck validate".
func runValidate(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fieldValidation := fs.String("field-validation", string(job.Strict), "unknown and duplicate fields: Strict (errors), Warn (warnings) or Ignore")
	oldFile := fs.String("old", "", "validate each Job as an update of the stored Job in this file; give updates whole, as an edited copy of kubectl get -o yaml is (jobcheck applies no core pod defaults, so a pod member the server defaulted in the stored Job and the update leaves out is a change)")
	status := fs.Bool("status", false, "with --old, validate an update of the Job's status")
	output := fs.String("o", "text", "output: text, or json (one object per Job)")
	denyPrivileged := fs.Bool("deny-privileged", false, "reject privileged containers, as API servers started without --allow-privileged=true do (most clusters allow them)")
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: jobcheck validate [flags] PATH...\n\nPATH is a file, a directory (searched for .yaml, .yml and .json files) or - for stdin.\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	mode := job.FieldValidation(*fieldValidation)
	if err := checkFlags(fs.NArg(), mode, *output, *status, *oldFile); err != nil {
		fmt.Fprintln(stderr, "jobcheck validate:", err)
		return exitUsage
	}
	c := &checker{decode: job.DecodeOptions{FieldValidation: mode}, opts: validation.Options{DenyPrivileged: *denyPrivileged}, status: *status}
	if *oldFile != "" {
		old, err := readOld(*oldFile, c.decode)
		if err != nil {
			fmt.Fprintln(stderr, "jobcheck validate:", err)
			return exitUsage
		}
		c.old = old
	}
	files, err := collect(fs.Args(), stdin)
	if err != nil {
		fmt.Fprintln(stderr, "jobcheck validate:", err)
		return exitUsage
	}
	w := newWriter(stdout, *output)
	readErrors := 0
	for f := range checkAll(c, files, stdin, stderr) {
		for r := range f.results {
			w.write(r)
		}
		if f.err != nil {
			fmt.Fprintln(stderr, "jobcheck validate:", f.err)
			readErrors++
		}
	}
	w.summary(len(files))
	switch {
	case readErrors > 0:
		return exitUsage
	case w.invalid > 0:
		return exitInvalid
	}
	return exitOK
}

// checkFlags names the first of validate's arguments that is missing or does not fit the
// others.
func checkFlags(paths int, mode job.FieldValidation, output string, status bool, oldFile string) error {
	switch {
	case paths == 0:
		return errors.New("no PATH given")
	case mode != job.Strict && mode != job.Warn && mode != job.Ignore:
		return fmt.Errorf("--field-validation must be Strict, Warn or Ignore, not %q", mode)
	case output != "text" && output != "json":
		return fmt.Errorf("-o must be text or json, not %q", output)
	case status && oldFile == "":
		return errors.New("--status needs --old")
	}
	return nil
}

// readOld reads the stored Job for --old.
func readOld(name string, opts job.DecodeOptions) (*job.Job, error) {
	in, err := read(name, nil)
	if err != nil {
		return nil, err
	}
	old, _, err := job.Decode(in.data, opts)
	if err != nil {
		return nil, fmt.Errorf("--old %s: %w", name, err)
	}
	stored(old)
	return old, nil
}

// fileResults are the results of one file, as they are found; err is set, when the file
// could not be read to its end, before results is closed.
type fileResults struct {
	results chan result
	err     error
}

// checkAll checks the files in parallel and yields each file's results in file order, as
// they are found: a stream is checked in the memory of a few documents, whatever its length.
func checkAll(c *checker, files []string, stdin io.Reader, stderr io.Writer) iter.Seq[*fileResults] {
	return func(yield func(*fileResults) bool) {
		var done atomic.Int64
		stop := progress(stderr, len(files), &done)
		defer stop()
		workers := runtime.GOMAXPROCS(0)
		pending := make(chan *fileResults, workers)
		quit := make(chan struct{})
		defer close(quit)
		go func() {
			defer close(pending)
			sem := make(chan struct{}, workers)
			for _, name := range files {
				f := &fileResults{results: make(chan result, 64)}
				select {
				case pending <- f:
				case <-quit:
					return
				}
				sem <- struct{}{}
				go func() {
					defer func() { <-sem; done.Add(1) }()
					f.err = c.checkFile(name, stdin, f.results, quit)
					close(f.results)
				}()
			}
		}()
		for f := range pending {
			if !yield(f) {
				return
			}
		}
	}
}

// progress shows, on a terminal, how many files have been checked, while there are many.
// It returns a function that clears the line.
func progress(w io.Writer, total int, done *atomic.Int64) func() {
	const many = 200
	if total < many || !isTerminal(w) {
		return func() {}
	}
	quit := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		tick := time.NewTicker(200 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-quit:
				fmt.Fprint(w, "\r\033[K")
				return
			case <-tick.C:
				fmt.Fprintf(w, "\rchecked %d/%d files", done.Load(), total)
			}
		}
	})
	return func() {
		close(quit)
		wg.Wait()
	}
}

// writer prints results as they come: as text, one line per error and warning and a
// summary, or as JSON, one object per Job.
type writer struct {
	w                       io.Writer
	json                    *json.Encoder
	jobs, invalid, warnings int
}

func newWriter(w io.Writer, output string) *writer {
	wr := &writer{w: w}
	if output == "json" {
		wr.json = json.NewEncoder(w)
	}
	return wr
}

func (w *writer) write(r result) {
	w.jobs++
	if !r.Valid {
		w.invalid++
	}
	w.warnings += len(r.Warnings)
	if w.json != nil {
		_ = w.json.Encode(r)
		return
	}
	name := r.Name
	if name == "" {
		name = "-"
	}
	for _, e := range r.Errors {
		if e.Field == "" {
			fmt.Fprintf(w.w, "%s %s: %s\n", r.Source, name, e.body)
			continue
		}
		fmt.Fprintf(w.w, "%s %s: %s: %s\n", r.Source, name, e.Field, e.body)
	}
	for _, warning := range r.Warnings {
		fmt.Fprintf(w.w, "%s %s: warning: %s\n", r.Source, name, warning)
	}
}

// summary ends text output with the counts.
func (w *writer) summary(files int) {
	if w.json != nil {
		return
	}
	fmt.Fprintf(w.w, "%s in %s: %d valid, %d invalid, %s\n",
		plural(w.jobs, "Job"), plural(files, "file"), w.jobs-w.invalid, w.invalid, plural(w.warnings, "warning"))
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}
