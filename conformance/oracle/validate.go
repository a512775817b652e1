package oracle

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/util/validation/field"
	"k8s.io/apiserver/pkg/endpoints/filters"
	genericapirequest "k8s.io/apiserver/pkg/endpoints/request"
	"k8s.io/apiserver/pkg/registry/rest"
	"k8s.io/apiserver/pkg/warning"
	"k8s.io/kubernetes/pkg/apis/batch"
	jobregistry "k8s.io/kubernetes/pkg/registry/batch/job"

	_ "unsafe" // for go:linkname

	_ "k8s.io/apiserver/pkg/endpoints/handlers" // for the linknamed request helpers
)

// dedupOwnerReferencesAndAddWarning is the create and update handlers' step that drops
// duplicate owner references with a warning.
//
//go:linkname dedupOwnerReferencesAndAddWarning k8s.io/apiserver/pkg/endpoints/handlers.dedupOwnerReferencesAndAddWarning
func dedupOwnerReferencesAndAddWarning(obj runtime.Object, requestContext context.Context, afterMutatingAdmission bool)

// observed wraps a registry strategy to keep what the request handling passes through it:
// the object validation sees and the final error list.
type observed struct {
	strategy
	prepared *json.RawMessage
	errs     field.ErrorList
	object   *batch.Job
}

func (o *observed) Validate(ctx context.Context, obj runtime.Object) field.ErrorList {
	o.keep(obj)
	return o.kept(o.strategy.Validate(ctx, obj))
}

func (o *observed) ValidateUpdate(ctx context.Context, obj, old runtime.Object) field.ErrorList {
	o.keep(obj)
	return o.kept(o.strategy.ValidateUpdate(ctx, obj, old))
}

func (o *observed) keep(obj runtime.Object) {
	o.object = obj.(*batch.Job)
	if o.prepared != nil {
		*o.prepared, _ = encodeJob(o.object.DeepCopy())
	}
}

// Validate judges one create, update or status update of a Job.
func Validate(in ValidateInput) ValidateExpect {
	out := ValidateExpect{ID: in.ID, Errors: []Error{}}
	var sent []string
	var decodeWarnings int
	handler := filters.WithWarningRecorder(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		decodeWarnings = judge(r.Context(), in, &out)
	}))
	rec := httptest.NewRecorder()
	handler.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/", nil))
	sent = parseWarnings(rec.Result().Header.Values("Warning"))
	if decodeWarnings > len(sent) {
		decodeWarnings = len(sent)
	}
	out.DecodeWarnings = sent[:decodeWarnings]
	if len(out.DecodeWarnings) == 0 {
		out.DecodeWarnings = nil
	}
	if rest := sent[decodeWarnings:]; len(rest) > 0 && out.Code < 300 {
		out.Warnings = rest
	}
	return out
}

// judge runs the request in ctx, which records warnings, and returns how many distinct
// warnings decoding added.
func judge(ctx context.Context, in ValidateInput, out *ValidateExpect) (decodeWarnings int) {
	defer func() {
		if r := recover(); r != nil {
			out.Errors = []Error{}
			out.Panic = fmt.Sprint(r)
			out.Code = http.StatusInternalServerError
		}
	}()
	obj, warns, err := decodeJob(in.Object, true)
	if err != nil {
		reject(out, http.StatusBadRequest, "decode object: "+err.Error())
		return 0
	}
	for _, w := range warns {
		warning.AddWarning(ctx, "", w)
	}
	decodeWarnings = distinct(warns)
	switch in.Op {
	case "create":
		create(ctx, obj, out)
	case "update", "status":
		update(ctx, in, obj, out)
	default:
		reject(out, http.StatusBadRequest, fmt.Sprintf("unknown op %q", in.Op))
	}
	return decodeWarnings
}

func create(ctx context.Context, j *batch.Job, out *ValidateExpect) {
	out.Defaulted, _ = encodeJob(j.DeepCopy())
	ns := j.Namespace
	if ns == "" {
		ns = DefaultNS
	}
	ctx = requestContext(ctx, "create", ns, j.Name, "")
	rest.WipeObjectMetaSystemFields(j)
	if err := rest.EnsureObjectNamespaceMatchesRequestNamespace(ns, j); err != nil {
		rejectErr(out, err)
		return
	}
	dedupOwnerReferencesAndAddWarning(j, ctx, false)
	j.UID = FixedUID
	j.CreationTimestamp = FixedCreation
	if j.GenerateName != "" && j.Name == "" {
		j.Name = generateName(j.GenerateName)
	}
	s := &observed{strategy: jobregistry.Strategy, prepared: &out.Prepared}
	err := rest.BeforeCreate(s, ctx, j)
	finish(out, s, err, http.StatusCreated)
}

// generateName is the registry's name generator with its random suffix fixed.
func generateName(base string) string {
	const maxGeneratedNameLength = 63 - len(FixedNameSuffix)
	if len(base) > maxGeneratedNameLength {
		base = base[:maxGeneratedNameLength]
	}
	return base + FixedNameSuffix
}

func update(ctx context.Context, in ValidateInput, j *batch.Job, out *ValidateExpect) {
	old, _, err := decodeJob(in.Old, false)
	if err != nil {
		reject(out, http.StatusBadRequest, "decode old: "+err.Error())
		return
	}
	if old.UID == "" {
		old.UID = FixedUID
	}
	if old.CreationTimestamp.IsZero() {
		old.CreationTimestamp = FixedCreation
	}
	if old.Namespace == "" {
		old.Namespace = DefaultNS
	}
	if old.ResourceVersion == "" {
		old.ResourceVersion = StoredVersion
	}
	sub := ""
	var s *observed
	if in.Op == "status" {
		sub = "status"
		s = &observed{strategy: jobregistry.StatusStrategy}
	} else {
		s = &observed{strategy: jobregistry.Strategy}
	}
	ctx = requestContext(ctx, "update", old.Namespace, old.Name, sub)
	// The update handler: the object must be the one the URL names.
	if err := rest.EnsureObjectNamespaceMatchesRequestNamespace(old.Namespace, j); err != nil {
		rejectErr(out, err)
		return
	}
	if j.Name != old.Name {
		rejectErr(out, apierrors.NewBadRequest(fmt.Sprintf("the name of the object (%s) does not match the name on the URL (%s)", j.Name, old.Name)))
		return
	}
	dedupOwnerReferencesAndAddWarning(j, ctx, false)
	// The store: the UID precondition, then the resource version.
	if j.UID != "" && j.UID != old.UID {
		//lint:ignore ST1005 the storage layer's own text
		rejectErr(out, apierrors.NewConflict(batch.Resource("jobs"), old.Name, fmt.Errorf("Precondition failed: UID in precondition: %v, UID in object meta: %v", j.UID, old.UID)))
		return
	}
	switch j.ResourceVersion {
	case "":
		j.ResourceVersion = old.ResourceVersion
	case old.ResourceVersion:
	default:
		rejectErr(out, apierrors.NewConflict(batch.Resource("jobs"), old.Name, fmt.Errorf("the object has been modified; please apply your changes to the latest version and try again")))
		return
	}
	err = rest.BeforeUpdate(s, ctx, j, old)
	finish(out, s, err, http.StatusOK)
}

func requestContext(ctx context.Context, verb, ns, name, subresource string) context.Context {
	return resourceContext(ctx, "jobs", verb, ns, name, subresource)
}

// requestContextFor is the context of a create of a resource of batch/v1 other than jobs.
func requestContextFor(ctx context.Context, resource, ns, name string) context.Context {
	return resourceContext(ctx, resource, "create", ns, name, "")
}

func resourceContext(ctx context.Context, resource, verb, ns, name, subresource string) context.Context {
	ctx = genericapirequest.WithNamespace(ctx, ns)
	return genericapirequest.WithRequestInfo(ctx, &genericapirequest.RequestInfo{
		IsResourceRequest: true,
		Verb:              verb,
		APIGroup:          batch.GroupName,
		APIVersion:        "v1",
		Resource:          resource,
		Subresource:       subresource,
		Namespace:         ns,
		Name:              name,
		Parts:             parts(resource, name, subresource),
	})
}

func parts(resource, name, subresource string) []string {
	p := []string{resource}
	if name != "" {
		p = append(p, name)
	}
	if subresource != "" {
		p = append(p, subresource)
	}
	return p
}

// finish records the outcome of the registry's before-create or before-update step.
func finish(out *ValidateExpect, s *observed, err error, okCode int) {
	if err == nil {
		out.Code = okCode
		return
	}
	errs := s.validationErrors(err)
	if !apierrors.IsInvalid(err) || len(errs) == 0 {
		rejectErr(out, err)
		return
	}
	out.Code = http.StatusUnprocessableEntity
	template := podTemplateErrors(s.object)
	for _, e := range canonicalOrder(errs) {
		out.Errors = append(out.Errors, errorOf(e, template))
	}
}

func reject(out *ValidateExpect, code int, text string) {
	out.Code = code
	out.RequestError = text
	out.Errors = []Error{}
}

func rejectErr(out *ValidateExpect, err error) {
	code := http.StatusInternalServerError
	if s, ok := err.(apierrors.APIStatus); ok {
		code = int(s.Status().Code)
	}
	reject(out, code, err.Error())
}

func distinct(list []string) int {
	seen := map[string]bool{}
	for _, s := range list {
		if s != "" {
			seen[s] = true
		}
	}
	return len(seen)
}
