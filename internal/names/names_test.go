package names

import (
	"github.com/jobkit/jobkit/internal/race"
	"strings"
	"testing"

	"k8s.io/apimachinery/pkg/api/validate/content"
	"k8s.io/apimachinery/pkg/api/validation"
)

var seeds = []string{
	"", "a", "A", "a-b", "-a", "a-", "a.b", "a..b", ".a", "a.", "my-name", "123-abc",
	"example.com/MyName", "/a", "a/", "a/b/c", "Example.com/a", "a_b", "a__b", "_a", "a.b_c-d",
	"0123456789012345678901234567890123456789012345678901234567890123",
	"012345678901234567890123456789012345678901234567890123456789012",
	"a\x00", "ä", "a b", "a-", "-", "ab.c-", "a.-", "A.b/C", "..", "a%b", "İ", "\u212a8s.io/a", "x/" + "012345678901234567890123456789012345678901234567890123456789012",
}

func FuzzAgreesWithApimachinery(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { agree(t, s) })
}

func TestAgreesWithApimachinery(t *testing.T) {
	for _, s := range seeds {
		agree(t, s)
	}
}

func agree(t *testing.T, s string) {
	t.Helper()
	checks := []struct {
		name string
		fast bool
		msgs []string
	}{
		{"IsDNS1123Label", IsDNS1123Label(s), content.IsDNS1123Label(s)},
		{"IsDNS1123Subdomain", IsDNS1123Subdomain(s), content.IsDNS1123Subdomain(s)},
		{"IsQualifiedName", IsQualifiedName(s), content.IsLabelKey(s)},
		{"IsLabelValue", IsLabelValue(s), content.IsLabelValue(s)},
		{"IsDNS1123SubdomainPrefix", IsDNS1123SubdomainPrefix(s), validation.NameIsDNSSubdomain(s, true)},
		{"IsQualifiedNameFold", IsQualifiedNameFold(s), content.IsLabelKey(strings.ToLower(s))},
		{"IsPathSegmentName", IsPathSegmentName(s), content.IsPathSegmentName(s)},
	}
	for _, c := range checks {
		if c.fast != (len(c.msgs) == 0) {
			t.Errorf("%s(%q) = %v, apimachinery says %q", c.name, s, c.fast, c.msgs)
		}
	}
}

func TestNoAllocations(t *testing.T) {
	if race.Enabled {
		t.Skip("the race detector changes allocation counts")
	}
	allocs := testing.AllocsPerRun(100, func() {
		_ = IsDNS1123Subdomain("pi.example.com") && IsQualifiedName("batch.kubernetes.io/job-name") &&
			IsLabelValue("pi") && IsDNS1123Label("pi-0")
	})
	if allocs != 0 {
		t.Fatalf("%v allocations, want 0", allocs)
	}
}
