package yamljson

import (
	"bytes"
	"slices"

	"github.com/jobkit/jobkit/internal/jsonwire"
)

// emit appends the JSON of node n to out as encoding/json writes the object sigs.k8s.io/yaml
// builds: mapping keys sorted. A mapping with a key twice is declined: the slow path
// reports it, or keeps the last.
func (p *parser) emit(out []byte, n int32) ([]byte, bool) {
	nd := &p.nodes[n]
	switch nd.kind {
	case mappingNode:
		return p.emitObject(out, n)
	case sequenceNode:
		out = append(out, '[')
		ok := true
		for c := nd.first; c >= 0 && ok; c = p.nodes[c].next {
			if c != nd.first {
				out = append(out, ',')
			}
			out, ok = p.emit(out, c)
		}
		return append(out, ']'), ok
	case stringNode:
		return jsonwire.AppendString(out, p.text(n)), true
	case numberNode:
		return append(out, p.text(n)...), true
	case trueNode:
		return append(out, "true"...), true
	case falseNode:
		return append(out, "false"...), true
	}
	return append(out, "null"...), true
}

func (p *parser) emitObject(out []byte, n int32) ([]byte, bool) {
	base := len(p.order)
	for k := p.nodes[n].first; k >= 0; k = p.nodes[p.nodes[k].next].next {
		p.order = append(p.order, k)
	}
	count := len(p.order) - base
	p.sortKeys(p.order[base:])
	keys := p.order[base:]
	for i := 1; i < len(keys); i++ {
		if bytes.Equal(p.text(keys[i-1]), p.text(keys[i])) {
			return nil, false
		}
	}
	out = append(out, '{')
	ok := true
	for i := 0; i < count && ok; i++ {
		k := p.order[base+i] // the emitting of values below grows p.order past this region
		if i > 0 {
			out = append(out, ',')
		}
		out = jsonwire.AppendString(out, p.text(k))
		out = append(out, ':')
		out, ok = p.emit(out, p.nodes[k].next)
	}
	p.order = p.order[:base]
	return append(out, '}'), ok
}

// sortKeys sorts keys by their text: an insertion sort for the few keys most mappings have.
func (p *parser) sortKeys(keys []int32) {
	if len(keys) > 12 {
		slices.SortFunc(keys, func(a, b int32) int { return bytes.Compare(p.text(a), p.text(b)) })
		return
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && bytes.Compare(p.text(keys[j-1]), p.text(keys[j])) > 0; j-- {
			keys[j-1], keys[j] = keys[j], keys[j-1]
		}
	}
}
