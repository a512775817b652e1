// Command crwebhook is a validating and defaulting admission webhook for batch/v1 Jobs on
// controller-runtime: the API server's answers, in a few lines of glue over jobkit.
//
//	crwebhook [-addr :9443] [-cert-dir DIR]
//
// It serves /validate-batch-v1-job and /mutate-batch-v1-job with controller-runtime's
// webhook server; register them with a ValidatingWebhookConfiguration and a
// MutatingWebhookConfiguration for jobs and jobs/status.
package main

import (
	"context"

	"github.com/jobkit/jobkit/apiserver"
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/k8sapi"
	"github.com/jobkit/jobkit/validation"
	batchv1 "k8s.io/api/batch/v1"
	"sigs.k8s.io/controller-runtime/pkg/webhook/admission"
)

// JobWebhook validates Jobs, and their status, as the API server does, and defaults them as
// it does. The zero value validates with Kubernetes 1.37's defaults.
type JobWebhook struct {
	Options validation.Options
}

var (
	_ admission.Validator[*batchv1.Job] = JobWebhook{}
	_ admission.Defaulter[*batchv1.Job] = JobWebhook{}
)

// Default applies the API server's defaults to the Job.
func (w JobWebhook) Default(_ context.Context, j *batchv1.Job) error {
	k8sapi.SetDefaults(j)
	return nil
}

// ValidateCreate answers a create as the API server would.
func (w JobWebhook) ValidateCreate(ctx context.Context, j *batchv1.Job) (admission.Warnings, error) {
	return w.handle(ctx, apiserver.Create, j, nil)
}

// ValidateUpdate answers an update of the Job, or of its status, as the API server would.
func (w JobWebhook) ValidateUpdate(ctx context.Context, old, j *batchv1.Job) (admission.Warnings, error) {
	return w.handle(ctx, apiserver.Update, j, old)
}

// ValidateDelete admits every delete: the API server does not validate them.
func (w JobWebhook) ValidateDelete(context.Context, *batchv1.Job) (admission.Warnings, error) {
	return nil, nil
}

func (w JobWebhook) handle(ctx context.Context, op apiserver.Operation, j, old *batchv1.Job) (admission.Warnings, error) {
	req, _ := admission.RequestFromContext(ctx)
	r, _ := k8sapi.Handle(apiserver.Request{Operation: op, Subresource: req.SubResource, Namespace: req.Namespace,
		Name: req.Name, System: job.SystemFields{UID: j.UID, CreationTimestamp: j.CreationTimestamp}, Options: w.Options}, j, old)
	return r.Warnings, r.Err()
}
