package oracle

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// diffValidate describes how two answers to one validation case differ, or returns "".
// Texts that the case format calls informative are compared too, except the wording of
// request errors, which the case format leaves to the judge.
func diffValidate(want, got ValidateExpect) string {
	var d []string
	if (want.RequestError == "") != (got.RequestError == "") {
		d = append(d, fmt.Sprintf("requestError %q, want %q", got.RequestError, want.RequestError))
	}
	if (want.Panic == "") != (got.Panic == "") {
		d = append(d, fmt.Sprintf("panic %q, want %q", got.Panic, want.Panic))
	}
	if !reflect.DeepEqual(want.Errors, got.Errors) {
		d = append(d, fmt.Sprintf("errors\n   got %s\n  want %s", js(got.Errors), js(want.Errors)))
	}
	if !sameJSON(want.Defaulted, got.Defaulted) {
		d = append(d, fmt.Sprintf("defaulted\n   got %s\n  want %s", got.Defaulted, want.Defaulted))
	}
	if !sameJSON(want.Prepared, got.Prepared) {
		d = append(d, fmt.Sprintf("prepared\n   got %s\n  want %s", got.Prepared, want.Prepared))
	}
	if !slices.Equal(want.Warnings, got.Warnings) {
		d = append(d, fmt.Sprintf("warnings %q, want %q", got.Warnings, want.Warnings))
	}
	if !slices.Equal(want.DecodeWarnings, got.DecodeWarnings) {
		d = append(d, fmt.Sprintf("decodeWarnings %q, want %q", got.DecodeWarnings, want.DecodeWarnings))
	}
	return strings.Join(d, "; ")
}

func js(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// sameJSON reports whether two JSON texts hold the same value (both empty counts as same).
func sameJSON(a, b json.RawMessage) bool {
	if len(bytes.TrimSpace(a)) == 0 || len(bytes.TrimSpace(b)) == 0 {
		return len(bytes.TrimSpace(a)) == len(bytes.TrimSpace(b))
	}
	var x, y any
	if json.Unmarshal(a, &x) != nil || json.Unmarshal(b, &y) != nil {
		return bytes.Equal(a, b)
	}
	return reflect.DeepEqual(x, y)
}

// diffSync describes how two answers to one sync case differ, or returns "".
func diffSync(want, got SyncExpect) string {
	var d []string
	if !sameJSON(want.Status, got.Status) {
		d = append(d, fmt.Sprintf("status\n   got %s\n  want %s", got.Status, want.Status))
	}
	want.Status, got.Status = nil, nil
	if (want.Error == "") != (got.Error == "") {
		d = append(d, fmt.Sprintf("error %q, want %q", got.Error, want.Error))
	}
	want.Error, got.Error = "", ""
	if g, w := js(got), js(want); g != w && !sameJSON(json.RawMessage(g), json.RawMessage(w)) {
		d = append(d, fmt.Sprintf("\n   got %s\n  want %s", g, w))
	}
	return strings.Join(d, "; ")
}
