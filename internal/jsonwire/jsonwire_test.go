package jsonwire

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func decodeAny(data []byte) (any, []Issue, error) {
	d := NewDecoder(data)
	v := d.value()
	d.Finish()
	return v, d.Issues(), d.Err()
}

func TestDecoderAgreesWithEncodingJSON(t *testing.T) {
	tests := []string{
		`{}`, `[]`, `null`, `true`, `-0`, `1.5e3`, `"a\u00e9\ud83d\ude00"`, `"\ud800x"`,
		`{"a":[1,2,{"b":null}],"c":"d"}`, ` { "a" : 1 } `, "\"\xff\"",
		`{"a":1,}`, `[1,]`, `{,}`, `01`, `1.`, `.5`, `-`, `"\x"`, "\"a\nb\"", `{"a" 1}`,
		`[1 2]`, `{"a":1}x`, ``, `   `, `nul`, `[`, `{"a":`, `"\u12"`, `1e`, `{"a":1 "b":2}`,
	}
	for _, in := range tests {
		t.Run(in, func(t *testing.T) { checkAgainstStdlib(t, []byte(in)) })
	}
}

func checkAgainstStdlib(t *testing.T, data []byte) {
	t.Helper()
	got, _, err := decodeAny(data)
	if valid := json.Valid(data); (err == nil) != valid {
		t.Fatalf("validity mismatch for %q: jsonwire error %v, encoding/json valid %v", data, err, valid)
	}
	var want any
	if err == nil && json.Unmarshal(data, &want) == nil {
		if diff := cmp.Diff(want, toFloats(got)); diff != "" {
			t.Fatalf("value mismatch for %q (-encoding/json +jsonwire):\n%s", data, diff)
		}
	}
}

func FuzzDecoder(f *testing.F) {
	for _, s := range []string{`{"a":[1,"x",{"b":null}]}`, `"\ud83d\ude00"`, `-1.5e-3`, `[[[]]]`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { checkAgainstStdlib(t, data) })
}

func TestIssues(t *testing.T) {
	d := NewDecoder([]byte(`{"spec":{"a":1,"a":2,"list":[{"x":1,"x":2}]},"spec":{}}`))
	for d.Object(); d.Member(); {
		if string(d.Key()) != "spec" {
			t.Fatalf("key %q", d.Key())
		}
		for d.Object(); d.Member(); {
			if string(d.Key()) == "a" {
				var extra map[string]json.RawMessage
				d.Keep(&extra, (*Decoder).SkipUnknown)
				continue
			}
			d.Skip()
		}
	}
	d.Finish()
	if err := d.Err(); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, i := range d.Issues() {
		got = append(got, i.String())
	}
	want := []string{
		`unknown field "spec.a"`,
		`duplicate field "spec.a"`,
		`unknown field "spec.a"`,
		`duplicate field "spec.list[0].x"`,
		`duplicate field "spec"`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("issues (-want +got):\n%s", diff)
	}
}

func TestManyKeysDuplicate(t *testing.T) {
	var b strings.Builder
	b.WriteString("{")
	for i := range 100 {
		b.WriteString(`"k` + strings.Repeat("x", i) + `":1,`)
	}
	b.WriteString(`"kxx":2}`)
	_, issues, err := decodeAny([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if len(issues) != 1 || issues[0].Path != "kxx" || issues[0].Kind != Duplicate {
		t.Fatalf("issues = %v", issues)
	}
}

func TestTypedReaders(t *testing.T) {
	tests := []struct {
		in      string
		want    int32
		wantErr string
	}{
		{in: `{"v":7}`, want: 7},
		{in: `{"v":-2147483648}`, want: -2147483648},
		{in: `{"v":2147483648}`, wantErr: "v: expected int32, found number 2147483648"},
		{in: `{"v":1.5}`, wantErr: "v: expected int32, found number 1.5"},
		{in: `{"v":2.0}`, wantErr: "v: expected int32, found number 2.0"},
		{in: `{"v":"2"}`, wantErr: `v: expected int32, found string "2"`},
		{in: `{"v":null}`, want: 0},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d := NewDecoder([]byte(tt.in))
			var got int32
			for d.Object(); d.Member(); {
				d.Int32(&got)
			}
			d.Finish()
			err := d.Err()
			if tt.wantErr != "" {
				var te *TypeErrors
				if !errors.As(err, &te) || err.Error() != tt.wantErr {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("got %d, %v; want %d", got, err, tt.want)
			}
		})
	}
}

func TestSyntaxErrorPosition(t *testing.T) {
	d := NewDecoder([]byte("{\n  \"a\": tru\n}"))
	d.value()
	var se *SyntaxError
	if !errors.As(d.Err(), &se) || se.Line != 2 || se.Column != 8 {
		t.Fatalf("err = %#v", d.Err())
	}
}

func TestMaxDepth(t *testing.T) {
	deep := strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1)
	if _, _, err := decodeAny([]byte(deep)); err == nil || !strings.Contains(err.Error(), "max depth") {
		t.Fatalf("err = %v", err)
	}
	ok := strings.Repeat("[", MaxDepth) + strings.Repeat("]", MaxDepth)
	if _, _, err := decodeAny([]byte(ok)); err != nil {
		t.Fatalf("err = %v", err)
	}
}

func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"plain", "quote\"back\\slash", "<&>", "\x00\x1f", "\xff\xfe", "\u2028", "é😀"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		enc := AppendString(nil, s)
		var back string
		if err := json.Unmarshal(enc, &back); err != nil {
			t.Fatalf("AppendString(%q) = %s: not JSON: %v", s, enc, err)
		}
		want := strings.ToValidUTF8(s, "\ufffd")
		if utf8.ValidString(s) {
			want = s
		}
		std, _ := json.Marshal(s)
		var stdBack string
		_ = json.Unmarshal(std, &stdBack)
		if back != stdBack {
			t.Fatalf("AppendString(%q) reads back %q, encoding/json %q (want %q)", s, back, stdBack, want)
		}
	})
}

func TestEncoder(t *testing.T) {
	e := NewEncoder(nil)
	e.BeginObject()
	e.OptString("a", "x")
	e.OptString("empty", "")
	e.OptInt32Ptr("n", new(int32(3)))
	e.Key("list")
	e.Strings([]string{"p", "q"})
	e.Key("nil")
	e.Strings(nil)
	e.Extra(map[string]json.RawMessage{"z": json.RawMessage(`{"k":1}`), "a": json.RawMessage(`"dup"`)})
	e.EndObject()
	want := `{"a":"x","n":3,"list":["p","q"],"nil":null,"z":{"k":1}}`
	if got := string(e.Bytes()); got != want {
		t.Fatalf("got %s, want %s", got, want)
	}
}

// toFloats turns Numbers into float64, as encoding/json decodes them into any.
func toFloats(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			v[k] = toFloats(x)
		}
	case []any:
		for i, x := range v {
			v[i] = toFloats(x)
		}
	case Number:
		f, _ := strconv.ParseFloat(string(v), 64)
		return f
	}
	return v
}

func TestValuesEqual(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{`{"a":1}`, `{ "a" : 1.0 }`, true},
		{`{"a":null,"b":[]}`, `{}`, true},
		{`{"a":{}}`, `{}`, false},
		{`{"a":false}`, `{}`, false},
		{`[1,2]`, `[2,1]`, false},
		{`{"x":{"y":[1,{"z":null}]}}`, `{"x":{"y":[1,{}]}}`, true},
		{`"1"`, `1`, false},
	}
	for _, tt := range tests {
		va, err := Value([]byte(tt.a))
		if err != nil {
			t.Fatal(err)
		}
		vb, err := Value([]byte(tt.b))
		if err != nil {
			t.Fatal(err)
		}
		if got := ValuesEqual(va, vb); got != tt.want {
			t.Errorf("ValuesEqual(%s, %s) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
