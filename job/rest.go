package job

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// apiPrefix is the root of the batch/v1 API.
const apiPrefix = "/apis/batch/v1"

// StatusSubresource is the name of the Job's only subresource.
const StatusSubresource = "status"

// Path is a request path of the Job endpoints of batch/v1:
//
//	/apis/batch/v1/jobs                                       list, watch (all namespaces)
//	/apis/batch/v1/namespaces/{namespace}/jobs                list, watch, create, deletecollection
//	/apis/batch/v1/namespaces/{namespace}/jobs/{name}         get, update, patch, delete
//	/apis/batch/v1/namespaces/{namespace}/jobs/{name}/status  get, update, patch
//
// and the deprecated /apis/batch/v1/watch/... forms of the first three (use ?watch=true).
type Path struct {
	// Namespace is empty for the cluster-wide collection.
	Namespace string
	// Name is empty for a collection.
	Name string
	// Subresource is empty or "status".
	Subresource string
	// Watch marks the deprecated /watch/ form.
	Watch bool
}

// String renders the path. It is meaningful for paths that Validate accepts.
func (p Path) String() string {
	var b strings.Builder
	b.WriteString(apiPrefix)
	if p.Watch {
		b.WriteString("/watch")
	}
	if p.Namespace != "" {
		b.WriteString("/namespaces/")
		b.WriteString(p.Namespace)
	}
	b.WriteString("/jobs")
	if p.Name != "" {
		b.WriteString("/")
		b.WriteString(p.Name)
	}
	if p.Subresource != "" {
		b.WriteString("/")
		b.WriteString(p.Subresource)
	}
	return b.String()
}

// Validate checks that p is one of the Job endpoints and that its segments are names the
// API server can route: not empty, not "." or "..", without "/" or "%".
func (p Path) Validate() error {
	switch {
	case p.Name != "" && p.Namespace == "":
		return errors.New("a Job is addressed within its namespace")
	case p.Subresource != "" && p.Subresource != StatusSubresource:
		return fmt.Errorf("unknown subresource %q: Jobs have only %q", p.Subresource, StatusSubresource)
	case p.Subresource != "" && p.Name == "":
		return errors.New("the status subresource belongs to one Job: the name is missing")
	case p.Subresource != "" && p.Watch:
		return errors.New("the status subresource cannot be watched")
	}
	for _, seg := range []struct{ what, value string }{{"namespace", p.Namespace}, {"name", p.Name}} {
		if seg.value == "" {
			continue
		}
		if err := checkSegment(seg.value); err != nil {
			return fmt.Errorf("%s %q: %w", seg.what, seg.value, err)
		}
	}
	return nil
}

// checkSegment applies the API server's path segment rule for names.
func checkSegment(s string) error {
	switch {
	case s == "." || s == "..":
		return errors.New(`may not be "." or ".."`)
	case strings.ContainsAny(s, "/%"):
		return errors.New(`may not contain "/" or "%"`)
	}
	return nil
}

// Methods returns the HTTP methods the endpoint serves, in the order GET, POST, PUT, PATCH,
// DELETE.
func (p Path) Methods() []string {
	switch {
	case p.Watch:
		return []string{http.MethodGet}
	case p.Subresource != "":
		return []string{http.MethodGet, http.MethodPut, http.MethodPatch}
	case p.Name != "":
		return []string{http.MethodGet, http.MethodPut, http.MethodPatch, http.MethodDelete}
	case p.Namespace != "":
		return []string{http.MethodGet, http.MethodPost, http.MethodDelete}
	default:
		return []string{http.MethodGet}
	}
}

// ParsePath reads a request path of the Job endpoints. It rejects anything else: another
// group, version or resource, a query string, empty or extra segments, and names the
// API server cannot route.
func ParsePath(s string) (Path, error) {
	fail := func(why string) (Path, error) {
		return Path{}, fmt.Errorf("%q is not a Job endpoint: %s", s, why)
	}
	if strings.ContainsAny(s, "?#") {
		return fail("a path has no query or fragment")
	}
	rest, ok := strings.CutPrefix(s, apiPrefix+"/")
	if !ok {
		return fail("it does not start with " + apiPrefix + "/")
	}
	var p Path
	segs := strings.Split(rest, "/")
	if segs[0] == "watch" {
		p.Watch, segs = true, segs[1:]
	}
	if len(segs) >= 2 && segs[0] == "namespaces" {
		p.Namespace, segs = segs[1], segs[2:]
		if p.Namespace == "" {
			return fail("the namespace is empty")
		}
	}
	if len(segs) == 0 || segs[0] != "jobs" {
		return fail("the resource is not jobs")
	}
	switch segs = segs[1:]; len(segs) {
	case 0:
	case 1, 2:
		p.Name = segs[0]
		if p.Name == "" {
			return fail("the name is empty")
		}
		if len(segs) == 2 {
			if p.Subresource = segs[1]; p.Subresource == "" {
				return fail("the subresource is empty")
			}
		}
	default:
		return fail("it has too many segments")
	}
	if err := p.Validate(); err != nil {
		return fail(err.Error())
	}
	return p, nil
}

// SelectableFields returns the fields a field selector can select Jobs by, with j's
// values: metadata.name, metadata.namespace and status.successful (status.succeeded in
// decimal). A nil j has no fields: the result is nil.
func SelectableFields(j *Job) map[string]string {
	if j == nil {
		return nil
	}
	return map[string]string{
		"metadata.name":      j.Name,
		"metadata.namespace": j.Namespace,
		"status.successful":  strconv.Itoa(int(j.Status.Succeeded)),
	}
}

// IsSelectableField reports whether a field selector may name field for Jobs.
func IsSelectableField(field string) bool {
	return field == "metadata.name" || field == "metadata.namespace" || field == "status.successful"
}
