package main

import (
	"bytes"
	"fmt"
	"log"
	"reflect"
	"strings"
)

// renderEqual writes the SemanticEqual methods of the model's struct types.
func (m *model) renderEqual(b *bytes.Buffer) {
	for _, s := range m.structs {
		if s.embeddedOnly {
			continue
		}
		b.WriteString(comment("SemanticEqual reports whether x and o are equal as the API server compares them: nil and empty slices and maps alike, quantities by value. Extra is not compared: the server never holds members core/v1 does not have. Two nil values are equal; a nil one equals no other."))
		fmt.Fprintf(b, "func (x *%s) SemanticEqual(o *%s) bool {\n\tif x == nil || o == nil {\n\t\treturn x == o\n\t}\n", s.name(), s.name())
		var terms []string
		for _, mb := range m.members(s) {
			terms = append(terms, equal(mb.t, "x."+mb.path, "o."+mb.path))
		}
		if len(terms) == 0 {
			terms = []string{"true"}
		}
		fmt.Fprintf(b, "\treturn %s\n}\n\n", strings.Join(terms, " &&\n\t\t"))
	}
}

// equal is the expression that compares a and b, of type t.
func equal(t reflect.Type, a, b string) string {
	switch kindOf(t) {
	case kString, kBool, kInt, kIntOrString:
		return a + " == " + b
	case kStruct:
		return a + ".SemanticEqual(&" + b + ")"
	case kObjectMeta:
		return "ObjectMetaEqual(&" + a + ", &" + b + ")"
	case kSelector:
		return "SelectorsEqual(&" + a + ", &" + b + ")"
	case kQuantity:
		return a + ".Cmp(" + b + ") == 0"
	case kPointer:
		switch kindOf(t.Elem()) {
		case kString, kBool, kInt, kIntOrString:
			return "ptrEq(" + a + ", " + b + ")"
		case kSelector:
			return "SelectorsEqual(" + a + ", " + b + ")"
		}
		return "ptrEqual(" + a + ", " + b + ", " + equalFunc(t.Elem()) + ")"
	case kSlice:
		if scalar(t.Elem()) {
			return "slices.Equal(" + a + ", " + b + ")"
		}
		return "sliceEqual(" + a + ", " + b + ", " + equalFunc(t.Elem()) + ")"
	case kMap:
		if scalar(t.Elem()) {
			return "maps.Equal(" + a + ", " + b + ")"
		}
		return "mapEqual(" + a + ", " + b + ", " + equalFunc(t.Elem()) + ")"
	}
	log.Fatalf("%s: no equality", t)
	return ""
}

// equalFunc is a func(*T, *T) bool comparing values of type t.
func equalFunc(t reflect.Type) string {
	switch kindOf(t) {
	case kStruct:
		return "(*" + goType(t) + ").SemanticEqual"
	case kQuantity:
		return "quantityEqual"
	}
	log.Fatalf("%s: no equality function", t)
	return ""
}

func scalar(t reflect.Type) bool {
	switch kindOf(t) {
	case kString, kBool, kInt, kIntOrString:
		return true
	}
	return false
}
