package yamljson

import (
	"bytes"
	"strings"
	"testing"

	sigsyaml "sigs.k8s.io/yaml"
)

// agree converts src both ways and fails t when Convert accepts a document that
// sigs.k8s.io/yaml rejects or converts differently. It reports whether Convert accepted it.
func agree(t testing.TB, src []byte) bool {
	t.Helper()
	got, ok := Convert(src)
	if !ok {
		return false
	}
	want, err := sigsyaml.YAMLToJSONStrict(src)
	if err != nil {
		t.Fatalf("Convert accepted a document that sigs.k8s.io/yaml rejects (%v):\n%s", err, src)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("Convert of\n%s\n got %s\nwant %s", src, got, want)
	}
	return true
}

func TestConvert(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		fast bool // Convert reads it; otherwise it declines
	}{
		{"a Job", "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\nspec:\n  template:\n    spec:\n      containers:\n      - name: pi\n        image: perl\n        command: [\"perl\", \"-wle\", \"print 1\"]\n      restartPolicy: Never\n", true},
		{"keys sorted", "b: 1\na: 2\nc: {z: 1, x: 2}\n", true},
		{"indented root", "  a: 1\n  b: 2\n", true},
		{"a document start line", "---\na: 1\n", true},
		{"a document start line with a comment", "--- # first\na: 1\n", true},
		{"a node on the document start line", "--- a: 1\n", false},
		{"no final newline", "a: b", true},
		{"comments everywhere", "# head\na: 1 # one\n# between\nb:   # none\n  - x # item\n  # inside\n  - 'y' # quoted\n", true},
		{"YAML 1.1 booleans", "a: yes\nb: No\nc: on\nd: OFF\ne: y\nf: n\ng: True\nh: truE\n", true},
		{"nulls", "a:\nb: ~\nc: null\nd: NULL\ne: Null\nf: nULL\n", true},
		{"integers", "a: 0\nb: -7\nc: +7\nd: 0x1F\ne: 0o17\nf: 017\ng: 1_000\nh: -0\ni: 0b101\nj: 123456789012345678901\n", true},
		{"a uint64", "a: 18446744073709551615\n", true},
		{"floats", "a: 1.5\nb: .5\nc: 1e3\nd: -2.50\ne: 1e-7\nf: 1e21\ng: 6.02E+23\nh: 1.\ni: 1e400\n", true},
		{"NaN", "a: .nan\n", false},
		{"infinity", "a: -.Inf\n", false},
		{"timestamps stay strings", "a: 2024-01-02\nb: 2024-1-2 10:04:05\nc: 2001-12-14T21:59:43.10-05:00\n", true},
		{"version-like strings", "a: 1.2.3\nb: 10Gi\nc: 500m\nd: v1\ne: 1-2\nf: 0x\ng: '0'\n", true},
		{"binary past int64", "a: 0b11111111111111111111111111111111111111111111111111111111111111111\n", false},
		{"plain scalars with indicators inside", "a: http://x:80/y?z=1#frag\nb: -c\nc: x-y: not\n", false},
		{"plain scalars with colons", "a: http://x:80/y?z=1#frag\nb: -c\nc: :x\nd: a,b[c]{d}\n", true},
		{"a comment needs a space", "a: b#c\n", true},
		{"quoted scalars", "a: 'it''s'\nb: \"tab\\there \\u00e9 \\x41 \\U0001F600\"\nc: \"\"\nd: ''\ne: \"<&>\"\n", true},
		{"an unknown escape", "a: \"\\/\"\n", false},
		{"a surrogate escape", "a: \"\\ud800\"\n", false},
		{"line separators escaped", "a: \"\\L\\P\\N\\_\"\n", true},
		{"control characters escaped", "a: \"\\0\\a\\b\\v\\f\\e\\r\"\n", true},
		{"quoted keys", "'a b': 1\n\"c\\td\": 2\n'x' : 3\n", true},
		{"a quoted scalar over lines", "a: \"one\n  two\"\n", false},
		{"a plain scalar over lines", "a: one\n  two\n", false},
		{"literal block", "a: |\n  line one\n    indented\n\n  line three\nb: 1\n", true},
		{"literal strip and keep", "a: |-\n  x\n\n\nb: |+\n  y\n\n\nc: 1\n", true},
		{"literal at the end", "a: |\n  x", true},
		{"literal with trailing blank lines at the end", "a: |+\n  x\n\n", true},
		{"empty literal", "a: |\nb: 1\n", true},
		{"folded block", "a: >\n  one\n  two\n\n  three\n    more\n  four\n", true},
		{"folded strip", "a: >-\n  one\n  two\n", true},
		{"indentation indicator", "a: |2\n    x\n   y\n", true},
		{"indicator zero", "a: |0\n  x\n", false},
		{"block with a comment header", "a: | # text\n  x\n", true},
		{"block lines with more spaces", "a: |\n  x\n     \n  y\n", true},
		{"block leading lines with more spaces", "a: |\n     \n  x\n", false},
		{"block with tabs inside", "a: |\n  x\n  \ty\t\n", true},
		{"block starting with a tab", "a: |\n  \tx\n", false},
		{"block with a tab in the indentation", "a: |\n \tx\n", false},
		{"block scalar in a sequence", "a:\n- |\n  x\n- >\n  y\n  z\n", true},
		{"block sequence at its key's column", "a:\n- 1\n- 2\nb:\n  - 3\n", true},
		{"nested sequences", "a:\n- - 1\n  - 2\n- - 3\n", true},
		{"compact mappings", "a:\n- name: x\n  image: y\n-   name: z\n    args: [1]\n", true},
		{"null entries", "a:\n-\n- # c\n-\n  b: 1\n", true},
		{"flow collections", "a: [1, 'two', \"three\", {four: 4}, [5], []]\nb: {}\nc: {x: , w}\nd: [a, ]\n", true},
		{"a flow collection over lines", "a: [\n  1,\n  2 # two\n]\nb: {x: 1,\n  z: 2}\n", true},
		{"a flow line not indented", "a: [\n1]\n", true},
		{"a flow collection closed at column 0", "a: {\nb: 1\n}\nc: 2\n", true},
		{"a flow plain scalar over lines", "a: [one\n  two]\n", false},
		{"a single-pair mapping in a flow sequence", "a: [b: c]\n", false},
		{"JSON-like flow", "a: {\"b\":1, \"c\":[true,false,null]}\n", true},
		{"duplicate keys", "a: 1\na: 2\n", false},
		{"duplicate keys quoted", "a: 1\n'a': 2\n", false},
		{"duplicate flow keys", "a: {b: 1, b: 2}\n", false},
		{"an anchor", "a: &x 1\nb: *x\n", false},
		{"a tag", "a: !!str 1\n", false},
		{"a merge key", "<<: {a: 1}\n", false},
		{"a quoted merge key", "'<<': 1\n", false},
		{"a complex key", "? a\n: 1\n", false},
		{"a directive", "%YAML 1.1\n---\na: 1\n", false},
		{"a document end", "a: 1\n...\n", false},
		{"a non-string key", "1: a\n", false},
		{"a boolean key", "yes: a\n", false},
		{"a boolean flow key", "a: {y: 1}\n", false},
		{"a null key", "~: a\n", false},
		{"an empty key", ": a\n", false},
		{"a tab indentation", "a:\n\tb: 1\n", false},
		{"a tab after a colon", "a:\tb\n", false},
		{"carriage returns", "a: 1\r\nb: 2\r\n", false},
		{"a byte order mark", "\ufeffa: 1\n", false},
		{"a next-line character", "a: x\u0085y\n", false},
		{"non-ASCII text", "a: héllo 世界\n# コメント\n", true},
		{"a root sequence", "- a\n- b\n", false},
		{"a root scalar", "a\n", false},
		{"empty", "", false},
		{"comments only", "# nothing\n", false},
		{"a mapping value on the key line", "a: b: c\n", false},
		{"a sequence on the key line", "a: - b\n", false},
		{"a key over-indented", "a: 1\n  b: 2\n", false},
		{"a key under-indented", "  a: 1\n b: 2\n", false},
		{"a sequence after a scalar value", "a: 1\n- b\n", false},
		{"a long key", strings.Repeat("k", 1100) + ": 1\n", false},
		{"deep flow", "a: " + strings.Repeat("[", 200) + strings.Repeat("]", 200) + "\n", false},
		{"an alias-like plain scalar", "a: b*c&d!e\n", true},
		{"dashes", "a: -\n", false},
		{"a dash scalar", "a: -x\nb: --\n", true},
		{"HTML escaped", "a: <b>&amp;</b>\n", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := agree(t, []byte(tt.yaml)); got != tt.fast {
				t.Errorf("Convert accepted it: %v, want %v", got, tt.fast)
			}
		})
	}
}

func TestConvertDoesNotModifyInput(t *testing.T) {
	src := []byte("a: 'it''s'\nb: \"\\t\"\nc: |\n  x\n")
	keep := bytes.Clone(src)
	if _, ok := Convert(src); !ok {
		t.Fatal("declined")
	}
	if !bytes.Equal(src, keep) {
		t.Fatalf("input changed to %q", src)
	}
}
