package yamljson

// flow reads the flow sequence or mapping at column col of line li and returns it with the
// line and column after its closing bracket. Its lines may be indented in any way: YAML
// readers do not hold flow collections to the indentation of the block around them.
func (p *parser) flow(li, col int) (int32, int, int, bool) {
	f := flowReader{p: p, li: li, c: col}
	n := f.collection()
	return n, f.li, f.c, !f.failed
}

// A flowReader reads a flow collection token by token, across lines.
type flowReader struct {
	p      *parser
	li, c  int
	failed bool
}

func (f *flowReader) fail() int32 {
	f.failed = true
	return 0
}

func (f *flowReader) peek() byte { return f.p.at(f.li, f.c) }

// skip moves over spaces, line breaks and comments to the next token.
func (f *flowReader) skip() {
	spaced := false
	for !f.failed {
		switch c := f.peek(); {
		case f.c >= f.p.width(f.li):
			f.nextLine()
			spaced = true
		case c == ' ':
			f.c++
			spaced = true
		case c == '#' && spaced:
			f.c = f.p.width(f.li)
		case c == '#', c == '\t':
			f.failed = true
		default:
			return
		}
	}
}

func (f *flowReader) nextLine() {
	if f.li+1 >= len(f.p.lines) {
		f.failed = true // the document ends inside the collection
		return
	}
	f.li++
	l := f.p.lines[f.li]
	f.failed = l.kind == tabLine || l.kind == markerLine
	f.c = int(l.indent)
}

// collection reads the sequence or mapping at the reader's position.
func (f *flowReader) collection() int32 {
	if !f.p.enter() {
		return f.fail()
	}
	defer f.p.leave()
	if f.peek() == '[' {
		return f.sequence()
	}
	return f.mapping()
}

func (f *flowReader) sequence() int32 {
	s := f.p.collection(sequenceNode)
	f.c++
	for f.skip(); !f.failed; f.skip() {
		if f.peek() == ']' {
			f.c++
			return s
		}
		item := f.value()
		f.skip()
		if f.failed || f.peek() == ':' {
			return f.fail() // a single-pair mapping in a sequence
		}
		f.p.appendChild(s, item)
		switch f.peek() {
		case ']':
			f.c++
			return s
		case ',':
			f.c++
		default:
			return f.fail()
		}
	}
	return 0
}

func (f *flowReader) mapping() int32 {
	m := f.p.collection(mappingNode)
	f.c++
	for f.skip(); !f.failed; f.skip() {
		if f.peek() == '}' {
			f.c++
			return m
		}
		key := f.key()
		if f.failed {
			return 0
		}
		var value int32
		f.c = f.p.skipSpaces(f.li, f.c)
		switch f.peek() {
		case ':':
			f.c++
			if f.skip(); f.peek() == ',' || f.peek() == '}' {
				value = f.p.literal(nullNode)
			} else {
				value = f.value()
			}
		case ',', '}':
			value = f.p.literal(nullNode)
		default:
			return f.fail()
		}
		f.skip()
		if f.failed {
			return 0
		}
		f.p.appendChild(m, key)
		f.p.appendChild(m, value)
		switch f.peek() {
		case '}':
			f.c++
			return m
		case ',':
			f.c++
		default:
			return f.fail()
		}
	}
	return 0
}

// key reads a mapping key: a quoted or plain scalar that reads as a string, on one line.
func (f *flowReader) key() int32 {
	start := f.c
	var n int32
	switch f.peek() {
	case '"', '\'':
		var ok bool
		if n, f.c, ok = f.p.quoted(f.li, f.c); !ok {
			return f.fail()
		}
	default:
		if n = f.plain(); f.failed || f.p.nodes[n].kind != stringNode || f.p.isMerge(n) {
			return f.fail()
		}
	}
	if f.c-start > maxKey {
		return f.fail()
	}
	return n
}

// value reads a scalar or a nested collection.
func (f *flowReader) value() int32 {
	switch f.peek() {
	case '[', '{':
		return f.collection()
	case '"', '\'':
		n, c, ok := f.p.quoted(f.li, f.c)
		if !ok {
			return f.fail()
		}
		f.c = c
		return n
	}
	return f.plain()
}

// plain reads a plain scalar, which ends at a flow indicator, at ": ", at " #" or at the end
// of the line; one that would go on to the next line is declined.
func (f *flowReader) plain() int32 {
	li, w := f.li, f.p.width(f.li)
	switch c := f.peek(); c {
	case '&', '*', '!', '%', '@', '`', '|', '>', '#', ',', '[', ']', '{', '}', '?', ':', '"', '\'':
		return f.fail()
	case '-':
		if d := f.p.at(li, f.c+1); f.p.blankOrEnd(li, f.c+1) || isFlowIndicator(d) {
			return f.fail()
		}
	}
	start, end := f.c, f.c
	i := f.c
scan:
	for ; i < w; i++ {
		switch c := f.p.at(li, i); {
		case c == '\t':
			return f.fail()
		case c == ':' && f.p.blankOrEnd(li, i+1), isFlowIndicator(c):
			break scan
		case c == ' ':
			if f.p.at(li, i+1) == '#' {
				break scan
			}
		default:
			end = i + 1
		}
	}
	f.c = i
	if i >= w && !f.endsAtLineEnd() {
		return f.fail()
	}
	base := int(f.p.lines[li].start)
	n, ok := f.p.plain(base+start, base+end)
	if !ok {
		return f.fail()
	}
	return n
}

// endsAtLineEnd reports whether a plain scalar that reaches the end of its line ends there:
// the next token is a comma or a closing bracket.
func (f *flowReader) endsAtLineEnd() bool {
	probe := *f
	probe.skip()
	if probe.failed {
		return false
	}
	c := probe.peek()
	return c == ',' || c == ']' || c == '}'
}

func isFlowIndicator(c byte) bool {
	switch c {
	case ',', '?', '[', ']', '{', '}':
		return true
	}
	return false
}
