package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
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
	allowPrivileged := fs.Bool("allow-privileged", false, "accept privileged containers, as API servers started with --allow-privileged do (most clusters)")
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
	c := &checker{decode: job.DecodeOptions{FieldValidation: mode}, opts: validation.Options{AllowPrivileged: *allowPrivileged}, status: *status}
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
	results, err := checkAll(c, files, stdin, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "jobcheck validate:", err)
		return exitUsage
	}
	if *output == "json" {
		writeJSON(stdout, results)
	} else {
		writeText(stdout, results, len(files))
	}
	for _, r := range results {
		if !r.Valid {
			return exitInvalid
		}
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

// checkAll checks the files in parallel and returns the results in file order. A file
// that cannot be read stops the run.
func checkAll(c *checker, files []string, stdin io.Reader, stderr io.Writer) ([]result, error) {
	perFile := make([][]result, len(files))
	errs := make([]error, len(files))
	var done atomic.Int64
	stop := progress(stderr, len(files), &done)
	defer stop()
	work := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range work {
				in, err := read(files[i], stdin)
				if err != nil {
					errs[i] = err
				} else {
					perFile[i] = c.check(in)
				}
				done.Add(1)
			}
		})
	}
	for i := range files {
		work <- i
	}
	close(work)
	wg.Wait()
	var all []result
	for i := range files {
		if errs[i] != nil {
			return nil, errs[i]
		}
		all = append(all, perFile[i]...)
	}
	return all, nil
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

// writeText prints one line per error and warning, then a summary.
func writeText(w io.Writer, results []result, files int) {
	invalid, warnings := 0, 0
	for _, r := range results {
		name := r.Name
		if name == "" {
			name = "-"
		}
		for _, e := range r.Errors {
			if e.Field == "" {
				fmt.Fprintf(w, "%s %s: %s\n", r.Source, name, e.body)
				continue
			}
			fmt.Fprintf(w, "%s %s: %s: %s\n", r.Source, name, e.Field, e.body)
		}
		for _, warning := range r.Warnings {
			fmt.Fprintf(w, "%s %s: warning: %s\n", r.Source, name, warning)
		}
		if !r.Valid {
			invalid++
		}
		warnings += len(r.Warnings)
	}
	fmt.Fprintf(w, "%s in %s: %d valid, %d invalid, %s\n",
		plural(len(results), "Job"), plural(files, "file"), len(results)-invalid, invalid, plural(warnings, "warning"))
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// writeJSON prints one JSON object per Job, a line each.
func writeJSON(w io.Writer, results []result) {
	enc := json.NewEncoder(w)
	for _, r := range results {
		_ = enc.Encode(r)
	}
}
