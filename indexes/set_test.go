package indexes_test

import (
	"maps"
	"slices"
	"testing"

	"github.com/jobkit/jobkit/indexes"
)

func TestSetAlgebra(t *testing.T) {
	a := indexes.MustParse("1,3-5,7,10-20")
	b := indexes.MustParse("0-3,6,8,12,15-25")
	tests := []struct {
		name string
		got  indexes.Set
		want string
	}{
		{"union", a.Union(b), "0-8,10-25"},
		{"intersect", a.Intersect(b), "1,3,12,15-20"},
		{"difference", a.Difference(b), "4,5,7,10,11,13,14"},
		{"reverse difference", b.Difference(a), "0,2,6,8,21-25"},
		{"add", a.Add(2, 6, 6, -1), "1-7,10-20"},
		{"below", a.Below(12), "1,3-5,7,10,11"},
		{"below nothing", a.Below(0), ""},
		{"from slice", indexes.FromSlice([]int{5, 3, 4, 9, 9, -2}), "3-5,9"},
	}
	for _, tt := range tests {
		if got := tt.got.String(); got != tt.want {
			t.Errorf("%s = %q, want %q", tt.name, got, tt.want)
		}
	}
	if n := a.IntersectLen(b); n != 9 {
		t.Errorf("IntersectLen = %d, want 9", n)
	}
	if first, ok := a.Overlaps(b); !ok || first != 1 {
		t.Errorf("Overlaps = %d, %v", first, ok)
	}
	if _, ok := indexes.MustParse("1,3").Overlaps(indexes.MustParse("2,4")); ok {
		t.Error("Overlaps of disjoint sets")
	}
	if !a.Has(15) || a.Has(8) || a.Has(-1) || a.Has(21) {
		t.Error("Has")
	}
	if a.Min() != 1 || a.Max() != 20 || (indexes.Set{}).Min() != -1 || !(indexes.Set{}).IsEmpty() {
		t.Error("Min/Max/IsEmpty")
	}
	if !a.Equal(indexes.MustParse("1,3,4,5,7,10-20")) || a.Equal(b) {
		t.Error("Equal")
	}
	if got := slices.Collect(indexes.MustParse("2,5-7").All()); !slices.Equal(got, []int{2, 5, 6, 7}) {
		t.Errorf("All = %v", got)
	}
}

// model is a map-based set to check the interval algebra against.
type model map[int]bool

func toModel(s indexes.Set) model {
	m := model{}
	for i := range s.All() {
		m[i] = true
	}
	return m
}

func (m model) set() indexes.Set { return indexes.FromSlice(slices.Collect(maps.Keys(m))) }

// FuzzAlgebra builds two sets from bytes and checks every operation against the map model.
func FuzzAlgebra(f *testing.F) {
	f.Add([]byte{1, 2, 3, 10}, []byte{3, 4, 200})
	f.Add([]byte{}, []byte{0})
	f.Fuzz(func(t *testing.T, x, y []byte) {
		ma, mb := model{}, model{}
		for _, v := range x {
			ma[int(v)] = true
		}
		for _, v := range y {
			mb[int(v)] = true
		}
		a, b := ma.set(), mb.set()
		union, inter, diff := model{}, model{}, model{}
		for i := range ma {
			union[i] = true
			if mb[i] {
				inter[i] = true
			} else {
				diff[i] = true
			}
		}
		for i := range mb {
			union[i] = true
		}
		check := func(name string, got indexes.Set, want model) {
			if !maps.Equal(toModel(got), want) || got.Len() != len(want) || !got.Equal(want.set()) {
				t.Fatalf("%s(%v, %v) = %v, want %v", name, a, b, got, want.set())
			}
			if again, err := indexes.Parse(got.String(), 256); err != nil || !again.Equal(got) {
				t.Fatalf("%s: %q does not parse back: %v", name, got.String(), err)
			}
		}
		check("Union", a.Union(b), union)
		check("Intersect", a.Intersect(b), inter)
		check("Difference", a.Difference(b), diff)
		if a.IntersectLen(b) != len(inter) {
			t.Fatalf("IntersectLen = %d, want %d", a.IntersectLen(b), len(inter))
		}
		first, ok := a.Overlaps(b)
		if ok != (len(inter) > 0) || ok && first != slices.Min(slices.Collect(maps.Keys(inter))) {
			t.Fatalf("Overlaps = %d, %v; intersection %v", first, ok, inter)
		}
		for i := -1; i < 257; i++ {
			if a.Has(i) != ma[i] {
				t.Fatalf("Has(%d) = %v", i, a.Has(i))
			}
		}
	})
}

// FuzzParseRoundTrip: what Parse accepts prints canonically and parses back to itself, and
// the controller's reader reads it the same; Validate agrees with Parse; ParseTolerant is
// the controller's reader made canonical, on any input; the tolerant readers never fail.
func FuzzParseRoundTrip(f *testing.F) {
	for _, s := range []string{"1,3-5,7", "1-2", "+1,007", "5-2", "1,,2", "0-99999", "a,2,b-3"} {
		f.Add(s, 100)
	}
	f.Fuzz(func(t *testing.T, s string, completions int) {
		set, err := indexes.Parse(s, completions)
		n, verr := indexes.Validate(s, completions)
		if (err == nil) != (verr == nil) {
			t.Fatalf("Parse error %v, Validate error %v", err, verr)
		}
		if err == nil {
			if n != set.Len() {
				t.Fatalf("Validate counts %d, Parse %d", n, set.Len())
			}
			again, err := indexes.Parse(set.String(), completions)
			if err != nil || !again.Equal(set) {
				t.Fatalf("%q -> %q does not parse back: %v", s, set.String(), err)
			}
			if tol := indexes.ParseIntervals(s, completions).Set(); !tol.Equal(set) {
				t.Fatalf("valid %q reads tolerantly as %q, strictly as %q", s, tol, set)
			}
		}
		tol := indexes.ParseTolerant(s, completions)
		if want := indexes.ParseIntervals(s, completions).Set(); !tol.Equal(want) {
			t.Fatalf("ParseTolerant(%q, %d) = %q, the controller's reader %q", s, completions, tol, want)
		}
		if tol.Len() > 0 && tol.Max() >= completions {
			t.Fatalf("ParseTolerant(%q, %d) = %q reaches past completions", s, completions, tol)
		}
		indexes.ParseIntervals(s, completions).Merge([]int{0, 1, completions})
		indexes.Overlap(s, s, completions)
	})
}

// FuzzMerge checks Merge against its definition: the indexes, sorted with the negative ones
// dropped, merged as one-index intervals by MergeIntervals — on any list, well-formed or
// not (intervals from pairs of bytes, out of order, overlapping, reversed).
func FuzzMerge(f *testing.F) {
	f.Add([]byte{0, 0, 2, 2, 4, 9}, []byte{1, 3, 10, 200})
	f.Add([]byte{5, 1, 0, 3}, []byte{255, 7, 7, 2})
	f.Add([]byte{}, []byte{128, 129})
	f.Fuzz(func(t *testing.T, pairs, idx []byte) {
		var l indexes.Intervals
		for i := 0; i+1 < len(pairs); i += 2 {
			l = append(l, indexes.Interval{First: int(pairs[i]) - 8, Last: int(pairs[i+1]) - 8})
		}
		ix := make([]int, len(idx))
		for i, v := range idx {
			ix[i] = int(v) - 8
		}
		in := slices.Clone(ix)
		var singles indexes.Intervals
		for _, v := range slices.Sorted(slices.Values(ix)) {
			if v >= 0 {
				singles = append(singles, indexes.Interval{First: v, Last: v})
			}
		}
		want := l.MergeIntervals(singles)
		if got := l.Merge(ix); !slices.Equal(got, want) {
			t.Fatalf("%v.Merge(%v) = %v, want %v", l, ix, got, want)
		}
		if !slices.Equal(ix, in) {
			t.Fatalf("Merge modified its indexes: %v, was %v", ix, in)
		}
	})
}
