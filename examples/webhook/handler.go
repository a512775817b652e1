package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/validation"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// maxReviewBytes bounds a request body: the API server's own limit on the object, and room
// for the old object and the rest of the review.
const maxReviewBytes = 3*job.DefaultMaxBytes + 64<<10

// newHandler serves the validating webhook at /validate and the defaulting one at
// /mutate. The API server calls them with ?timeout=10s appended; routing is on the path.
func newHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /validate", review(validate))
	mux.HandleFunc("POST /mutate", review(mutate))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprintln(w, "ok") })
	return mux
}

// review reads an AdmissionReview, answers its request with decide, and writes the
// response review. A body that is not an admission.k8s.io/v1 AdmissionReview gets 400.
func review(decide func(*AdmissionRequest) *AdmissionResponse) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxReviewBytes))
		if err != nil {
			http.Error(w, "reading the request: "+err.Error(), http.StatusRequestEntityTooLarge)
			return
		}
		var in AdmissionReview
		switch err := json.Unmarshal(body, &in); {
		case err != nil:
			http.Error(w, "not an AdmissionReview: "+err.Error(), http.StatusBadRequest)
			return
		case in.APIVersion != "admission.k8s.io/v1" || in.Kind != "AdmissionReview" || in.Request == nil:
			http.Error(w, "want an admission.k8s.io/v1 AdmissionReview with a request", http.StatusBadRequest)
			return
		}
		if ctx.Err() != nil {
			return // the client is gone, or the time is up
		}
		resp := decide(in.Request)
		if ctx.Err() != nil {
			return
		}
		resp.UID = in.Request.UID
		out := AdmissionReview{TypeMeta: in.TypeMeta, Response: resp}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(out)
	}
}

// isJob reports whether a request is about batch/v1 Jobs.
func isJob(req *AdmissionRequest) bool {
	return req.Kind.Group == job.GroupName && req.Kind.Version == job.Version && req.Kind.Kind == job.Kind
}

// validate admits a create or update of a Job, or of its status, when the API server's
// Job validation accepts it, and denies it with the server's 422 status otherwise.
func validate(req *AdmissionRequest) *AdmissionResponse {
	if !isJob(req) || (req.Operation != operationCreate && req.Operation != operationUpdate) {
		return &AdmissionResponse{Allowed: true}
	}
	j, err := decodeJob(req.Object)
	if err != nil {
		return badRequest(err)
	}
	var errs field.ErrorList
	var warnings []string
	if req.Operation == operationCreate {
		if j.UID == "" {
			job.SetSystemFields(j, job.SystemFields{UID: "00000000-0000-4000-8000-000000000001", CreationTimestamp: metav1.Now(), Namespace: req.Namespace})
		}
		job.PrepareForCreate(j, nil)
		errs, warnings = validation.ValidateJob(j, options()), validation.Warnings(j, nil)
	} else {
		old, err := decodeJob(req.OldObject)
		if err != nil {
			return badRequest(fmt.Errorf("oldObject: %w", err))
		}
		errs, warnings = validateUpdate(j, old, req.SubResource == job.StatusSubresource)
	}
	if len(errs) > 0 {
		status := validation.InvalidError(j.Name, errs).Status()
		return &AdmissionResponse{Allowed: false, Result: &status, Warnings: warnings}
	}
	return &AdmissionResponse{Allowed: true, Warnings: warnings}
}

// options are the validation options of the webhook. The API server applies its own
// --allow-privileged before admission webhooks run, so the webhook leaves that check to it.
func options() validation.Options { return validation.Options{} }

// validateUpdate validates an update of a Job, or of its status.
func validateUpdate(j, old *job.Job, status bool) (field.ErrorList, []string) {
	if status {
		job.PrepareForStatusUpdate(j, old)
		return validation.ValidateJobStatusUpdate(j, old, options()), nil
	}
	job.PrepareForUpdate(j, old, nil)
	return validation.ValidateJobUpdate(j, old, options()), validation.Warnings(j, old)
}

// mutate answers with a JSON patch that applies the batch/v1 defaults to the Job.
func mutate(req *AdmissionRequest) *AdmissionResponse {
	if !isJob(req) || (req.Operation != operationCreate && req.Operation != operationUpdate) || req.SubResource != "" {
		return &AdmissionResponse{Allowed: true}
	}
	j, err := decodeJob(req.Object)
	if err != nil {
		return badRequest(err)
	}
	job.SetDefaults(j)
	defaulted, err := job.Encode(j)
	if err != nil {
		return badRequest(err)
	}
	ops, err := jsonPatch(req.Object, defaulted)
	if err != nil {
		return badRequest(err)
	}
	if len(ops) == 0 {
		return &AdmissionResponse{Allowed: true}
	}
	patch, err := json.Marshal(ops)
	if err != nil {
		return badRequest(err)
	}
	return &AdmissionResponse{Allowed: true, Patch: patch, PatchType: new(jsonPatchType)}
}

// decodeJob reads the Job of a review, defaulted as the API server has it.
func decodeJob(raw json.RawMessage) (*job.Job, error) {
	j, _, err := job.Decode(raw, job.DecodeOptions{FieldValidation: job.Ignore})
	if err != nil {
		return nil, err
	}
	job.SetDefaults(j)
	return j, nil
}

// badRequest denies a request whose object cannot be read.
func badRequest(err error) *AdmissionResponse {
	status := apierrors.NewBadRequest(err.Error()).Status()
	return &AdmissionResponse{Allowed: false, Result: &status}
}
