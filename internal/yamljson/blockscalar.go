package yamljson

// blockScalar reads the literal (|) or folded (>) scalar whose header is at column col of
// line li, the value of an entry of a collection at column parent, and returns it with the
// first line after it. Its lines are those indented at least as much as its first
// non-empty line (or as its indentation indicator says), and at least one column more than
// the collection.
func (p *parser) blockScalar(li, col, parent int) (int32, int, bool) {
	literal := p.at(li, col) == '|'
	chomp, increment, c := p.blockHeader(li, col+1)
	if c < 0 || !p.headerEnds(li, c) {
		return 0, 0, false
	}
	b := blockReader{p: p, next: li + 1}
	indent := 0
	if increment > 0 {
		indent = parent + increment
	}
	var trailing []byte
	if indent, trailing = b.breaks(indent, nil); b.failed {
		return 0, 0, false
	}
	if indent == 0 {
		indent = max(b.maxIndent, parent+1, 1)
	}
	mark := len(p.scratch)
	var leadingBreak bool // the content line before ended with a line break
	leadingBlank := false
	for b.next < len(p.lines) && b.col == indent && !b.atEnd() {
		l := p.lines[b.next]
		trailingBlank := isBlank(p.at(b.next, indent))
		if !literal && leadingBreak && !leadingBlank && !trailingBlank {
			if len(trailing) == 0 {
				p.scratch = append(p.scratch, ' ')
			}
		} else if leadingBreak {
			p.scratch = append(p.scratch, '\n')
		}
		p.scratch = append(p.scratch, trailing...)
		trailing = trailing[:0]
		leadingBlank = trailingBlank
		p.scratch = append(p.scratch, p.src[int(l.start)+indent:l.end]...)
		leadingBreak = l.newline
		b.next++
		if !l.newline {
			break
		}
		if _, trailing = b.breaks(indent, trailing); b.failed {
			return 0, 0, false
		}
	}
	if chomp >= 0 && leadingBreak {
		p.scratch = append(p.scratch, '\n')
	}
	if chomp > 0 {
		p.scratch = append(p.scratch, trailing...)
	}
	return p.copied(stringNode, mark), b.next, true
}

// blockHeader reads a block scalar's chomping and indentation indicators, in either order,
// from column c of line li. It returns the chomping (-1 strip, 0 clip, +1 keep), the
// indentation increment (0 when not given) and the column after them, or -1 when the
// increment is 0.
func (p *parser) blockHeader(li, c int) (chomp, increment, next int) {
	chompAt := func() {
		switch p.at(li, c) {
		case '+':
			chomp, c = 1, c+1
		case '-':
			chomp, c = -1, c+1
		}
	}
	digitAt := func() bool {
		if d := p.at(li, c); d >= '0' && d <= '9' {
			if d == '0' {
				return false
			}
			increment, c = int(d-'0'), c+1
		}
		return true
	}
	if d := p.at(li, c); d == '+' || d == '-' {
		chompAt()
		if !digitAt() {
			return 0, 0, -1
		}
	} else {
		if !digitAt() {
			return 0, 0, -1
		}
		chompAt()
	}
	return chomp, increment, c
}

// headerEnds reports whether a block scalar's header line holds only spaces and a comment
// from column c on.
func (p *parser) headerEnds(li, c int) bool {
	c = p.skipSpaces(li, c)
	return c >= p.width(li) || p.at(li, c) == '#'
}

// A blockReader walks the lines of a block scalar.
type blockReader struct {
	p         *parser
	next      int // the line being read
	col       int // the column reached on it
	maxIndent int
	failed    bool
}

// atEnd reports whether the line being read is the document's last and holds nothing past
// the column reached.
func (b *blockReader) atEnd() bool {
	l := b.p.lines[b.next]
	return !l.newline && b.col >= b.p.width(b.next)
}

// breaks moves over the indentation of the next lines and the empty lines among them,
// adding a line break to trailing for each empty line, and stops at a line with content
// past its indentation. With indent 0 it measures the indentation instead.
func (b *blockReader) breaks(indent int, trailing []byte) (int, []byte) {
	b.maxIndent = 0
	for b.next < len(b.p.lines) {
		w := b.p.width(b.next)
		c := 0
		for c < w && (indent == 0 || c < indent) && b.p.at(b.next, c) == ' ' {
			c++
		}
		b.col = c
		b.maxIndent = max(b.maxIndent, c)
		if (indent == 0 || c < indent) && b.p.at(b.next, c) == '\t' {
			b.failed = true
			return indent, trailing
		}
		if c < w || !b.p.lines[b.next].newline {
			return indent, trailing
		}
		trailing = append(trailing, '\n')
		b.next++
	}
	b.col = 0
	return indent, trailing
}
