package main

import (
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden outputs of TestRepository")

// jobSetTemplates is the --template-path of the fixture's JobSet.
const jobSetTemplates = "--template-path=JobSet=spec.replicatedJobs[].template"

// TestRepository runs jobcheck over testdata/repo, a tree as a real repository holds one —
// a Deployment with its Service and ConfigMap, a kustomization, a Helm chart with values
// and an unrendered template, a workflow under .github, CronJobs, a kubectl List, a
// JobSet, an empty file and a broken Job — in every format, against golden outputs
// (go test -run TestRepository -update rewrites them; review the diff).
func TestRepository(t *testing.T) {
	for _, format := range []string{"text", "json", "junit", "tap", "github"} {
		t.Run(format, func(t *testing.T) {
			code, out, errOut := jobcheckIn(t, "testdata", "validate", "-o", format, jobSetTemplates, "repo")
			if code != exitInvalid || errOut != "" {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitInvalid, errOut)
			}
			golden := filepath.Join("testdata", "golden", "repo."+format)
			if *update {
				if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if out != string(want) {
				t.Errorf("jobcheck -o %s prints:\n%s\n%s holds:\n%s", format, out, golden, want)
			}
		})
	}
}

// TestRepositoryJudgesJobsOnly checks, independently of the golden files, that only the
// Jobs, CronJobs and the JobSet's templates of the fixture are judged, each with the verdict
// its manifest calls for, and that everything else is skipped.
func TestRepositoryJudgesJobsOnly(t *testing.T) {
	_, out, _ := jobcheckIn(t, "testdata", "validate", "-o", "json", jobSetTemplates, "repo")
	judged := map[string]bool{}
	var skipped []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var r jsonRecord
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("%v: %s", err, line)
		}
		if r.Skipped != "" {
			skipped = append(skipped, r.Source)
			continue
		}
		judged[r.Source+" "+r.Kind+" "+r.Name] = *r.Valid
	}
	wantJudged := map[string]bool{
		"repo/jobs/broken.yaml:1 Job Resize_Images":       false,
		"repo/jobs/exported.yaml:2[0] Job backfill":       true,
		"repo/jobs/legacy-cronjob.yaml:1 CronJob ":        false, // batch/v1beta1
		"repo/jobs/migrate.yaml:2 Job migrate":            true,
		"repo/jobs/reports.yaml:1 CronJob nightly-report": true,
		"repo/jobs/reports.yaml:21 CronJob cleanup":       false,
		"repo/jobsets/training.yaml:1 JobSet training":    false,
	}
	if len(judged) != len(wantJudged) {
		t.Errorf("judged %v, want %v", judged, wantJudged)
	}
	for k, v := range wantJudged {
		if got, ok := judged[k]; !ok || got != v {
			t.Errorf("%s: judged %v (%v), want valid=%v", k, got, ok, v)
		}
	}
	wantSkipped := []string{
		"repo/chart/Chart.yaml:1", "repo/chart/templates/migrate-job.yaml", "repo/chart/values.yaml:1",
		"repo/deploy/app.yaml:2", "repo/deploy/app.yaml:19", "repo/deploy/app.yaml:29",
		"repo/jobs/empty.yaml", "repo/jobs/exported.yaml:2[1]", "repo/jobs/migrate.yaml:20", "repo/kustomization.yaml:1",
	}
	if !slices.Equal(skipped, wantSkipped) {
		t.Errorf("skipped\n %q\nwant\n %q", skipped, wantSkipped)
	}
}

// TestExitStatus checks the exit statuses validate documents, and that a path that cannot
// be read does not keep the others from being checked.
func TestExitStatus(t *testing.T) {
	tests := []struct {
		name   string
		stdin  string
		args   []string
		code   int
		stdout string // a line the output holds
		stderr string
	}{
		{name: "all valid", args: []string{"validate", "repo/jobs/migrate.yaml", "repo/deploy"}, code: exitOK,
			stdout: "1 Job in 2 files: 1 valid, 0 invalid, 0 warnings; 4 skipped (ConfigMap 1, Deployment 1, Service 1, ServiceAccount 1)\n"},
		{name: "an invalid Job", args: []string{"validate", "repo/jobs/broken.yaml"}, code: exitInvalid, stdout: "1 invalid"},
		{name: "a missing path, the rest still checked", args: []string{"validate", "repo/none.yaml", "repo/jobs/migrate.yaml"}, code: exitUsage,
			stdout: "1 Job in 1 file: 1 valid", stderr: "jobcheck validate: read repo/none.yaml: "},
		{name: "a missing path and an invalid Job", args: []string{"validate", "repo/none.yaml", "repo/jobs/broken.yaml"}, code: exitUsage, stdout: "1 invalid"},
		{name: "empty stdin", args: []string{"validate", "-"}, code: exitUsage, stderr: "standard input holds nothing to check"},
		{name: "an empty file named", args: []string{"validate", "repo/jobs/empty.yaml"}, code: exitUsage, stderr: "repo/jobs/empty.yaml holds nothing to check"},
		{name: "a hidden directory named is searched", args: []string{"validate", "repo/.github"}, code: exitOK,
			stdout: "0 Jobs in 1 file: 0 valid, 0 invalid, 0 warnings; 1 not checkable\n"},
		{name: "a directory without manifests", args: []string{"validate", "repo/chart/templates/..", "$NOMANIFESTS"}, code: exitUsage,
			stdout: "0 Jobs in 3 files", stderr: "$NOMANIFESTS: no .yaml, .yml or .json files"},
		{name: "help", args: []string{"validate", "-h"}, code: exitOK, stderr: "Exit status: 0 when everything checked is valid"},
		{name: "Jobs only", args: []string{"validate", "--kinds=Job", "repo/jobs/reports.yaml"}, code: exitOK, stdout: "0 Jobs in 1 file: 0 valid, 0 invalid, 0 warnings; 2 skipped (CronJob 2)"},
		{name: "CronJobs skipped", args: []string{"validate", "--skip=CronJob", "repo/jobs"}, code: exitInvalid, stdout: "3 Jobs in 6 files: 2 valid, 1 invalid, 0 warnings; 5 skipped (ConfigMap 1, CronJob 3, ServiceAccount 1); 1 not checkable\n"},
		{name: "a kind jobcheck cannot check", args: []string{"validate", "--kinds=Deployment", "repo"}, code: exitUsage, stderr: `--kinds: jobcheck checks Job and CronJob, not "Deployment"`},
		{name: "summary only", args: []string{"validate", "--summary", "repo/jobs/broken.yaml"}, code: exitInvalid, stdout: "1 Job in 1 file: 0 valid, 1 invalid, 0 warnings\n"},
		{name: "summary of JSON", args: []string{"validate", "--summary", "-o", "json", "repo"}, code: exitUsage, stderr: "--summary is for -o text and github"},
		{name: "a bad template path", args: []string{"validate", "--template-path=JobSet", "repo"}, code: exitUsage, stderr: "want KIND=PATH"},
		{name: "github annotations of stdin", stdin: "apiVersion: batch/v1\nkind: Job\nmetadata: {name: x}\nspec: {parallelism: -1, template: {spec: {containers: [{name: c, image: i}], restartPolicy: Never}}}\n",
			args: []string{"validate", "-o", "github", "-"}, code: exitInvalid,
			stdout: "::error title=Job default/x::spec.parallelism: Invalid value: -1: must be greater than or equal to 0\n"},
	}
	noManifests := t.TempDir()
	if err := os.WriteFile(filepath.Join(noManifests, "README.md"), []byte("# notes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	expand := func(s string) string { return strings.ReplaceAll(s, "$NOMANIFESTS", noManifests) }
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := make([]string, len(tt.args))
			for i, a := range tt.args {
				args[i] = expand(a)
			}
			cmd := exec.Command(binary, args...)
			cmd.Dir = "testdata"
			code, out, errOut := runCmd(t, cmd, tt.stdin)
			if code != tt.code || !strings.Contains(out, tt.stdout) || !strings.Contains(errOut, expand(tt.stderr)) {
				t.Fatalf("exit %d, want %d; stdout:\n%s\nstderr:\n%s", code, tt.code, out, errOut)
			}
		})
	}
}

// jobcheckIn runs the binary in dir.
func jobcheckIn(t *testing.T, dir string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	return runCmd(t, cmd, "")
}
