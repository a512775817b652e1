package job_test

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jobkit/jobkit/internal/conformance"
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/job/jobtest"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

const piYAML = `apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  template:
    spec:
      containers:
      - name: pi
        image: perl:5.34.0
      restartPolicy: Never
`

func TestDecodeAll(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		opts     job.DecodeOptions
		want     []string // per document: the Job's name, or "error: <substring>"
		warnings []string
	}{
		{name: "yaml", in: piYAML, want: []string{"pi"}},
		{
			name: "json",
			in:   `{"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"j"},"spec":{"template":{"spec":{"containers":[]}}}}`,
			want: []string{"j"},
		},
		{name: "no type meta is a Job", in: `{"metadata":{"name":"j"}}`, want: []string{"j"}},
		{
			name: "stream with comments and empty documents",
			in:   "# leading comment\n---\n" + piYAML + "--- # second\n" + strings.Replace(piYAML, "name: pi\n", "name: two\n", 1) + "---\n# only a comment\n",
			want: []string{"pi", "two"},
		},
		{
			name: "job list",
			in:   `{"apiVersion":"batch/v1","kind":"JobList","items":[{"metadata":{"name":"a"}},{"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"b"}}]}`,
			want: []string{"a", "b"},
		},
		{
			name: "job list item of another kind",
			in:   `{"apiVersion":"batch/v1","kind":"JobList","items":[{"apiVersion":"v1","kind":"Pod"}]}`,
			want: []string{"error: document 1 (line 1), item 0: apiVersion \"v1\" is not batch/v1"},
		},
		{
			name: "wrong apiVersion names the document and line",
			in:   piYAML + "---\n" + strings.Replace(piYAML, "batch/v1", "batch/v2", 1),
			want: []string{"pi", "error: document 2 (line 13): apiVersion \"batch/v2\" is not batch/v1"},
		},
		{name: "wrong kind", in: `{"apiVersion":"batch/v1","kind":"CronJob"}`, want: []string{`error: kind "CronJob" is not Job`}},
		{name: "truncated yaml", in: "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: [unclosed\n", want: []string{"error: document 1 (line 1): yaml: line 4: did not find expected ','"}},
		{name: "truncated json", in: `{"metadata":{"name":"x"`, want: []string{"error: invalid JSON at line 1, column 24 (byte 23): unexpected end of input"}},
		{name: "a list where an object belongs", in: "- a\n- b\n", want: []string{"error: the document is a list, not an object"}},
		{name: "a scalar document", in: "hello\n", want: []string{"error: the document is a string, not an object"}},
		{name: "wrong type", in: `{"spec":{"parallelism":"2"}}`, want: []string{`error: spec.parallelism: expected int32, found string "2"`}},
		{name: "wrong type in metadata", in: `{"metadata":{"labels":{"a":1}}}`, want: []string{"error: metadata: invalid object metadata: json: cannot unmarshal number into Go struct field ObjectMeta.labels of type string"}},
		{
			name:     "unknown field warns",
			in:       `{"metadata":{"name":"j","annotation":{}},"spec":{"retries":3,"Parallelism":2}}`,
			want:     []string{"j"},
			warnings: []string{`unknown field "metadata.annotation"`, `unknown field "spec.retries"`, `unknown field "spec.Parallelism"`},
		},
		{
			name: "unknown field strict",
			in:   `{"metadata":{"name":"j"},"spec":{"retries":3}}`,
			opts: job.DecodeOptions{FieldValidation: job.Strict},
			want: []string{`error: strict decoding error: unknown field "spec.retries"`},
		},
		{
			name: "unknown field ignored",
			in:   `{"metadata":{"name":"j"},"spec":{"retries":3}}`,
			opts: job.DecodeOptions{FieldValidation: job.Ignore},
			want: []string{"j"},
		},
		{
			name: "unknown fields inside the pod template warn, at any depth",
			in: `{"metadata":{"name":"j"},"spec":{"template":{"spec":{"nodeSelectr":{},` +
				`"volumes":[{"name":"v","emptyDir":{"medum":"Memory"}}],` +
				`"containers":[{"name":"c","Image":"x","imagePullPolicyy":"Always","resources":{"claimz":[]}}]}}}}`,
			want: []string{"j"},
			warnings: []string{
				`unknown field "spec.template.spec.nodeSelectr"`,
				`unknown field "spec.template.spec.volumes[0].emptyDir.medum"`,
				`unknown field "spec.template.spec.containers[0].Image"`,
				`unknown field "spec.template.spec.containers[0].imagePullPolicyy"`,
				`unknown field "spec.template.spec.containers[0].resources.claimz"`,
			},
		},
		{
			name: "unknown field inside the pod template strict",
			in:   `{"metadata":{"name":"j"},"spec":{"template":{"spec":{"containers":[{"name":"c","ports":[{"containerPort":80,"hostIP":"","protocl":"TCP"}]}]}}}}`,
			opts: job.DecodeOptions{FieldValidation: job.Strict},
			want: []string{`error: strict decoding error: unknown field "spec.template.spec.containers[0].ports[0].protocl"`},
		},
		{
			name: "known pod template fields are quiet",
			in: `{"metadata":{"name":"j"},"spec":{"template":{"spec":{"hostNetwork":true,"priority":5,"overhead":{"cpu":"1"},` +
				`"affinity":{"nodeAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":{"nodeSelectorTerms":[{"matchExpressions":[{"key":"k","operator":"In","values":["v"]}]}]}}},` +
				`"volumes":[{"name":"e","ephemeral":{"volumeClaimTemplate":{"metadata":{"labels":{"a":"b"}},"spec":{"resources":{"requests":{"storage":"1Gi"}}}}}}],` +
				`"containers":[{"name":"c","livenessProbe":{"httpGet":{"port":"http"},"periodSeconds":3},"securityContext":null}]}}}}`,
			opts: job.DecodeOptions{FieldValidation: job.Strict},
			want: []string{"j"},
		},
		{
			name: "wrong type inside the pod template",
			in:   `{"spec":{"template":{"spec":{"containers":[{"name":"c","ports":[{"containerPort":"80"}]}]}}}}`,
			want: []string{`error: spec.template.spec.containers[0].ports[0].containerPort: expected int32, found string "80"`},
		},
		{
			name: "wrong type of a quantity inside the pod template",
			in:   `{"spec":{"template":{"spec":{"overhead":{"cpu":true}}}}}`,
			want: []string{`error: spec.template.spec.overhead.cpu: invalid quantity`},
		},
		{
			name:     "duplicate json field",
			in:       `{"metadata":{"name":"j"},"spec":{"backoffLimit":1,"backoffLimit":2}}`,
			want:     []string{"j"},
			warnings: []string{`duplicate field "spec.backoffLimit"`},
		},
		{
			name:     "duplicate yaml key",
			in:       "metadata:\n  name: j\nspec:\n  backoffLimit: 1\n  backoffLimit: 2\n",
			want:     []string{"j"},
			warnings: []string{`line 5: key "backoffLimit" already set in map`},
		},
		{
			name: "over the size limit",
			in:   `{"metadata":{"name":"` + strings.Repeat("x", 100) + `"}}`,
			opts: job.DecodeOptions{MaxBytes: 64},
			want: []string{"error: document 1 (line 1): the manifest is 124 bytes, larger than the limit of 64 bytes"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs := job.DecodeAll([]byte(tt.in), tt.opts)
			var got, warnings []string
			for _, d := range docs {
				if d.Err != nil {
					got = append(got, "error: "+d.Err.Error())
					continue
				}
				got = append(got, d.Job.Name)
				warnings = append(warnings, d.Warnings...)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
			for i := range got {
				want, isErr := strings.CutPrefix(tt.want[i], "error: ")
				if isErr != strings.HasPrefix(got[i], "error: ") || !strings.Contains(got[i], want) {
					t.Errorf("document %d: got %q, want it to contain %q", i, got[i], tt.want[i])
				}
			}
			if diff := cmp.Diff(tt.warnings, warnings); diff != "" {
				t.Errorf("warnings (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDecodeErrorsAreTyped(t *testing.T) {
	_, _, err := job.Decode([]byte(`{"spec":{"retries":1}}`), job.DecodeOptions{FieldValidation: job.Strict})
	var de *job.DocumentError
	var se *job.StrictError
	if !errors.As(err, &de) || !errors.As(err, &se) || len(se.Issues) != 1 {
		t.Fatalf("err = %#v", err)
	}
	if _, _, err := job.Decode([]byte(piYAML+"---\n"+piYAML), job.DecodeOptions{}); err == nil {
		t.Fatal("two Jobs: want an error")
	}
	if _, _, err := job.Decode([]byte("# nothing\n"), job.DecodeOptions{}); err == nil {
		t.Fatal("no Job: want an error")
	}
}

// TestDecodeConformance checks decoding against the API server's: the decode warnings of
// every case, and a decode error where the server rejected the body while decoding.
func TestDecodeConformance(t *testing.T) {
	for _, c := range append(conformance.ValidateCases(t), conformance.RealWorldCases(t)...) {
		for _, body := range [][]byte{c.Input.Object, c.Input.Old} {
			if body == nil {
				continue
			}
			_, warnings, err := job.Decode(body, job.DecodeOptions{})
			rejected := strings.HasPrefix(c.Expect.RequestError, "decode object:")
			if rejected && string(body) == string(c.Input.Object) {
				if err == nil {
					t.Errorf("%s: decoded, but the server rejected it: %s", c.Input.ID, c.Expect.RequestError)
				}
				continue
			}
			if err != nil {
				t.Errorf("%s: %v", c.Input.ID, err)
				continue
			}
			if string(body) != string(c.Input.Object) {
				continue
			}
			if diff := cmp.Diff(c.Expect.DecodeWarnings, warnings); diff != "" {
				t.Errorf("%s: warnings (-server +jobkit):\n%s", c.Input.ID, diff)
			}
		}
	}
}

func TestUnknownFieldValidation(t *testing.T) {
	opts := job.DecodeOptions{FieldValidation: "strict"}
	want := `unknown field validation "strict": want "Strict", "Warn" or "Ignore"`
	if _, _, err := job.Decode([]byte(piYAML), opts); err == nil || err.Error() != want {
		t.Errorf("Decode: %v", err)
	}
	for _, docs := range [][]job.Document{job.DecodeAll([]byte(piYAML), opts), slices.Collect(job.Documents(strings.NewReader(piYAML), opts))} {
		if len(docs) != 1 || docs[0].Err == nil || !strings.HasSuffix(docs[0].Err.Error(), want) {
			t.Errorf("documents: %v", docs)
		}
	}
}

// TestDecodeAllInMemoryAsStreamed checks that a YAML manifest held in memory, which
// DecodeAll reads in place when it has no document markers, reads as the same stream read
// by Documents.
func TestDecodeAllInMemoryAsStreamed(t *testing.T) {
	job1 := "apiVersion: batch/v1\nkind: Job\nmetadata: {name: a}\nspec: {template: {spec: {containers: [{name: c, image: i}], restartPolicy: Never}}}\n"
	tests := []struct {
		name string
		yaml string
	}{
		{"a Job", job1},
		{"after blank lines and comments", "\n# a Job\n\n  \n" + job1},
		{"comments only", "# nothing here\n\n"},
		{"blank", "\n\n  \n"},
		{"without a final newline", strings.TrimSuffix(job1, "\n")},
		{"with carriage returns", strings.ReplaceAll(job1, "\n", "\r\n")},
		{"an indented dash line", job1 + "#\n  ---\n"},
		{"a list", "apiVersion: v1\nkind: List\nitems:\n- " + strings.ReplaceAll(strings.TrimSuffix(job1, "\n"), "\n", "\n  ") + "\n"},
		{"broken", "metadata: {name: [\n"},
		{"a ConfigMap", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n"},
		{"with a marker", "---\n" + job1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte(tt.yaml)
			got := job.DecodeAll(data, job.DecodeOptions{FieldValidation: job.Strict})
			want := slices.Collect(job.Documents(bytes.NewReader(data), job.DecodeOptions{FieldValidation: job.Strict}))
			if diff := cmp.Diff(want, got, jobtest.EquateJobs(), cmp.Comparer(func(a, b error) bool { return fmt.Sprint(a) == fmt.Sprint(b) })); diff != "" {
				t.Errorf("DecodeAll differs from Documents (-streamed +in memory):\n%s", diff)
			}
		})
	}
}

// TestDuplicateMetadataMerges checks that a second metadata member is read into the first
// as the API server's decoder reads it, members of the first it does not name kept, on the
// fast path of plain metadata as on the slow one.
func TestDuplicateMetadataMerges(t *testing.T) {
	tests := []struct {
		name, body string
		want       metav1.ObjectMeta
	}{
		{"plain after full", `{"metadata":{"uid":"u1","finalizers":["f"]},"metadata":{"name":"b","labels":{"x":"1"}}}`,
			metav1.ObjectMeta{Name: "b", UID: "u1", Finalizers: []string{"f"}, Labels: map[string]string{"x": "1"}}},
		{"plain after plain", `{"metadata":{"name":"a","labels":{"x":"1"}},"metadata":{"namespace":"n","labels":{"y":"2"}}}`,
			metav1.ObjectMeta{Name: "a", Namespace: "n", Labels: map[string]string{"x": "1", "y": "2"}}},
		{"a null time unsets the time", `{"metadata":{"creationTimestamp":"2025-01-01T00:00:00Z"},"metadata":{"creationTimestamp":null}}`,
			metav1.ObjectMeta{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			j, _, err := job.Decode([]byte(tt.body), job.DecodeOptions{FieldValidation: job.Ignore})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, j.ObjectMeta); diff != "" {
				t.Errorf("metadata (-want +got):\n%s", diff)
			}
		})
	}
}
