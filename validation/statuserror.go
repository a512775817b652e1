package validation

import (
	"github.com/jobkit/jobkit/job"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// InvalidError returns the API server's answer to a Job request that failed validation: a
// 422 Invalid status error for the Job named name, with one cause per error, as admission
// webhooks return it.
func InvalidError(name string, errs field.ErrorList) *apierrors.StatusError {
	return apierrors.NewInvalid(job.SchemeGroupVersion.WithKind(job.Kind).GroupKind(), name, errs)
}
