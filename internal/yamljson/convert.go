package yamljson

import (
	"bytes"
	"unicode/utf8"
)

// Convert returns the JSON of a YAML document whose root is a mapping, as sigs.k8s.io/yaml's
// YAMLToJSON and YAMLToJSONStrict return it, and true. It returns nil and false for a
// document it declines (see the package documentation), including every document those
// would reject; src is never modified, and no input makes it panic.
func Convert(src []byte) ([]byte, bool) {
	if !plainText(src) {
		return nil, false
	}
	p := parser{src: src}
	p.splitLines()
	first, ok := p.start()
	if !ok {
		return nil, false
	}
	col := int(p.lines[first].indent)
	key, after, isKey, ok := p.key(first, col)
	if !ok || !isKey {
		return nil, false
	}
	root, next, ok := p.mapping(first, col, key, after)
	if !ok || next < len(p.lines) {
		return nil, false
	}
	out := make([]byte, 0, len(src)+len(src)/4)
	return p.emit(out, root)
}

// plainText reports whether src holds only what the fast path reads: valid UTF-8 of
// printable characters, tabs and "\n", without YAML's other line breaks (NEL, LS, PS) or a
// byte order mark.
func plainText(src []byte) bool {
	wide := false
	for _, c := range src {
		if c >= ' ' && c < 0x7f || c == '\n' || c == '\t' {
			continue
		}
		if c < utf8.RuneSelf {
			return false
		}
		wide = true
	}
	return !wide || printableUTF8(src)
}

func printableUTF8(src []byte) bool {
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		i += size
		switch {
		case r < utf8.RuneSelf:
		case r == utf8.RuneError && size == 1:
			return false
		case r < 0xa0, r >= 0xd800 && r < 0xe000, r == '\u2028', r == '\u2029', r == '\ufeff', r == 0xfffe, r == 0xffff:
			return false
		}
	}
	return true
}

// A parser reads one document into nodes.
type parser struct {
	src     []byte
	lines   []line
	nodes   []node
	scratch []byte  // the text of scalars that is not a span of src
	order   []int32 // keys being sorted, a stack of regions
	depth   int     // collections open
}

// A line of the document: src[start:end] without its "\n".
type line struct {
	start, end int32
	indent     int32 // leading spaces
	kind       lineKind
	newline    bool // ends with "\n", not with the end of the document
}

type lineKind uint8

const (
	contentLine lineKind = iota
	blankLine            // spaces only
	commentLine          // spaces, then a comment
	tabLine              // spaces, then a tab: the fast path does not read it outside block scalars
	markerLine           // a document marker, "---" or "..."
)

func (p *parser) splitLines() {
	n := bytes.Count(p.src, newline) + 1
	p.lines = make([]line, 0, n)
	p.nodes = make([]node, 0, n+n/2)
	for start := 0; start < len(p.src); {
		end := len(p.src)
		if i := bytes.IndexByte(p.src[start:], '\n'); i >= 0 {
			end = start + i
		}
		p.lines = append(p.lines, p.classify(start, end, end < len(p.src)))
		start = end + 1
	}
}

var newline = []byte{'\n'}

func (p *parser) classify(start, end int, newline bool) line {
	l := line{start: int32(start), end: int32(end), newline: newline}
	i := start
	for i < end && p.src[i] == ' ' {
		i++
	}
	l.indent = int32(i - start)
	switch {
	case i == end:
		l.kind = blankLine
	case p.src[i] == '#':
		l.kind = commentLine
	case p.src[i] == '\t':
		l.kind = tabLine
	case i == start && end-start >= 3 && isMarker(p.src[start:start+3]) && (end-start == 3 || isBlank(p.src[start+3])):
		l.kind = markerLine
	}
	return l
}

func isMarker(b []byte) bool {
	return string(b) == "---" || string(b) == "..."
}

// start returns the first line of the root node. The document may begin with a "---" line
// that holds nothing else.
func (p *parser) start() (int, bool) {
	i := 0
	if len(p.lines) > 0 && p.lines[0].kind == markerLine {
		l := p.lines[0]
		if string(p.src[l.start:l.start+3]) != "---" || !p.restIsBlank(0, 3) {
			return 0, false
		}
		i = 1
	}
	i, ok := p.nextContent(i)
	return i, ok && i < len(p.lines)
}

// nextContent returns the first line from i on that holds a node, or len(p.lines); false
// when a line the fast path does not read comes first.
func (p *parser) nextContent(i int) (int, bool) {
	for ; i < len(p.lines); i++ {
		switch p.lines[i].kind {
		case contentLine:
			return i, true
		case tabLine, markerLine:
			return i, false
		}
	}
	return i, true
}

// at is the byte at column col of line li, or 0 past its end.
func (p *parser) at(li, col int) byte {
	l := &p.lines[li]
	if i := int(l.start) + col; i < int(l.end) {
		return p.src[i]
	}
	return 0
}

// width is the length of line li.
func (p *parser) width(li int) int { return int(p.lines[li].end - p.lines[li].start) }

// restIsBlank reports whether line li holds only spaces and perhaps a comment after col;
// a comment must follow a space.
func (p *parser) restIsBlank(li, col int) bool {
	w := p.width(li)
	spaced := false
	for ; col < w; col++ {
		switch p.at(li, col) {
		case ' ':
			spaced = true
		case '#':
			return spaced
		default:
			return false
		}
	}
	return true
}

// skipSpaces returns the first column from col on that is not a space.
func (p *parser) skipSpaces(li, col int) int {
	for p.at(li, col) == ' ' {
		col++
	}
	return col
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' }

// blankOrEnd reports whether column col of line li is a space, a tab or the line's end.
func (p *parser) blankOrEnd(li, col int) bool {
	return col >= p.width(li) || isBlank(p.at(li, col))
}
