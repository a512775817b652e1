package oracle

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"

	batchv1 "k8s.io/api/batch/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/util/validation/field"
	"k8s.io/apiserver/pkg/endpoints/filters"
	"k8s.io/apiserver/pkg/registry/rest"
	"k8s.io/apiserver/pkg/warning"
	"k8s.io/kubernetes/pkg/apis/batch"
	cronjobregistry "k8s.io/kubernetes/pkg/registry/batch/cronjob"
)

var cronJobGVK = batchv1.SchemeGroupVersion.WithKind("CronJob")

// decodeCronJob reads a request body as the API server does for the cronjobs endpoint, as
// decodeJob does for Jobs (strictly: unknown and duplicate fields come back as warnings).
func decodeCronJob(body []byte) (*batch.CronJob, []string, error) {
	return decodeBatch[*batch.CronJob](body, true, cronJobGVK)
}

// encodeCronJob writes an internal CronJob as batch/v1 JSON.
func encodeCronJob(c *batch.CronJob) (json.RawMessage, error) { return encodeBatch(c) }

// observedCronJob wraps the CronJob strategy to keep the object validation sees and the
// final error list.
type observedCronJob struct {
	strategy
	prepared *json.RawMessage
	errs     field.ErrorList
}

func (o *observedCronJob) Validate(ctx context.Context, obj runtime.Object) field.ErrorList {
	if o.prepared != nil {
		*o.prepared, _ = encodeCronJob(obj.(*batch.CronJob).DeepCopy())
	}
	o.errs = o.strategy.Validate(ctx, obj)
	return o.errs
}

// ValidateCronJob judges a create of a CronJob, as Validate judges a create of a Job.
func ValidateCronJob(in ValidateInput) ValidateExpect {
	out := ValidateExpect{ID: in.ID, Errors: []Error{}}
	var decodeWarnings int
	handler := filters.WithWarningRecorder(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		decodeWarnings = judgeCronJob(r.Context(), in, &out)
	}))
	rec := httptest.NewRecorder()
	handler.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/", nil))
	sent := parseWarnings(rec.Result().Header.Values("Warning"))
	decodeWarnings = min(decodeWarnings, len(sent))
	if out.DecodeWarnings = sent[:decodeWarnings]; len(out.DecodeWarnings) == 0 {
		out.DecodeWarnings = nil
	}
	if rest := sent[decodeWarnings:]; len(rest) > 0 && out.Code < 300 {
		out.Warnings = rest
	}
	return out
}

func judgeCronJob(ctx context.Context, in ValidateInput, out *ValidateExpect) (decodeWarnings int) {
	defer func() {
		if r := recover(); r != nil {
			out.Errors = []Error{}
			out.Panic = fmt.Sprint(r)
			out.Code = http.StatusInternalServerError
		}
	}()
	c, warns, err := decodeCronJob(in.Object)
	if err != nil {
		reject(out, http.StatusBadRequest, "decode object: "+err.Error())
		return 0
	}
	for _, w := range warns {
		warning.AddWarning(ctx, "", w)
	}
	decodeWarnings = distinct(warns)
	out.Defaulted, _ = encodeCronJob(c.DeepCopy())
	ns := c.Namespace
	if ns == "" {
		ns = DefaultNS
	}
	ctx = requestContextFor(ctx, "cronjobs", ns, c.Name)
	rest.WipeObjectMetaSystemFields(c)
	if err := rest.EnsureObjectNamespaceMatchesRequestNamespace(ns, c); err != nil {
		rejectErr(out, err)
		return decodeWarnings
	}
	dedupOwnerReferencesAndAddWarning(c, ctx, false)
	c.UID = FixedUID
	c.CreationTimestamp = FixedCreation
	if c.GenerateName != "" && c.Name == "" {
		c.Name = generateName(c.GenerateName)
	}
	s := &observedCronJob{strategy: cronjobregistry.Strategy, prepared: &out.Prepared}
	err = rest.BeforeCreate(s, ctx, c)
	if err == nil {
		out.Code = http.StatusCreated
		return decodeWarnings
	}
	if len(s.errs) == 0 {
		rejectErr(out, err)
		return decodeWarnings
	}
	out.Code = http.StatusUnprocessableEntity
	for _, e := range canonicalOrder(s.errs) {
		out.Errors = append(out.Errors, errorOf(e, nil))
	}
	return decodeWarnings
}
