//go:build !k8s1_36

package oracle

import (
	"context"

	"k8s.io/apimachinery/pkg/api/operation"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/util/validation/field"
	"k8s.io/apiserver/pkg/registry/rest"
)

// ValidateDeclaratively keeps the final error list: declarative validation runs after the
// strategy's own and gives it.
func (o *observedCronJob) ValidateDeclaratively(ctx context.Context, obj, oldObj runtime.Object, errs field.ErrorList, op operation.Type, config rest.DeclarativeValidationConfig) field.ErrorList {
	o.errs = o.strategy.ValidateDeclaratively(ctx, obj, oldObj, errs, op, config)
	return o.errs
}
