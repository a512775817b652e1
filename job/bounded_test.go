package job_test

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/jobkit/jobkit/job"
)

// bounded runs f, which reads an input of n bytes, and fails t unless f returns before a
// deadline far beyond what it needs (it only catches hangs) and allocates at most 20 times
// the input, plus 1 MiB for the fixed cost of a decode.
func bounded(t *testing.T, n int, f func()) {
	t.Helper()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("still running after 30 s")
	}
	runtime.ReadMemStats(&after)
	if alloc, limit := after.TotalAlloc-before.TotalAlloc, uint64(20*n+1<<20); alloc > limit {
		t.Errorf("allocated %d bytes for %d bytes of input, more than %d", alloc, n, limit)
	}
}

// boundedError decodes data as one request and returns the error, within the bounds.
func boundedError(t *testing.T, data []byte) error {
	t.Helper()
	var err error
	bounded(t, len(data), func() { _, _, err = job.Decode(data, job.DecodeOptions{}) })
	return err
}

const tinyJob = "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: %s\nspec:\n  template:\n    spec:\n      containers:\n      - name: c\n        image: busybox\n      restartPolicy: Never\n"

// TestHostileQuantityExponent: a twelve-byte quantity used to keep apimachinery rounding
// for ever; wherever a quantity goes it is now rejected at once, naming the member.
func TestHostileQuantityExponent(t *testing.T) {
	for _, member := range []string{
		`"containers":[{"name":"c","image":"i","resources":{"requests":{"cpu":"1e-999999999"}}}]`,
		`"containers":[{"name":"c","image":"i","resources":{"limits":{"memory":"1e-999999999"}}}]`,
		`"containers":[{"name":"c","image":"i"}],"overhead":{"cpu":"1e-999999999"}`,
		`"containers":[{"name":"c","image":"i"}],"volumes":[{"name":"v","emptyDir":{"sizeLimit":"1e-999999999"}}]`,
		`"containers":[{"name":"c","image":"i","resources":{"requests":{"cpu":1e-999999999}}}]`,
	} {
		data := []byte(`{"metadata":{"name":"q"},"spec":{"template":{"spec":{` + member + `}}}}`)
		wantError(t, boundedError(t, data), "the decimal exponent is out of range")
	}
	small := []byte(`{"metadata":{"name":"q"},"spec":{"template":{"spec":{"containers":[{"name":"c","image":"i","resources":{"requests":{"cpu":"1e-999999"}}}]}}}}`)
	var j *job.Job
	bounded(t, len(small), func() { j, _, _ = job.Decode(small, job.DecodeOptions{}) })
	if q := j.Spec.Template.Spec.Containers[0].Resources.Requests["cpu"]; q.String() != "1e-9" {
		t.Errorf("1e-999999 read as %s, want 1e-9 as apimachinery rounds it", q.String())
	}
}

// TestHostileAliasExpansion: YAML aliases that multiply a document past the size limit are
// rejected before they are expanded, for plain aliases and for merge keys.
func TestHostileAliasExpansion(t *testing.T) {
	scalar := func(n int) string { return strings.Repeat("x", n) }
	var aliases, merges, file strings.Builder
	fmt.Fprintf(&aliases, "metadata:\n  name: a\n  annotations:\n    big: &big %s\nspec:\n  template:\n    spec:\n      containers:\n      - name: c\n        image: i\n        args:\n", scalar(256<<10))
	for range 4000 {
		aliases.WriteString("        - *big\n")
	}
	fmt.Fprintf(&merges, "base: &b {a: %s}\n", scalar(64<<10))
	for i := range 1000 {
		fmt.Fprintf(&merges, "m%d: {<<: *b}\n", i)
	}
	fmt.Fprintf(&file, "x: &x %s\nl:\n", scalar(3_000_000))
	for range 10000 {
		file.WriteString("- *x\n")
	}
	for name, doc := range map[string]string{"4,000 aliases of 256 KiB": aliases.String(), "merge keys": merges.String(), "a 3 MB file": file.String()} {
		err := boundedError(t, []byte(doc))
		if err == nil || !strings.Contains(err.Error(), "YAML aliases expand it to more than the limit") {
			t.Errorf("%s (%d bytes): %v", name, len(doc), err)
		}
	}
	var billion strings.Builder
	billion.WriteString("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n")
	for i, name := range "bcdefghi" {
		prev := string("abcdefgh"[i])
		fmt.Fprintf(&billion, "%c: &%c [*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s]\n", name, name, prev, prev, prev, prev, prev, prev, prev, prev, prev)
	}
	wantError(t, boundedError(t, []byte(billion.String())), "YAML aliases expand it to more than the limit")
}

// TestHostileManyDocuments: a stream of a million tiny documents is one request too many for
// Decode, which stops at the second, and for DecodeAll, which keeps what it reads; Documents
// reads it in the memory of one document.
func TestHostileManyDocuments(t *testing.T) {
	stream := bytes.Repeat([]byte("a: 1\n---\n"), 1_000_000)
	wantError(t, boundedError(t, stream), "larger than the limit")
	under := stream[:3_000_000]
	wantError(t, boundedError(t, under), "more than one Job")
	var docs []job.Document
	bounded(t, len(stream), func() { docs = job.DecodeAll(stream, job.DecodeOptions{}) })
	if len(docs) != 1 || docs[0].Err == nil || !strings.Contains(docs[0].Err.Error(), "read it as a stream") {
		t.Fatalf("DecodeAll: %d documents, first %v", len(docs), docs[0].Err)
	}
	// A stream is read in the memory of one document: the live heap stays flat, however many
	// Jobs go by.
	doc := fmt.Sprintf(tinyJob, "t") + "---\n"
	some := bytes.Repeat([]byte(doc), 20000)
	n, peak := 0, uint64(0)
	var m runtime.MemStats
	for d := range job.Documents(bytes.NewReader(some), job.DecodeOptions{}) {
		if d.Err != nil {
			t.Fatal(d.Err)
		}
		if n++; n%2000 == 0 {
			runtime.GC()
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapAlloc)
		}
	}
	if n != 20000 {
		t.Errorf("Documents read %d Jobs, want 20000", n)
	}
	if limit := uint64(len(some)) + 8<<20; peak > limit {
		t.Errorf("live heap reached %d bytes while streaming, more than the input and 8 MiB (%d)", peak, limit)
	}
}

// TestHostileDuplicateKeys: half a million duplicate keys give the warnings the API server
// would send: each once, and a few kilobytes in all.
func TestHostileDuplicateKeys(t *testing.T) {
	var b bytes.Buffer
	b.WriteString(`{"metadata":{"name":"d","labels":{`)
	for i := range 300_000 {
		fmt.Fprintf(&b, `"k%d":"",`, i%1000)
	}
	b.WriteString(`"last":"v"}}}`)
	var warnings []string
	var err error
	bounded(t, b.Len(), func() { _, warnings, err = job.Decode(b.Bytes(), job.DecodeOptions{}) })
	if err != nil {
		t.Fatal(err)
	}
	size := 0
	for _, w := range warnings {
		size += len(w)
	}
	if len(warnings) == 0 || size > 8<<10 {
		t.Fatalf("%d warnings, %d bytes", len(warnings), size)
	}
	if warnings[0] != `duplicate field "metadata.labels.k0"` {
		t.Errorf("first warning %q", warnings[0])
	}
	for i := 1; i < len(warnings); i++ {
		if warnings[i] == warnings[i-1] {
			t.Fatalf("warning %q twice", warnings[i])
		}
	}
}

// TestDocumentBoundaries: "..." ends a document and the next one is read even without "---";
// "---" inside a quoted or block scalar is not a boundary.
func TestDocumentBoundaries(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string // the Jobs' names, or "error"
	}{
		{"document end marker then a bare document", fmt.Sprintf(tinyJob, "one") + "...\n" + fmt.Sprintf(tinyJob, "two"), []string{"one", "two"}},
		{"end marker, then ---", fmt.Sprintf(tinyJob, "one") + "...\n---\n" + fmt.Sprintf(tinyJob, "two"), []string{"one", "two"}},
		{"--- with content on its line", "--- {metadata: {name: one}}\n--- {metadata: {name: two}}\n", []string{"one", "two"}},
		{"quoted scalar holding ---", "metadata:\n  name: q\n  annotations:\n    a: \"x\n---\n    y\"\n", []string{"error"}},
		{"single-quoted scalar holding ---", "metadata:\n  name: q\n  annotations:\n    a: 'it''s\n---\n    y'\n", []string{"error"}},
		{"block scalar holding --- indented", "metadata:\n  name: b\n  annotations:\n    a: |\n      ---\n      x\n", []string{"b"}},
		{"--- in a comment", "# ---\n" + fmt.Sprintf(tinyJob, "c"), []string{"c"}},
		{"---text is not a marker", "metadata:\n  name: t\n  annotations:\n    a: |\n      x\n---text\n", []string{"error"}},
	}
	for _, tc := range tests {
		var got []string
		for _, d := range job.DecodeAll([]byte(tc.in), job.DecodeOptions{}) {
			if d.Err != nil {
				got = append(got, "error")
			} else {
				got = append(got, d.Job.Name)
			}
		}
		if strings.Join(got, ",") != strings.Join(tc.want, ",") {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}
