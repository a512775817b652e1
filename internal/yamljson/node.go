package yamljson

// A node of the document: a collection, whose children are linked, or a scalar, whose
// JSON-ready text is a span of the source or of the parser's scratch.
type node struct {
	kind     nodeKind
	inSrc    bool  // the text is src[off:end], not scratch[off:end]
	off, end int32 // a scalar's text
	first    int32 // a collection's first child (for a mapping: key, value, key, ...), or -1
	last     int32
	next     int32 // the next child of the same collection, or -1
}

type nodeKind uint8

const (
	mappingNode nodeKind = iota
	sequenceNode
	stringNode
	numberNode // the text is the JSON number
	trueNode
	falseNode
	nullNode
)

func (p *parser) add(n node) int32 {
	n.first, n.last, n.next = -1, -1, -1
	p.nodes = append(p.nodes, n)
	return int32(len(p.nodes) - 1)
}

// collection adds an empty mapping or sequence.
func (p *parser) collection(kind nodeKind) int32 { return p.add(node{kind: kind}) }

// literal adds a node that holds no text: true, false or null.
func (p *parser) literal(kind nodeKind) int32 { return p.add(node{kind: kind}) }

// span adds a scalar whose text is src[off:end].
func (p *parser) span(kind nodeKind, off, end int) int32 {
	return p.add(node{kind: kind, inSrc: true, off: int32(off), end: int32(end)})
}

// copied adds a scalar whose text is what scratch gained since mark.
func (p *parser) copied(kind nodeKind, mark int) int32 {
	return p.add(node{kind: kind, off: int32(mark), end: int32(len(p.scratch))})
}

func (p *parser) appendChild(parent, child int32) {
	if p.nodes[parent].first < 0 {
		p.nodes[parent].first = child
	} else {
		p.nodes[p.nodes[parent].last].next = child
	}
	p.nodes[parent].last = child
}

// text is a scalar's text.
func (p *parser) text(n int32) []byte {
	nd := &p.nodes[n]
	if nd.inSrc {
		return p.src[nd.off:nd.end]
	}
	return p.scratch[nd.off:nd.end]
}
