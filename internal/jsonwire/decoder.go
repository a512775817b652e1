package jsonwire

// MaxDepth is how deeply arrays and objects may nest, as in encoding/json.
const MaxDepth = 10000

// maxTypeErrors caps how many wrong-type values one decode reports.
const maxTypeErrors = 32

// MaxIssues caps how many unknown and duplicate members one decode keeps: far more than the
// API server's warning limit lets through.
const MaxIssues = 10000

// linearKeys is how many keys an object may have before duplicate detection switches from a
// linear scan to a map.
const linearKeys = 32

// Decoder reads one JSON document. Typed readers consume one value each; [Decoder.Object]
// with [Decoder.Member], and [Decoder.Array] with [Decoder.Elem], walk containers. After
// the first syntax error every reader is a no-op and [Decoder.Err] reports it.
type Decoder struct {
	data   []byte
	pos    int
	frames []frame
	keys   [][]byte // keys of the open objects, for duplicate detection
	syntax *SyntaxError
	types  []*TypeError
	issues []Issue
	quiet  int // > 0 while reading a value whose unknown or duplicate members are not reported
}

// frame is one open array or object.
type frame struct {
	array     bool
	first     bool
	index     int
	key       []byte
	keysStart int
	keySet    map[string]struct{} // for objects with many keys
}

// NewDecoder returns a Decoder over data. The Decoder does not modify data, and the
// values it returns do not alias it.
func NewDecoder(data []byte) *Decoder {
	return &Decoder{data: data, frames: make([]frame, 0, 16), keys: make([][]byte, 0, 32)}
}

// Finish checks that nothing but white space follows the document.
func (d *Decoder) Finish() {
	if d.skipSpace(); d.syntax == nil && d.pos < len(d.data) {
		d.syntaxError("invalid character after the top-level value")
	}
}

// Err returns the syntax error, or else the wrong-type errors, of the decode so far.
func (d *Decoder) Err() error {
	if d.syntax != nil {
		return d.syntax
	}
	if len(d.types) > 0 {
		return &TypeErrors{Errors: d.types}
	}
	return nil
}

// Issues returns the unknown and duplicate members met so far, in document order.
func (d *Decoder) Issues() []Issue { return d.issues }

// failed reports whether a syntax error stopped the decode.
func (d *Decoder) failed() bool { return d.syntax != nil }

// Object starts reading an object. It returns false, consuming the value, when the value is
// null or is not an object (a wrong-type error is recorded then).
func (d *Decoder) Object() bool { return d.open('{', "object", false) }

// open starts reading a container that begins with c.
func (d *Decoder) open(c byte, want string, array bool) bool {
	switch d.peek() {
	case c:
	case 'n':
		d.literal("null")
		return false
	default:
		d.typeError(want)
		return false
	}
	if len(d.frames) >= MaxDepth {
		d.syntaxError("exceeded max depth")
		return false
	}
	d.pos++
	d.frames = append(d.frames, frame{array: array, first: true, index: -1, keysStart: len(d.keys)})
	return true
}

// Member advances to the next member of the current object and reads its key. It returns
// false after the closing brace.
func (d *Decoder) Member() bool {
	if d.failed() {
		return false
	}
	f := &d.frames[len(d.frames)-1]
	c := d.peek()
	if c == '}' {
		d.pos++
		d.closeFrame()
		return false
	}
	if !f.first {
		if c != ',' {
			d.unexpected("expected ',' or '}' after object member")
			return false
		}
		d.pos++
		d.skipSpace()
	}
	f.first = false
	key := d.str()
	if d.failed() {
		return false
	}
	if d.peek() != ':' {
		d.unexpected("expected ':' after object key")
		return false
	}
	d.pos++
	f.key = key
	if d.quiet == 0 {
		d.checkDuplicate(f, key)
	}
	return true
}

// checkDuplicate records a duplicate issue when key was already seen in the object f.
func (d *Decoder) checkDuplicate(f *frame, key []byte) {
	if f.keySet != nil {
		if _, dup := f.keySet[string(key)]; dup {
			d.issue(Duplicate)
			return
		}
		f.keySet[string(key)] = struct{}{}
		return
	}
	seen := d.keys[f.keysStart:]
	for _, k := range seen {
		if string(k) == string(key) {
			d.issue(Duplicate)
			return
		}
	}
	if len(seen) < linearKeys {
		d.keys = append(d.keys, key)
		return
	}
	f.keySet = make(map[string]struct{}, 2*linearKeys)
	for _, k := range seen {
		f.keySet[string(k)] = struct{}{}
	}
	f.keySet[string(key)] = struct{}{}
}

// Key returns the key of the current member. It is valid until the next call of Member.
func (d *Decoder) Key() []byte {
	if len(d.frames) == 0 {
		return nil
	}
	return d.frames[len(d.frames)-1].key
}

// Array starts reading an array. It returns false, consuming the value, when the value is
// null or is not an array (a wrong-type error is recorded then).
func (d *Decoder) Array() bool { return d.open('[', "array", true) }

// Elem advances to the next element of the current array. It returns false after the
// closing bracket.
func (d *Decoder) Elem() bool {
	if d.failed() {
		return false
	}
	f := &d.frames[len(d.frames)-1]
	c := d.peek()
	if c == ']' {
		d.pos++
		d.closeFrame()
		return false
	}
	if !f.first {
		if c != ',' {
			d.unexpected("expected ',' or ']' after array element")
			return false
		}
		d.pos++
		if d.peek() == ']' {
			d.syntaxError("expected a value after ','")
			return false
		}
	}
	f.first = false
	f.index++
	return true
}

// Index returns the index of the current array element.
func (d *Decoder) Index() int {
	if len(d.frames) == 0 {
		return -1
	}
	return d.frames[len(d.frames)-1].index
}

// closeFrame pops the innermost container.
func (d *Decoder) closeFrame() {
	f := d.frames[len(d.frames)-1]
	d.keys = d.keys[:f.keysStart]
	d.frames = d.frames[:len(d.frames)-1]
}

// Skip consumes the next value, checking its syntax. Unknown and duplicate members inside
// it are reported unless the decoder is quiet.
func (d *Decoder) Skip() {
	switch d.peek() {
	case '{':
		for d.Object(); d.Member(); {
			d.Skip()
		}
	case '[':
		for d.Array(); d.Elem(); {
			d.Skip()
		}
	case '"':
		d.str()
	case 't':
		d.literal("true")
	case 'f':
		d.literal("false")
	case 'n':
		d.literal("null")
	default:
		if d.pos >= len(d.data) {
			d.syntaxError("unexpected end of input")
			return
		}
		d.number()
	}
}

// unexpected reports a syntax error: msg, or the end of the input if that is what was met.
func (d *Decoder) unexpected(msg string) {
	if d.pos >= len(d.data) {
		msg = "unexpected end of input"
	}
	d.syntaxError(msg)
}
