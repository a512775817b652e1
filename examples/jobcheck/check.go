package main

import (
	"fmt"
	"io"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/validation"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// placeholder values for what the API server assigns on create.
const (
	placeholderUID       = "00000000-0000-4000-8000-000000000001"
	placeholderNamespace = "default"
	placeholderSuffix    = "x7b9z"
)

// checker checks Jobs as the API server would receive them.
type checker struct {
	decode job.DecodeOptions
	opts   validation.Options
	old    *job.Job // the stored Job, for --old
	status bool     // validate updates of /status
}

// result is the verdict on one Job.
type result struct {
	Source    string   `json:"source"`
	Name      string   `json:"name"`
	Namespace string   `json:"namespace"`
	Valid     bool     `json:"valid"`
	Errors    []cause  `json:"errors"`
	Warnings  []string `json:"warnings"`
}

// cause is one reason a Job is invalid, as in the causes of the API server's Status.
type cause struct {
	Type   string `json:"type"`
	Field  string `json:"field"`
	Detail string `json:"detail"`

	body string // the error as the API server words it, for human output
}

// decodeErrorType is the type of a cause that is not a field error: the document could not
// be read as a Job (the API server answers 400 Bad Request).
const decodeErrorType = "BadRequest"

// checkFile decodes, defaults, prepares and validates the Jobs of one file ("-" for stdin)
// as they are read, and sends their results to out, until quit is closed.
func (c *checker) checkFile(name string, stdin io.Reader, out chan<- result, quit <-chan struct{}) error {
	r, closeFile, err := open(name, stdin)
	if err != nil {
		return err
	}
	defer closeFile()
	for d := range job.Documents(r, c.decode) {
		select {
		case out <- c.checkDocument(name, d):
		case <-quit:
			return nil
		}
	}
	return nil
}

// source names a document: file:number, and [item] within a JobList.
func source(file string, d job.Document) string {
	s := fmt.Sprintf("%s:%d", file, d.Number)
	if d.Item >= 0 {
		s += fmt.Sprintf("[%d]", d.Item)
	}
	return s
}

func (c *checker) checkDocument(file string, d job.Document) result {
	r := result{Source: source(file, d), Errors: []cause{}, Warnings: []string{}}
	if d.Err != nil {
		r.Errors = append(r.Errors, cause{Type: decodeErrorType, Detail: d.Err.Error(), body: d.Err.Error()})
		return r
	}
	j := d.Job
	r.Warnings = append(r.Warnings, d.Warnings...)
	errs, warnings := c.validate(j)
	r.Name, r.Namespace = j.Name, j.Namespace
	r.Warnings = append(r.Warnings, warnings...)
	for _, e := range errs {
		r.Errors = append(r.Errors, cause{Type: string(e.Type), Field: e.Field, Detail: e.Detail, body: e.ErrorBody()})
	}
	r.Valid = len(r.Errors) == 0
	return r
}

// validate runs the API server's create, update or status update path on j.
func (c *checker) validate(j *job.Job) (field.ErrorList, []string) {
	job.SetDefaults(j)
	switch {
	case c.old == nil:
		uid := j.UID
		if uid == "" {
			uid = placeholderUID
		}
		job.SetSystemFields(j, job.SystemFields{UID: uid, CreationTimestamp: metav1.Now(), Namespace: placeholderNamespace, NameSuffix: placeholderSuffix})
		job.PrepareForCreate(j, nil)
		return validation.ValidateJob(j, c.opts), validation.Warnings(j, nil)
	case c.status:
		job.PrepareForStatusUpdate(j, c.old)
		return validation.ValidateJobStatusUpdate(j, c.old, c.opts), nil
	default:
		keepGenerated(j, c.old)
		job.PrepareForUpdate(j, c.old, nil)
		return validation.ValidateJobUpdate(j, c.old, c.opts), validation.Warnings(j, c.old)
	}
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
		j.UID = placeholderUID
	}
	if j.Namespace == "" {
		j.Namespace = placeholderNamespace
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
