package yamljson

import "unicode/utf8"

// quoted reads the single- or double-quoted scalar at column col of line li, which must end
// on the same line, and returns it with the column after its closing quote.
func (p *parser) quoted(li, col int) (int32, int, bool) {
	if p.at(li, col) == '\'' {
		return p.singleQuoted(li, col)
	}
	return p.doubleQuoted(li, col)
}

func (p *parser) singleQuoted(li, col int) (int32, int, bool) {
	w := p.width(li)
	base := int(p.lines[li].start)
	doubled := false
	i := col + 1
	for ; ; i++ {
		if i >= w {
			return 0, 0, false
		}
		if p.at(li, i) == '\'' {
			if p.at(li, i+1) != '\'' {
				break
			}
			doubled = true
			i++
		}
	}
	if !doubled {
		return p.span(stringNode, base+col+1, base+i), i + 1, true
	}
	mark := len(p.scratch)
	for j := col + 1; j < i; j++ {
		c := p.at(li, j)
		p.scratch = append(p.scratch, c)
		if c == '\'' {
			j++
		}
	}
	return p.copied(stringNode, mark), i + 1, true
}

func (p *parser) doubleQuoted(li, col int) (int32, int, bool) {
	w := p.width(li)
	base := int(p.lines[li].start)
	escaped := false
	i := col + 1
	for ; ; i++ {
		if i >= w {
			return 0, 0, false
		}
		c := p.at(li, i)
		if c == '"' {
			break
		}
		if c == '\\' {
			if i+1 >= w {
				return 0, 0, false // an escaped line break
			}
			escaped = true
			i++
		}
	}
	if !escaped {
		return p.span(stringNode, base+col+1, base+i), i + 1, true
	}
	mark := len(p.scratch)
	if !p.unescape(p.src[base+col+1 : base+i]) {
		return 0, 0, false
	}
	return p.copied(stringNode, mark), i + 1, true
}

// unescape appends the text of a double-quoted scalar's content to scratch, its escapes
// replaced; false for an escape YAML does not have.
func (p *parser) unescape(s []byte) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' {
			p.scratch = append(p.scratch, c)
			continue
		}
		i++
		if i == len(s) {
			return false
		}
		if r, ok := shortEscape(s[i]); ok {
			p.scratch = append(p.scratch, r...)
			continue
		}
		var size int
		switch s[i] {
		case 'x':
			size = 2
		case 'u':
			size = 4
		case 'U':
			size = 8
		default:
			return false
		}
		if i+1+size > len(s) {
			return false
		}
		r, ok := hexRune(s[i+1 : i+1+size])
		if !ok {
			return false
		}
		p.scratch = utf8.AppendRune(p.scratch, r)
		i += size
	}
	return true
}

// shortEscape is the text of the one-character escape \c.
func shortEscape(c byte) (string, bool) {
	switch c {
	case '0':
		return "\x00", true
	case 'a':
		return "\a", true
	case 'b':
		return "\b", true
	case 't', '\t':
		return "\t", true
	case 'n':
		return "\n", true
	case 'v':
		return "\v", true
	case 'f':
		return "\f", true
	case 'r':
		return "\r", true
	case 'e':
		return "\x1b", true
	case ' ':
		return " ", true
	case '"':
		return "\"", true
	case '\'':
		return "'", true
	case '\\':
		return "\\", true
	case 'N':
		return "\u0085", true
	case '_':
		return "\u00a0", true
	case 'L':
		return "\u2028", true
	case 'P':
		return "\u2029", true
	}
	return "", false
}

// hexRune reads the code point of a \x, \u or \U escape; surrogates and values past
// U+10FFFF are not characters.
func hexRune(h []byte) (rune, bool) {
	var r rune
	for _, c := range h {
		var d byte
		switch {
		case c >= '0' && c <= '9':
			d = c - '0'
		case c >= 'a' && c <= 'f':
			d = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			d = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(d)
	}
	if r >= 0xd800 && r <= 0xdfff || r > 0x10ffff {
		return 0, false
	}
	return r, true
}
