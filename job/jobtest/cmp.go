package jobtest

import (
	"reflect"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/jobkit/jobkit/job"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// TypeAndField is what CompareErrors keeps of a field error.
type TypeAndField struct {
	Type  field.ErrorType
	Field string
}

// CompareErrors compares field errors by type and field path only, ignoring the bad value
// and the detail, for go-cmp:
//
//	cmp.Diff(want, validation.ValidateJob(j, opts), jobtest.CompareErrors())
//
// apimachinery's field.ErrorMatcher does the same without go-cmp; see ErrorMatcher.
func CompareErrors() cmp.Option {
	return cmp.Transformer("TypeAndField", func(e *field.Error) TypeAndField {
		if e == nil {
			return TypeAndField{}
		}
		return TypeAndField{e.Type, e.Field}
	})
}

// ErrorMatcher is apimachinery's matcher set to compare as CompareErrors does, by type and
// field:
//
//	jobtest.ErrorMatcher().Test(t, want, validation.ValidateJob(j, opts))
func ErrorMatcher() field.ErrorMatcher { return field.ErrorMatcher{}.ByType().ByField() }

// EquateJobs compares Jobs semantically: nil and empty collections alike, quantities by
// value, times as instants, and Extra members as JSON values.
func EquateJobs() cmp.Option {
	notExtra := cmp.FilterPath(func(p cmp.Path) bool {
		return p.Last().Type() != reflect.TypeFor[job.Extra]()
	}, cmpopts.EquateEmpty())
	return cmp.Options{
		notExtra,
		cmp.Comparer(func(a, b resource.Quantity) bool { return a.Cmp(b) == 0 }),
		cmp.Comparer(func(a, b metav1.Time) bool { return a.Equal(&b) }),
		cmp.Comparer(func(a, b job.Extra) bool { return a.SemanticEqual(b) }),
	}
}
