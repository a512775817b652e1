package apiserver

import (
	"fmt"
	"net/http"

	"github.com/jobkit/jobkit/internal/warnings"
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/validation"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// CronJobRequest is a create of a CronJob: as Request, for the cronjobs endpoint.
type CronJobRequest struct {
	// Namespace is the request's namespace; empty means "default".
	Namespace string
	// Body is the request body, JSON or YAML; when it is nil, Object is the request's
	// object.
	Body   []byte
	Object *job.CronJob
	// FieldValidation is the request's fieldValidation parameter, for Body.
	FieldValidation job.FieldValidation
	// System holds what the server assigns to the new CronJob (PlaceholderUID when the
	// UID is empty).
	System job.SystemFields
	// Options are the validation options.
	Options validation.Options
}

// CronJobResponse is the server's answer to a CronJobRequest, as Response is to a Request.
type CronJobResponse struct {
	Code     int
	Object   *job.CronJob // the CronJob stored, as validated; nil when rejected
	Warnings []string
	Status   *metav1.Status // nil when accepted
	Errors   field.ErrorList
}

// Err returns the rejection as an error; nil when the request is accepted.
func (r *CronJobResponse) Err() error {
	if r.Status == nil {
		return nil
	}
	return &apierrors.StatusError{ErrStatus: *r.Status}
}

var cronJobKind = schema.GroupKind{Group: job.GroupName, Kind: job.CronJobKind}

// CreateCronJob answers a create of a CronJob as kube-apiserver does: decoding with the
// request's field validation, unknown members dropped, defaulting (job.SetCronJobDefaults),
// the namespace check, duplicate owner references, system fields, preparation
// (job.PrepareCronJobForCreate), validation (validation.ValidateCronJob) and warnings. A
// request with neither Body nor Object is answered with a 500.
func CreateCronJob(req CronJobRequest) CronJobResponse {
	if req.Body == nil && req.Object == nil {
		return cronJobRejected(apierrors.NewInternalError(fmt.Errorf("the request has neither Body nor Object")), nil)
	}
	if err := req.Options.FeatureGates.Check(); err != nil {
		return cronJobRejected(apierrors.NewInternalError(err), nil)
	}
	var c *job.CronJob
	var sent []string
	if req.Body == nil {
		c = req.Object.DeepCopy()
	} else {
		var err error
		if c, sent, err = job.DecodeCronJob(req.Body, job.DecodeOptions{FieldValidation: req.FieldValidation}); err != nil {
			return cronJobRejected(apierrors.NewBadRequest(decodeMessageOf(err, job.CronJobKind)), nil)
		}
	}
	c.DropUnknown()
	job.SetCronJobDefaults(c)
	ns := req.Namespace
	if ns == "" {
		ns = metav1.NamespaceDefault
	}
	if c.Namespace != "" && c.Namespace != ns {
		return cronJobRejected(apierrors.NewBadRequest("the namespace of the provided object does not match the namespace sent on the request"), sent)
	}
	if w := job.DedupOwnerReferencesOf(&c.ObjectMeta); w != "" {
		sent = append(sent, w)
	}
	sys := req.System
	sys.Namespace = ns
	if sys.UID == "" {
		sys.UID = PlaceholderUID
	}
	job.SetCronJobSystemFields(c, sys)
	job.PrepareCronJobForCreate(c, req.Options.FeatureGates)
	if errs := validation.ValidateCronJob(c, req.Options); len(errs) > 0 {
		r := cronJobRejected(apierrors.NewInvalid(cronJobKind, c.Name, errs), sent)
		r.Errors = errs
		return r
	}
	return CronJobResponse{Code: http.StatusCreated, Object: c, Warnings: warnings.Of(append(sent, validation.CronJobWarnings(c)...))}
}

func cronJobRejected(err *apierrors.StatusError, sent []string) CronJobResponse {
	status := err.Status()
	return CronJobResponse{Code: int(status.Code), Status: &status, Warnings: warnings.Of(sent)}
}
