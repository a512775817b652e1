package oracle

import (
	"slices"

	"k8s.io/apimachinery/pkg/api/meta"
	"k8s.io/client-go/tools/cache"
)

// orderedIndexer lists pods in the order of the case, as the case format asks, where the
// informer's indexer lists them in map order.
type orderedIndexer struct {
	cache.Indexer
	position map[string]int
}

func (o orderedIndexer) ByIndex(indexName, indexedValue string) ([]any, error) {
	items, err := o.Indexer.ByIndex(indexName, indexedValue)
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(items, func(a, b any) int { return o.pos(a) - o.pos(b) })
	return items, nil
}

func (o orderedIndexer) pos(obj any) int {
	m, err := meta.Accessor(obj)
	if err != nil {
		return len(o.position)
	}
	if p, ok := o.position[m.GetNamespace()+"/"+m.GetName()]; ok {
		return p
	}
	return len(o.position)
}
