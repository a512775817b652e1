package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"log"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	corev1 "k8s.io/api/core/v1"
)

// The packages whose types a pod template holds.
const (
	corePkg     = "k8s.io/api/core/v1"
	metaPkg     = "k8s.io/apimachinery/pkg/apis/meta/v1"
	resourcePkg = "k8s.io/apimachinery/pkg/api/resource"
	intstrPkg   = "k8s.io/apimachinery/pkg/util/intstr"
	typesPkg    = "k8s.io/apimachinery/pkg/types"
)

// A model is every type of core/v1 a pod template holds, as jobkit declares it: the
// struct types with their members, and the named types of other kinds (strings, maps).
type model struct {
	structs []*structType
	named   []reflect.Type // named non-struct types of core/v1, in visit order
	byType  map[reflect.Type]*structType
	seen    map[reflect.Type]bool
	// handWritten are the type names package job declares by hand; they are not generated.
	handWritten map[string]bool
}

// A structType is a struct type of core/v1.
type structType struct {
	t      reflect.Type
	fields []field
	// embeddedOnly is true when the type appears only embedded in others (VolumeSource,
	// ProbeHandler): its members are its embedder's, so it keeps no unknown members.
	embeddedOnly bool
}

func (s *structType) name() string { return s.t.Name() }

// A field is one Go field of a struct type.
type field struct {
	goName    string
	json      string // the member name; empty for an embedded struct
	tag       string // the json tag, verbatim
	omitempty bool
	embedded  bool // a struct whose members are the outer struct's (`json:""`)
	goEmbed   bool // an embedded Go field (embedded, or metav1.ObjectMeta as "metadata")
	t         reflect.Type
}

// jsonMember is a JSON member of a struct type: a field, or a field of an embedded struct,
// reached through path (the Go selector from the outer struct).
type jsonMember struct {
	field
	path string
}

// roots are the core/v1 types jobkit holds: the pod template, and the object references of
// a CronJob's status.
var roots = []reflect.Type{reflect.TypeFor[corev1.PodTemplateSpec](), reflect.TypeFor[corev1.ObjectReference]()}

// newModel walks the roots. jobDir is package job's directory, read for the
// types it declares by hand.
func newModel(jobDir string) *model {
	m := &model{
		byType:      map[reflect.Type]*structType{},
		seen:        map[reflect.Type]bool{},
		handWritten: handWrittenTypes(jobDir),
	}
	for _, root := range roots {
		m.visit(root)
	}
	for _, s := range m.structs {
		s.embeddedOnly = !slices.Contains(roots, s.t)
	}
	for _, s := range m.structs {
		for _, f := range s.fields {
			if u, ok := m.byType[elemStruct(f.t)]; ok && !f.embedded {
				u.embeddedOnly = false
			}
		}
	}
	return m
}

// visit records t and, depth first, every type its fields hold.
func (m *model) visit(t reflect.Type) {
	t = deref(t)
	if m.seen[t] {
		return
	}
	m.seen[t] = true
	switch {
	case t.Kind() == reflect.Slice || t.Kind() == reflect.Map && t.Name() == "":
		m.visit(t.Elem())
		return
	case t.PkgPath() != corePkg:
		if t.PkgPath() != "" && !foreign(t) {
			log.Fatalf("%s.%s: a type of another package jobkit does not map", t.PkgPath(), t.Name())
		}
		return
	case t.Kind() != reflect.Struct:
		m.named = append(m.named, t)
		if t.Kind() == reflect.Map || t.Kind() == reflect.Slice {
			m.visit(t.Elem())
		}
		return
	}
	s := &structType{t: t}
	m.structs = append(m.structs, s)
	m.byType[t] = s
	for f := range t.Fields() {
		if !f.IsExported() {
			continue
		}
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" && opts == "" {
			continue
		}
		fd := field{goName: f.Name, json: name, tag: f.Tag.Get("json"), goEmbed: f.Anonymous, omitempty: strings.Contains(","+opts+",", ",omitempty,"), t: f.Type}
		if strings.Contains(","+opts+",", ",omitzero,") {
			log.Fatalf("%s.%s: omitzero is not supported", t.Name(), f.Name)
		}
		if f.Anonymous && name == "" {
			if f.Type.Kind() != reflect.Struct {
				log.Fatalf("%s.%s: unsupported embedding", t.Name(), f.Name)
			}
			fd.embedded = true
		} else if name == "" {
			log.Fatalf("%s.%s: a member without a JSON name", t.Name(), f.Name)
		}
		s.fields = append(s.fields, fd)
		m.visit(f.Type)
	}
}

// elemStruct returns the type a field's value is made of: t without pointers, slices and
// maps.
func elemStruct(t reflect.Type) reflect.Type {
	for {
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Map:
			t = t.Elem()
		default:
			return t
		}
	}
}

// members returns the JSON members of s in encoding order, embedded structs flattened.
func (m *model) members(s *structType) []jsonMember {
	var out []jsonMember
	for _, f := range s.fields {
		if !f.embedded {
			out = append(out, jsonMember{field: f, path: f.goName})
			continue
		}
		for _, inner := range m.members(m.byType[f.t]) {
			inner.path = f.goName + "." + inner.path
			out = append(out, inner)
		}
	}
	return out
}

// foreign reports whether t is a type of another package that jobkit uses as is.
func foreign(t reflect.Type) bool {
	switch t.PkgPath() + "." + t.Name() {
	case metaPkg + ".ObjectMeta", metaPkg + ".LabelSelector", resourcePkg + ".Quantity", intstrPkg + ".IntOrString", typesPkg + ".UID":
		return true
	}
	return false
}

// handWrittenTypes returns the names of the types declared in the hand-written files of the
// package in dir.
func handWrittenTypes(dir string) map[string]bool {
	names := map[string]bool{}
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		log.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, path := range files {
		base := filepath.Base(path)
		if strings.HasPrefix(base, "zz_generated") || strings.HasSuffix(base, "_test.go") {
			continue
		}
		src, err := os.ReadFile(path)
		if err != nil {
			log.Fatal(err)
		}
		f, err := parser.ParseFile(fset, path, src, parser.SkipObjectResolution)
		if err != nil {
			log.Fatal(err)
		}
		for _, decl := range f.Decls {
			if gd, ok := decl.(*ast.GenDecl); ok && gd.Tok == token.TYPE {
				for _, spec := range gd.Specs {
					names[spec.(*ast.TypeSpec).Name.Name] = true
				}
			}
		}
	}
	return names
}

func deref(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}
