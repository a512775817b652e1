package warnings

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestRecorder(t *testing.T) {
	long := strings.Repeat("é", 300)
	tests := []struct {
		name string
		in   []string
		want []string
	}{
		{"none", nil, nil},
		{"empty texts are dropped", []string{"", "a", ""}, []string{"a"}},
		{"identical ones once", []string{"a", "b", "a", "b", "c"}, []string{"a", "b", "c"}},
		{"a long one alone is kept whole", []string{long}, []string{long}},
		{"over the total, every one is cut", []string{long, strings.Repeat("x", 4000)}, []string{strings.Repeat("é", 256), strings.Repeat("x", 256)}},
	}
	for _, tc := range tests {
		if got := Of(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestRecorderTotal: a million distinct warnings come out as at most about 4096 runes, the
// API server's cap.
func TestRecorderTotal(t *testing.T) {
	var r Recorder
	for i := range 1_000_000 {
		r.Add(fmt.Sprintf("duplicate field \"metadata.labels.k%d\"", i))
	}
	runes := 0
	for _, w := range r.List() {
		runes += utf8.RuneCountInString(w)
	}
	if runes > MaxTotalRunes+MaxItemRunes {
		t.Fatalf("%d runes in %d warnings", runes, len(r.List()))
	}
	if len(r.seen) > 200 {
		t.Errorf("kept %d texts to check repeats, want the few taken", len(r.seen))
	}
}
