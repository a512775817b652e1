package podschema

import (
	"strconv"

	"github.com/jobkit/jobkit/internal/jsonwire"
	"github.com/jobkit/jobkit/internal/quantity"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
)

// Type is a struct type of core/v1, such as [PodSpec] or [Container].
type Type uint16

// Kind is how a member's value is written in JSON.
type Kind uint8

// The kinds of JSON value a member holds. Every kind also accepts null.
const (
	String      Kind = iota + 1 // a string
	Bool                        // true or false
	Int32                       // an integer that fits in 32 bits
	Int64                       // an integer that fits in 64 bits
	Quantity                    // a resource quantity: a string or a number
	IntOrString                 // a string or an int32
	Time                        // an RFC 3339 time, to the second
	Any                         // any JSON value
	Object                      // an object of a struct Type
	List                        // an array of Elem
	Map                         // an object whose values are Elem
)

// Shape is the JSON shape of one member: its Kind, the Kind of its elements when it is a
// List or a Map, and the struct Type of its objects when it or its elements are Objects.
type Shape struct {
	Kind Kind
	Elem Kind
	Type Type
}

// CheckMember consumes the value of the current member of an object of type t: an unknown
// member is reported as such and kept whole, a known one is checked against its shape.
func CheckMember(d *jsonwire.Decoder, t Type) {
	s, ok := Member(t, string(d.Key()))
	if !ok {
		d.SkipUnknown()
		return
	}
	s.Check(d)
}

// Check consumes the next value, reporting wrong-type values and unknown members inside it.
func (s Shape) Check(d *jsonwire.Decoder) {
	switch s.Kind {
	case List:
		for ok := d.Array(); ok && d.Elem(); {
			check(d, s.Elem, s.Type)
		}
	case Map:
		for ok := d.Object(); ok && d.Member(); {
			check(d, s.Elem, s.Type)
		}
	default:
		check(d, s.Kind, s.Type)
	}
}

// check consumes one value of kind k, of struct type t when k is Object.
func check(d *jsonwire.Decoder, k Kind, t Type) {
	switch k {
	case Object:
		for ok := d.Object(); ok && d.Member(); {
			CheckMember(d, t)
		}
	case String:
		var s string
		d.String(&s)
	case Bool:
		var b bool
		d.Bool(&b)
	case Int32:
		var v int32
		d.Int32(&v)
	case Int64:
		var v int64
		d.Int64(&v)
	case Quantity:
		var q resource.Quantity
		d.UnmarshalFunc("quantity", func(raw []byte) error { return quantity.UnmarshalJSON(raw, &q) })
	case IntOrString:
		d.Unmarshal(new(intstr.IntOrString), "int or string")
	case Time:
		d.Unmarshal(new(metav1.Time), "time")
	default:
		d.Skip()
	}
}

func itoa(i int) string { return strconv.Itoa(i) }
