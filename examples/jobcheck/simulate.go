package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/sim"
	sigsyaml "sigs.k8s.io/yaml"
)

// runSimulate is "jobcheck simulate --job FILE --events FILE".
func runSimulate(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("simulate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	jobFile := fs.String("job", "", "the Job (YAML or JSON)")
	eventsFile := fs.String("events", "", "the pod events (YAML or JSON list; see below)")
	until := fs.Duration("until", 24*time.Hour, "how long to simulate, from the Job's creation")
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: jobcheck simulate --job FILE [--events FILE] [--until 24h]\n\n"+
			"Runs the Job through the Job controller on a virtual clock and prints the timeline.\n"+
			"Each event is {at: 10s, pod: \"#1\" | \"index=2\" | NAME | \"\" (every pod), action: schedule|start|ready|\n"+
			"succeed|fail|evict|delete|suspend|resume, exitCode: 42, condition: ConfigIssue}.\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if *jobFile == "" || fs.NArg() > 0 {
		fs.Usage()
		return exitUsage
	}
	j, err := readJob(*jobFile, stdin)
	if err != nil {
		fmt.Fprintln(stderr, "jobcheck simulate:", err)
		return exitUsage
	}
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	s, err := sim.NewSimulator(j, start)
	if err != nil {
		fmt.Fprintln(stderr, "jobcheck simulate: the API server rejects the Job:", err)
		return exitInvalid
	}
	if *eventsFile != "" {
		events, err := readEvents(*eventsFile, stdin, start)
		if err != nil {
			fmt.Fprintln(stderr, "jobcheck simulate:", err)
			return exitUsage
		}
		s.Schedule(events...)
	}
	err = s.Run(start.Add(*until))
	writeTimeline(stdout, s.Timeline(), start)
	if err != nil {
		fmt.Fprintln(stderr, "jobcheck simulate:", err)
		return exitUsage
	}
	return exitOK
}

// eventSpec is an event as a script writes it.
type eventSpec struct {
	At        string `json:"at"`
	Pod       string `json:"pod"`
	Action    string `json:"action"`
	ExitCode  int32  `json:"exitCode"`
	Condition string `json:"condition"`
}

// readEvents reads the script of pod events.
func readEvents(name string, stdin io.Reader, start time.Time) ([]sim.PodEvent, error) {
	in, err := read(name, stdin)
	if err != nil {
		return nil, err
	}
	data, err := sigsyaml.YAMLToJSON(in.data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var specs []eventSpec
	if err := json.Unmarshal(data, &specs); err != nil {
		return nil, fmt.Errorf("%s: want a list of events: %w", name, err)
	}
	events := make([]sim.PodEvent, 0, len(specs))
	for i, spec := range specs {
		e, err := spec.event(start)
		if err != nil {
			return nil, fmt.Errorf("%s: event %d: %w", name, i+1, err)
		}
		events = append(events, e)
	}
	return events, nil
}

func (spec eventSpec) event(start time.Time) (sim.PodEvent, error) {
	at, err := time.ParseDuration(spec.At)
	if err != nil {
		return sim.PodEvent{}, fmt.Errorf("at: %w", err)
	}
	e := sim.PodEvent{At: start.Add(at), Action: sim.Action(spec.Action), ExitCode: spec.ExitCode, Condition: spec.Condition}
	switch p := spec.Pod; {
	case strings.HasPrefix(p, "#"):
		n, err := strconv.Atoi(p[1:])
		if err != nil || n < 1 {
			return sim.PodEvent{}, fmt.Errorf("pod %q: want #N, N from 1", p)
		}
		e.Pod.Created = n
	case strings.HasPrefix(p, "index="):
		n, err := strconv.Atoi(p[len("index="):])
		if err != nil || n < 0 {
			return sim.PodEvent{}, fmt.Errorf("pod %q: want index=N", p)
		}
		e.Pod.Index = &n
	default:
		e.Pod.Name = p
	}
	switch e.Action {
	case sim.Schedule, sim.Start, sim.Ready, sim.Succeed, sim.Fail, sim.Evict, sim.Delete, sim.Suspend, sim.Resume:
	default:
		return sim.PodEvent{}, fmt.Errorf("unknown action %q", spec.Action)
	}
	return e, nil
}

// writeTimeline prints the events and the syncs that did something, with the Job's counts
// and conditions after each, then the Job's final conditions in full.
func writeTimeline(w io.Writer, steps []sim.Step, start time.Time) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "TIME\tWHAT\tACTIVE\tREADY\tSUCCEEDED\tFAILED\tTERMINATING\tCONDITIONS")
	var last job.JobStatus
	for _, st := range steps {
		what := st.What
		if st.Sync != nil {
			what = describeSync(st.Sync)
			if what == "" {
				continue
			}
		}
		s := st.Status
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\t%d\t%s\n", offset(st.Time.Sub(start)), what, s.Active, deref(s.Ready), s.Succeeded, s.Failed, deref(s.Terminating), conditions(s))
		last = s
	}
	tw.Flush()
	for _, c := range last.Conditions {
		if c.Status == job.ConditionTrue && c.Message != "" {
			fmt.Fprintf(w, "%s (%s) at %s: %s\n", c.Type, c.Reason, offset(c.LastTransitionTime.Sub(start)), c.Message)
		}
	}
}

// describeSync says what a sync did, "" when nothing.
func describeSync(r *sim.Result) string {
	var parts []string
	add := func(n int, what string) {
		if n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", what, n))
		}
	}
	add(len(r.Created), "create")
	add(len(r.Deleted), "delete")
	written := 0
	for _, w := range r.Writes {
		if w.Accepted() {
			written++
		} else {
			parts = append(parts, "status write rejected: "+w.Rejected.ToAggregate().Error())
		}
	}
	add(written, "write status")
	for _, d := range r.RequeueAfter {
		parts = append(parts, "re-sync in "+d.String())
	}
	if len(parts) == 0 {
		return ""
	}
	return "sync: " + strings.Join(parts, ", ")
}

func conditions(s job.JobStatus) string {
	var out []string
	for _, c := range s.Conditions {
		out = append(out, fmt.Sprintf("%s=%s(%s)", c.Type, c.Status, c.Reason))
	}
	if len(out) == 0 {
		return "-"
	}
	return strings.Join(out, " ")
}

func offset(d time.Duration) string { return "+" + d.String() }

func deref(p *int32) int32 {
	if p == nil {
		return 0
	}
	return *p
}
