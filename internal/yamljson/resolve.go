package yamljson

import (
	"math"
	"strconv"
	"time"
)

// plain adds the plain scalar src[off:end], resolved as YAML 1.1 resolves it for an untyped
// value: null, a boolean, an integer in any base, a float, or else a string (a timestamp
// stays a string). It declines NaN and the infinities, which JSON cannot hold.
func (p *parser) plain(off, end int) (int32, bool) {
	s := p.src[off:end]
	if len(s) == 0 {
		return p.literal(nullNode), true
	}
	switch s[0] {
	case 'y', 'Y', 'n', 'N', 't', 'T', 'f', 'F', 'o', 'O', '~':
		return p.word(s, off, end), true
	case '.':
		if isSpecialFloat(s) {
			return 0, false
		}
		if f, err := strconv.ParseFloat(string(s), 64); err == nil {
			return p.float(f), true
		}
	case '+', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return p.number(s, off, end)
	}
	return p.span(stringNode, off, end), true
}

// word resolves a plain scalar whose first letter may begin a boolean or null.
func (p *parser) word(s []byte, off, end int) int32 {
	switch string(s) {
	case "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON":
		return p.literal(trueNode)
	case "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF":
		return p.literal(falseNode)
	case "~", "null", "Null", "NULL":
		return p.literal(nullNode)
	}
	return p.span(stringNode, off, end)
}

func isSpecialFloat(s []byte) bool {
	switch string(s) {
	case ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF":
		return true
	}
	return false
}

// number resolves a plain scalar that starts with a sign or a digit.
func (p *parser) number(s []byte, off, end int) (int32, bool) {
	if isSpecialFloat(s) {
		return 0, false
	}
	if canonicalInt(s) {
		return p.span(numberNode, off, end), true
	}
	if isTimestamp(s) {
		return p.span(stringNode, off, end), true
	}
	var buf [64]byte
	digits := buf[:0]
	for _, c := range s {
		if c != '_' {
			digits = append(digits, c)
		}
	}
	text := string(digits)
	if i, err := strconv.ParseInt(text, 0, 64); err == nil {
		mark := len(p.scratch)
		p.scratch = strconv.AppendInt(p.scratch, i, 10)
		return p.copied(numberNode, mark), true
	}
	if u, err := strconv.ParseUint(text, 0, 64); err == nil {
		mark := len(p.scratch)
		p.scratch = strconv.AppendUint(p.scratch, u, 10)
		return p.copied(numberNode, mark), true
	}
	if isYAMLFloat(digits) {
		if f, err := strconv.ParseFloat(text, 64); err == nil {
			return p.float(f), true
		}
	}
	if len(text) > 2 && (text[:2] == "0b" || text[:3] == "-0b") {
		return 0, false // binary beyond int64: left to the slow path
	}
	return p.span(stringNode, off, end), true
}

// canonicalInt reports whether s is a decimal integer written as JSON writes it: no plus
// sign, no leading zero, not "-0", and short enough to be an int64.
func canonicalInt(s []byte) bool {
	d := s
	if d[0] == '-' {
		d = d[1:]
	}
	if len(d) == 0 || len(d) > 18 || d[0] == '0' && (len(d) > 1 || len(s) > 1) {
		return false
	}
	for _, c := range d {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// isYAMLFloat reports whether s is a YAML 1.1 float: [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
func isYAMLFloat(s []byte) bool {
	i := 0
	if i < len(s) && (s[i] == '-' || s[i] == '+') {
		i++
	}
	digits := func() int {
		n := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			n++
		}
		return n
	}
	if i < len(s) && s[i] == '.' {
		i++
		if digits() == 0 {
			return false
		}
	} else {
		if digits() == 0 {
			return false
		}
		if i < len(s) && s[i] == '.' {
			i++
			digits()
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '-' || s[i] == '+') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return i == len(s)
}

// timestampLayouts are the timestamps YAML 1.1 resolution recognizes.
var timestampLayouts = [...]string{
	"2006-1-2T15:4:5.999999999Z07:00",
	"2006-1-2t15:4:5.999999999Z07:00",
	"2006-1-2 15:4:5.999999999",
	"2006-1-2",
}

// isTimestamp reports whether s reads as a timestamp: four digits, a dash, and one of the
// layouts.
func isTimestamp(s []byte) bool {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i != 4 || i == len(s) || s[i] != '-' {
		return false
	}
	for _, layout := range timestampLayouts {
		if _, err := time.Parse(layout, string(s)); err == nil {
			return true
		}
	}
	return false
}

// float adds a float, written as encoding/json writes a float64.
func (p *parser) float(f float64) int32 {
	mark := len(p.scratch)
	format := byte('f')
	if a := math.Abs(f); a != 0 && (a < 1e-6 || a >= 1e21) {
		format = 'e'
	}
	p.scratch = strconv.AppendFloat(p.scratch, f, format, -1, 64)
	if format == 'e' {
		b := p.scratch
		if n := len(b); n-mark >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			p.scratch = b[:n-1]
		}
	}
	return p.copied(numberNode, mark)
}
