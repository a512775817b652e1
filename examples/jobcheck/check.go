package main

import (
	"fmt"
	"io"

	"github.com/jobkit/jobkit/apiserver"
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/validation"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// placeholderSuffix completes the name of a Job that has only a generateName, as the API
// server's random suffix would.
const placeholderSuffix = "x7b9z"

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
	r.Name, r.Namespace = j.Name, j.Namespace
	if r.Namespace == "" {
		r.Namespace = metav1.NamespaceDefault // where a create without a namespace goes
	}
	r.Warnings = append(r.Warnings, d.Warnings...)
	resp := c.handle(j)
	if resp.Object != nil {
		r.Name = resp.Object.Name // a generateName completed
	}
	r.Warnings = append(r.Warnings, resp.Warnings...)
	for _, e := range resp.Errors {
		r.Errors = append(r.Errors, cause{Type: string(e.Type), Field: e.Field, Detail: e.Detail, body: e.ErrorBody()})
	}
	if len(resp.Errors) == 0 && resp.Status != nil {
		// Rejected before validation: a name or namespace that is not the URL's, a stale
		// update. The server's reason stands for the type.
		r.Errors = append(r.Errors, cause{Type: string(resp.Status.Reason), Detail: resp.Status.Message, body: resp.Status.Message})
	}
	r.Valid = len(r.Errors) == 0
	return r
}

// handle runs the API server's create, update or status update of j: a create in the
// Job's namespace, an update of the --old Job.
func (c *checker) handle(j *job.Job) apiserver.Response {
	req := apiserver.Request{Operation: apiserver.Create, Namespace: j.Namespace, Object: j,
		System: job.SystemFields{CreationTimestamp: metav1.Now(), NameSuffix: placeholderSuffix}, Options: c.opts}
	if c.old != nil {
		req.Operation, req.Old = apiserver.Update, c.old
		if c.status {
			req.Subresource = apiserver.StatusSubresource
		} else {
			keepGenerated(j, c.old)
		}
	}
	return apiserver.Handle(req)
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
