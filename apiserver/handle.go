package apiserver

import (
	"errors"
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

// jobs is the resource of the Job endpoints, as conflicts name it.
var jobs = schema.GroupResource{Group: job.GroupName, Resource: "jobs"}

// Handle answers a write of a Job as kube-apiserver does. A request it cannot take — an
// unknown operation, an update without Old, neither Body nor Object — is answered with a
// 500 whose message says what is missing, as a server's internal error would be.
func Handle(req Request) Response {
	switch {
	case req.Operation != Create && req.Operation != Update:
		return internalError(fmt.Errorf("unknown operation %q: want %q or %q", req.Operation, Create, Update))
	case req.Subresource != "" && req.Subresource != StatusSubresource:
		return internalError(fmt.Errorf("unknown subresource %q", req.Subresource))
	case req.Operation == Create && req.Subresource != "":
		return internalError(errors.New("a create has no subresource"))
	case req.Operation == Update && req.Old == nil:
		return internalError(errors.New("an update needs the stored Job, Old"))
	case req.Body == nil && req.Object == nil:
		return internalError(errors.New("the request has neither Body nor Object"))
	}
	if errs := req.Options.FeatureGates.Check(); errs != nil {
		return internalError(errs)
	}
	h := handler{req: req}
	if !h.decode() {
		return h.resp
	}
	defaulted, defaultsPatch := h.resp.Defaulted, h.resp.DefaultsPatch
	if req.Operation == Create {
		h.create()
	} else {
		h.update()
	}
	h.resp.Defaulted, h.resp.DefaultsPatch = defaulted, defaultsPatch
	h.resp.Warnings = warnings.Of(h.resp.Warnings)
	return h.resp
}

// handler carries one request through the steps of the server.
type handler struct {
	req      Request
	original []byte   // the request's object as JSON, for the patch
	j        *job.Job // the object, as the steps change it
	resp     Response
}

// decode reads the request's object, defaulted, and keeps its decoding warnings.
func (h *handler) decode() bool {
	if h.req.Body == nil {
		h.j = h.req.Object.DeepCopy()
		original, err := job.Encode(h.j)
		if err != nil {
			h.resp = badRequest(err.Error())
			return false
		}
		h.original = original
	} else {
		j, warnings, err := job.Decode(h.req.Body, job.DecodeOptions{FieldValidation: h.req.FieldValidation})
		if err != nil {
			h.resp = badRequest(decodeMessage(err))
			return false
		}
		h.j, h.resp.Warnings = j, warnings
		if !h.req.OmitPatches {
			h.original, _ = job.Encode(j) // encodes: it was just decoded
		}
	}
	h.j.DropUnknown()
	job.SetDefaults(h.j)
	h.resp.Defaulted = h.j.DeepCopy()
	if h.req.OmitPatches {
		return true
	}
	defaulted, err := job.Encode(h.resp.Defaulted)
	if err == nil {
		h.resp.DefaultsPatch, err = jsonPatch(h.original, defaulted)
	}
	if err != nil {
		h.resp = internalError(err)
		return false
	}
	return true
}

// decodeMessage is the server's wording of a body it cannot read: a Strict rejection as it
// is, any other error as a Job that cannot be handled.
func decodeMessage(err error) string { return decodeMessageOf(err, job.Kind) }

// decodeMessageOf is decodeMessage for an object of kind.
func decodeMessageOf(err error, kind string) string {
	var doc *job.DocumentError
	if errors.As(err, &doc) {
		err = doc.Err
	}
	var strict *job.StrictError
	if errors.As(err, &strict) {
		return strict.Error()
	}
	return fmt.Sprintf("%s in version %q cannot be handled as a %s: %v", kind, job.Version, kind, err)
}

func (h *handler) create() {
	j, req := h.j, h.req
	ns := req.Namespace
	if ns == "" {
		ns = metav1.NamespaceDefault
	}
	if j.Namespace != "" && j.Namespace != ns {
		h.resp = badRequest("the namespace of the provided object does not match the namespace sent on the request")
		return
	}
	h.dedupOwnerReferences()
	sys := req.System
	sys.Namespace = ns
	if sys.UID == "" {
		sys.UID = PlaceholderUID
	}
	job.SetSystemFields(j, sys)
	job.PrepareForCreate(j, req.Options.FeatureGates)
	if panics(&j.Spec) {
		h.resp = serverPanic()
		return
	}
	if errs := validation.ValidateJob(j, req.Options); len(errs) > 0 {
		h.resp = invalid(j.Name, errs, h.resp.Warnings)
		return
	}
	h.accept(http.StatusCreated, validation.Warnings(j, nil))
}

func (h *handler) update() {
	j, req, old := h.j, h.req, h.req.Old
	if j.Namespace != "" && j.Namespace != old.Namespace {
		h.resp = badRequest("the namespace of the provided object does not match the namespace sent on the request")
		return
	}
	name := req.Name
	if name == "" {
		name = old.Name
	}
	if j.Name != name {
		h.resp = badRequest(fmt.Sprintf("the name of the object (%s) does not match the name on the URL (%s)", j.Name, name))
		return
	}
	h.dedupOwnerReferences()
	if j.UID != "" && j.UID != old.UID {
		//lint:ignore ST1005 the store's own words
		h.resp = conflict(old.Name, fmt.Errorf("Precondition failed: UID in precondition: %v, UID in object meta: %v", j.UID, old.UID))
		return
	}
	if j.ResourceVersion != "" && j.ResourceVersion != old.ResourceVersion {
		h.resp = conflict(old.Name, errors.New("the object has been modified; please apply your changes to the latest version and try again"))
		return
	}
	if req.Subresource == StatusSubresource {
		job.PrepareForStatusUpdate(j, old)
		if errs := validation.ValidateJobStatusUpdate(j, old, req.Options); len(errs) > 0 {
			h.resp = invalid(j.Name, errs, h.resp.Warnings)
			return
		}
		h.accept(http.StatusOK, nil)
		return
	}
	job.PrepareForUpdate(j, old, req.Options.FeatureGates)
	if panics(&j.Spec) {
		h.resp = serverPanic()
		return
	}
	if errs := validation.ValidateJobUpdate(j, old, req.Options); len(errs) > 0 {
		h.resp = invalid(j.Name, errs, h.resp.Warnings)
		return
	}
	h.accept(http.StatusOK, validation.Warnings(j, old))
}

// dedupOwnerReferences drops duplicate owner references with the server's warning.
func (h *handler) dedupOwnerReferences() {
	if w := job.DedupOwnerReferences(h.j); w != "" {
		h.resp.Warnings = append(h.resp.Warnings, w)
	}
}

// accept answers with the stored object, the patch to it and the warnings.
func (h *handler) accept(code int, warnings []string) {
	h.resp.Code = code
	h.resp.Object = h.j
	h.resp.Warnings = append(h.resp.Warnings, warnings...)
	if h.req.OmitPatches {
		return
	}
	stored, err := job.Encode(h.j)
	if err != nil {
		h.resp = internalError(err)
		return
	}
	patch, err := jsonPatch(h.original, stored)
	if err != nil {
		h.resp = internalError(err)
		return
	}
	h.resp.Patch = patch
}

// panics reports whether Kubernetes 1.37's Job validation would panic on the spec: an
// Indexed Job with a success policy rule that names indexes or a count, and no
// completions. The server answers such a request with a 500.
func panics(s *job.JobSpec) bool {
	if s.CompletionMode == nil || *s.CompletionMode != job.IndexedCompletion || s.SuccessPolicy == nil || s.Completions != nil {
		return false
	}
	for _, r := range s.SuccessPolicy.Rules {
		if r.SucceededIndexes != nil || r.SucceededCount != nil {
			return true
		}
	}
	return false
}

func badRequest(message string) Response {
	return rejected(apierrors.NewBadRequest(message), nil)
}

func conflict(name string, err error) Response {
	return rejected(apierrors.NewConflict(jobs, name, err), nil)
}

func invalid(name string, errs field.ErrorList, warnings []string) Response {
	r := rejected(validation.InvalidError(name, errs), warnings)
	r.Errors = errs
	return r
}

func internalError(err error) Response {
	return rejected(apierrors.NewInternalError(err), nil)
}

// serverPanic is the server's answer to a request that made it panic.
func serverPanic() Response {
	return Response{Code: http.StatusInternalServerError, Status: &metav1.Status{
		Status:  metav1.StatusFailure,
		Code:    http.StatusInternalServerError,
		Reason:  metav1.StatusReasonInternalError,
		Message: "This request caused apiserver to panic. Look in the logs for details.",
	}}
}

func rejected(err *apierrors.StatusError, warnings []string) Response {
	status := err.Status()
	return Response{Code: int(status.Code), Status: &status, Warnings: warnings}
}
