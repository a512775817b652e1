package indexes_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jobkit/jobkit/indexes"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in          string
		completions int
		want        string // canonical form
		n           int
	}{
		{in: "", completions: 0, want: "", n: 0},
		{in: "1,3-5,7", completions: 10, want: "1,3-5,7", n: 5},
		{in: "1-2", completions: 10, want: "1,2", n: 2},
		{in: "1,2,3", completions: 10, want: "1-3", n: 3},
		{in: "+1", completions: 10, want: "1", n: 1},
		{in: "007", completions: 10, want: "7", n: 1},
		{in: "0-1,5", completions: 10, want: "0,1,5", n: 3},
		{in: "0-99999", completions: 100000, want: "0-99999", n: 100000},
		// Lists long enough for the scanner's eight-byte lane.
		{in: "1,2,3,4,5,6,7,8,9", completions: 10, want: "1-9", n: 9},
		{in: "0000007,8,10,12", completions: 13, want: "7,8,10,12", n: 4},
		{in: "9,10,100,1000,10000,100000,1000000,10000000,12345678", completions: 1e8,
			want: "9,10,100,1000,10000,100000,1000000,10000000,12345678", n: 9},
		{in: "1,3-5,7,9,11,13", completions: 14, want: "1,3-5,7,9,11,13", n: 8},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			set, err := indexes.Parse(tt.in, tt.completions)
			if err != nil {
				t.Fatal(err)
			}
			if set.String() != tt.want || set.Len() != tt.n {
				t.Fatalf("Parse = %q (%d indexes), want %q (%d)", set.String(), set.Len(), tt.want, tt.n)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		in          string
		completions int
		kind        indexes.ParseErrorKind
		offset      int
		msg         string
		reason      string
	}{
		{"1,3-2", 10, indexes.NotIncreasing, 2, "interval 3-2 is not increasing at offset 2", "non-increasing order, previous: 3, current: 2"},
		{"3-3", 10, indexes.NotIncreasing, 0, "interval 3-3 is not increasing at offset 0", "non-increasing order, previous: 3, current: 3"},
		{"1,1", 10, indexes.NotAfterPrevious, 2, "index 1 does not come after the previous index 1 at offset 2", "non-increasing order, previous: 1, current: 1"},
		{"1-3,2", 10, indexes.NotAfterPrevious, 4, "index 2 does not come after the previous index 3 at offset 4", "non-increasing order, previous: 3, current: 2"},
		{"1-2-3", 10, indexes.TooManyParts, 0, `fragment "1-2-3" has more than two parts at offset 0`, `the fragment "1-2-3" violates the requirement that an index interval can have at most two parts separated by '-'`},
		{"1--2", 10, indexes.TooManyParts, 0, `fragment "1--2" has more than two parts at offset 0`, `the fragment "1--2" violates the requirement that an index interval can have at most two parts separated by '-'`},
		{"a", 10, indexes.NotAnIndex, 0, `"a" is not an index at offset 0`, `cannot convert string to integer for index: "a"`},
		{" 1", 10, indexes.NotAnIndex, 0, `" 1" is not an index at offset 0`, `cannot convert string to integer for index: " 1"`},
		{"1,", 10, indexes.NotAnIndex, 2, `"" is not an index at offset 2`, `cannot convert string to integer for index: ""`},
		{"1,,2", 10, indexes.NotAnIndex, 2, `"" is not an index at offset 2`, `cannot convert string to integer for index: ""`},
		{"-1", 10, indexes.NotAnIndex, 0, `"" is not an index at offset 0`, `cannot convert string to integer for index: ""`},
		{"1-x", 10, indexes.NotAnIndex, 2, `"x" is not an index at offset 2`, `cannot convert string to integer for index: "x"`},
		{"1-4", 4, indexes.TooLarge, 2, `index "4" is not below completions (4) at offset 2`, `too large index: "4"`},
		{"3", 0, indexes.TooLarge, 0, `index "3" is not below completions (0) at offset 0`, `too large index: "3"`},
		{"1,2,3,4,5,6,7,8,9,10", 10, indexes.TooLarge, 18, `index "10" is not below completions (10) at offset 18`, `too large index: "10"`},
		{"12,3,4,5,6,7,8", 20, indexes.NotAfterPrevious, 3, "index 3 does not come after the previous index 12 at offset 3", "non-increasing order, previous: 12, current: 3"},
		{"5,6,6,7,8,9,10", 20, indexes.NotAfterPrevious, 4, "index 6 does not come after the previous index 6 at offset 4", "non-increasing order, previous: 6, current: 6"},
		{"99999999999999999999", 10, indexes.NotAnIndex, 0, `"99999999999999999999" is not an index at offset 0`, `cannot convert string to integer for index: "99999999999999999999"`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			_, err := indexes.Parse(tt.in, tt.completions)
			var pe *indexes.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v, want a *ParseError", err)
			}
			if pe.Kind != tt.kind || pe.Offset != tt.offset || pe.Error() != tt.msg || pe.Reason() != tt.reason {
				t.Fatalf("got kind %d offset %d %q / %q\nwant kind %d offset %d %q / %q",
					pe.Kind, pe.Offset, pe.Error(), pe.Reason(), tt.kind, tt.offset, tt.msg, tt.reason)
			}
			if _, verr := indexes.Validate(tt.in, tt.completions); verr == nil || verr.Error() != err.Error() {
				t.Fatalf("Validate = %v, Parse = %v", verr, err)
			}
		})
	}
}

func TestParseTolerant(t *testing.T) {
	tests := []struct {
		in        string
		intervals string // the controller's own rendering
		total     int
		canonical string
	}{
		{"1,3-5,7", "1,3-5,7", 5, "1,3-5,7"},
		{"1-2", "1,2", 2, "1,2"},
		{"0,1,2", "0-2", 3, "0-2"},
		{"+1,02", "1,2", 2, "1,2"},
		{"a,2,b-3,4-x,5", "2,5", 2, "2,5"},
		{"-1,2", "2", 1, "2"},
		{"0-100", "0-9", 10, "0-9"},
		{"9,10,11", "9", 1, "9"},
		{"3-9,12", "3-9", 7, "3-9"},
		{"1,,2", "1,2", 2, "1,2"},
		{"3,1", "3,1", 2, "1,3"},
		{"1,1", "1,1", 2, "1"},
		{"1-3,2-6", "1-3,2-6", 8, "1-6"},
		{"5-2", "5", -2, ""},
		{"1-2-3", "1,2", 2, "1,2"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			iv := indexes.ParseIntervals(tt.in, 10)
			if iv.String() != tt.intervals || iv.Total() != tt.total {
				t.Fatalf("ParseIntervals = %q (total %d), want %q (%d)", iv.String(), iv.Total(), tt.intervals, tt.total)
			}
			if got := indexes.ParseTolerant(tt.in, 10).String(); got != tt.canonical {
				t.Fatalf("ParseTolerant = %q, want %q", got, tt.canonical)
			}
		})
	}
}

func TestOverlap(t *testing.T) {
	tests := []struct {
		completed, failed string
		index             int
		found             bool
	}{
		{"0-2", "2,3", 2, true},
		{"0-2", "3,4", -1, false},
		{"", "1", -1, false},
		{"1,5-7", "0,6", 6, true},
		{"x,1", "1", 1, true},   // a fragment that does not read is skipped
		{"5-2,4", "4", 4, true}, // and so is a reversed one
	}
	for _, tt := range tests {
		ix, found := indexes.Overlap(tt.completed, tt.failed, 10)
		if ix != tt.index || found != tt.found {
			t.Errorf("Overlap(%q, %q) = %d, %v; want %d, %v", tt.completed, tt.failed, ix, found, tt.index, tt.found)
		}
	}
}

func TestMarshalText(t *testing.T) {
	var s indexes.Set
	if err := s.UnmarshalText([]byte("2,4-6")); err != nil {
		t.Fatal(err)
	}
	b, _ := s.MarshalText()
	if string(b) != "2,4-6" {
		t.Fatalf("MarshalText = %s", b)
	}
	if err := s.UnmarshalText([]byte("2,1")); err == nil {
		t.Fatal("UnmarshalText accepted a list out of order")
	}
	if diff := cmp.Diff("indexes.MustParse(\"2,4-6\")", indexes.MustParse("2,4-6").GoString()); diff != "" {
		t.Fatal(diff)
	}
}

func TestHostileInput(t *testing.T) {
	huge := make([]byte, 1<<20)
	for i := range huge {
		huge[i] = "0123456789,-"[i%12]
	}
	if _, err := indexes.Parse(string(huge), 1<<30); err == nil {
		t.Fatal("a 1 MiB jumble parsed")
	}
	indexes.ParseTolerant(string(huge), 1<<30)
	indexes.Overlap(string(huge), string(huge), 1<<30)
	if _, err := indexes.Parse("9223372036854775807", 10); err == nil {
		t.Fatal("MaxInt64 below completions 10")
	}
	if _, err := indexes.Parse("9223372036854775808", 1<<62); err == nil {
		t.Fatal("an index past MaxInt64 parsed")
	}
}
