package job_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/jobkit/jobkit/job"
)

// Hostile manifests get an error, or a Job, never a panic or a hang: one test per class.

// decodeOne decodes data, which must hold one document, within the bounds of bounded.
func decodeOne(t *testing.T, data []byte, opts job.DecodeOptions) (*job.Job, error) {
	t.Helper()
	var docs []job.Document
	bounded(t, len(data), func() { docs = job.DecodeAll(data, opts) })
	if len(docs) != 1 {
		t.Fatalf("%d documents, want 1", len(docs))
	}
	return docs[0].Job, docs[0].Err
}

func wantError(t *testing.T, err error, contains string) {
	t.Helper()
	if err == nil || !strings.Contains(err.Error(), contains) {
		t.Fatalf("err = %v, want it to contain %q", err, contains)
	}
}

func TestHostileHugeManifest(t *testing.T) {
	huge := append([]byte(`{"metadata":{"name":"x","annotations":{"a":"`), bytes.Repeat([]byte("x"), 64<<20)...)
	huge = append(huge, `"}}}`...)
	_, err := decodeOne(t, huge, job.DecodeOptions{})
	wantError(t, err, "larger than the limit of 3145728 bytes")

	yaml := append([]byte("metadata:\n  name: x\n  annotations:\n    a: "), bytes.Repeat([]byte("y"), 64<<20)...)
	_, err = decodeOne(t, yaml, job.DecodeOptions{})
	wantError(t, err, "larger than the limit")

	ten := append([]byte(`{"metadata":{"name":"x","annotations":{"a":"`), bytes.Repeat([]byte("x"), 10<<20)...)
	ten = append(ten, `"}}}`...)
	j, err := decodeOne(t, ten, job.DecodeOptions{MaxBytes: 16 << 20})
	if err != nil || len(j.Annotations["a"]) != 10<<20 {
		t.Fatalf("a raised limit: %v", err)
	}
}

func TestHostileAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n")
	for i, name := range "bcdefghi" {
		prev := string("abcdefgh"[i])
		fmt.Fprintf(&b, "%c: &%c [*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s]\n", name, name, prev, prev, prev, prev, prev, prev, prev, prev, prev)
	}
	_, err := decodeOne(t, []byte(b.String()), job.DecodeOptions{})
	wantError(t, err, "YAML aliases expand it to more than the limit")
}

func TestHostileLongLists(t *testing.T) {
	const n = 1_000_000
	var b bytes.Buffer
	b.WriteString(`{"metadata":{"name":"x"},"spec":{"podFailurePolicy":{"rules":[{"action":"Count","onExitCodes":{"operator":"In","values":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprint(&b, i+1)
	}
	b.WriteString(`]}}]}}}`)
	j, err := decodeOne(t, b.Bytes(), job.DecodeOptions{MaxBytes: -1})
	if err != nil || len(j.Spec.PodFailurePolicy.Rules[0].OnExitCodes.Values) != n {
		t.Fatalf("decode: %v", err)
	}
	_, err = decodeOne(t, b.Bytes(), job.DecodeOptions{})
	wantError(t, err, "larger than the limit")
}

func TestHostileIntegers(t *testing.T) {
	tests := []struct{ in, want string }{
		{`{"spec":{"parallelism":2147483648}}`, "spec.parallelism: expected int32, found number 2147483648"},
		{`{"spec":{"parallelism":-2147483649}}`, "expected int32"},
		{`{"spec":{"activeDeadlineSeconds":9223372036854775808}}`, "spec.activeDeadlineSeconds: expected int64"},
		{`{"spec":{"completions":1e999}}`, "spec.completions: expected int32, found number 1e999"},
		{`{"spec":{"podFailurePolicy":{"rules":[{"onExitCodes":{"values":[4294967296]}}]}}}`, "spec.podFailurePolicy.rules[0].onExitCodes.values[0]: expected int32"},
		{`{"spec":{"template":{"spec":{"containers":[{"resources":{"limits":{"cpu":"1 GB"}}}]}}}}`, "spec.template.spec.containers[0].resources.limits.cpu: invalid quantity"},
	}
	for _, tt := range tests {
		_, err := decodeOne(t, []byte(tt.in), job.DecodeOptions{})
		wantError(t, err, tt.want)
	}
}

func TestHostileNesting(t *testing.T) {
	const depth = 200_000
	for _, where := range []string{`{"spec":{"template":{"spec":{"volumes":%s}}}}`, `{"metadata":{"annotations":%s}}`, `{"spec":{"retries":%s}}`} {
		nested := strings.Repeat("[", depth) + strings.Repeat("]", depth)
		_, err := decodeOne(t, []byte(fmt.Sprintf(where, nested)), job.DecodeOptions{})
		wantError(t, err, "exceeded max depth")
	}
	yaml := "spec:\n  retries: " + strings.Repeat("[", depth) + strings.Repeat("]", depth) + "\n"
	if _, err := decodeOne(t, []byte(yaml), job.DecodeOptions{}); err == nil {
		t.Fatal("deeply nested YAML decoded")
	}
}

func TestHostileInvalidUTF8(t *testing.T) {
	j, err := decodeOne(t, []byte("{\"metadata\":{\"name\":\"a\xffb\",\"labels\":{\"k\xfe\":\"v\xc0\"}}}"), job.DecodeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if j.Name != "a\uFFFDb" || j.Labels["k\uFFFD"] != "v\uFFFD" {
		t.Fatalf("name %q labels %q: invalid bytes must read as U+FFFD", j.Name, j.Labels)
	}
	out, err := job.Encode(j)
	if err != nil || !bytes.Contains(out, []byte(`"a\ufffdb"`)) && !bytes.Contains(out, []byte("a\uFFFDb")) {
		t.Fatalf("encode: %s %v", out, err)
	}
}

func TestHostileNaN(t *testing.T) {
	for _, in := range []string{
		`{"spec":{"parallelism":NaN}}`,
		`{"spec":{"parallelism":Infinity}}`,
		"spec:\n  parallelism: .nan\n",
		"spec:\n  parallelism: .inf\n",
		"spec:\n  parallelism: 1e999\n",
	} {
		if _, err := decodeOne(t, []byte(in), job.DecodeOptions{}); err == nil {
			t.Errorf("%q decoded", in)
		}
	}
}

// TestHostileClasses: control characters, byte order marks and YAML tags read as kubectl
// reads them, or are rejected.
func TestHostileClasses(t *testing.T) {
	tests := []struct{ in, name, err string }{
		{"{\"metadata\":{\"name\":\"a\x00b\"}}", "", "invalid control character in string"},
		{"{\"metadata\":{\"name\":\"a\\u0000b\"}}", "a\x00b", ""},
		{"metadata:\n  name: a\x00b\n", "", "control characters are not allowed"},
		{"metadata:\n  name: \"a\\0b\"\n", "a\x00b", ""},
		{"\xef\xbb\xbf{\"metadata\":{\"name\":\"bom\"}}", "bom", ""},
		{"\xef\xbb\xbfmetadata:\n  name: bom\n", "bom", ""},
		{"metadata:\n  name: !!binary aGVsbG8=\n", "hello", ""},
		{"metadata:\n  name: !custom x\n", "x", ""},
		{"metadata: !!python/object:os.system\n  name: x\n", "x", ""},
		{"metadata:\n  name: !!int 5\n", "", "cannot unmarshal number"},
		{"spec:\n  parallelism: !!str 5\n", "", `spec.parallelism: expected int32, found string "5"`},
		{"~: 1\nmetadata:\n  name: a\n", "", "a map key is null (its value: 1)"},
	}
	for _, tc := range tests {
		j, err := decodeOne(t, []byte(tc.in), job.DecodeOptions{})
		switch {
		case tc.err != "":
			wantError(t, err, tc.err)
		case err != nil:
			t.Errorf("%q: %v", tc.in, err)
		case j.Name != tc.name:
			t.Errorf("%q: name %q, want %q", tc.in, j.Name, tc.name)
		}
	}
}
