package main

import (
	"encoding/json"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
)

// The admission.k8s.io/v1 wire types, as far as this webhook reads and writes them.

// AdmissionReview is the request the API server sends and the response it expects.
type AdmissionReview struct {
	metav1.TypeMeta `json:",inline"`
	Request         *AdmissionRequest  `json:"request,omitempty"`
	Response        *AdmissionResponse `json:"response,omitempty"`
}

// AdmissionRequest describes the request under review.
type AdmissionRequest struct {
	UID         types.UID                   `json:"uid"`
	Kind        metav1.GroupVersionKind     `json:"kind"`
	Resource    metav1.GroupVersionResource `json:"resource"`
	SubResource string                      `json:"subResource,omitempty"`
	RequestKind *metav1.GroupVersionKind    `json:"requestKind,omitempty"`
	Name        string                      `json:"name,omitempty"`
	Namespace   string                      `json:"namespace,omitempty"`
	Operation   string                      `json:"operation"`
	UserInfo    json.RawMessage             `json:"userInfo,omitempty"`
	Object      json.RawMessage             `json:"object,omitempty"`
	OldObject   json.RawMessage             `json:"oldObject,omitempty"`
	DryRun      *bool                       `json:"dryRun,omitempty"`
	Options     json.RawMessage             `json:"options,omitempty"`
}

// AdmissionResponse is the webhook's answer.
type AdmissionResponse struct {
	UID       types.UID      `json:"uid"`
	Allowed   bool           `json:"allowed"`
	Result    *metav1.Status `json:"status,omitempty"`
	Patch     []byte         `json:"patch,omitempty"`
	PatchType *string        `json:"patchType,omitempty"`
	Warnings  []string       `json:"warnings,omitempty"`
}

// Operations of an AdmissionRequest.
const (
	operationCreate = "CREATE"
	operationUpdate = "UPDATE"
)

// jsonPatchType is the only patch type admission webhooks may return.
const jsonPatchType = "JSONPatch"
