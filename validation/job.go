package validation

import (
	"fmt"

	"github.com/jobkit/jobkit/internal/names"
	"github.com/jobkit/jobkit/job"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// ValidateJob validates a Job being created, as the API server does after defaulting and
// PrepareForCreate (the Job strategy's Validate): its metadata, the generated selector and
// template labels, the spec, the selector's match with the template labels, the hostname
// limit of Indexed Jobs and, last, the declarative rules of spec.scheduling. A valid Job
// gives nil, without allocating; a nil j gives an internal error naming it.
func ValidateJob(j *job.Job, opts Options) field.ErrorList {
	if j == nil {
		return nilArgument("j", "Job")
	}
	if errs := opts.check(); errs != nil {
		return errs
	}
	v := validator{opts: opts}
	v.createMeta(&j.ObjectMeta)
	v.generatedSelector(j)
	root := rootPath(nil)
	sp := root.child("spec")
	v.spec(&j.Spec, nil, &sp)
	v.selectorRules(&j.Spec, &sp, false)
	v.indexedName(j)
	v.schedulingDeclarative(&j.Spec, nil)
	return v.result()
}

// ValidateJobUpdate validates an update of a Job (not of its status) against old, the
// stored Job, as the API server does after PrepareForUpdate (the Job strategy's ValidateUpdate): the metadata update,
// the whole new spec and selector, what may not change, the template's mutability, the
// hostname limit of Indexed Jobs and the declarative rules of spec.scheduling. What the
// API server derives from the stored Job — whether its selector already held invalid label
// values, whether its template may change — is derived from old. A nil j or old gives an
// internal error naming it.
func ValidateJobUpdate(j, old *job.Job, opts Options) field.ErrorList {
	if errs := nilJobs(j, old); errs != nil {
		return errs
	}
	if errs := opts.check(); errs != nil {
		return errs
	}
	v := validator{opts: opts}
	v.updateMeta(&j.ObjectMeta, &old.ObjectMeta)
	root := rootPath(nil)
	sp := root.child("spec")
	v.specUpdate(j, old, &sp)
	v.indexedName(j)
	v.schedulingDeclarative(&j.Spec, &old.Spec)
	return v.result()
}

// ValidateJobStatusUpdate validates an update of a Job's /status against old, the stored
// Job, as the API server does after PrepareForStatusUpdate (the status strategy's ValidateUpdate): the metadata update, the
// status invariants and the transitions from the stored status. Which rules apply is
// derived from what changed, as the API server does. A nil j or old gives an internal error
// naming it.
func ValidateJobStatusUpdate(j, old *job.Job, opts Options) field.ErrorList {
	if errs := nilJobs(j, old); errs != nil {
		return errs
	}
	if errs := opts.check(); errs != nil {
		return errs
	}
	v := validator{opts: opts}
	v.updateMeta(&j.ObjectMeta, &old.ObjectMeta)
	v.status(j, old)
	return v.result()
}

// ValidateJobTemplateSpec validates the Job template of a CronJob at fldPath (such as
// spec.jobTemplate): the spec rules, and no selector nor manualSelector, since every
// Job created from the template gets its own generated selector. The template's metadata
// is not validated, as in the API server. A nil t gives an internal error naming it.
func ValidateJobTemplateSpec(t *job.JobTemplateSpec, fldPath *field.Path, opts Options) field.ErrorList {
	if t == nil {
		return nilArgument("t", "JobTemplateSpec")
	}
	if errs := opts.check(); errs != nil {
		return errs
	}
	v := validator{opts: opts}
	root := rootPath(fldPath)
	sp := root.child("spec")
	v.spec(&t.Spec, nil, &sp)
	if t.Spec.Selector != nil {
		c := sp.child("selector")
		v.add(field.Invalid(c.build(), t.Spec.Selector, "`selector` will be auto-generated"))
	}
	if t.Spec.ManualSelector != nil && *t.Spec.ManualSelector {
		c := sp.child("manualSelector")
		v.add(field.NotSupported(c.build(), t.Spec.ManualSelector, []string{"nil", "false"}))
	}
	return v.result()
}

// indexedName requires the hostname of the last pod of an Indexed Job, name-(completions-1),
// to be a DNS label.
func (v *validator) indexedName(j *job.Job) {
	s := &j.Spec
	if s.CompletionMode == nil || *s.CompletionMode != job.IndexedCompletion || s.Completions == nil || *s.Completions <= 0 {
		return
	}
	if hostnameOK(j.Name, *s.Completions-1) {
		return
	}
	hostname := fmt.Sprintf("%s-%d", j.Name, *s.Completions-1)
	root := rootPath(metadataPath())
	np := root.child("name")
	v.add(field.Invalid(np.build(), j.Name, "will not able to create pod with invalid DNS label: "+hostname))
}

// hostnameOK reports whether name-index is a DNS label, without building it: a name of
// [a-z0-9-] that starts with [a-z0-9], short enough for the suffix.
func hostnameOK(name string, index int32) bool {
	digits := 1
	for n := index; n >= 10; n /= 10 {
		digits++
	}
	return name != "" && len(name)+1+digits <= names.DNS1123LabelMaxLength && isLabelPrefix(name)
}

// isLabelPrefix reports whether name can start a DNS label that continues with "-" and
// digits.
func isLabelPrefix(name string) bool {
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' && i > 0) {
			return false
		}
	}
	return true
}

// nilArgument is the answer to a nil argument: an internal error naming it.
func nilArgument(name, typ string) field.ErrorList {
	return field.ErrorList{field.InternalError(nil, fmt.Errorf("the %s %s is nil", typ, name))}
}

// nilJobs is the answer to an update with a nil Job, j or old, and nil when both are set.
func nilJobs(j, old *job.Job) field.ErrorList {
	var errs field.ErrorList
	if j == nil {
		errs = append(errs, nilArgument("j", "Job")...)
	}
	if old == nil {
		errs = append(errs, nilArgument("old", "stored Job")...)
	}
	return errs
}
