// Package apiserver answers a write to the Job endpoints as kube-apiserver does, in one call:
// what the create and update handlers, the store and the Job registry do with a request, in
// their order — decoding with the request's field validation, defaulting, the namespace and
// name checks, duplicate owner references, the system fields of a create, the UID
// precondition and resource version of an update, the strategy's preparation (selector and
// labels generated, disabled fields dropped, the status or spec kept), validation and the
// warnings. It returns the Job the server would store, the JSON patch from the request's
// object to it, the warnings, and the Status the server would answer with when it rejects
// the request (400, 409, 422 with its causes, 500).
//
// Admission webhooks call it with the review's object (a mutating webhook returns Patch, a
// validating one Status), tools with a manifest's bytes. It does no I/O and keeps no state:
// what a real server draws at random (a new Job's UID, creation time and generated name
// suffix) comes in the Request.
package apiserver

import (
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/validation"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// Operation is the kind of write, spelt as admission reviews spell it.
type Operation string

// The writes of the Job endpoints that Handle answers.
const (
	// Create is a POST of a new Job.
	Create Operation = "CREATE"
	// Update is a PUT of a stored Job, or of its status with Subresource "status". (A PATCH
	// is an update of the patched object.)
	Update Operation = "UPDATE"
)

// StatusSubresource is the Subresource of a write of a Job's status.
const StatusSubresource = job.StatusSubresource

// PlaceholderUID is the UID a created Job gets when the Request leaves System.UID empty: a
// real server draws a random one, which nothing in validation depends on.
const PlaceholderUID = "00000000-0000-4000-8000-000000000001"

// Request is one write of a Job.
type Request struct {
	// Operation is Create or Update.
	Operation Operation
	// Subresource is "" for a write of the Job, StatusSubresource for its status.
	Subresource string
	// Namespace is the request's namespace, from its URL. On create, a Job that names no
	// namespace gets it; empty means "default".
	Namespace string
	// Name is the name in the URL of an update; empty means Old's name.
	Name string

	// Body is the request body as a client sends it, JSON or YAML. When it is nil, Object
	// is the request's object instead, as an admission webhook holds it after the server
	// decoded it.
	Body   []byte
	Object *job.Job
	// FieldValidation is the request's fieldValidation parameter, for Body: Strict, Warn
	// (the default) or Ignore.
	FieldValidation job.FieldValidation

	// Old is the stored Job that an update replaces, as the server holds it (defaulted).
	Old *job.Job

	// System holds what the server assigns to a created Job: its UID (PlaceholderUID when
	// empty), its creation time and, for a generateName, the name's suffix.
	System job.SystemFields
	// Options are the validation options: feature gates, and whether privileged
	// containers are denied.
	Options validation.Options
	// OmitPatches leaves the Response's Patch and DefaultsPatch nil, for a caller that
	// wants only the answer (a linter, a test): computing them is most of the cost of an
	// accepted request.
	OmitPatches bool
}

// Response is the server's answer to a Request.
type Response struct {
	// Code is the HTTP status code: 201 for a create and 200 for an update the server
	// accepts; 400, 409, 422 or 500 when it rejects the request.
	Code int
	// Object is the Job the server stores and returns, as validated: the resourceVersion
	// that storage assigns on create is left empty. It is nil when the server rejects the
	// request.
	Object *job.Job
	// Patch is the RFC 6902 JSON patch that turns the request's object into Object: what
	// the server changes in it. It is nil when there is nothing to change or the request is
	// rejected.
	Patch []byte
	// Defaulted is the request's object after decoding and defaulting, before the steps
	// of the create or update; DefaultsPatch is the JSON patch from the request's object to
	// it: what a mutating admission webhook that applies the API server's defaults returns
	// (the rest of Patch — UID, selector, generation — the server does after mutating
	// admission, and a webhook must not do it). Both are set whenever the body could be
	// read, but DefaultsPatch is nil when the request asks to OmitPatches.
	Defaulted     *job.Job
	DefaultsPatch []byte
	// Warnings are the warnings the server sends, in order: unknown and duplicate members
	// (FieldValidation Warn), duplicate owner references, then those of the Job.
	Warnings []string
	// Status is the server's answer to a rejected request; nil when it accepts it.
	Status *metav1.Status
	// Errors are the validation errors of a 422, the causes of Status.
	Errors field.ErrorList
}

// Allowed reports whether the server accepts the request.
func (r *Response) Allowed() bool { return r.Status == nil }

// Err returns the server's answer to a rejected request as an error, a
// *apierrors.StatusError that clients and controller-runtime's webhooks turn back into the
// Status; nil when the request is accepted.
func (r *Response) Err() error {
	if r.Status == nil {
		return nil
	}
	return &apierrors.StatusError{ErrStatus: *r.Status}
}
