//go:build !k8s1_36

package oracle

import (
	"context"

	"k8s.io/apimachinery/pkg/api/operation"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/util/validation/field"
	"k8s.io/apiserver/pkg/registry/rest"
)

// strategy is what the registry calls of a Job strategy.
type strategy interface {
	rest.RESTCreateUpdateStrategy
	rest.DeclarativeValidationStrategy
}

// kept passes the strategy's own errors on: declarative validation, which runs last, gives
// the final list.
func (o *observed) kept(errs field.ErrorList) field.ErrorList { return errs }

func (o *observed) ValidateDeclaratively(ctx context.Context, obj, oldObj runtime.Object, errs field.ErrorList, op operation.Type, config rest.DeclarativeValidationConfig) field.ErrorList {
	o.errs = o.strategy.ValidateDeclaratively(ctx, obj, oldObj, errs, op, config)
	return o.errs
}

// validationErrors is the error list of a request that validation rejected.
func (o *observed) validationErrors(error) field.ErrorList { return o.errs }
