package apiserver

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
)

// patchOp is one RFC 6902 JSON Patch operation.
type patchOp struct {
	Op    string
	Path  string
	Value any
}

// MarshalJSON writes the operation; only remove has no value (a null value is kept).
func (o patchOp) MarshalJSON() ([]byte, error) {
	if o.Op == "remove" {
		return json.Marshal(struct {
			Op   string `json:"op"`
			Path string `json:"path"`
		}{o.Op, o.Path})
	}
	return json.Marshal(struct {
		Op    string `json:"op"`
		Path  string `json:"path"`
		Value any    `json:"value"`
	}{o.Op, o.Path, o.Value})
}

// jsonPatch returns the RFC 6902 patch that turns the JSON document from into to, nil when
// they are equal: members are added, removed or replaced one by one, lists that differ are
// replaced whole. Numbers are kept as written, so integers beyond 2^53 are patched exactly.
func jsonPatch(from, to []byte) ([]byte, error) {
	a, err := decodeExact(from)
	if err != nil {
		return nil, err
	}
	b, err := decodeExact(to)
	if err != nil {
		return nil, err
	}
	ops := diff(nil, "", a, b)
	if len(ops) == 0 {
		return nil, nil
	}
	return json.Marshal(ops)
}

// decodeExact reads JSON with numbers as json.Number, their text, rather than float64.
func decodeExact(data []byte) (any, error) {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, err
	}
	return v, nil
}

func diff(ops []patchOp, path string, a, b any) []patchOp {
	am, aObj := a.(map[string]any)
	bm, bObj := b.(map[string]any)
	if !aObj || !bObj {
		if !reflect.DeepEqual(a, b) {
			ops = append(ops, patchOp{Op: "replace", Path: path, Value: b})
		}
		return ops
	}
	for _, k := range sortedKeys(am) {
		if _, ok := bm[k]; !ok {
			ops = append(ops, patchOp{Op: "remove", Path: path + "/" + escape(k)})
		}
	}
	for _, k := range sortedKeys(bm) {
		if av, ok := am[k]; ok {
			ops = diff(ops, path+"/"+escape(k), av, bm[k])
		} else {
			ops = append(ops, patchOp{Op: "add", Path: path + "/" + escape(k), Value: bm[k]})
		}
	}
	return ops
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// escape encodes a member name as a JSON Pointer reference token.
func escape(name string) string {
	return strings.ReplaceAll(strings.ReplaceAll(name, "~", "~0"), "/", "~1")
}
