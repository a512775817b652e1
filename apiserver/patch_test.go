package apiserver

import "testing"

func TestJSONPatch(t *testing.T) {
	tests := []struct{ name, from, to, want string }{
		{"equal", `{"a":1,"b":[1,2]}`, `{"b":[1,2],"a":1}`, ""},
		{"members added, removed, replaced, escaped",
			`{"a":1,"b":{"c":2,"gone":3},"x/y":1}`, `{"a":2,"b":{"c":2,"new~":4},"x/y":1}`,
			`[{"op":"replace","path":"/a","value":2},{"op":"remove","path":"/b/gone"},{"op":"add","path":"/b/new~0","value":4}]`},
		// A list replaced whole keeps its integers as written, even past 2^53, where a
		// float64 would round them.
		{"numbers exact",
			`{"spec":{"containers":[{"name":"a","securityContext":{"runAsUser":9007199254740993}}]}}`,
			`{"spec":{"containers":[{"name":"a","securityContext":{"runAsUser":9007199254740993},"imagePullPolicy":"Always"}]}}`,
			`[{"op":"replace","path":"/spec/containers","value":[{"imagePullPolicy":"Always","name":"a","securityContext":{"runAsUser":9007199254740993}}]}]`},
		{"null kept as a value", `{"a":1}`, `{"a":null}`, `[{"op":"replace","path":"/a","value":null}]`},
	}
	for _, tt := range tests {
		got, err := jsonPatch([]byte(tt.from), []byte(tt.to))
		if err != nil || string(got) != tt.want {
			t.Errorf("%s: %s, %v; want %s", tt.name, got, err, tt.want)
		}
	}
	if _, err := jsonPatch([]byte(`{`), []byte(`{}`)); err == nil {
		t.Error("malformed JSON patched")
	}
}
