package main

import (
	"bytes"
	"fmt"
	"log"
	"reflect"
)

// The kinds of value the codec and the equality tell apart.
type valueKind int

const (
	kString valueKind = iota
	kBool
	kInt
	kStruct      // a struct type of core/v1
	kObjectMeta  // metav1.ObjectMeta
	kSelector    // metav1.LabelSelector
	kQuantity    // resource.Quantity
	kIntOrString // intstr.IntOrString
	kPointer
	kSlice
	kMap
)

func kindOf(t reflect.Type) valueKind {
	switch t.Kind() {
	case reflect.Pointer:
		return kPointer
	case reflect.Slice:
		return kSlice
	case reflect.Map:
		return kMap
	case reflect.String:
		return kString
	case reflect.Bool:
		return kBool
	case reflect.Int32, reflect.Int64:
		return kInt
	case reflect.Struct:
		switch t.PkgPath() + "." + t.Name() {
		case metaPkg + ".ObjectMeta":
			return kObjectMeta
		case metaPkg + ".LabelSelector":
			return kSelector
		case resourcePkg + ".Quantity":
			return kQuantity
		case intstrPkg + ".IntOrString":
			return kIntOrString
		}
		if t.PkgPath() == corePkg {
			return kStruct
		}
	}
	log.Fatalf("%s: no codec for it", t)
	return 0
}

// renderCodec writes the decode and encode methods of the model's struct types.
func (m *model) renderCodec(b *bytes.Buffer) {
	for _, s := range m.structs {
		if s.embeddedOnly {
			continue
		}
		fmt.Fprintf(b, "func (x *%s) decode(d *jsonwire.Decoder) {\n", s.name())
		b.WriteString("\tfor ok := d.Object(); ok && d.Member(); {\n\t\tswitch string(d.Key()) {\n")
		for _, mb := range m.members(s) {
			fmt.Fprintf(b, "\t\tcase %q:\n\t\t\t%s\n", mb.json, readStmt(mb.t, "x."+mb.path))
		}
		b.WriteString("\t\tdefault:\n\t\t\tunknown(d, &x.Extra)\n\t\t}\n\t}\n}\n\n")

		fmt.Fprintf(b, "func (x *%s) encode(e *jsonwire.Encoder) {\n\te.BeginObject()\n", s.name())
		for _, mb := range m.members(s) {
			writeMember(b, mb, "x."+mb.path)
		}
		b.WriteString("\te.Extra(x.Extra)\n\te.EndObject()\n}\n\n")

		fmt.Fprintf(b, "func (x *%s) dropUnknown() {\n\tx.Extra = nil\n", s.name())
		for _, mb := range m.members(s) {
			if stmt := dropStmt(mb.t, "x."+mb.path); stmt != "" {
				b.WriteString("\t" + stmt + "\n")
			}
		}
		b.WriteString("}\n\n")
	}
}

// dropStmt is the statement that drops the unknown members inside v, of type t; empty when
// t holds no struct of core/v1.
func dropStmt(t reflect.Type, v string) string {
	switch kindOf(t) {
	case kStruct:
		return v + ".dropUnknown()"
	case kPointer:
		if kindOf(t.Elem()) == kStruct {
			return "if " + v + " != nil {\n\t\t" + v + ".dropUnknown()\n\t}"
		}
	case kSlice:
		if kindOf(t.Elem()) == kStruct {
			return "for i := range " + v + " {\n\t\t" + v + "[i].dropUnknown()\n\t}"
		}
	case kMap:
		if kindOf(t.Elem()) == kStruct {
			log.Fatalf("%s: maps of structs are not supported", t)
		}
	}
	return ""
}

// readStmt is the statement that decodes the current value into lv, of type t.
func readStmt(t reflect.Type, lv string) string {
	switch kindOf(t) {
	case kPointer:
		e := t.Elem()
		switch kindOf(e) {
		case kStruct:
			return fmt.Sprintf("readPtr(d, &%s, (*%s).decode)", lv, goType(e))
		case kSelector:
			return fmt.Sprintf("decodeSelector(d, &%s)", lv)
		}
		return fmt.Sprintf("jsonwire.Ptr(d, &%s, %s)", lv, reader(e))
	case kStruct:
		return lv + ".decode(d)"
	case kObjectMeta:
		return fmt.Sprintf("decodeForeign(d, &%s, \"object metadata\")", lv)
	case kSlice:
		return fmt.Sprintf("jsonwire.Slice(d, %s, %s)", addr(t, lv), reader(t.Elem()))
	case kMap:
		if t.Key().Kind() != reflect.String {
			log.Fatalf("%s: map keys must be strings", t)
		}
		return fmt.Sprintf("jsonwire.Map(d, %s, %s)", addr(t, lv), reader(t.Elem()))
	}
	return reader(t) + "(d, &" + lv + ")"
}

// addr is &lv, converted to a pointer to its type literal when t is a named slice or map,
// so that jsonwire's generic readers infer their type parameters.
func addr(t reflect.Type, lv string) string {
	if t.Name() == "" {
		return "&" + lv
	}
	var lit string
	if t.Kind() == reflect.Map {
		lit = "map[" + goType(t.Key()) + "]" + goType(t.Elem())
	} else {
		lit = "[]" + goType(t.Elem())
	}
	return fmt.Sprintf("(*%s)(&%s)", lit, lv)
}

// reader is a func(*jsonwire.Decoder, *T) that decodes a value of type t.
func reader(t reflect.Type) string {
	switch kindOf(t) {
	case kString:
		if t.Name() == "string" {
			return "(*jsonwire.Decoder).String"
		}
		return "jsonwire.Str[" + goType(t) + "]"
	case kBool, kInt:
		if t.PkgPath() != "" {
			log.Fatalf("%s: named booleans and integers have no reader", t)
		}
		return "(*jsonwire.Decoder)." + map[reflect.Kind]string{reflect.Bool: "Bool", reflect.Int32: "Int32", reflect.Int64: "Int64"}[t.Kind()]
	case kStruct:
		return "elem((*" + goType(t) + ").decode)"
	case kQuantity:
		return "decodeQuantity"
	case kIntOrString:
		return "decodeIntOrString"
	}
	log.Fatalf("%s: no reader", t)
	return ""
}

// writeMember writes the statements that encode member mb, whose value is v, as
// encoding/json does: omitempty omits false, 0, "", nil and empty slices and maps, never
// structs; without it a nil pointer, slice or map is null.
func writeMember(b *bytes.Buffer, mb jsonMember, v string) {
	t := mb.t
	key := fmt.Sprintf("e.Key(%q)", mb.json)
	k := kindOf(t)
	nullable := k == kPointer || k == kSlice || k == kMap
	if mb.omitempty {
		if cond := nonEmpty(t, v); cond != "" {
			fmt.Fprintf(b, "\tif %s {\n\t\t%s\n\t\t%s\n\t}\n", cond, key, value(t, v))
			return
		}
	} else if nullable {
		fmt.Fprintf(b, "\t%s\n\tif %s == nil {\n\t\te.Null()\n\t} else {\n\t\t%s\n\t}\n", key, v, value(t, v))
		return
	}
	fmt.Fprintf(b, "\t%s\n\t%s\n", key, value(t, v))
}

// nonEmpty is the condition under which omitempty keeps v; empty for structs, which it
// always keeps.
func nonEmpty(t reflect.Type, v string) string {
	switch kindOf(t) {
	case kString:
		return v + ` != ""`
	case kBool:
		return v
	case kInt:
		return v + " != 0"
	case kPointer:
		return v + " != nil"
	case kSlice, kMap:
		return "len(" + v + ") > 0"
	}
	return ""
}

// value is the statement that writes v, of type t, as the next value.
func value(t reflect.Type, v string) string {
	switch kindOf(t) {
	case kString:
		if t.Name() == "string" {
			return "e.String(" + v + ")"
		}
		return "e.String(string(" + v + "))"
	case kBool:
		return "e.Bool(" + v + ")"
	case kInt:
		return "e.Int(int64(" + v + "))"
	case kStruct:
		return v + ".encode(e)"
	case kObjectMeta:
		return "e.MarshalValue(&" + v + ")"
	case kSelector:
		return "e.MarshalValue(&" + v + ")"
	case kQuantity:
		return "writeQuantity(e, &" + v + ")"
	case kIntOrString:
		return "writeIntOrString(e, &" + v + ")"
	case kPointer:
		switch kindOf(t.Elem()) {
		case kStruct:
			return v + ".encode(e)"
		case kSelector:
			return "e.MarshalValue(" + v + ")"
		case kQuantity:
			return "writeQuantity(e, " + v + ")"
		case kIntOrString:
			return "writeIntOrString(e, " + v + ")"
		}
		return value(t.Elem(), "*"+v)
	case kSlice:
		return "writeSlice(e, " + v + ", " + writer(t.Elem()) + ")"
	case kMap:
		return "writeMap(e, " + v + ", " + writer(t.Elem()) + ")"
	}
	log.Fatalf("%s: no writer", t)
	return ""
}

// writer is a func(*T, *jsonwire.Encoder) that encodes a value of type t.
func writer(t reflect.Type) string {
	switch kindOf(t) {
	case kString:
		return "writeString[" + goType(t) + "]"
	case kInt:
		return "writeInt[" + goType(t) + "]"
	case kStruct:
		return "(*" + goType(t) + ").encode"
	case kQuantity:
		return "quantityWriter"
	}
	log.Fatalf("%s: no writer", t)
	return ""
}
