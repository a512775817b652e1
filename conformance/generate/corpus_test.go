package generate

import (
	"slices"
	"testing"
)

// TestGenerate checks that generation is deterministic by seed, that ids are unique, and that
// the corpus is as large as promised.
func TestGenerate(t *testing.T) {
	a, b := Generate(Seed), Generate(Seed)
	total := len(a.Validate) + len(a.Match) + len(a.Indexes) + len(a.Sync)
	if total < 20000 {
		t.Errorf("%d cases, want at least 20000", total)
	}
	if string(marshal(a)) != string(marshal(b)) {
		t.Error("two generations with one seed differ")
	}
	var ids []string
	for _, c := range a.Validate {
		ids = append(ids, c.ID)
	}
	for _, c := range a.Match {
		ids = append(ids, c.ID)
	}
	for _, c := range a.Indexes {
		ids = append(ids, c.ID)
	}
	for _, c := range a.Sync {
		ids = append(ids, c.ID)
	}
	slices.Sort(ids)
	for i := 1; i < len(ids); i++ {
		if ids[i] == ids[i-1] {
			t.Errorf("duplicate id %s", ids[i])
		}
	}
	t.Logf("validate %d, match %d, indexes %d, sync %d, cronjob %d", len(a.Validate), len(a.Match), len(a.Indexes), len(a.Sync), len(a.CronJob))
}
