package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jobkit/jobkit/apiserver"
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/job/jobtest"
	"github.com/jobkit/jobkit/validation"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	sigsyaml "sigs.k8s.io/yaml"
)

const manifests = "../manifests"

// binary is the jobcheck binary built for the tests.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "jobcheck")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "jobcheck")
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "go build: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// jobcheck runs the binary and returns its exit code and output.
func jobcheck(t testing.TB, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	return runCmd(t, exec.Command(binary, args...), stdin)
}

// runCmd runs a command with stdin and returns its exit code and output.
func runCmd(t testing.TB, cmd *exec.Cmd, stdin string) (code int, stdout, stderr string) {
	t.Helper()
	cmd.Stdin = strings.NewReader(stdin)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode(), out.String(), errOut.String()
	}
	if err != nil {
		t.Fatal(err)
	}
	return 0, out.String(), errOut.String()
}

// libraryVerdict validates a manifest file with the library directly, as the API server's
// create path does, and renders each error as jobcheck's text output should.
func libraryVerdict(t *testing.T, path string) (lines []string, valid int) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range job.DecodeAll(data, job.DecodeOptions{FieldValidation: job.Strict}) {
		src := fmt.Sprintf("%s:%d", path, d.Line)
		if d.Err != nil {
			lines = append(lines, src+" -: "+d.Err.(*job.DocumentError).Err.Error())
			continue
		}
		j := d.Job
		job.SetDefaults(j)
		job.SetSystemFields(j, job.SystemFields{UID: apiserver.PlaceholderUID, CreationTimestamp: metav1.Now(), Namespace: "default"})
		job.PrepareForCreate(j, nil)
		errs := validation.ValidateJob(j, validation.Options{})
		for _, e := range errs {
			lines = append(lines, fmt.Sprintf("%s %s: %s", src, j.Name, e.Error()))
		}
		if len(errs) == 0 {
			valid++
		}
	}
	return lines, valid
}

func TestValidateManifests(t *testing.T) {
	code, out, _ := jobcheck(t, "", "validate", manifests)
	if code != exitInvalid {
		t.Fatalf("exit %d, want %d\n%s", code, exitInvalid, out)
	}
	files, _ := filepath.Glob(filepath.Join(manifests, "*.yaml"))
	slices.Sort(files)
	var want []string
	valid, jobs := 0, 0
	for _, f := range files {
		lines, v := libraryVerdict(t, f)
		want = append(want, lines...)
		valid += v
		jobs += v + len(distinctSources(lines))
	}
	got := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	summary := got[len(got)-1]
	if diff := slices.Compare(want, got[:len(got)-1]); diff != 0 {
		t.Fatalf("jobcheck says:\n%s\nthe library says:\n%s", strings.Join(got[:len(got)-1], "\n"), strings.Join(want, "\n"))
	}
	wantSummary := fmt.Sprintf("%d Jobs in %d files: %d valid, %d invalid, 0 warnings", jobs, len(files), valid, jobs-valid)
	if summary != wantSummary {
		t.Fatalf("summary %q, want %q", summary, wantSummary)
	}
}

// distinctSources returns the sources (file:doc) of output lines.
func distinctSources(lines []string) []string {
	var out []string
	for _, l := range lines {
		if src, _, _ := strings.Cut(l, " "); !slices.Contains(out, src) {
			out = append(out, src)
		}
	}
	return out
}

// TestBrokenManifestsSayWhatTheyExpect checks the errors each broken manifest notes in its
// comments against jobcheck's output.
func TestBrokenManifestsSayWhatTheyExpect(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(manifests, "broken-*.yaml"))
	if len(files) == 0 {
		t.Fatal("no broken manifests")
	}
	for _, f := range files {
		code, out, _ := jobcheck(t, "", "validate", f)
		if code != exitInvalid {
			t.Errorf("%s: exit %d", f, code)
		}
		for _, want := range expectedErrors(t, f) {
			if !strings.Contains(out, want) {
				t.Errorf("%s: the output lacks %q:\n%s", f, want, out)
			}
		}
	}
}

// expectedErrors reads the "#   <error>" lines that follow "Expected error" in comments.
func expectedErrors(t *testing.T, path string) []string {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	in := false
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "#") && strings.Contains(line, "Expected error"):
			in = true
		case in && strings.HasPrefix(line, "#   "):
			out = append(out, strings.TrimPrefix(line, "#   "))
		default:
			in = false
		}
	}
	if len(out) == 0 {
		t.Fatalf("%s notes no expected error", path)
	}
	return out
}

func TestValidateJSON(t *testing.T) {
	path := filepath.Join(manifests, "broken-success-policy.yaml")
	code, out, _ := jobcheck(t, "", "validate", "-o", "json", path, filepath.Join(manifests, "pi.yaml"))
	if code != exitInvalid {
		t.Fatalf("exit %d", code)
	}
	var results []jsonRecord
	dec := json.NewDecoder(strings.NewReader(out))
	for dec.More() {
		var r jsonRecord
		if err := dec.Decode(&r); err != nil {
			t.Fatal(err)
		}
		results = append(results, r)
	}
	if len(results) != 3 || results[0].Name != "not-indexed" || results[2].Name != "pi" || !*results[2].Valid || *results[0].Valid {
		t.Fatalf("results %+v", results)
	}
	data, _ := os.ReadFile(path)
	docs := job.DecodeAll(data, job.DecodeOptions{})
	for i, d := range docs {
		j := d.Job
		job.SetDefaults(j)
		job.SetSystemFields(j, job.SystemFields{UID: apiserver.PlaceholderUID, Namespace: "default"})
		job.PrepareForCreate(j, nil)
		errs := validation.ValidateJob(j, validation.Options{})
		if len(errs) != len(*results[i].Errors) {
			t.Fatalf("%s: %d errors in JSON, the library has %d", j.Name, len(*results[i].Errors), len(errs))
		}
		for k, e := range errs {
			got := (*results[i].Errors)[k]
			if got.Type != string(e.Type) || got.Field != e.Field || got.Detail != e.Detail {
				t.Errorf("%s error %d: %+v, library %v", j.Name, k, got, e)
			}
		}
		if results[i].Source != fmt.Sprintf("%s:%d", path, d.Line) || results[i].Line != d.Line || results[i].Kind != job.Kind || results[i].Namespace != "default" {
			t.Errorf("source %q namespace %q", results[i].Source, results[i].Namespace)
		}
	}
}

func TestValidateOptions(t *testing.T) {
	pi := filepath.Join(manifests, "pi.yaml")
	typo := filepath.Join(manifests, "broken-typo.yaml")
	piYAML, _ := os.ReadFile(pi)
	dir := t.TempDir()
	changed := filepath.Join(dir, "changed.yaml")
	os.WriteFile(changed, bytes.Replace(piYAML, []byte("perl:5.34.0"), []byte("perl:5.36.0"), 1), 0o644)
	scaled := filepath.Join(dir, "scaled.yaml")
	os.WriteFile(scaled, bytes.Replace(piYAML, []byte("backoffLimit: 4"), []byte("backoffLimit: 5"), 1), 0o644)
	readBack := filepath.Join(dir, "read-back.yaml") // as kubectl get -o yaml prints a Job of a cluster
	os.WriteFile(readBack, []byte(`apiVersion: batch/v1
kind: Job
metadata: {name: pi, uid: 6b3c2c1e-0000-4000-8000-00000000abcd}
spec:
  selector: {matchLabels: {batch.kubernetes.io/controller-uid: 6b3c2c1e-0000-4000-8000-00000000abcd}}
  template:
    metadata: {labels: {batch.kubernetes.io/controller-uid: 6b3c2c1e-0000-4000-8000-00000000abcd, batch.kubernetes.io/job-name: pi, controller-uid: 6b3c2c1e-0000-4000-8000-00000000abcd, job-name: pi}}
    spec: {containers: [{name: pi, image: perl}], restartPolicy: Never}
`), 0o644)
	renamed := filepath.Join(dir, "renamed.yaml")
	os.WriteFile(renamed, bytes.Replace(piYAML, []byte("name: pi"), []byte("name: pie"), 1), 0o644)
	privileged := filepath.Join(dir, "privileged.yaml")
	os.WriteFile(privileged, bytes.Replace(piYAML, []byte("image: perl:5.34.0"), []byte("image: perl:5.34.0\n        securityContext: {privileged: true}"), 1), 0o644)
	tests := []struct {
		name   string
		stdin  string
		args   []string
		code   int
		output string
		stderr string
	}{
		{name: "valid", args: []string{"validate", pi}, code: exitOK, output: "1 Job in 1 file: 1 valid, 0 invalid, 0 warnings"},
		{name: "stdin", stdin: string(piYAML), args: []string{"validate", "-"}, code: exitOK, output: "1 Job in 1 file: 1 valid"},
		{name: "warn", args: []string{"validate", "--field-validation=Warn", typo}, code: exitOK, output: `typo: warning: unknown field "spec.backofLimit"`},
		{name: "ignore", args: []string{"validate", "--field-validation=Ignore", typo}, code: exitOK, output: "0 warnings"},
		{name: "update of an immutable field", args: []string{"validate", "--old", pi, changed}, code: exitInvalid, output: "pi: spec.template: Invalid value"},
		{name: "update of a mutable field", args: []string{"validate", "--old", pi, scaled}, code: exitOK, output: "1 valid"},
		{name: "status update ignores the spec", args: []string{"validate", "--old", pi, "--status", changed}, code: exitOK, output: "1 valid"},
		{name: "a Job read back from a cluster gets a new UID, as on create", args: []string{"validate", readBack}, code: exitInvalid, output: "spec.selector: Invalid value"},
		{name: "an update of another Job", args: []string{"validate", "--old", pi, renamed}, code: exitInvalid, output: "the name of the object (pie) does not match the name on the URL (pi)"},
		{name: "privileged, as most clusters allow", args: []string{"validate", privileged}, code: exitOK, output: "1 valid"},
		{name: "privileged where denied", args: []string{"validate", "--deny-privileged", privileged}, code: exitInvalid, output: "securityContext.privileged: Forbidden: disallowed by cluster policy"},
		{name: "missing file", args: []string{"validate", filepath.Join(dir, "none.yaml")}, code: exitUsage, stderr: "none.yaml: no such file"},
		{name: "no path", args: []string{"validate"}, code: exitUsage, stderr: "jobcheck validate: no PATH given"},
		{name: "bad mode", args: []string{"validate", "--field-validation=Loose", pi}, code: exitUsage, stderr: `--field-validation must be Strict, Warn or Ignore, not "Loose"`},
		{name: "bad output", args: []string{"validate", "-o", "yaml", pi}, code: exitUsage, stderr: `-o must be text, json, junit, tap or github, not "yaml"`},
		{name: "status without old", args: []string{"validate", "--status", pi}, code: exitUsage, stderr: "--status needs --old"},
		{name: "unknown command", args: []string{"lint"}, code: exitUsage},
		{name: "no command", args: nil, code: exitUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := jobcheck(t, tt.stdin, tt.args...)
			if code != tt.code || !strings.Contains(out, tt.output) || !strings.Contains(errOut, tt.stderr) {
				t.Fatalf("exit %d, want %d; output:\n%s%s", code, tt.code, out, errOut)
			}
		})
	}
}

func TestDefault(t *testing.T) {
	code, out, _ := jobcheck(t, "", "default", filepath.Join(manifests, "pi.yaml"))
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	var got job.Job
	if err := sigsyaml.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if *got.Spec.BackoffLimit != 4 || *got.Spec.Completions != 1 || *got.Spec.CompletionMode != job.NonIndexedCompletion ||
		*got.Spec.PodReplacementPolicy != job.TerminatingOrFailed || got.Kind != job.Kind {
		t.Fatalf("defaulted Job:\n%s", out)
	}
}

func TestExplain(t *testing.T) {
	code, out, _ := jobcheck(t, "", "explain", "--job", filepath.Join(manifests, "pod-failure-policy.yaml"), "--pod", "../pods/failed-pod.yaml")
	want := []string{
		"rule 0: matched: container main exited with 42, which is In [42]",
		"decision: rule 0, action FailJob, counts against backoffLimit: true",
		`message "Container main for pod default/job-pod-failure-policy-example-5x2nq failed with exit code 42 matching FailJob rule at index 0"`,
	}
	for _, w := range want {
		if code != exitOK || !strings.Contains(out, w) {
			t.Fatalf("exit %d, output lacks %q:\n%s", code, w, out)
		}
	}
	if code, _, _ := jobcheck(t, "", "explain", "--job", "x.yaml"); code != exitUsage {
		t.Fatalf("explain without --pod: exit %d", code)
	}
}

func TestIndexes(t *testing.T) {
	tests := []struct {
		args   []string
		code   int
		output string
	}{
		{[]string{"indexes", "1,3-5,7", "--completions", "10"}, exitOK, "valid: 5 indexes\ncanonical: \"1,3-5,7\""},
		{[]string{"indexes", "1-2,+3", "--completions", "10"}, exitOK, "canonical: \"1-3\""},
		{[]string{"indexes", "1,3-2", "--completions", "10"}, exitInvalid, "invalid: interval 3-2 is not increasing at offset 2"},
		{[]string{"indexes", "", "--completions", "0"}, exitOK, "valid: 0 indexes"},
		{[]string{"indexes", "1"}, exitUsage, ""},
	}
	for _, tt := range tests {
		code, out, _ := jobcheck(t, "", tt.args...)
		if code != tt.code || !strings.Contains(out, tt.output) {
			t.Errorf("%v: exit %d, output:\n%s", tt.args, code, out)
		}
	}
}

// BenchmarkValidateDirectory runs jobcheck validate over a directory of 10,000 generated
// Jobs and reports Jobs per second and the peak memory of the process.
func BenchmarkValidateDirectory(b *testing.B) {
	const n = 10_000
	dir := b.TempDir()
	for i := range n {
		w := jobtest.Make(fmt.Sprintf("job-%05d", i), "bench").Parallelism(int32(1 + i%5))
		if i%3 == 0 {
			w.Indexed(int32(1+i%50)).OnPodCondition(job.PodFailurePolicyActionIgnore, job.DisruptionTarget)
		}
		data, err := job.EncodeYAML(asWritten(w.Obj()))
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("job-%05d.yaml", i)), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	var peakKB int64
	start := time.Now()
	for b.Loop() {
		cmd := exec.Command(binary, "validate", dir)
		out, err := cmd.Output()
		if err != nil || !bytes.Contains(out, []byte(fmt.Sprintf("%d valid, 0 invalid", n))) {
			b.Fatalf("%v\n%s", err, out)
		}
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok && runtime.GOOS == "linux" {
			peakKB = max(peakKB, ru.Maxrss)
		}
	}
	b.ReportMetric(float64(n*b.N)/time.Since(start).Seconds(), "jobs/s")
	b.ReportMetric(float64(peakKB)/1024, "peak-MiB")
}

// asWritten returns j as its author writes it: without what the API server sets when it
// creates the Job (its UID, generation, selector, and the labels made from the UID).
func asWritten(j *job.Job) *job.Job {
	j.UID, j.Generation, j.Spec.Selector, j.Spec.ManualSelector = "", 0, nil, nil
	for _, k := range []string{job.LegacyControllerUidLabel, job.ControllerUidLabel, job.LegacyJobNameLabel, job.JobNameLabel} {
		delete(j.Labels, k)
		delete(j.Spec.Template.Labels, k)
	}
	return j
}

// BenchmarkValidateStream runs the binary on one YAML stream of 100,000 Jobs, the size of a
// cluster's `kubectl get jobs -A -o yaml` split into documents, and reports its rate and its
// peak memory, which streaming keeps to the memory of a few hundred documents.
func BenchmarkValidateStream(b *testing.B) {
	const n = 100_000
	path := filepath.Join(b.TempDir(), "jobs.yaml")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	for i := range n {
		data, err := job.EncodeYAML(asWritten(jobtest.Make(fmt.Sprintf("job-%06d", i), "bench").Parallelism(int32(1 + i%5)).Obj()))
		if err != nil {
			b.Fatal(err)
		}
		w.WriteString("---\n")
		w.Write(data)
	}
	if err := errors.Join(w.Flush(), f.Close()); err != nil {
		b.Fatal(err)
	}
	var peakKB int64
	start := time.Now()
	for b.Loop() {
		cmd := exec.Command(binary, "validate", "--summary", path)
		out, err := cmd.Output()
		if err != nil || !bytes.Contains(out, []byte(fmt.Sprintf("%d Jobs in 1 file: %d valid, 0 invalid", n, n))) {
			b.Fatalf("%v\n%s", err, out)
		}
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok && runtime.GOOS == "linux" {
			peakKB = max(peakKB, ru.Maxrss)
		}
	}
	b.ReportMetric(float64(n*b.N)/time.Since(start).Seconds(), "jobs/s")
	b.ReportMetric(float64(peakKB)/1024, "peak-MiB")
}

// TestReadmeOutput keeps the output README.md shows for its first command true.
func TestReadmeOutput(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	const command = "go run ./examples/jobcheck validate examples/manifests"
	if !strings.HasPrefix(string(readme), "```sh\n"+command+"\n") {
		t.Fatal("README.md does not start with the jobcheck command")
	}
	_, block, ok := strings.Cut(string(readme), "```text\n")
	block, _, ok2 := strings.Cut(block, "```")
	if !ok || !ok2 {
		t.Fatal("README.md shows no output block")
	}
	shown := strings.TrimSuffix(block, "exit status 1\n")
	cmd := exec.Command(binary, "validate", "examples/manifests")
	cmd.Dir = "../.."
	out, _ := cmd.Output()
	if string(out) != shown {
		t.Fatalf("README.md shows:\n%s\njobcheck prints:\n%s", shown, out)
	}
}

// TestValidateStreamsInBoundedMemory: a long stream of documents in one file is checked as it
// is read, in the memory of a few documents: the process stays far below what holding the
// stream's Jobs would take.
func TestValidateStreamsInBoundedMemory(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads the peak memory from Linux's rusage")
	}
	path := filepath.Join(t.TempDir(), "stream.yaml")
	doc := "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  template:\n    spec:\n      containers:\n      - name: c\n        image: busybox\n      restartPolicy: Never\n---\n"
	if err := os.WriteFile(path, bytes.Repeat([]byte(doc), 50_000), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(binary, "validate", path)
	out, err := cmd.Output()
	if err != nil || !bytes.Contains(out, []byte("50000 Jobs in 1 file: 50000 valid, 0 invalid")) {
		t.Fatalf("%v\n%.500s", err, out)
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		t.Skip("no rusage")
	}
	if peak := ru.Maxrss << 10; peak > 64<<20 {
		t.Errorf("peak memory %d MiB for a %d MiB stream, want under 64 MiB", peak>>20, 50_000*len(doc)>>20)
	}
}

// TestSimulate: the timeline of the example Job with its example events says when the Job
// fails and with which message, the backoff delay included; bad input is a usage error.
func TestSimulate(t *testing.T) {
	code, out, errOut := jobcheck(t, "", "simulate", "--job", "../manifests/pod-failure-policy.yaml", "--events", "../events/flaky.yaml")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"+20s  sync: write status 2, re-sync in 10s",
		"+30s  sync: create 1, write status 1",
		"Failed (PodFailurePolicy) at +51s: Container main for pod default/job-pod-failure-policy-example-00002 failed with exit code 42 matching FailJob rule at index 0",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the timeline has no %q:\n%s", want, out)
		}
	}
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("- {at: 5s, pod: '#1', action: explode}\n"), 0o644)
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"simulate"}, exitUsage, "Usage: jobcheck simulate"},
		{[]string{"simulate", "-h"}, exitOK, "Usage: jobcheck simulate"},
		{[]string{"simulate", "--job", "../manifests/pi.yaml", "--events", bad}, exitUsage, `unknown action "explode"`},
		{[]string{"simulate", "--job", "../manifests/broken-restart-policy.yaml"}, exitInvalid, "the API server rejects the Job"},
	} {
		code, _, errOut := jobcheck(t, "", tc.args...)
		if code != tc.code || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tc.args, code, errOut, tc.code, tc.want)
		}
	}
}
