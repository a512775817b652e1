// Command podschema writes internal/podschema/zz_generated.schema.go: the JSON shape of
// every member of core/v1 PodSpec and the types under it, read by reflection from
// k8s.io/api, so that jobkit can report unknown and wrong-type members inside a Job's pod
// template without importing k8s.io/api.
//
// Run it through hack/update-codegen.sh.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/format"
	"log"
	"os"
	"reflect"
	"sort"
	"strings"

	corev1 "k8s.io/api/core/v1"
)

func main() {
	if len(os.Args) != 3 {
		log.Fatal("usage: podschema <header file> <output file>")
	}
	header, err := os.ReadFile(os.Args[1])
	if err != nil {
		log.Fatal(err)
	}
	g := newGenerator()
	g.visit(reflect.TypeFor[corev1.PodSpec]())
	src, err := format.Source(g.render(header))
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(os.Args[2], src, 0o644); err != nil {
		log.Fatal(err)
	}
}

// member is one JSON member of a struct type.
type member struct {
	name string
	kind string // a podschema Kind constant
	elem string // for List and Map: the element's Kind
	typ  string // for Object, or List and Map of Object: the struct's Type constant
}

// generator collects the struct types reachable from the roots.
type generator struct {
	names   map[reflect.Type]string // struct type → its Type constant
	owners  map[string]reflect.Type // Type constant → struct type, to catch name clashes
	order   []reflect.Type
	members map[reflect.Type][]member
}

func newGenerator() *generator {
	return &generator{
		names:   map[reflect.Type]string{},
		owners:  map[string]reflect.Type{},
		members: map[reflect.Type][]member{},
	}
}

// special maps the types that read themselves from JSON to their Kind. A type the schema
// meets that is not here, or a Go kind shape does not know, stops the generator: podschema
// then needs a new Kind.
var special = map[string]string{
	"k8s.io/apimachinery/pkg/api/resource.Quantity":   "Quantity",
	"k8s.io/apimachinery/pkg/util/intstr.IntOrString": "IntOrString",
	"k8s.io/apimachinery/pkg/apis/meta/v1.Time":       "Time",
	"k8s.io/apimachinery/pkg/apis/meta/v1.FieldsV1":   "Any",
}

var unmarshaler = reflect.TypeFor[json.Unmarshaler]()

// visit records struct type t and, depth first, every struct type its members hold.
func (g *generator) visit(t reflect.Type) string {
	if name, ok := g.names[t]; ok {
		return name
	}
	name := t.Name()
	if other, ok := g.owners[name]; ok {
		log.Fatalf("%s and %s share the name %s", t.PkgPath(), other.PkgPath(), name)
	}
	g.names[t], g.owners[name] = name, t
	g.order = append(g.order, t)
	var ms []member
	g.collect(t, &ms)
	sort.Slice(ms, func(i, j int) bool { return ms[i].name < ms[j].name })
	g.members[t] = ms
	return name
}

// collect appends the JSON members of struct t, flattening inline embedded structs.
func (g *generator) collect(t reflect.Type, ms *[]member) {
	for f := range t.Fields() {
		tag := f.Tag.Get("json")
		name, opts, _ := strings.Cut(tag, ",")
		if name == "-" && opts == "" || !f.IsExported() {
			continue
		}
		if f.Anonymous && name == "" && deref(f.Type).Kind() == reflect.Struct {
			g.collect(deref(f.Type), ms)
			continue
		}
		if name == "" && (f.Anonymous || strings.Contains(opts, "inline")) {
			log.Fatalf("%s.%s: unsupported embedding", t.Name(), f.Name)
		}
		if name == "" {
			name = f.Name
		}
		for _, seen := range *ms {
			if seen.name == name {
				log.Fatalf("%s: member %q is declared twice", t.Name(), name)
			}
		}
		m := member{name: name}
		m.kind, m.typ = g.shape(f.Type)
		if m.kind == "List" || m.kind == "Map" {
			m.elem, m.typ = g.shape(f.Type.Elem())
			if m.elem == "List" || m.elem == "Map" {
				log.Fatalf("%s.%s: containers of containers are not supported", t.Name(), f.Name)
			}
		}
		*ms = append(*ms, m)
	}
}

// shape returns the Kind of a Go type and, for structs, its Type constant.
func (g *generator) shape(t reflect.Type) (kind, typ string) {
	t = deref(t)
	if k, ok := special[t.PkgPath()+"."+t.Name()]; ok {
		return k, ""
	}
	if reflect.PointerTo(t).Implements(unmarshaler) {
		log.Fatalf("%s.%s reads itself from JSON: add it to special", t.PkgPath(), t.Name())
	}
	switch t.Kind() {
	case reflect.String:
		return "String", ""
	case reflect.Bool:
		return "Bool", ""
	case reflect.Int32:
		return "Int32", ""
	case reflect.Int64, reflect.Int:
		return "Int64", ""
	case reflect.Interface:
		return "Any", ""
	case reflect.Struct:
		return "Object", g.visit(t)
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			break // encoding/json reads []byte as base64: podschema has no Kind for it yet
		}
		return "List", ""
	case reflect.Map:
		if t.Key().Kind() != reflect.String {
			log.Fatalf("%s: map keys must be strings", t)
		}
		return "Map", ""
	}
	log.Fatalf("%s: unsupported kind %s", t, t.Kind())
	return "", ""
}

func deref(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

// render writes the Go source of the schema.
func (g *generator) render(header []byte) []byte {
	var b bytes.Buffer
	b.Write(header)
	b.WriteString("// Code generated by hack/podschema. DO NOT EDIT.\n\npackage podschema\n\n")
	b.WriteString("// The struct types of core/v1 that a pod template holds.\nconst (\n")
	for i, t := range g.order {
		fmt.Fprintf(&b, "\t%s", g.names[t])
		if i == 0 {
			b.WriteString(" Type = iota + 1")
		}
		b.WriteString("\n")
	}
	b.WriteString(")\n\n")
	b.WriteString("// String returns the Go name of the type.\nfunc (t Type) String() string {\n\tswitch t {\n")
	for _, t := range g.order {
		fmt.Fprintf(&b, "\tcase %s:\n\t\treturn %q\n", g.names[t], g.names[t])
	}
	b.WriteString("\t}\n\treturn \"Type(\" + itoa(int(t)) + \")\"\n}\n\n")
	b.WriteString("// Member returns the shape of the member of t named name, as the API server's\n")
	b.WriteString("// case-sensitive decoder matches it, and whether t has such a member.\n")
	b.WriteString("func Member(t Type, name string) (Shape, bool) {\n\tswitch t {\n")
	for _, t := range g.order {
		fmt.Fprintf(&b, "\tcase %s:\n\t\tswitch name {\n", g.names[t])
		for _, m := range g.members[t] {
			fmt.Fprintf(&b, "\t\tcase %q:\n\t\t\treturn %s, true\n", m.name, m.literal())
		}
		b.WriteString("\t\t}\n")
	}
	b.WriteString("\t}\n\treturn Shape{}, false\n}\n")
	return b.Bytes()
}

// literal renders the member's Shape as a Go composite literal.
func (m member) literal() string {
	parts := []string{"Kind: " + m.kind}
	if m.elem != "" {
		parts = append(parts, "Elem: "+m.elem)
	}
	if m.typ != "" {
		parts = append(parts, "Type: "+m.typ)
	}
	return "Shape{" + strings.Join(parts, ", ") + "}"
}
