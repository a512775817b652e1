package job

import (
	"bufio"
	"bytes"
	"errors"
	"io"
)

// A streamReader cuts a stream of manifests into documents, one at a time, holding no more
// than one document: a JSON stream is a single document; YAML is cut where the YAML stream
// rules put a document boundary.
//
// A YAML document starts after a line "---" (followed by nothing, white space, a comment,
// or the document's first node) and ends before the next such line or after a line "..."
// (the document end marker); what follows "..." is the next document, even without "---".
// Those lines are boundaries only at the start of a line and outside multi-line quoted
// scalars and block scalars: "---" inside a quoted scalar is its text (YAML forbids it there,
// and the document's conversion reports that), not a separator.
type streamReader struct {
	r        *bufio.Reader
	max      int // the largest document kept; -1 for no limit
	line     int // lines read so far
	number   int // documents returned so far
	started  bool
	json     bool
	pending  []byte // a line read but not yet used
	havePend bool
	done     bool
}

func newStreamReader(r io.Reader, max int) *streamReader {
	size := 64 << 10
	if known, ok := r.(interface{ Len() int }); ok {
		size = min(size, known.Len()+1) // a manifest in memory needs no larger buffer
	}
	return &streamReader{r: bufio.NewReaderSize(r, size), max: max}
}

// next returns the next document that holds anything but white space and comments, or
// io.EOF. A document over the size limit comes back marked tooLarge, without its data, and
// reading goes on after it.
func (s *streamReader) next() (part, error) {
	if !s.started {
		s.started = true
		if err := s.sniff(); err != nil {
			return part{}, err
		}
	}
	for !s.done {
		p, err := s.document()
		if err != nil {
			return part{}, err
		}
		if p.data != nil || p.tooLarge {
			s.number++
			p.number = s.number
			return p, nil
		}
	}
	return part{}, io.EOF
}

// sniff decides whether the stream is JSON: its first byte other than white space is '{'.
func (s *streamReader) sniff() error {
	for {
		b, err := s.r.Peek(1)
		if err != nil {
			if errors.Is(err, io.EOF) {
				s.done = true
				return nil
			}
			return err
		}
		switch b[0] {
		case ' ', '\t', '\r', '\n':
			if b[0] == '\n' {
				s.line++
			}
			s.r.ReadByte()
			continue
		case '{':
			s.json = true
		}
		return nil
	}
}

// readLine returns the next line with its newline, or io.EOF. A line longer than the size
// limit is cut after it: the document it is in is over the limit anyway, and is not kept.
func (s *streamReader) readLine() ([]byte, error) {
	if s.havePend {
		s.havePend = false
		s.line++
		return s.pending, nil
	}
	line, err := s.r.ReadSlice('\n')
	if errors.Is(err, bufio.ErrBufferFull) {
		long := append([]byte(nil), line...)
		for errors.Is(err, bufio.ErrBufferFull) {
			line, err = s.r.ReadSlice('\n')
			if s.max < 0 || len(long) <= s.max {
				long = append(long, line...)
			}
		}
		line = long
	}
	if len(line) == 0 && err != nil {
		return nil, err
	}
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	s.line++
	return line, nil
}

// document reads one document of the stream. Its data is nil when it holds nothing; its
// line is that of its first node.
func (s *streamReader) document() (part, error) {
	p := part{line: s.line + 1, yaml: !s.json}
	first := 0
	var buf []byte
	var scan yamlScanner
	content := false
	keep := func(line []byte) {
		if p.tooLarge {
			return
		}
		if s.max >= 0 && len(buf)+len(line) > s.max {
			p.tooLarge, buf = true, nil
			return
		}
		buf = append(buf, line...)
	}
	for {
		line, err := s.readLine()
		if errors.Is(err, io.EOF) {
			s.done = true
			break
		}
		if err != nil {
			return part{}, err
		}
		if s.json {
			keep(line)
			continue
		}
		if !scan.inScalar() {
			switch marker(line) {
			case startMarker:
				if content || p.tooLarge {
					s.pending, s.havePend, s.line = line, true, s.line-1
					return s.finish(at(p, first), buf, content), nil
				}
				buf = buf[:0]
				keep(line)
				if content = !blankAfterMarker(line); content {
					first = s.line
				}
				scan.line(line[3:])
				continue
			case endMarker:
				return s.finish(at(p, first), buf, content), nil
			}
		}
		if !content && !blank(line) {
			content, first = true, s.line
		}
		keep(line)
		scan.line(line)
	}
	return s.finish(at(p, first), buf, content || s.json), nil
}

// at returns p starting at line first, when known.
func at(p part, first int) part {
	if first > 0 {
		p.line = first
	}
	return p
}

// finish completes a document's part: empty when it has no content, without data when it is
// over the size limit.
func (s *streamReader) finish(p part, buf []byte, content bool) part {
	if !content && !p.tooLarge {
		return part{}
	}
	if p.tooLarge {
		p.data = nil
		return p
	}
	p.data = buf
	if p.data == nil {
		p.data = []byte{}
	}
	return p
}

type markerKind int

const (
	noMarker markerKind = iota
	startMarker
	endMarker
)

// marker says whether a line is a document start ("---") or end ("...") marker: the three
// characters at the start of the line, then the end of the line or white space.
func marker(line []byte) markerKind {
	if len(line) < 3 {
		return noMarker
	}
	if len(line) > 3 && line[3] != ' ' && line[3] != '\t' && line[3] != '\n' && line[3] != '\r' {
		return noMarker
	}
	switch string(line[:3]) {
	case "---":
		return startMarker
	case "...":
		return endMarker
	}
	return noMarker
}

// blankAfterMarker reports whether a "---" line holds nothing but white space and a comment
// after the marker.
func blankAfterMarker(line []byte) bool { return blank(line[3:]) }

// blank reports whether a line holds nothing but white space and a comment.
func blank(line []byte) bool {
	t := bytes.TrimSpace(line)
	return len(t) == 0 || t[0] == '#'
}

// yamlScanner follows a YAML document line by line, just enough to know whether the next
// line continues a quoted scalar or a block scalar, where document markers are not markers.
type yamlScanner struct {
	quote       byte // '"' or '\'' while a quoted scalar is open at the end of a line
	inBlock     bool // in a block scalar, whose lines are indented more than blockIndent
	blockIndent int
}

func (y *yamlScanner) inScalar() bool { return y.quote != 0 || y.inBlock }

// line moves the scanner over one line of the document.
func (y *yamlScanner) line(line []byte) {
	indent := 0
	for indent < len(line) && line[indent] == ' ' {
		indent++
	}
	if y.inBlock {
		if blankLine(line) || indent > y.blockIndent {
			return
		}
		y.inBlock = false
	}
	tokenStart := true
	for i := indent; i < len(line); i++ {
		c := line[i]
		switch {
		case y.quote == '"':
			if c == '\\' {
				i++
			} else if c == '"' {
				y.quote = 0
				tokenStart = false
			}
			continue
		case y.quote == '\'':
			if c == '\'' {
				if i+1 < len(line) && line[i+1] == '\'' {
					i++
				} else {
					y.quote = 0
					tokenStart = false
				}
			}
			continue
		}
		switch {
		case c == '#' && (tokenStart || i > 0 && (line[i-1] == ' ' || line[i-1] == '\t')):
			i = len(line)
			continue
		case (c == '"' || c == '\'') && tokenStart:
			y.quote = c
			continue
		case c == ' ' || c == '\t' || c == '\r' || c == '\n':
			continue
		case c == '[' || c == '{' || c == ',' || c == '?':
			tokenStart = true
		case (c == ':' || c == '-') && (i+1 == len(line) || line[i+1] == ' ' || line[i+1] == '\t' || line[i+1] == '\n' || line[i+1] == '\r'):
			tokenStart = true
		default:
			tokenStart = false
		}
	}
	if y.quote == 0 && blockHeader(line) {
		y.inBlock, y.blockIndent = true, indent
	}
}

// blockHeader reports whether a line ends with a block scalar header ("|", ">", with their
// chomping and indentation indicators) after a key, a sequence dash or a document marker.
func blockHeader(line []byte) bool {
	if bytes.IndexByte(line, '|') < 0 && bytes.IndexByte(line, '>') < 0 {
		return false
	}
	t := line
	if i := commentStart(t); i >= 0 {
		t = t[:i]
	}
	t = bytes.TrimRight(t, " \t\r\n")
	j := len(t)
	for j > 0 && (t[j-1] == '+' || t[j-1] == '-' || t[j-1] >= '0' && t[j-1] <= '9') {
		j--
	}
	if j == 0 || (t[j-1] != '|' && t[j-1] != '>') {
		return false
	}
	before := bytes.TrimRight(t[:j-1], " \t")
	return len(before) == 0 || before[len(before)-1] == ':' || before[len(before)-1] == '-' || bytes.Equal(before, []byte("---"))
}

// commentStart is where a comment starts in a line outside quotes, or -1.
func commentStart(line []byte) int {
	var quote byte
	for i, c := range line {
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			if i == 0 || line[i-1] == ' ' || line[i-1] == ':' || line[i-1] == '[' || line[i-1] == '{' || line[i-1] == ',' {
				quote = c
			}
		case c == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t'):
			return i
		}
	}
	return -1
}

func blankLine(line []byte) bool { return len(bytes.TrimSpace(line)) == 0 }
