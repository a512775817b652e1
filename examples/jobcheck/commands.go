package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/jobkit/jobkit/indexes"
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/policy"
	sigsyaml "sigs.k8s.io/yaml"
)

// runDefault is "jobcheck default FILE": the Job with the API server's defaults, as YAML.
func runDefault(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		fmt.Fprintln(stderr, "Usage: jobcheck default FILE   (- for stdin)")
		return exitUsage
	}
	j, err := readJob(args[0], stdin)
	if err != nil {
		fmt.Fprintln(stderr, "jobcheck default:", err)
		return exitUsage
	}
	job.SetDefaults(j)
	out, err := job.EncodeYAML(j)
	if err != nil {
		fmt.Fprintln(stderr, "jobcheck default:", err)
		return exitUsage
	}
	_, _ = stdout.Write(out)
	return exitOK
}

// readJob reads a file that holds one Job.
func readJob(name string, stdin io.Reader) (*job.Job, error) {
	in, err := read(name, stdin)
	if err != nil {
		return nil, err
	}
	j, _, err := job.Decode(in.data, job.DecodeOptions{})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return j, nil
}

// runExplain is "jobcheck explain --job FILE --pod FILE".
func runExplain(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("explain", flag.ContinueOnError)
	fs.SetOutput(stderr)
	jobFile := fs.String("job", "", "the Job (YAML or JSON)")
	podFile := fs.String("pod", "", "the failed pod (YAML or JSON, as kubectl get pod prints it)")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if *jobFile == "" || *podFile == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "Usage: jobcheck explain --job FILE --pod FILE")
		return exitUsage
	}
	j, err := readJob(*jobFile, stdin)
	if err != nil {
		fmt.Fprintln(stderr, "jobcheck explain:", err)
		return exitUsage
	}
	job.SetDefaults(j)
	pod, err := readPod(*podFile, stdin)
	if err != nil {
		fmt.Fprintln(stderr, "jobcheck explain:", err)
		return exitUsage
	}
	writeExplanation(stdout, j, pod)
	return exitOK
}

// readPod reads a pod from YAML or JSON.
func readPod(name string, stdin io.Reader) (*policy.Pod, error) {
	in, err := read(name, stdin)
	if err != nil {
		return nil, err
	}
	data, err := sigsyaml.YAMLToJSON(in.data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var pod policy.Pod
	if err := json.Unmarshal(data, &pod); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &pod, nil
}

// writeExplanation prints the decision and the reasons.
func writeExplanation(w io.Writer, j *job.Job, pod *policy.Pod) {
	failed := policy.IsFailed(pod, j.Spec.PodReplacementPolicy)
	fmt.Fprintf(w, "pod %s/%s: phase %s, failed for the Job: %v\n", pod.Namespace, pod.Name, pod.Status.Phase, failed)
	if j.Spec.PodFailurePolicy == nil {
		fmt.Fprintln(w, "the Job has no pod failure policy: the failure counts against backoffLimit")
		return
	}
	m, why := policy.ExplainPodFailure(j.Spec.PodFailurePolicy, pod)
	for _, e := range why {
		fmt.Fprintf(w, "rule %d: %s\n", e.Rule, e.Why)
	}
	if !m.Matched() {
		fmt.Fprintln(w, "no rule decided: the failure counts against backoffLimit")
		return
	}
	fmt.Fprintf(w, "decision: rule %d, action %s, counts against backoffLimit: %v\n", m.Rule, m.Action, m.CountFailed)
	if msg := m.Message(); msg != "" {
		fmt.Fprintf(w, "Job condition: FailureTarget, reason %s, message %q\n", m.Reason(), msg)
	}
	if j.Spec.BackoffLimitPerIndex != nil {
		fmt.Fprintf(w, "index %d failed: %v\n", policy.CompletionIndex(pod), policy.FailsIndex(j, pod))
	}
}

// runIndexes is "jobcheck indexes TEXT --completions N".
func runIndexes(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("indexes", flag.ContinueOnError)
	fs.SetOutput(stderr)
	completions := fs.Int("completions", -1, "spec.completions: every index must be below it")
	text, rest := "", args
	if len(args) > 0 && (len(args[0]) == 0 || args[0][0] != '-') {
		text, rest = args[0], args[1:]
	}
	if err := fs.Parse(rest); err != nil {
		return exitUsage
	}
	if fs.NArg() == 1 && text == "" {
		text = fs.Arg(0)
	} else if fs.NArg() > 0 {
		fs.Usage()
		return exitUsage
	}
	if *completions < 0 {
		fmt.Fprintln(stderr, "Usage: jobcheck indexes TEXT --completions N")
		return exitUsage
	}
	set, err := indexes.Parse(text, *completions)
	var pe *indexes.ParseError
	if errors.As(err, &pe) {
		fmt.Fprintf(stdout, "invalid: %v\n", err)
		fmt.Fprintf(stdout, "the API server says: %s\n", pe.Reason())
		fmt.Fprintf(stdout, "the Job controller reads it as: %q\n", indexes.ParseIntervals(text, *completions).String())
		return exitInvalid
	}
	fmt.Fprintf(stdout, "valid: %d indexes\n", set.Len())
	fmt.Fprintf(stdout, "canonical: %q\n", set.String())
	return exitOK
}
