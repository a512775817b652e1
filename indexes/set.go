package indexes

import (
	"iter"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Set is an immutable set of non-negative indexes, kept as sorted, disjoint, non-adjacent
// intervals. The zero Set is the empty set. Methods never modify their receiver or
// arguments; results never share memory with a receiver that callers can reach.
type Set struct {
	iv []Interval // canonical
	n  int        // number of indexes
}

// FromSlice returns the set of the non-negative indexes in s, in any order, duplicates
// allowed.
func FromSlice(s []int) Set {
	sorted := make([]int, 0, len(s))
	for _, v := range s {
		if v >= 0 {
			sorted = append(sorted, v)
		}
	}
	slices.Sort(sorted)
	var out []Interval
	for _, v := range sorted {
		if n := len(out); n > 0 && v <= out[n-1].Last+1 {
			out[n-1].Last = v
			continue
		}
		out = append(out, Interval{v, v})
	}
	return Intervals(out).canonical()
}

// Len returns the number of indexes in the set.
func (s Set) Len() int { return s.n }

// orEmpty returns s, or the zero Set when s holds no index, so that every empty Set is
// the same value.
func (s Set) orEmpty() Set {
	if s.n == 0 {
		return Set{}
	}
	return s
}

// IsEmpty reports whether the set has no index.
func (s Set) IsEmpty() bool { return s.n == 0 }

// Has reports whether i is in the set.
func (s Set) Has(i int) bool {
	k := sort.Search(len(s.iv), func(k int) bool { return s.iv[k].Last >= i })
	return k < len(s.iv) && s.iv[k].First <= i
}

// Intervals returns the set's intervals: sorted, disjoint and non-adjacent. The list is a
// copy.
func (s Set) Intervals() Intervals { return slices.Clone(Intervals(s.iv)) }

// All iterates over the set's indexes in increasing order.
func (s Set) All() iter.Seq[int] {
	return func(yield func(int) bool) {
		for _, iv := range s.iv {
			for i := iv.First; i <= iv.Last; i++ {
				if !yield(i) {
					return
				}
			}
		}
	}
}

// Min returns the smallest index, or -1 for the empty set.
func (s Set) Min() int {
	if len(s.iv) == 0 {
		return -1
	}
	return s.iv[0].First
}

// Max returns the largest index, or -1 for the empty set.
func (s Set) Max() int {
	if len(s.iv) == 0 {
		return -1
	}
	return s.iv[len(s.iv)-1].Last
}

// Equal reports whether two sets hold the same indexes.
func (s Set) Equal(o Set) bool { return s.n == o.n && slices.Equal(s.iv, o.iv) }

// String writes the set in canonical form, such as "1,3-5,7"; the empty set is "".
func (s Set) String() string { return bytesString(s.AppendTo(nil)) }

// AppendTo appends the canonical form to b.
func (s Set) AppendTo(b []byte) []byte { return Intervals(s.iv).appendTo(b, s.textLen()) }

// textLen returns an upper bound of the length of the set's text without reading its
// intervals: every number is counted with the width of the largest, and there are at most
// n-len(iv) intervals of more than one index, each written with two numbers.
func (s Set) textLen() int {
	if len(s.iv) == 0 {
		return 0
	}
	ranges := s.n - len(s.iv)
	if ranges < 0 || ranges > len(s.iv) { // n overflows for sets near math.MaxInt
		ranges = len(s.iv)
	}
	return (len(s.iv) + ranges) * (decimalLen(s.iv[len(s.iv)-1].Last) + 1)
}

// MarshalText returns the canonical form.
func (s Set) MarshalText() ([]byte, error) {
	return s.AppendTo(nil), nil
}

// UnmarshalText reads an index list with Parse's rules and no bound on the indexes.
func (s *Set) UnmarshalText(text []byte) error {
	set, err := Parse(string(text), math.MaxInt)
	if err != nil {
		return err
	}
	*s = set
	return nil
}

// Add returns the set with the non-negative indexes of ix added.
func (s Set) Add(ix ...int) Set { return s.Union(FromSlice(ix)) }

// Below returns the indexes of the set that are below n, as an elastic Job's scale-down
// keeps them.
func (s Set) Below(n int) Set {
	k := sort.Search(len(s.iv), func(k int) bool { return s.iv[k].Last >= n })
	out := slices.Clone(s.iv[:k])
	if k < len(s.iv) && s.iv[k].First < n {
		out = append(out, Interval{s.iv[k].First, n - 1})
	}
	return Intervals(out).canonical()
}

// Union returns the indexes in s or o.
func (s Set) Union(o Set) Set {
	out := make([]Interval, 0, len(s.iv)+len(o.iv))
	i, j := 0, 0
	for i < len(s.iv) || j < len(o.iv) {
		var next Interval
		if j >= len(o.iv) || i < len(s.iv) && s.iv[i].First <= o.iv[j].First {
			next, i = s.iv[i], i+1
		} else {
			next, j = o.iv[j], j+1
		}
		if n := len(out); n > 0 && next.First <= out[n-1].Last+1 {
			out[n-1].Last = max(out[n-1].Last, next.Last)
			continue
		}
		out = append(out, next)
	}
	return Intervals(out).canonical()
}

// Intersect returns the indexes in both s and o.
func (s Set) Intersect(o Set) Set {
	var out []Interval
	s.overlaps(o, func(iv Interval) bool {
		out = append(out, iv)
		return true
	})
	return Intervals(out).canonical()
}

// IntersectLen returns how many indexes s and o share, without allocating. A success
// policy rule with succeededIndexes is met by |rule ∩ succeeded|.
func (s Set) IntersectLen(o Set) int {
	n := 0
	s.overlaps(o, func(iv Interval) bool {
		n += iv.Len()
		return true
	})
	return n
}

// Overlaps reports whether s and o share an index, and returns the smallest shared one.
func (s Set) Overlaps(o Set) (first int, ok bool) {
	first = -1
	s.overlaps(o, func(iv Interval) bool {
		first, ok = iv.First, true
		return false
	})
	return first, ok
}

// overlaps calls f with each non-empty intersection of an interval of s with one of o, in
// increasing order, until f returns false.
func (s Set) overlaps(o Set, f func(Interval) bool) {
	i, j := 0, 0
	for i < len(s.iv) && j < len(o.iv) {
		a, b := s.iv[i], o.iv[j]
		if lo, hi := max(a.First, b.First), min(a.Last, b.Last); lo <= hi && !f(Interval{lo, hi}) {
			return
		}
		if a.Last <= b.Last {
			i++
		}
		if b.Last <= a.Last {
			j++
		}
	}
}

// Difference returns the indexes in s and not in o.
func (s Set) Difference(o Set) Set {
	var out []Interval
	j := 0
	for _, iv := range s.iv {
		for j < len(o.iv) && o.iv[j].Last < iv.First {
			j++
		}
		first := iv.First
		for k := j; k < len(o.iv) && o.iv[k].First <= iv.Last; k++ {
			if o.iv[k].First > first {
				out = append(out, Interval{first, o.iv[k].First - 1})
			}
			first = o.iv[k].Last + 1
		}
		if first <= iv.Last {
			out = append(out, Interval{first, iv.Last})
		}
	}
	return Intervals(out).canonical()
}

// GoString renders the set for %#v, as indexes.MustParse("1,3-5").
func (s Set) GoString() string {
	var b strings.Builder
	b.WriteString("indexes.MustParse(")
	b.WriteString(strconv.Quote(s.String()))
	b.WriteString(")")
	return b.String()
}
