package indexes

import (
	"math"
	"strconv"
	"strings"
)

// Parse reads an index list with the API server's strict rules (see the package doc) and
// returns its set. Every index must be below completions. Invalid input gives a
// *ParseError and the empty Set.
func Parse(s string, completions int) (Set, error) {
	if s == "" {
		return Set{}, nil
	}
	out, n, err := scanStrict(s, completions, make([]Interval, 0, strings.Count(s, ",")+1))
	if err != nil {
		return Set{}, err
	}
	return Set{iv: out, n: n}.orEmpty(), nil
}

// MustParse is Parse without a bound on the indexes, for tests and constants: it panics on
// invalid input.
func MustParse(s string) Set {
	set, err := Parse(s, math.MaxInt)
	if err != nil {
		panic(err)
	}
	return set
}

// Validate checks an index list with Parse's rules and returns how many indexes it names,
// without building a set. It does not allocate unless the list is invalid.
func Validate(s string, completions int) (int, error) {
	_, n, err := scanStrict(s, completions, nil)
	if err != nil {
		return 0, err
	}
	return n, nil
}

// scanStrict applies the strict rules to s, appending the canonical intervals to out when
// out is not nil, and returns them with the number of indexes. It reads each fragment in one
// pass and leaves the exact diagnosis of a bad fragment to strictFragment.
func scanStrict(s string, completions int, out []Interval) ([]Interval, int, *ParseError) {
	if s == "" {
		return out, 0, nil
	}
	build := out != nil
	total, prev := 0, -1
	for off := 0; ; {
		var first, last, end int
		// The common fragment, one index of at most seven digits and then a comma, in
		// order and in range, is read here without a call; nextFragment reads the rest.
		fast := false
		if off+8 <= len(s) {
			x := load8(s, off)
			if n := digitRun(x); n > 0 && n < 8 && byte(x>>(8*n)) == ',' {
				first = int(digitsValue(x, n))
				last, end, fast = first, off+n, first > prev && first < completions
			}
		}
		if !fast {
			var err *ParseError
			if first, last, end, err = nextFragment(s, off, completions, prev); err != nil {
				return nil, 0, err
			}
		}
		total += last - first + 1
		prev = last
		if build {
			out = appendMerged(out, first, last)
		}
		if end == len(s) {
			return out, total, nil
		}
		off = end + 1
	}
}

// nextFragment reads the fragment at off with the strict rules, given the last index of the
// fragment before it (-1 for none), and returns its bounds and where it ends.
func nextFragment(s string, off, completions, prev int) (first, last, end int, err *ParseError) {
	first, ok, end := readPart(s, off)
	last, pair := first, end < len(s) && s[end] == '-'
	if ok && pair {
		last, ok, end = readPart(s, end+1)
		ok = ok && first < last && (end == len(s) || s[end] == ',')
	}
	if !ok || last >= completions || first >= completions {
		return 0, 0, 0, fragmentError(s, off, completions)
	}
	if prev >= first {
		return 0, 0, 0, &ParseError{Kind: NotAfterPrevious, Offset: off, Part: s[off:fragmentEnd(s, off)], Prev: prev, Index: first}
	}
	return first, last, end, nil
}

// readPart reads the index that starts at i and ends before the next "," or "-" or at the
// end of s, as strconv.Atoi would read that text: ok is false when it would not. The common
// case, a short run of digits followed by a separator, is read eight bytes at a time.
func readPart(s string, i int) (v int, ok bool, end int) {
	if i+8 <= len(s) {
		x := load8(s, i)
		if n := digitRun(x); n > 0 && n < 8 {
			if c := byte(x >> (8 * n)); c == ',' || c == '-' {
				return int(digitsValue(x, n)), true, i + n
			}
		}
	}
	return readPartSlow(s, i)
}

// readPartSlow is readPart for any input: a sign, long numbers, other characters, the end
// of s.
func readPartSlow(s string, i int) (v int, ok bool, end int) {
	if i < len(s) && s[i] == '+' {
		i++
	}
	start := i
	var u uint64
	for ; i < len(s); i++ {
		d := s[i] - '0'
		if d > 9 {
			break
		}
		u = u*10 + uint64(d)
	}
	ok = i > start
	if i < len(s) && s[i] != ',' && s[i] != '-' {
		ok = false
		for i < len(s) && s[i] != ',' && s[i] != '-' {
			i++
		}
	}
	if ok && i-start > maxSafeDigits {
		u, ok = parseLong(s[start:i])
	}
	return int(u), ok, i
}

// maxSafeDigits is how many decimal digits always fit in an int.
const maxSafeDigits = 18

// parseLong reads a long run of digits, checking for overflow.
func parseLong(digits string) (uint64, bool) {
	var u uint64
	for i := 0; i < len(digits); i++ {
		if u > (math.MaxInt-9)/10+1 {
			return 0, false
		}
		u = u*10 + uint64(digits[i]-'0')
	}
	return u, u <= math.MaxInt
}

// fragmentEnd returns where the fragment that starts at off ends.
func fragmentEnd(s string, off int) int {
	if end := strings.IndexByte(s[off:], ','); end >= 0 {
		return off + end
	}
	return len(s)
}

// fragmentError diagnoses the invalid fragment that starts at off.
func fragmentError(s string, off, completions int) *ParseError {
	_, _, err := strictFragment(s, off, fragmentEnd(s, off), completions)
	return err
}

// strictFragment reads the fragment s[off:end] with the strict rules, in the API server's
// order of checks.
func strictFragment(s string, off, end, completions int) (first, last int, err *ParseError) {
	frag := s[off:end]
	hyphen := strings.IndexByte(frag, '-')
	if hyphen >= 0 && strings.IndexByte(frag[hyphen+1:], '-') >= 0 {
		return 0, 0, &ParseError{Kind: TooManyParts, Offset: off, Part: frag}
	}
	firstText := frag
	if hyphen >= 0 {
		firstText = frag[:hyphen]
	}
	if first, err = strictIndex(firstText, off, completions); err != nil {
		return 0, 0, err
	}
	if hyphen < 0 {
		return first, first, nil
	}
	if last, err = strictIndex(frag[hyphen+1:], off+hyphen+1, completions); err != nil {
		return 0, 0, err
	}
	if first >= last {
		return 0, 0, &ParseError{Kind: NotIncreasing, Offset: off, Part: frag, Prev: first, Index: last}
	}
	return first, last, nil
}

// strictIndex reads one index of a fragment, which must be below completions.
func strictIndex(text string, off, completions int) (int, *ParseError) {
	v, ok := atoi(text)
	switch {
	case !ok:
		return 0, &ParseError{Kind: NotAnIndex, Offset: off, Part: text}
	case v >= completions:
		return 0, &ParseError{Kind: TooLarge, Offset: off, Part: text, Index: v, Completions: completions}
	}
	return v, nil
}

// atoi reads a decimal integer as strconv.Atoi does: an optional sign, then at least one
// digit, within the range of int. It does not allocate.
func atoi(s string) (int, bool) {
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg, s = s[0] == '-', s[1:]
	}
	if s == "" {
		return 0, false
	}
	var v uint64
	for i := 0; i < len(s); i++ {
		c := s[i] - '0'
		if c > 9 || v > (math.MaxUint64-9)/10 {
			return 0, false
		}
		v = v*10 + uint64(c)
	}
	if neg {
		if v > -math.MinInt {
			return 0, false
		}
		return -int(v), true
	}
	if v > math.MaxInt {
		return 0, false
	}
	return int(v), true
}

// appendMerged appends [first, last] to a sorted list, extending the last interval when
// the new one starts right after it.
func appendMerged(out []Interval, first, last int) []Interval {
	if n := len(out); n > 0 && out[n-1].Last+1 == first {
		out[n-1].Last = last
		return out
	}
	return append(out, Interval{first, last})
}

// ParseTolerant reads an index list as the Job controller reads status (see ParseIntervals)
// and returns the indexes read, as a canonical Set. It never fails.
//
// Lists that Parse accepts, the common case as the API server checks status, are read with
// its scanner, which is faster and builds the set canonical already: on them both readers
// give the same set. Other lists are read again by the controller's rules, in the same
// buffer.
func ParseTolerant(s string, completions int) Set {
	if s == "" {
		return Set{}
	}
	buf := make(Intervals, 0, strings.Count(s, ",")+1)
	if out, n, err := scanStrict(s, completions, buf); err == nil {
		return Set{iv: out, n: n}.orEmpty()
	}
	return readIntervals(s, completions, buf).canonical()
}

// ParseIntervals reads an index list exactly as the Job controller reads status, and
// returns the intervals it keeps, in the order read. For each comma-separated fragment: the
// fragment is split on "-" and parts after the second ignored; a fragment whose first or
// second part does not read as an integer is skipped; a fragment whose first index is at or
// above completions ends the reading; a second index at or above completions is clamped to
// completions-1; a fragment that starts right after the previous interval extends it.
// Nothing else is checked: unsorted, overlapping and reversed intervals are kept.
func ParseIntervals(s string, completions int) Intervals {
	if s == "" {
		return nil
	}
	return readIntervals(s, completions, make(Intervals, 0, strings.Count(s, ",")+1))
}

// readIntervals is ParseIntervals appending to out, which is empty.
func readIntervals(s string, completions int, out Intervals) Intervals {
	for off := 0; off <= len(s); {
		first, ok, end := readPart(s, off)
		if ok && first >= completions {
			break
		}
		last := first
		if ok && end < len(s) && s[end] == '-' {
			last, ok, end = readPart(s, end+1)
			last = min(last, completions-1)
		}
		if end < len(s) && s[end] != ',' {
			end = fragmentEnd(s, end) // parts after the second are ignored
		}
		if ok {
			if n := len(out); n > 0 && out[n-1].Last == first-1 {
				out[n-1].Last = last
			} else {
				out = append(out, Interval{first, last})
			}
		}
		off = end + 1
	}
	return out
}

// ParseErrorKind says what rule an index list breaks.
type ParseErrorKind uint8

const (
	// TooManyParts: a fragment has more than one hyphen.
	TooManyParts ParseErrorKind = iota + 1
	// NotAnIndex: a part is not a decimal integer.
	NotAnIndex
	// TooLarge: an index is not below completions.
	TooLarge
	// NotIncreasing: a fragment's second index is not above its first.
	NotIncreasing
	// NotAfterPrevious: a fragment does not start after the previous one ends.
	NotAfterPrevious
)

// ParseError is an index list that Parse rejects: what is wrong, and where.
type ParseError struct {
	Kind ParseErrorKind
	// Offset is the byte offset of the fragment (or, for NotAnIndex and TooLarge, of the
	// part) at fault.
	Offset int
	// Part is the text of that fragment or part.
	Part string
	// Prev and Index are the two indexes out of order (NotIncreasing, NotAfterPrevious);
	// Index is also the index that is too large.
	Prev, Index int
	// Completions is the bound that TooLarge refers to.
	Completions int
}

// Error says what is wrong, quoting at most 32 bytes of the input, and where.
func (e *ParseError) Error() string {
	var what string
	switch e.Kind {
	case TooManyParts:
		what = "fragment " + quote(e.Part) + " has more than two parts"
	case NotAnIndex:
		what = quote(e.Part) + " is not an index"
	case TooLarge:
		what = "index " + quote(e.Part) + " is not below completions (" + strconv.Itoa(e.Completions) + ")"
	case NotIncreasing:
		what = "interval " + strconv.Itoa(e.Prev) + "-" + strconv.Itoa(e.Index) + " is not increasing"
	default:
		what = "index " + strconv.Itoa(e.Index) + " does not come after the previous index " + strconv.Itoa(e.Prev)
	}
	return what + " at offset " + strconv.Itoa(e.Offset)
}

// Reason words the error as the API server does in its validation messages.
func (e *ParseError) Reason() string {
	switch e.Kind {
	case TooManyParts:
		return "the fragment " + strconv.Quote(e.Part) + " violates the requirement that an index interval can have at most two parts separated by '-'"
	case NotAnIndex:
		return "cannot convert string to integer for index: " + strconv.Quote(e.Part)
	case TooLarge:
		return "too large index: " + strconv.Quote(e.Part)
	default:
		return "non-increasing order, previous: " + strconv.Itoa(e.Prev) + ", current: " + strconv.Itoa(e.Index)
	}
}

// quote quotes s, cut to 32 bytes.
func quote(s string) string {
	const max = 32
	if len(s) > max {
		return strconv.Quote(s[:max]) + "…"
	}
	return strconv.Quote(s)
}
