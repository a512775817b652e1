package indexes

import (
	"math"
	"strconv"
	"testing"
)

// TestDigitLanes checks, for every value a lane can hold, the multiply-and-shift divisions
// digits8 relies on.
func TestDigitLanes(t *testing.T) {
	for x := uint64(0); x < 10000; x++ {
		if got := x * 5243 >> 19; got != x/100 {
			t.Fatalf("%d*5243>>19 = %d, want %d", x, got, x/100)
		}
	}
	for x := uint64(0); x < 100; x++ {
		if got := x * 103 >> 10; got != x/10 {
			t.Fatalf("%d*103>>10 = %d, want %d", x, got, x/10)
		}
	}
}

func TestPutInt(t *testing.T) {
	values := []int{0, 7, 9, 10, 99, 100, 12345, 99999, 100000, 1234567, 9999999, 10000000, 99999999, 1e8, 1e9 + 7, -1, -123456789, 1<<63 - 1, -1 << 63}
	for v := 0; v < 100000; v += 7 {
		values = append(values, v)
	}
	for _, v := range values {
		buf := make([]byte, 40)
		end := putInt(buf, 3, v)
		if got, want := string(buf[3:end]), strconv.Itoa(v); got != want {
			t.Fatalf("putInt(%d) wrote %q", v, got)
		}
	}
}

// FuzzPutInt compares putInt with strconv for any value.
func FuzzPutInt(f *testing.F) {
	f.Add(0)
	f.Add(99999999)
	f.Fuzz(func(t *testing.T, v int) {
		buf := make([]byte, 28)
		if got, want := string(buf[:putInt(buf, 0, v)]), strconv.Itoa(v); got != want {
			t.Fatalf("putInt(%d) wrote %q", v, got)
		}
	})
}

// TestStringOfHugeSets covers sets of the largest indexes, including one whose size does
// not fit in an int.
func TestStringOfHugeSets(t *testing.T) {
	all := MustParse("0-9223372036854775806").Union(FromSlice([]int{math.MaxInt}))
	tests := []struct {
		set  Set
		want string
	}{
		{MustParse("0-9223372036854775806"), "0-9223372036854775806"},
		{MustParse("0,2-9223372036854775806"), "0,2-9223372036854775806"},
		{MustParse("5,9223372036854775806"), "5,9223372036854775806"},
		{all, "0-9223372036854775807"},
	}
	for _, tt := range tests {
		if got := tt.set.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
}

// TestDecimalLen checks the digit count on both sides of every power of ten an int holds.
func TestDecimalLen(t *testing.T) {
	for p := 1; p <= math.MaxInt/10; p *= 10 {
		for _, v := range []int{p - 1, p, p + 1, 10*p - 1} {
			if got, want := decimalLen(v), len(strconv.Itoa(v)); got != want {
				t.Errorf("decimalLen(%d) = %d, want %d", v, got, want)
			}
		}
	}
	if got := decimalLen(math.MaxInt); got != 19 {
		t.Errorf("decimalLen(MaxInt) = %d, want 19", got)
	}
}
