package generate

import (
	"encoding/json"
	"slices"
	"testing"
)

// reached collects the member paths present in a JSON value, as Members writes them.
func reached(v any, prefix string, into map[string]bool) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			p := prefix + k
			if arr, ok := x.([]any); ok {
				p += "[]"
				into[p] = true
				for _, e := range arr {
					reached(e, p+".", into)
				}
				continue
			}
			into[p] = true
			reached(x, p+".", into)
		}
	}
}

// TestEveryPodSpecMemberReached checks that the generated cases set every member of core/v1
// PodSpec in some pod template, and lists those they do not.
func TestEveryPodSpecMemberReached(t *testing.T) {
	in := Generate(Seed)
	got := map[string]bool{}
	for _, c := range in.Validate {
		var obj struct {
			Spec struct {
				Template struct {
					Spec map[string]any `json:"spec"`
				} `json:"template"`
			} `json:"spec"`
		}
		if err := json.Unmarshal(c.Object, &obj); err != nil {
			t.Fatal(err)
		}
		reached(obj.Spec.Template.Spec, "", got)
	}
	var missing []string
	for _, m := range podSpecMembers() {
		if !got[m] {
			missing = append(missing, m)
		}
	}
	slices.Sort(missing)
	if len(missing) > 0 {
		t.Fatalf("%d of %d PodSpec members are in no generated case:\n%v", len(missing), len(podSpecMembers()), missing)
	}
	t.Logf("all %d PodSpec members are reached", len(podSpecMembers()))
}
