package jsonwire

import (
	"unicode/utf16"
	"unicode/utf8"
)

// skipSpace advances past JSON white space.
func (d *Decoder) skipSpace() {
	for d.pos < len(d.data) {
		switch d.data[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

// peek returns the first byte of the next token, or 0 at the end of the input.
func (d *Decoder) peek() byte {
	d.skipSpace()
	if d.pos >= len(d.data) {
		return 0
	}
	return d.data[d.pos]
}

// literal consumes the keyword lit (true, false or null) at the current position.
func (d *Decoder) literal(lit string) bool {
	if len(d.data)-d.pos >= len(lit) && string(d.data[d.pos:d.pos+len(lit)]) == lit {
		d.pos += len(lit)
		return true
	}
	d.syntaxError("invalid literal, expected " + lit)
	return false
}

// number consumes a JSON number and returns its literal text.
func (d *Decoder) number() []byte {
	start := d.pos
	p := d.pos
	if p < len(d.data) && d.data[p] == '-' {
		p++
	}
	switch {
	case p < len(d.data) && d.data[p] == '0':
		p++
	case p < len(d.data) && d.data[p] >= '1' && d.data[p] <= '9':
		p = digits(d.data, p)
	default:
		d.pos = p
		d.syntaxError("invalid number")
		return nil
	}
	if p < len(d.data) && d.data[p] == '.' {
		p++
		if p >= len(d.data) || !isDigit(d.data[p]) {
			d.pos = p
			d.syntaxError("invalid number: no digit after the decimal point")
			return nil
		}
		p = digits(d.data, p)
	}
	if p < len(d.data) && (d.data[p] == 'e' || d.data[p] == 'E') {
		p++
		if p < len(d.data) && (d.data[p] == '+' || d.data[p] == '-') {
			p++
		}
		if p >= len(d.data) || !isDigit(d.data[p]) {
			d.pos = p
			d.syntaxError("invalid number: no digit in the exponent")
			return nil
		}
		p = digits(d.data, p)
	}
	d.pos = p
	return d.data[start:p]
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func digits(b []byte, p int) int {
	for p < len(b) && isDigit(b[p]) {
		p++
	}
	return p
}

// str consumes a JSON string and returns its decoded bytes. Strings without escapes or
// non-ASCII bytes are returned as a slice of the input; others are decoded into a new slice.
func (d *Decoder) str() []byte {
	if d.pos >= len(d.data) || d.data[d.pos] != '"' {
		d.syntaxError("expected a string")
		return nil
	}
	start := d.pos + 1
	for p := start; p < len(d.data); p++ {
		c := d.data[p]
		switch {
		case c == '"':
			d.pos = p + 1
			return d.data[start:p]
		case c == '\\' || c >= utf8.RuneSelf:
			return d.slowStr(start)
		case c < ' ':
			d.pos = p
			d.syntaxError("invalid control character in string")
			return nil
		}
	}
	d.pos = len(d.data)
	d.syntaxError("unterminated string")
	return nil
}

// slowStr decodes a string that holds escapes or non-ASCII bytes, starting after its quote.
func (d *Decoder) slowStr(start int) []byte {
	out := make([]byte, 0, 16)
	p := start
	for p < len(d.data) {
		c := d.data[p]
		switch {
		case c == '"':
			d.pos = p + 1
			return out
		case c == '\\':
			var ok bool
			if out, p, ok = d.escape(out, p); !ok {
				return nil
			}
		case c < ' ':
			d.pos = p
			d.syntaxError("invalid control character in string")
			return nil
		case c < utf8.RuneSelf:
			out = append(out, c)
			p++
		default:
			r, size := utf8.DecodeRune(d.data[p:])
			out = utf8.AppendRune(out, r) // invalid bytes read as U+FFFD, one per byte
			p += size
		}
	}
	d.pos = len(d.data)
	d.syntaxError("unterminated string")
	return nil
}

// escape decodes the escape sequence at p and appends it to out.
func (d *Decoder) escape(out []byte, p int) ([]byte, int, bool) {
	if p+1 >= len(d.data) {
		d.pos = p
		d.syntaxError("unterminated escape")
		return out, p, false
	}
	switch c := d.data[p+1]; c {
	case '"', '\\', '/':
		return append(out, c), p + 2, true
	case 'b':
		return append(out, '\b'), p + 2, true
	case 'f':
		return append(out, '\f'), p + 2, true
	case 'n':
		return append(out, '\n'), p + 2, true
	case 'r':
		return append(out, '\r'), p + 2, true
	case 't':
		return append(out, '\t'), p + 2, true
	case 'u':
		r, ok := hex4(d.data, p+2)
		if !ok {
			d.pos = p
			d.syntaxError("invalid \\u escape")
			return out, p, false
		}
		p += 6
		if utf16.IsSurrogate(r) {
			if r2, ok := lowSurrogate(d.data, p); ok {
				if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
					return utf8.AppendRune(out, dec), p + 6, true
				}
			}
			r = utf8.RuneError
		}
		return utf8.AppendRune(out, r), p, true
	default:
		d.pos = p
		d.syntaxError("invalid escape character")
		return out, p, false
	}
}

// lowSurrogate reads a \uXXXX escape at p, if there is one.
func lowSurrogate(b []byte, p int) (rune, bool) {
	if p+1 < len(b) && b[p] == '\\' && b[p+1] == 'u' {
		return hex4(b, p+2)
	}
	return 0, false
}

// hex4 reads four hexadecimal digits at p.
func hex4(b []byte, p int) (rune, bool) {
	if p+4 > len(b) {
		return 0, false
	}
	var r rune
	for _, c := range b[p : p+4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r*16 + rune(c)
	}
	return r, true
}
