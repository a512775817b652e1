package indexes

import (
	"strconv"
	"strings"
	"testing"
)

// FuzzReadPart holds readPart and atoi to strconv.Atoi on text without separators.
func FuzzReadPart(f *testing.F) {
	for _, s := range []string{"0", "+7", "007", "", "+", "9223372036854775807", "9223372036854775808", "18446744073709551616", "1x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if strings.ContainsAny(s, ",-") {
			return
		}
		want, err := strconv.Atoi(s)
		got, ok, end := readPart(s, 0)
		if ok != (err == nil) || ok && got != want || end != len(s) {
			t.Fatalf("readPart(%q) = %d, %v, %d; Atoi = %d, %v", s, got, ok, end, want, err)
		}
		got, ok = atoi(s)
		if ok != (err == nil) || ok && got != want {
			t.Fatalf("atoi(%q) = %d, %v; Atoi = %d, %v", s, got, ok, want, err)
		}
		for _, tail := range []string{",", "-", ",12345678", "-9,"} {
			got, ok, end := readPart(s+tail, 0)
			if ok != (err == nil) || ok && got != want || end != len(s) {
				t.Fatalf("readPart(%q) = %d, %v, %d; Atoi(%q) = %d, %v", s+tail, got, ok, end, s, want, err)
			}
		}
	})
}
