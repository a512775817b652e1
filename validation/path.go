package validation

import (
	"strconv"
	"strings"

	"k8s.io/apimachinery/pkg/util/validation/field"
)

// path is a field path that is built only when an error needs it: a chain of steps that
// live on the stack, each pointing to its parent. Building field.Path values eagerly, as
// apimachinery does, costs allocations on every valid object.
//
// build copies the strings it takes from the chain, so that nothing the chain points to
// flows into the heap: that keeps escape analysis from moving the steps to the heap.
type path struct {
	parent *path
	step   string // a member name or map key; for the root, the rendered base path
	kind   stepKind
	index  int
}

type stepKind uint8

const (
	rootStep stepKind = iota
	childStep
	indexStep
	keyStep
)

// rootPath starts a chain under base, which may be nil.
func rootPath(base *field.Path) path {
	if base == nil {
		return path{}
	}
	return path{step: base.String()}
}

// child returns the path of the member name of p.
func (p *path) child(name string) path { return path{parent: p, step: name, kind: childStep} }

// at returns the path of element i of p.
func (p *path) at(i int) path { return path{parent: p, kind: indexStep, index: i} }

// key returns the path of map key k of p.
func (p *path) key(k string) path { return path{parent: p, step: k, kind: keyStep} }

// build renders the chain as a field.Path.
func (p *path) build() *field.Path {
	switch p.kind {
	case rootStep:
		if p.step == "" {
			return nil
		}
		return field.NewPath(strings.Clone(p.step))
	case indexStep:
		return p.parent.build().Index(p.index)
	case keyStep:
		return p.parent.build().Key(strings.Clone(p.step))
	}
	parent := p.parent.build()
	if parent == nil {
		return field.NewPath(strings.Clone(p.step))
	}
	return parent.Child(strings.Clone(p.step))
}

// String renders the path as apimachinery does, for messages.
func (p *path) String() string {
	if b := p.build(); b != nil {
		return b.String()
	}
	return ""
}

// itoa formats an int for messages.
func itoa[T ~int | ~int32 | ~int64](v T) string { return strconv.FormatInt(int64(v), 10) }
