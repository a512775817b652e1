package indexes

import "strings"

// Overlap finds an index that both a completed and a failed index list name, as the API
// server checks status.failedIndexes against status.completedIndexes. It walks both lists
// fragment by fragment with Parse's rules for single fragments, skipping fragments those
// rules reject (the format check reports them), and at each step compares the current
// fragment of each list: when they intersect it returns the larger of their first indexes;
// otherwise it moves past the fragment that starts first (the completed one on a tie). For
// sorted lists that is the smallest shared index. A list that is empty shares nothing.
func Overlap(completed, failed string, completions int) (index int, found bool) {
	if completed == "" || failed == "" {
		return -1, false
	}
	c := fragments{s: completed, completions: completions}
	f := fragments{s: failed, completions: completions}
	c.next()
	f.next()
	for !c.done && !f.done {
		switch {
		case !c.ok:
			c.next()
		case !f.ok:
			f.next()
		case c.first <= f.last && f.first <= c.last:
			return max(c.first, f.first), true
		case c.first <= f.first:
			c.next()
		default:
			f.next()
		}
	}
	return -1, false
}

// fragments walks the fragments of an index list.
type fragments struct {
	s           string
	completions int
	off         int
	first, last int
	ok, done    bool
}

// next reads the next fragment; done is set after the last one.
func (w *fragments) next() {
	if w.off > len(w.s) {
		w.done = true
		return
	}
	end := w.off + strings.IndexByte(w.s[w.off:], ',')
	if end < w.off {
		end = len(w.s)
	}
	var err *ParseError
	w.first, w.last, err = strictFragment(w.s, w.off, end, w.completions)
	w.ok = err == nil
	w.off = end + 1
}
