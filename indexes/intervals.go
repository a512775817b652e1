package indexes

import (
	"cmp"
	"slices"
	"strconv"
)

// Interval is the closed range of indexes First through Last.
type Interval struct {
	First, Last int
}

// Len returns how many indexes the interval holds: Last - First + 1, which is zero or
// negative for a reversed interval.
func (iv Interval) Len() int { return iv.Last - iv.First + 1 }

// Intervals is a list of intervals as the Job controller keeps them: usually sorted,
// disjoint and non-adjacent, but a list read from hand-edited status with ParseIntervals can
// be out of order, overlapping or reversed, and the controller's own arithmetic keeps it so.
type Intervals []Interval

// String writes the list as the controller does: intervals joined by commas, each as "a"
// when Last <= First, "a,b" when Last == First+1 and "a-b" otherwise.
func (l Intervals) String() string { return bytesString(l.appendTo(nil, textLen(l))) }

// appendTo appends the controller's form of l, at most size bytes long, to b.
func (l Intervals) appendTo(b []byte, size int) []byte {
	n := len(b)
	w := slices.Grow(b, size+8) // put8 may store up to eight bytes past the text
	w = w[:cap(w)]
	for k, iv := range l {
		if k > 0 {
			w[n] = ','
			n++
		}
		// First, then Last when it is greater: one copy of the number writer, inline.
		for v := iv.First; ; v = iv.Last {
			if uint(v) < 1e8 {
				d := digitCount(v)
				put8(w, n, v, d)
				n += d
			} else {
				n = putInt(w, n, v)
			}
			if v >= iv.Last {
				break
			}
			w[n] = '-'
			if iv.Last == iv.First+1 {
				w[n] = ','
			}
			n++
		}
	}
	return w[:n]
}

// textLen returns an upper bound of the length of the list's text, to size a buffer: every
// number is counted with the width of the widest.
func textLen(l Intervals) int {
	lo, hi, ranges := 0, 0, 0
	for _, iv := range l {
		lo, hi = min(lo, iv.First, iv.Last), max(hi, iv.First, iv.Last)
		if iv.Last > iv.First {
			ranges++
		}
	}
	return (len(l) + ranges) * (max(intLen(lo), intLen(hi)) + 1)
}

// intLen returns the length of v in decimal.
func intLen(v int) int {
	if v < 0 {
		return len(strconv.Itoa(v))
	}
	return decimalLen(v)
}

// Total returns the sum of the intervals' lengths, as the controller counts: overlapping
// intervals count twice and reversed ones negatively.
func (l Intervals) Total() int {
	n := 0
	for _, iv := range l {
		n += iv.Len()
	}
	return n
}

// Merge adds indexes to the list as the controller adds newly finished indexes, and returns
// a new list: negative indexes are dropped, the rest sorted and deduplicated, then merged
// with the list interval by interval — the one that starts first goes next (the new index
// on a tie) and extends the previous interval when it starts at most one past its end.
// Well-formed lists stay canonical; the controller's result on ill-formed ones is kept,
// loss of indexes included.
func (l Intervals) Merge(indexes []int) Intervals {
	added := FromSlice(indexes).iv
	out := make(Intervals, 0, len(l)+len(added))
	appendOrExtend := func(iv Interval) {
		n := len(out)
		switch {
		case n == 0 || iv.First > out[n-1].Last+1:
			out = append(out, iv)
		case out[n-1].Last < iv.Last:
			out[n-1].Last = iv.Last
		}
	}
	i, j := 0, 0
	for i < len(l) && j < len(added) {
		if l[i].First < added[j].First {
			appendOrExtend(l[i])
			i++
		} else {
			appendOrExtend(added[j])
			j++
		}
	}
	for ; i < len(l); i++ {
		appendOrExtend(l[i])
	}
	for ; j < len(added); j++ {
		appendOrExtend(added[j])
	}
	return out
}

// Set returns the indexes the list covers as a canonical Set: reversed intervals cover
// nothing, the rest are sorted and merged.
func (l Intervals) Set() Set {
	return slices.Clone(l).canonical()
}

// canonical turns l, which it may reorder and overwrite, into a Set.
func (l Intervals) canonical() Set {
	n := 0
	for k, iv := range l {
		if iv.First < 0 || iv.First > iv.Last || k > 0 && iv.First <= l[k-1].Last+1 {
			return l.normalize()
		}
		n += iv.Len()
	}
	if n == 0 {
		return Set{}
	}
	return Set{iv: l, n: n}
}

// normalize is canonical for lists that are not canonical already: reversed and negative
// intervals are dropped, the rest sorted and merged.
func (l Intervals) normalize() Set {
	out := l[:0]
	for _, iv := range l {
		if iv.First >= 0 && iv.First <= iv.Last {
			out = append(out, iv)
		}
	}
	slices.SortFunc(out, func(a, b Interval) int { return cmp.Compare(a.First, b.First) })
	merged := out[:0]
	for _, iv := range out {
		if m := len(merged); m > 0 && iv.First <= merged[m-1].Last+1 {
			merged[m-1].Last = max(merged[m-1].Last, iv.Last)
			continue
		}
		merged = append(merged, iv)
	}
	return merged.canonical()
}
