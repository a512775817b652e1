package yamljson

// maxKey is the longest key read: YAML limits an implicit key to 1024 characters.
const maxKey = 1000

// node reads the block node that starts at column col of line li, inside a collection at
// column parent, and returns it with the line after it.
func (p *parser) node(li, col, parent int) (int32, int, bool) {
	if p.isDash(li, col) {
		return p.sequence(li, col)
	}
	key, after, isKey, ok := p.key(li, col)
	switch {
	case !ok:
		return 0, 0, false
	case isKey:
		return p.mapping(li, col, key, after)
	}
	return p.inline(li, col, parent)
}

// maxDepth bounds the nesting of collections the fast path reads; manifests nest far less.
const maxDepth = 100

// enter counts a collection being read into the nesting; false past maxDepth.
func (p *parser) enter() bool {
	p.depth++
	return p.depth <= maxDepth
}

func (p *parser) leave() { p.depth-- }

// isDash reports whether a sequence entry starts at column col of line li.
func (p *parser) isDash(li, col int) bool {
	if p.at(li, col) != '-' {
		return false
	}
	return col+1 >= p.width(li) || p.at(li, col+1) == ' '
}

// mapping reads the block mapping whose first key, already read, is at column col of line
// li and ends before column after. The mapping ends at the first line, returned, indented
// less than col.
func (p *parser) mapping(li, col int, key int32, after int) (int32, int, bool) {
	if !p.enter() {
		return 0, 0, false
	}
	defer p.leave()
	m := p.collection(mappingNode)
	for {
		value, next, ok := p.mappingValue(li, after, col)
		if !ok {
			return 0, 0, false
		}
		p.appendChild(m, key)
		p.appendChild(m, value)
		if next == len(p.lines) || int(p.lines[next].indent) < col {
			return m, next, true
		}
		if int(p.lines[next].indent) > col {
			return 0, 0, false
		}
		li = next
		var isKey bool
		if key, after, isKey, ok = p.key(li, col); !ok || !isKey {
			return 0, 0, false
		}
	}
}

// mappingValue reads the value of the key of a mapping at column col, after the key's ':'
// at column after of line li: on the same line, or on the lines below, or null.
func (p *parser) mappingValue(li, after, col int) (int32, int, bool) {
	c := p.skipSpaces(li, after)
	if c < p.width(li) && p.at(li, c) != '#' {
		return p.inline(li, c, col)
	}
	next, ok := p.nextContent(li + 1)
	switch {
	case !ok:
		return 0, 0, false
	case next == len(p.lines):
	case int(p.lines[next].indent) > col:
		return p.node(next, int(p.lines[next].indent), col)
	case int(p.lines[next].indent) == col && p.isDash(next, col):
		return p.sequence(next, col) // a sequence may sit at its key's column
	}
	return p.literal(nullNode), next, true
}

// sequence reads the block sequence whose first dash is at column col of line li. It ends
// at the first line, returned, that is indented less or is not an entry.
func (p *parser) sequence(li, col int) (int32, int, bool) {
	if !p.enter() {
		return 0, 0, false
	}
	defer p.leave()
	s := p.collection(sequenceNode)
	for {
		item, next, ok := p.entry(li, col)
		if !ok {
			return 0, 0, false
		}
		p.appendChild(s, item)
		switch {
		case next == len(p.lines) || int(p.lines[next].indent) < col:
			return s, next, true
		case int(p.lines[next].indent) > col:
			return 0, 0, false
		case !p.isDash(next, col):
			return s, next, true // a sequence at its key's column ends at the next key
		}
		li = next
	}
}

// entry reads the item of the sequence entry whose dash is at column col of line li.
func (p *parser) entry(li, col int) (int32, int, bool) {
	c := p.skipSpaces(li, col+1)
	if c < p.width(li) && p.at(li, c) != '#' {
		return p.node(li, c, col)
	}
	next, ok := p.nextContent(li + 1)
	switch {
	case !ok:
		return 0, 0, false
	case next < len(p.lines) && int(p.lines[next].indent) > col:
		return p.node(next, int(p.lines[next].indent), col)
	}
	return p.literal(nullNode), next, true
}

// key reads what starts at column col of line li as a mapping key. It returns the key and
// the column after its ':', and isKey false when it is not a key; ok is false when the fast
// path does not read it.
func (p *parser) key(li, col int) (key int32, after int, isKey, ok bool) {
	w := p.width(li)
	if p.isDash(li, col) {
		return 0, 0, false, true
	}
	switch c := p.at(li, col); c {
	case '"', '\'':
		n, end, ok := p.quoted(li, col)
		if !ok || end-col > maxKey {
			return 0, 0, false, false
		}
		e := p.skipSpaces(li, end)
		if p.at(li, e) != ':' || !(e+1 >= w || p.at(li, e+1) == ' ') {
			return 0, 0, false, true
		}
		return n, e + 1, true, !p.isMerge(n)
	case '[', '{', '?', '&', '*', '!', '|', '>', '%', '@', '`', '#', ',', ']', '}', ':', '\t':
		return 0, 0, false, true // not a plain key: read as a value, or declined there
	}
	end := col
	for i := col; i < w; i++ {
		switch c := p.at(li, i); {
		case c == '\t':
			return 0, 0, false, false
		case c == ':' && (i+1 >= w || p.at(li, i+1) == ' '):
			if end-col > maxKey {
				return 0, 0, false, false
			}
			n, ok := p.plainKey(li, col, end)
			return n, i + 1, true, ok
		case c == ' ':
			if p.at(li, i+1) == '#' {
				return 0, 0, false, true
			}
		default:
			end = i + 1
		}
	}
	return 0, 0, false, true
}

// plainKey adds the plain key at columns [col, end) of line li; it must read as a string.
func (p *parser) plainKey(li, col, end int) (int32, bool) {
	base := int(p.lines[li].start)
	n, ok := p.plain(base+col, base+end)
	if !ok || p.nodes[n].kind != stringNode || p.isMerge(n) {
		return 0, false
	}
	return n, true
}

// isMerge reports whether a key is "<<", which is a merge key when plain; either way the
// fast path leaves it to the slow one.
func (p *parser) isMerge(n int32) bool { return string(p.text(n)) == "<<" }

// inline reads the scalar or flow collection at column col of line li, the value of a
// mapping or sequence entry, inside a collection at column parent.
func (p *parser) inline(li, col, parent int) (int32, int, bool) {
	var n int32
	next := li + 1
	switch c := p.at(li, col); c {
	case '"', '\'':
		var end int
		var ok bool
		if n, end, ok = p.quoted(li, col); !ok || !p.restIsBlank(li, end) {
			return 0, 0, false
		}
	case '[', '{':
		var el, ec int
		var ok bool
		if n, el, ec, ok = p.flow(li, col); !ok || !p.restIsBlank(el, ec) {
			return 0, 0, false
		}
		next = el + 1
	case '|', '>':
		var ok bool
		if n, next, ok = p.blockScalar(li, col, parent); !ok {
			return 0, 0, false
		}
	case '&', '*', '!', '%', '@', '`', '#', ',', ']', '}', '\t':
		return 0, 0, false
	default:
		if (c == '?' || c == ':' || c == '-') && p.blankOrEnd(li, col+1) {
			return 0, 0, false
		}
		end, ok := p.blockPlainEnd(li, col)
		if !ok {
			return 0, 0, false
		}
		base := int(p.lines[li].start)
		if n, ok = p.plain(base+col, base+end); !ok {
			return 0, 0, false
		}
	}
	return p.endScalar(n, next, parent)
}

// endScalar checks that no line below a scalar continues it: the next line that holds a
// node must not be indented more than the collection at column parent.
func (p *parser) endScalar(n int32, next, parent int) (int32, int, bool) {
	next, ok := p.nextContent(next)
	if !ok || next < len(p.lines) && int(p.lines[next].indent) > parent {
		return 0, 0, false
	}
	return n, next, true
}

// blockPlainEnd returns where the plain scalar at column col of line li ends, before
// trailing spaces and a comment. A ": " in it is declined: YAML allows no mapping there.
func (p *parser) blockPlainEnd(li, col int) (int, bool) {
	w := p.width(li)
	end := col
	for i := col; i < w; i++ {
		switch c := p.at(li, i); {
		case c == '\t':
			return 0, false
		case c == ':' && (i+1 >= w || p.at(li, i+1) == ' '):
			return 0, false
		case c == ' ':
			if p.at(li, i+1) == '#' {
				return end, true
			}
		default:
			end = i + 1
		}
	}
	return end, true
}
