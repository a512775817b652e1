package main

import (
	"bytes"
	"fmt"
	"log"
	"reflect"
	"strings"
)

// goType is the Go spelling of t in package job.
func goType(t reflect.Type) string {
	if t.Kind() == reflect.Pointer {
		return "*" + goType(t.Elem())
	}
	if t.Name() != "" {
		switch t.PkgPath() {
		case corePkg, "":
			return t.Name()
		case metaPkg:
			return "metav1." + t.Name()
		case resourcePkg:
			return "resource." + t.Name()
		case intstrPkg:
			return "intstr." + t.Name()
		case typesPkg:
			return "types." + t.Name()
		}
		log.Fatalf("%s.%s: no Go spelling", t.PkgPath(), t.Name())
	}
	switch t.Kind() {
	case reflect.Slice:
		return "[]" + goType(t.Elem())
	case reflect.Map:
		return "map[" + goType(t.Key()) + "]" + goType(t.Elem())
	}
	log.Fatalf("%s: no Go spelling", t)
	return ""
}

// renderTypes writes the Go declarations of the model's types.
func (m *model) renderTypes(b *bytes.Buffer) {
	for _, s := range m.structs {
		if m.handWritten[s.name()] {
			log.Fatalf("%s is declared by hand in package job: remove it, it is generated", s.name())
		}
		doc := s.name() + " is core/v1's " + s.name() + ": the same members with the same JSON."
		if !s.embeddedOnly {
			doc += " Members core/v1 does not have are kept in Extra."
		} else {
			doc += " It is only embedded: its members are those of the struct that embeds it."
		}
		b.WriteString(comment(doc))
		fmt.Fprintf(b, "//\n// +k8s:deepcopy-gen=true\ntype %s struct {\n", s.name())
		for _, f := range s.fields {
			if f.goEmbed {
				fmt.Fprintf(b, "\t%s `json:%q`\n", goType(f.t), f.tag)
			} else {
				fmt.Fprintf(b, "\t%s %s `json:%q`\n", f.goName, goType(f.t), f.tag)
			}
		}
		if !s.embeddedOnly {
			b.WriteString("\n\t// Extra holds the members core/v1 does not have, verbatim.\n\tExtra Extra `json:\"-\"`\n")
		}
		b.WriteString("}\n\n")
	}
	for _, t := range m.named {
		if m.handWritten[t.Name()] {
			continue
		}
		fmt.Fprintf(b, "// %s is core/v1's %s.\n", t.Name(), t.Name())
		if t.Kind() == reflect.Map {
			b.WriteString("//\n// +k8s:deepcopy-gen=true\n")
		}
		under := t.Kind().String()
		switch t.Kind() {
		case reflect.Map:
			under = goType(reflect.MapOf(t.Key(), t.Elem()))
		case reflect.Slice:
			under = goType(reflect.SliceOf(t.Elem()))
		}
		fmt.Fprintf(b, "type %s %s\n\n", t.Name(), under)
	}
}

// comment renders text as a doc comment wrapped at 95 columns.
func comment(text string) string {
	var b strings.Builder
	line := "//"
	for _, w := range strings.Fields(text) {
		if len(line)+1+len(w) > 95 {
			b.WriteString(line + "\n")
			line = "//"
		}
		line += " " + w
	}
	return b.String() + line + "\n"
}
