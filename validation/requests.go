package validation

import (
	"github.com/jobkit/jobkit/job"
	metainternal "k8s.io/apimachinery/pkg/apis/meta/internalversion"
	metainternalvalidation "k8s.io/apimachinery/pkg/apis/meta/internalversion/validation"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	metav1validation "k8s.io/apimachinery/pkg/apis/meta/v1/validation"
	"k8s.io/apimachinery/pkg/fields"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// The request options of the Job endpoints are validated by apimachinery's rules, as the
// API server does; paths are relative to the options (dryRun, fieldManager, ...).

// ValidateCreateOptions validates the options of a create: dryRun entries All,
// fieldManager at most 128 printable characters, fieldValidation Ignore, Warn, Strict or
// empty. Nil options are the empty ones, as a request without them.
func ValidateCreateOptions(o *metav1.CreateOptions) field.ErrorList {
	if o == nil {
		o = &metav1.CreateOptions{}
	}
	return orNil(metav1validation.ValidateCreateOptions(o))
}

// ValidateUpdateOptions validates the options of an update, as ValidateCreateOptions.
func ValidateUpdateOptions(o *metav1.UpdateOptions) field.ErrorList {
	if o == nil {
		o = &metav1.UpdateOptions{}
	}
	return orNil(metav1validation.ValidateUpdateOptions(o))
}

// ValidatePatchOptions validates the options of a patch of the given type: force only for
// apply patches, which also need a fieldManager.
func ValidatePatchOptions(o *metav1.PatchOptions, patchType types.PatchType) field.ErrorList {
	if o == nil {
		o = &metav1.PatchOptions{}
	}
	return orNil(metav1validation.ValidatePatchOptions(o, patchType))
}

// ValidateDeleteOptions validates the options of a delete: dryRun, a propagationPolicy of
// Foreground, Background or Orphan, not both orphanDependents and propagationPolicy, and
// the options that conflict with ignoreStoreReadErrorWithClusterBreakingPotential.
func ValidateDeleteOptions(o *metav1.DeleteOptions) field.ErrorList {
	if o == nil {
		o = &metav1.DeleteOptions{}
	}
	return orNil(metav1validation.ValidateDeleteOptions(o))
}

// ValidateListOptions validates the options of a list or watch of Jobs: the label selector
// must parse, the field selector must parse and select only metadata.name,
// metadata.namespace or status.successful, and resourceVersion, resourceVersionMatch,
// continue and sendInitialEvents must go together as apimachinery requires (the WatchList
// feature is on in Kubernetes 1.37).
func ValidateListOptions(o *metav1.ListOptions) field.ErrorList {
	if o == nil {
		o = &metav1.ListOptions{}
	}
	var errs field.ErrorList
	internal := metainternal.ListOptions{
		ResourceVersion:      o.ResourceVersion,
		ResourceVersionMatch: o.ResourceVersionMatch,
		TimeoutSeconds:       o.TimeoutSeconds,
		Watch:                o.Watch,
		AllowWatchBookmarks:  o.AllowWatchBookmarks,
		Limit:                o.Limit,
		Continue:             o.Continue,
		SendInitialEvents:    o.SendInitialEvents,
	}
	if _, err := labels.Parse(o.LabelSelector); err != nil {
		errs = append(errs, field.Invalid(field.NewPath("labelSelector"), o.LabelSelector, err.Error()))
	}
	errs = append(errs, validateFieldSelector(o.FieldSelector)...)
	return orNil(append(errs, metainternalvalidation.ValidateListOptions(&internal, true)...))
}

// orNil returns nil for an empty list, as jobkit's validators do for valid input.
func orNil(errs field.ErrorList) field.ErrorList {
	if len(errs) == 0 {
		return nil
	}
	return errs
}

// validateFieldSelector checks that a field selector parses and names only the fields Jobs
// can be selected by.
func validateFieldSelector(s string) field.ErrorList {
	p := field.NewPath("fieldSelector")
	sel, err := fields.ParseSelector(s)
	if err != nil {
		return field.ErrorList{field.Invalid(p, s, err.Error())}
	}
	var errs field.ErrorList
	for _, r := range sel.Requirements() {
		if !job.IsSelectableField(r.Field) {
			errs = append(errs, field.NotSupported(p, r.Field, []string{"metadata.name", "metadata.namespace", "status.successful"}))
		}
	}
	return errs
}
