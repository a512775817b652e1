package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"

	"github.com/jobkit/jobkit/apiserver"
	"github.com/jobkit/jobkit/job"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
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

// handle runs a review's request through the API server's handling of Job writes: the
// object and old object as the server decoded them (unknown members already dropped), and,
// on create, the UID the server assigned before validating admission.
func handle(req *AdmissionRequest) (apiserver.Response, error) {
	obj, err := decodeJob(req.Object)
	if err != nil {
		return apiserver.Response{}, err
	}
	r := apiserver.Request{
		Operation:   apiserver.Operation(req.Operation),
		Subresource: req.SubResource,
		Namespace:   req.Namespace,
		Name:        req.Name,
		Object:      obj,
		System:      job.SystemFields{UID: obj.UID, CreationTimestamp: obj.CreationTimestamp},
	}
	if req.Operation == operationUpdate {
		if r.Old, err = decodeJob(req.OldObject); err != nil {
			return apiserver.Response{}, fmt.Errorf("oldObject: %w", err)
		}
	}
	return apiserver.Handle(r), nil
}

// validate admits a create or update of a Job, or of its status, when the API server's
// handling accepts it, and denies it with the server's status (422 with its causes, 400,
// 409) otherwise. The API server applies its own --allow-privileged, so privileged
// containers are left to it.
func validate(req *AdmissionRequest) *AdmissionResponse {
	if !isJob(req) || (req.Operation != operationCreate && req.Operation != operationUpdate) {
		return &AdmissionResponse{Allowed: true}
	}
	r, err := handle(req)
	if err != nil {
		return badRequest(err)
	}
	return &AdmissionResponse{Allowed: r.Allowed(), Result: r.Status, Warnings: r.Warnings}
}

// mutate answers with a JSON patch that applies the API server's defaults to the Job.
func mutate(req *AdmissionRequest) *AdmissionResponse {
	if !isJob(req) || (req.Operation != operationCreate && req.Operation != operationUpdate) || req.SubResource != "" {
		return &AdmissionResponse{Allowed: true}
	}
	r, err := handle(req)
	if err != nil {
		return badRequest(err)
	}
	if r.DefaultsPatch == nil {
		return &AdmissionResponse{Allowed: true}
	}
	return &AdmissionResponse{Allowed: true, Patch: r.DefaultsPatch, PatchType: new(jsonPatchType)}
}

// decodeJob reads a Job of a review as the API server holds it: members it does not know
// are dropped.
func decodeJob(raw json.RawMessage) (*job.Job, error) {
	j, _, err := job.Decode(raw, job.DecodeOptions{FieldValidation: job.Ignore})
	return j, err
}

// badRequest denies a request whose object cannot be read.
func badRequest(err error) *AdmissionResponse {
	status := apierrors.NewBadRequest(err.Error()).Status()
	return &AdmissionResponse{Allowed: false, Result: &status}
}
