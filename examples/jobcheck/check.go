package main

import (
	"encoding/json"
	"fmt"

	"github.com/jobkit/jobkit/apiserver"
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/validation"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// placeholderSuffix completes the name of an object that has only a generateName, as the
// API server's random suffix would.
const placeholderSuffix = "x7b9z"

// checker checks objects as the API server would receive them.
type checker struct {
	decode    job.DecodeOptions
	opts      validation.Options
	kinds     map[string]bool  // the kinds checked: Job, CronJob
	templates templatePathFlag // Job templates inside other kinds
	old       *job.Job         // the stored Job, for --old
	status    bool             // validate updates of /status
}

// result is the verdict on one document or list item.
type result struct {
	Source    string // file:line, and [item] in a list
	File      string
	Line      int
	Kind      string
	Name      string
	Namespace string
	Valid     bool
	Errors    []cause
	Warnings  []string
	// Skipped says why the document was not checked: the notices (not an object, a
	// template) are printed, skipped kinds only counted.
	Skipped string

	notice    bool // a skip worth printing
	readError bool // the file could not be read to its end
}

// cause is one reason an object is invalid, as in the causes of the API server's Status.
type cause struct {
	Type   string `json:"type"`
	Field  string `json:"field"`
	Detail string `json:"detail"`

	body string // the error as the API server words it, for human output
}

// decodeErrorType is the type of a cause that is not a field error: the document could not
// be read (the API server answers 400 Bad Request).
const decodeErrorType = "BadRequest"

// Reasons documents are not checked.
const (
	notAnObject   = "not a Kubernetes object: it has no kind"
	notCheckable  = "not checkable: the file holds template directives ({{ }}); render it first"
	kindNotListed = "kind not checked"
)

// source names a document: file:line, and [item] within a list.
func source(file string, d job.Document) string {
	s := fmt.Sprintf("%s:%d", file, d.Line)
	if d.Item >= 0 {
		s += fmt.Sprintf("[%d]", d.Item)
	}
	return s
}

// checkDocument checks one decoded document.
func (c *checker) checkDocument(file string, d job.Document) result {
	r := result{Source: source(file, d), File: file, Line: d.Line, Kind: d.Kind, Errors: []cause{}, Warnings: []string{}}
	switch {
	case d.Err != nil && (d.Kind == job.Kind || d.Kind == job.CronJobKind) && !c.kinds[d.Kind]:
		r.Skipped = kindNotListed
		return r
	case d.Err != nil:
		// The source names the document already: the error without its position.
		err := d.Err
		if de, ok := err.(*job.DocumentError); ok {
			err = de.Err
		}
		r.Errors = append(r.Errors, cause{Type: decodeErrorType, Detail: err.Error(), body: err.Error()})
		return r
	case d.Job != nil:
		r.Kind = job.Kind
		if !c.kinds[job.Kind] {
			r.Skipped = kindNotListed
			return r
		}
		c.checkJob(&r, d)
	case d.CronJob != nil:
		if !c.kinds[job.CronJobKind] {
			r.Skipped = kindNotListed
			return r
		}
		c.checkCronJob(&r, d)
	case d.Kind == "":
		r.Skipped, r.notice = notAnObject, true
		return r
	default:
		paths := c.templates.pathsFor(d.Kind)
		if len(paths) == 0 {
			r.Name, r.Namespace = objectMeta(d.Object)
			r.Skipped = kindNotListed
			return r
		}
		c.checkEmbedded(&r, d, paths)
	}
	r.Valid = len(r.Errors) == 0
	return r
}

// checkJob runs the API server's create, update or status update of a Job: a create in
// the Job's namespace, an update of the --old Job.
func (c *checker) checkJob(r *result, d job.Document) {
	j := d.Job
	r.Name, r.Namespace = j.Name, namespaceOf(j.Namespace)
	r.Warnings = append(r.Warnings, d.Warnings...)
	req := apiserver.Request{Operation: apiserver.Create, Namespace: j.Namespace, Object: j,
		System: job.SystemFields{CreationTimestamp: metav1.Now(), NameSuffix: placeholderSuffix}, Options: c.opts, OmitPatches: true}
	if c.old != nil {
		req.Operation, req.Old = apiserver.Update, c.old
		if c.status {
			req.Subresource = apiserver.StatusSubresource
		} else {
			keepGenerated(j, c.old)
		}
	}
	resp := apiserver.Handle(req)
	if resp.Object != nil {
		r.Name = resp.Object.Name // a generateName completed
	}
	r.add(resp.Errors, resp.Status, resp.Warnings)
}

// checkCronJob runs the API server's create of a CronJob.
func (c *checker) checkCronJob(r *result, d job.Document) {
	cj := d.CronJob
	r.Name, r.Namespace = cj.Name, namespaceOf(cj.Namespace)
	r.Warnings = append(r.Warnings, d.Warnings...)
	resp := apiserver.CreateCronJob(apiserver.CronJobRequest{Namespace: cj.Namespace, Object: cj,
		System: job.SystemFields{CreationTimestamp: metav1.Now(), NameSuffix: placeholderSuffix}, Options: c.opts})
	if resp.Object != nil {
		r.Name = resp.Object.Name
	}
	r.add(resp.Errors, resp.Status, resp.Warnings)
}

// add records a response: its validation errors, or else a rejection before validation (a
// name or namespace that is not the URL's, a stale update), and its warnings.
func (r *result) add(errs field.ErrorList, status *metav1.Status, warnings []string) {
	for _, e := range errs {
		r.Errors = append(r.Errors, cause{Type: string(e.Type), Field: e.Field, Detail: e.Detail, body: e.Error()})
	}
	if len(errs) == 0 && status != nil {
		r.Errors = append(r.Errors, cause{Type: string(status.Reason), Detail: status.Message, body: status.Message})
	}
	r.Warnings = append(r.Warnings, warnings...)
}

// objectMeta reads the name and namespace of an object of any kind; a value that is not
// there, or not a string, reads as empty.
func objectMeta(object []byte) (name, namespace string) {
	var meta struct {
		Metadata struct {
			Name      any `json:"name"`
			Namespace any `json:"namespace"`
		} `json:"metadata"`
	}
	_ = json.Unmarshal(object, &meta) // a document of another kind need not have metadata
	name, _ = meta.Metadata.Name.(string)
	namespace, _ = meta.Metadata.Namespace.(string)
	return name, namespace
}

// namespaceOf is where a create without a namespace goes.
func namespaceOf(ns string) string {
	if ns == "" {
		return metav1.NamespaceDefault
	}
	return ns
}

// keepGenerated gives an updated Job that names no selector the stored Job's generated
// selector and template labels, as kubectl apply keeps what the server generated. A PUT of
// the file as it stands would be rejected for the missing selector.
func keepGenerated(j, old *job.Job) {
	if j.Spec.Selector != nil || (j.Spec.ManualSelector != nil && *j.Spec.ManualSelector) {
		return
	}
	j.Spec.Selector = old.Spec.Selector.DeepCopy()
	for _, key := range []string{job.LegacyJobNameLabel, job.JobNameLabel, job.LegacyControllerUidLabel, job.ControllerUidLabel} {
		if value, ok := old.Spec.Template.Labels[key]; ok {
			if _, set := j.Spec.Template.Labels[key]; !set {
				if j.Spec.Template.Labels == nil {
					j.Spec.Template.Labels = map[string]string{}
				}
				j.Spec.Template.Labels[key] = value
			}
		}
	}
}

// stored makes a Job read from a file look stored: defaulted, with the metadata every
// stored object has and, for a manifest that was never created, the generated selector
// and labels. A Job read back from a cluster is left as it is.
func stored(j *job.Job) {
	job.SetDefaults(j)
	if j.UID == "" {
		j.UID = apiserver.PlaceholderUID
	}
	if j.Namespace == "" {
		j.Namespace = metav1.NamespaceDefault
	}
	if j.CreationTimestamp.IsZero() {
		j.CreationTimestamp = metav1.Now()
	}
	if j.Spec.Selector == nil {
		status, generation := j.Status, j.Generation
		job.PrepareForCreate(j, nil)
		j.Status, j.Generation = status, generation
	}
	if j.ResourceVersion == "" {
		j.ResourceVersion = "1"
	}
	if j.Generation == 0 {
		j.Generation = 1
	}
}
