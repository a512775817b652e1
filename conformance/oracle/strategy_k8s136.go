//go:build k8s1_36

package oracle

import (
	"strings"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/util/validation/field"
	"k8s.io/apiserver/pkg/registry/rest"
)

// Kubernetes 1.36 runs no declarative validation for Jobs, and rejects with the strategy's
// errors or, when there are none, with the object metadata's.

type strategy interface {
	rest.RESTCreateUpdateStrategy
}

func (o *observed) kept(errs field.ErrorList) field.ErrorList {
	o.errs = errs
	return errs
}

// validationErrors is the error list of a request that validation rejected: the strategy's,
// or else read back from the causes of the rejection, whose details are in their messages.
func (o *observed) validationErrors(err error) field.ErrorList {
	if len(o.errs) > 0 {
		return o.errs
	}
	var out field.ErrorList
	if s, ok := err.(apierrors.APIStatus); ok && s.Status().Details != nil {
		for _, c := range s.Status().Details.Causes {
			body := strings.TrimPrefix(c.Message, c.Field+": ")
			out = append(out, &field.Error{Type: field.ErrorType(c.Type), Field: c.Field, Detail: body})
		}
	}
	return out
}
