package quantity

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"k8s.io/apimachinery/pkg/api/resource"
)

// TestParseAgreesWithApimachinery compares Parse with resource.ParseQuantity on every kind of
// quantity, exponents included as far as apimachinery answers quickly.
func TestParseAgreesWithApimachinery(t *testing.T) {
	inputs := []string{"1", "100m", "1.5Gi", "1e3", "1E3", "1e-3", "1e+3", "-1e-9", "1e-10", "0e-500",
		"1E", "1Ei", "1e", "1e-", "e-5", ".", "+.5e-1", "12.34e-2000", "-7e-1500", "3e2000", "bogus", "", " 1"}
	for _, m := range []string{"1", "9", "0.001", "123456789", "-5", "0", "1.", ".1"} {
		for _, e := range []int{1, 9, 10, 11, 20, 21, 22, 23, 24, 25, 30, 100, 1000, 2999} {
			inputs = append(inputs, fmt.Sprintf("%se-%d", m, e), fmt.Sprintf("%sE-%d", m, e), fmt.Sprintf("%se-0%d", m, e))
		}
	}
	for _, s := range inputs {
		want, wantErr := resource.ParseQuantity(s)
		got, err := Parse(s)
		if (err != nil) != (wantErr != nil) || err == nil && (got.Cmp(want) != 0 || got.String() != want.String()) {
			t.Errorf("Parse(%q) = %v, %v; ParseQuantity: %v, %v", s, got.String(), err, want.String(), wantErr)
		}
		var wq, gq resource.Quantity
		raw := []byte(`"` + s + `"`)
		wantErr, err = wq.UnmarshalJSON(raw), UnmarshalJSON(raw, &gq)
		if (err != nil) != (wantErr != nil) || err == nil && gq.String() != wq.String() {
			t.Errorf("UnmarshalJSON(%s) = %v, %v; apimachinery: %v, %v", raw, gq.String(), err, wq.String(), wantErr)
		}
	}
}

// TestHugeExponent: exponents apimachinery takes seconds to minutes to round are read at
// once (as it would round them) or rejected.
func TestHugeExponent(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string
		err  error
	}{
		{"1e-999999", "1e-9", nil},
		{"0e-999999", "0", nil},
		{"-3e-999999", "-1e-9", nil},
		{"1e-9999999", "", ErrExponent},
		{"1e-999999999", "", ErrExponent},
		{"1e999999999999", "", ErrExponent},
		{"1e-0000000000000000001", "100e-3", nil},
	} {
		got, err := Parse(tc.in)
		if !errors.Is(err, tc.err) || err == nil && got.String() != tc.want {
			t.Errorf("Parse(%q) = %q, %v; want %q, %v", tc.in, got.String(), err, tc.want, tc.err)
		}
	}
	var q resource.Quantity
	if err := UnmarshalJSON([]byte(`1e-999999999`), &q); !errors.Is(err, ErrExponent) {
		t.Errorf("UnmarshalJSON of a number: %v, want ErrExponent", err)
	}
	if err := UnmarshalJSON([]byte(`null`), &q); err != nil || !q.IsZero() {
		t.Errorf("UnmarshalJSON(null) = %v, %v", q.String(), err)
	}
}

// FuzzParse: Parse agrees with resource.ParseQuantity wherever that answers quickly, and
// returns at once everywhere.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"1", "100m", "1e-3", "1e-999999999", "-5e-40", "1.5Gi", "1E", "+.5e-9", "0e-0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := Parse(s)
		if i := strings.IndexAny(s, "eE"); i >= 0 && len(s)-i > 5 {
			return // an exponent of more than four digits: apimachinery may take long
		}
		want, wantErr := resource.ParseQuantity(s)
		if (err != nil) != (wantErr != nil) || err == nil && (got.Cmp(want) != 0 || got.String() != want.String()) {
			t.Fatalf("Parse(%q) = %v, %v; ParseQuantity: %v, %v", s, got.String(), err, want.String(), wantErr)
		}
	})
}
