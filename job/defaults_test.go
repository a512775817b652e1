package job_test

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jobkit/jobkit/internal/conformance"
	"github.com/jobkit/jobkit/job"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// The fixed values the conformance cases' API server assigned on create.
var conformanceSystemFields = job.SystemFields{
	UID:               "00000000-0000-4000-8000-000000000001",
	CreationTimestamp: metav1.Date(2025, 1, 1, 0, 0, 0, 0, metav1.Now().UTC().Location()),
	Namespace:         "default",
	NameSuffix:        "x7b9z",
}

// TestDefaultsAndPrepareConformance runs every create case that the server decoded through
// SetDefaults and then SetSystemFields and PrepareForCreate, and compares the Job with the
// server's defaulted and prepared objects. The pod spec is compared on restartPolicy only:
// jobkit applies no other core/v1 pod default.
func TestDefaultsAndPrepareConformance(t *testing.T) {
	n := 0
	for _, c := range conformance.ValidateCases(t) {
		if c.Input.Op != "create" || c.Expect.Defaulted == nil {
			continue
		}
		n++
		j, _, err := job.Decode(c.Input.Object, job.DecodeOptions{})
		if err != nil {
			t.Errorf("%s: %v", c.Input.ID, err)
			continue
		}
		job.SetDefaults(j)
		j.APIVersion, j.Kind = "batch/v1", "Job"
		unknown := unknownFields(c.Expect.DecodeWarnings)
		compareJobLevel(t, c.Input.ID+" defaulted", c.Expect.Defaulted, j, unknown)
		job.SetSystemFields(j, conformanceSystemFields)
		job.PrepareForCreate(j, nil)
		compareJobLevel(t, c.Input.ID+" prepared", c.Expect.Prepared, j, unknown)
	}
	t.Logf("%d create cases defaulted and prepared", n)
}

// unknownFields returns the paths of the server's unknown-field warnings: members the
// server drops and jobkit keeps in Extra.
func unknownFields(warnings []string) [][]string {
	var paths [][]string
	for _, w := range warnings {
		if p, ok := strings.CutPrefix(w, "unknown field "); ok {
			p, _ = strconv.Unquote(p)
			paths = append(paths, strings.Split(p, "."))
		}
	}
	return paths
}

// compareJobLevel compares want with j, both as JSON, leaving out the pod spec but for its
// restartPolicy, and the unknown members jobkit keeps.
func compareJobLevel(t *testing.T, name string, want json.RawMessage, j *job.Job, unknown [][]string) {
	t.Helper()
	b, err := json.Marshal(j)
	if err != nil {
		t.Fatal(err)
	}
	got := jobLevel(t, b)
	for _, path := range unknown {
		deletePath(got, path)
	}
	if diff := cmp.Diff(jobLevel(t, want), got); diff != "" {
		t.Errorf("%s (-server +jobkit):\n%s", name, diff)
	}
}

func jobLevel(t *testing.T, b []byte) any {
	v := withoutNulls(t, b).(map[string]any)
	spec, _ := v["spec"].(map[string]any)
	tpl, _ := spec["template"].(map[string]any)
	if podSpec, ok := tpl["spec"].(map[string]any); ok {
		tpl["spec"] = map[string]any{"restartPolicy": podSpec["restartPolicy"]}
	}
	return v
}

// deletePath deletes the member at a dotted path of objects.
func deletePath(v any, path []string) {
	m, ok := v.(map[string]any)
	if !ok {
		return
	}
	if len(path) == 1 {
		delete(m, path[0])
		return
	}
	deletePath(m[path[0]], path[1:])
}
