package job

import (
	"bytes"
	"errors"
	"fmt"

	yaml "go.yaml.in/yaml/v3"
)

// checkExpansion rejects a YAML document whose aliases (and merge keys, which use them)
// expand it to more than max bytes of JSON: YAML conversion copies an anchored node at every
// alias, so a small document can stand for gigabytes. A document without aliases is not
// examined; its JSON is about its own size.
func checkExpansion(data []byte, max int) error {
	if max < 0 || !bytes.ContainsRune(data, '*') {
		return nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return err
	}
	e := expansion{max: max, sizes: map[*yaml.Node]int{}, open: map[*yaml.Node]bool{}}
	if size := e.size(&doc); size > max {
		return fmt.Errorf("the document's YAML aliases expand it to more than the limit of %d bytes", max)
	}
	return e.err
}

// expansion computes the JSON size of YAML nodes with aliases expanded, each anchored node
// once, stopping at max.
type expansion struct {
	max   int
	sizes map[*yaml.Node]int
	open  map[*yaml.Node]bool
	err   error
}

var errAliasCycle = errors.New("a YAML alias refers to a node that contains it")

func (e *expansion) size(n *yaml.Node) int {
	if n == nil {
		return 0
	}
	if s, ok := e.sizes[n]; ok {
		return s
	}
	if e.open[n] {
		e.err = errAliasCycle
		return e.max + 1
	}
	e.open[n] = true
	total := 2
	switch n.Kind {
	case yaml.ScalarNode:
		total += len(n.Value)
	case yaml.AliasNode:
		total = e.size(n.Alias)
	default:
		for _, c := range n.Content {
			total += e.size(c) + 1
			if total > e.max {
				break
			}
		}
	}
	delete(e.open, n)
	total = min(total, e.max+1)
	e.sizes[n] = total
	return total
}
