package validation

import (
	"strconv"

	"k8s.io/apimachinery/pkg/util/validation/field"
)

// path is a field path that is built only when an error needs it: a chain of steps that
// live on the stack, each pointing to its parent. Building field.Path values eagerly, as
// apimachinery does, costs allocations on every valid object.
type path struct {
	parent *path
	step   string
	kind   stepKind
	index  int
	base   *field.Path // the root of the chain: steps are appended to it
}

type stepKind uint8

const (
	rootStep stepKind = iota
	childStep
	indexStep
	keyStep
)

// rootPath starts a chain under base (which may be nil).
func rootPath(base *field.Path) path { return path{base: base} }

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
		return p.base
	case indexStep:
		return p.parent.build().Index(p.index)
	case keyStep:
		return p.parent.build().Key(p.step)
	}
	parent := p.parent.build()
	if parent == nil {
		return field.NewPath(p.step)
	}
	return parent.Child(p.step)
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
