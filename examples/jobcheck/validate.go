package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/validation"
)

// validateUsage introduces validate's flags.
const validateUsage = `Usage: jobcheck validate [flags] PATH...

PATH is a file, a directory (searched for .yaml, .yml and .json files, hidden directories
left out) or - for stdin. Every document is read: Jobs and CronJobs (and objects named by
--template-path) are checked as the API server checks a create of them; other kinds are
skipped and counted; documents that are not Kubernetes objects and files with template
directives ({{ }}) are skipped with a notice.

Exit status: 0 when everything checked is valid, 1 when something is not, 2 on a usage
error, a path that cannot be read (the others are still checked) or input that holds
nothing.

`

// validateFlags are validate's options.
type validateFlags struct {
	fieldValidation, oldFile, output, kinds, skip string
	status, denyPrivileged, summaryOnly           bool
	templatePaths                                 templatePathFlag
}

func parseValidateFlags(args []string, stderr io.Writer) (*validateFlags, []string, int) {
	f := &validateFlags{}
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&f.fieldValidation, "field-validation", string(job.Strict), "unknown and duplicate fields: Strict (errors), Warn (warnings) or Ignore")
	fs.StringVar(&f.oldFile, "old", "", "validate each Job as an update of the stored Job in this file, given whole as kubectl get -o yaml prints it")
	fs.BoolVar(&f.status, "status", false, "with --old, validate an update of the Job's status")
	fs.StringVar(&f.output, "o", "text", "output: text, json (an object per document), junit, tap or github (workflow annotations)")
	fs.BoolVar(&f.denyPrivileged, "deny-privileged", false, "reject privileged containers, as API servers started without --allow-privileged=true do (most clusters allow them)")
	fs.StringVar(&f.kinds, "kinds", "Job,CronJob", "the kinds to check, comma-separated: Job, CronJob")
	fs.StringVar(&f.skip, "skip", "", "kinds not to check, comma-separated, though --kinds names them")
	fs.BoolVar(&f.summaryOnly, "summary", false, "print only the summary line (-o text and github)")
	fs.Var(&f.templatePaths, "template-path", "KIND=PATH: check the Job templates at PATH inside objects of KIND, such as JobSet=spec.replicatedJobs[].template (repeatable)")
	fs.Usage = func() {
		fmt.Fprint(stderr, validateUsage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, nil, exitOK
		}
		return nil, nil, exitUsage
	}
	return f, fs.Args(), -1
}

// runValidate is "jobcheck validate".
func runValidate(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	f, paths, code := parseValidateFlags(args, stderr)
	if code >= 0 {
		return code
	}
	c, err := f.checker(len(paths))
	if err != nil {
		fmt.Fprintln(stderr, "jobcheck validate:", err)
		return exitUsage
	}
	files, readErrs := collect(paths)
	for _, err := range readErrs {
		fmt.Fprintln(stderr, "jobcheck validate:", err)
	}
	w := newOutput(stdout, stderr, f.output, f.summaryOnly)
	for r := range checkAll(c, files, stdin, stderr) {
		w.write(r)
	}
	w.close(len(files))
	switch {
	case len(readErrs) > 0 || w.counts.readErrors > 0:
		return exitUsage
	case w.counts.invalid > 0:
		return exitInvalid
	}
	return exitOK
}

// checker builds the checker the flags describe, or says which flag is wrong.
func (f *validateFlags) checker(paths int) (*checker, error) {
	mode := job.FieldValidation(f.fieldValidation)
	switch {
	case paths == 0:
		return nil, errors.New("no PATH given")
	case mode != job.Strict && mode != job.Warn && mode != job.Ignore:
		return nil, fmt.Errorf("--field-validation must be Strict, Warn or Ignore, not %q", mode)
	case !slices.Contains([]string{"text", "json", "junit", "tap", "github"}, f.output):
		return nil, fmt.Errorf("-o must be text, json, junit, tap or github, not %q", f.output)
	case f.summaryOnly && f.output != "text" && f.output != "github":
		return nil, fmt.Errorf("--summary is for -o text and github, not %s", f.output)
	case f.status && f.oldFile == "":
		return nil, errors.New("--status needs --old")
	}
	kinds := map[string]bool{}
	for _, k := range splitList(f.kinds) {
		if k != job.Kind && k != job.CronJobKind {
			return nil, fmt.Errorf("--kinds: jobcheck checks Job and CronJob, not %q (see --template-path)", k)
		}
		kinds[k] = true
	}
	for _, k := range splitList(f.skip) {
		delete(kinds, k)
	}
	c := &checker{
		decode: job.DecodeOptions{FieldValidation: mode, AllKinds: true},
		opts:   validation.Options{DenyPrivileged: f.denyPrivileged},
		kinds:  kinds, templates: f.templatePaths, status: f.status,
	}
	if f.oldFile != "" {
		old, err := readOld(f.oldFile, c.decode)
		if err != nil {
			return nil, err
		}
		c.old = old
	}
	return c, nil
}

func splitList(s string) []string {
	var out []string
	for item := range strings.SplitSeq(s, ",") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}

// readOld reads the stored Job for --old.
func readOld(name string, opts job.DecodeOptions) (*job.Job, error) {
	in, err := read(name, nil)
	if err != nil {
		return nil, err
	}
	opts.AllKinds = false
	old, _, err := job.Decode(in.data, opts)
	if err != nil {
		return nil, fmt.Errorf("--old %s: %w", name, err)
	}
	stored(old)
	return old, nil
}
