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
// a new list: negative indexes are dropped, the rest sorted and deduplicated, each then
// merged into the list as a one-index interval, as MergeIntervals merges. Well-formed lists
// stay canonical; the controller's result on ill-formed ones is kept, loss of indexes
// included. indexes is not modified. Merging costs at most two allocations, the second
// only when the result holds more than a few intervals, and then of the size it can reach.
func (l Intervals) Merge(indexes []int) Intervals {
	if out, sorted := l.mergeSorted(indexes); sorted {
		return out
	}
	out, _ := l.mergeSorted(slices.Sorted(slices.Values(indexes)))
	return out
}

// mergeSorted is Merge of sorted indexes. It reports false, having merged only part of
// them, when it finds an index lower than the one before: the check costs less than a pass
// of its own over the indexes.
func (l Intervals) mergeSorted(indexes []int) (Intervals, bool) {
	for len(indexes) > 0 && indexes[0] < 0 {
		indexes = indexes[1:]
	}
	if len(l) == 0 && len(indexes) == 0 {
		return Intervals{}, true
	}
	out := make(Intervals, 0, min(len(l)+len(indexes), 8))
	var cur Interval
	i, j := 0, 0
	if len(indexes) == 0 || len(l) > 0 && l[0].First < indexes[0] {
		cur, i = l[0], 1
	} else {
		cur, j = Interval{indexes[0], indexes[0]}, 1
	}
	// Each next interval joins cur when it starts at most one past its end, or else cur is
	// done and the next one is built.
	prev := cur.First // the last index taken, or a lower number
	for i < len(l) && j < len(indexes) {
		var sorted bool
		if i, j, cur.Last, prev, sorted = joinBoth(l, indexes, i, j, cur.Last, prev); !sorted {
			return out, false
		}
		if i == len(l) || j == len(indexes) {
			break
		}
		next := Interval{indexes[j], indexes[j]}
		if l[i].First < next.First {
			next = l[i]
			i++
		} else {
			prev = next.First
			j++
		}
		out, cur = appendGrown(out, cur, len(l)-i+len(indexes)-j), next
	}
	for ; i < len(l); i++ {
		if l[i].First <= cur.Last+1 {
			cur.Last = max(cur.Last, l[i].Last)
		} else {
			out, cur = appendGrown(out, cur, len(l)-i), l[i]
		}
	}
	for ; j < len(indexes); j++ {
		v := indexes[j]
		switch {
		case v < prev:
			return out, false
		case v <= cur.Last+1:
			cur.Last = max(cur.Last, v)
		default:
			out, cur = appendGrown(out, cur, len(indexes)-j), Interval{v, v}
		}
		prev = v
	}
	return append(out, cur), true
}

// joinBoth extends the interval ending at last with the intervals of l from i and the
// indexes from j, in order, as long as each starts at most one past its end and both lists
// have more. It returns where it stopped, the interval's new end, the last index taken,
// and false when an index was lower than the one before. It is the hot loop of Merge, kept
// apart so that its few variables stay in registers.
func joinBoth(l Intervals, indexes []int, i, j, last, prev int) (int, int, int, int, bool) {
	for i < len(l) && j < len(indexes) {
		if iv, v := l[i], indexes[j]; iv.First < v {
			if iv.First > last+1 {
				break
			}
			last = max(last, iv.Last)
			i++
		} else {
			if v < prev {
				return i, j, last, prev, false
			}
			if v > last+1 {
				break
			}
			last = max(last, v)
			prev = v
			j++
		}
	}
	return i, j, last, prev, true
}

// appendGrown appends iv to out; when out is full it grows it once, to all the result can
// still take: left more intervals and cur.
func appendGrown(out Intervals, iv Interval, left int) Intervals {
	if len(out) == cap(out) {
		out = append(make(Intervals, 0, len(out)+left+2), out...)
	}
	return append(out, iv)
}

// MergeIntervals merges two lists as the controller merges index lists: interval by interval,
// the one that starts first going next (o's on a tie), each extending the previous one when
// it starts at most one past its end. It returns a new list.
func (l Intervals) MergeIntervals(o Intervals) Intervals {
	out := make(Intervals, 0, len(l)+len(o))
	i, j := 0, 0
	for i < len(l) && j < len(o) {
		if l[i].First < o[j].First {
			out = out.extend(l[i])
			i++
		} else {
			out = out.extend(o[j])
			j++
		}
	}
	for ; i < len(l); i++ {
		out = out.extend(l[i])
	}
	for ; j < len(o); j++ {
		out = out.extend(o[j])
	}
	return out
}

// extend appends iv to a merged list, or joins it with the last interval when it starts at
// most one past that interval's end.
func (l Intervals) extend(iv Interval) Intervals {
	n := len(l)
	switch {
	case n == 0 || iv.First > l[n-1].Last+1:
		return append(l, iv)
	case l[n-1].Last < iv.Last:
		l[n-1].Last = iv.Last
	}
	return l
}

// Has reports whether the list holds ix, as the controller looks it up: by binary search on
// the intervals' ends, so only sorted, disjoint lists answer reliably.
func (l Intervals) Has(ix int) bool {
	lo, hi := 0, len(l)
	for hi > lo {
		mid := lo + (hi-lo)/2
		if l[mid].Last >= ix {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return hi < len(l) && l[hi].First <= ix
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
