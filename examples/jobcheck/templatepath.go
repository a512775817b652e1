package main

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/validation"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// templatePath is where another kind holds Job templates: a path of member names, "[]"
// after one for each element of a list, as in spec.replicatedJobs[].template.
type templatePath struct {
	kind  string
	steps []pathStep
}

type pathStep struct {
	member string
	each   bool // the member is a list: each element
}

// templatePathFlag is the --template-path flag: KIND=PATH, repeatable.
type templatePathFlag []templatePath

func (f *templatePathFlag) String() string {
	var out []string
	for _, p := range *f {
		out = append(out, p.kind+"="+p.String())
	}
	return strings.Join(out, ",")
}

// Set reads one KIND=PATH.
func (f *templatePathFlag) Set(s string) error {
	kind, path, ok := strings.Cut(s, "=")
	if !ok || kind == "" || path == "" {
		return fmt.Errorf("want KIND=PATH, such as JobSet=spec.replicatedJobs[].template")
	}
	p := templatePath{kind: kind}
	for member := range strings.SplitSeq(path, ".") {
		step := pathStep{member: strings.TrimSuffix(member, "[]")}
		step.each = step.member != member
		if step.member == "" || strings.ContainsAny(step.member, "[]") {
			return fmt.Errorf("%q: a path is member names separated by dots, [] after a list", path)
		}
		p.steps = append(p.steps, step)
	}
	*f = append(*f, p)
	return nil
}

func (p templatePath) String() string {
	var parts []string
	for _, s := range p.steps {
		if s.each {
			parts = append(parts, s.member+"[]")
		} else {
			parts = append(parts, s.member)
		}
	}
	return strings.Join(parts, ".")
}

// pathsFor returns the template paths of kind.
func (f templatePathFlag) pathsFor(kind string) []templatePath {
	var out []templatePath
	for _, p := range f {
		if p.kind == kind {
			out = append(out, p)
		}
	}
	return out
}

// found is one template found in an object, with its field path.
type found struct {
	path *field.Path
	raw  json.RawMessage
}

// find walks the object's JSON along the path and returns the templates at its end.
func (p templatePath) find(object []byte) ([]found, error) {
	var root any
	if err := json.Unmarshal(object, &root); err != nil {
		return nil, err
	}
	var out []found
	var walk func(v any, at *field.Path, steps []pathStep) error
	walk = func(v any, at *field.Path, steps []pathStep) error {
		if len(steps) == 0 {
			raw, err := json.Marshal(v)
			out = append(out, found{path: at, raw: raw})
			return err
		}
		m, ok := v.(map[string]any)
		if !ok {
			return nil // the path is not there: nothing to check
		}
		s := steps[0]
		next, ok := m[s.member]
		if !ok {
			return nil
		}
		at = childOf(at, s.member)
		if !s.each {
			return walk(next, at, steps[1:])
		}
		list, _ := next.([]any)
		for i, item := range list {
			if err := walk(item, at.Index(i), steps[1:]); err != nil {
				return err
			}
		}
		return nil
	}
	return out, walk(root, nil, p.steps)
}

func childOf(p *field.Path, name string) *field.Path {
	if p == nil {
		return field.NewPath(name)
	}
	return p.Child(name)
}

// checkEmbedded checks the Job templates an object of another kind holds, as the API
// server checks a CronJob's: defaulted as a template is, with the paths under the object.
func (c *checker) checkEmbedded(r *result, d job.Document, paths []templatePath) {
	name, namespace := objectMeta(d.Object)
	r.Name, r.Namespace = name, namespaceOf(namespace)
	for _, p := range paths {
		templates, err := p.find(d.Object)
		if err != nil {
			r.Errors = append(r.Errors, cause{Type: decodeErrorType, Detail: err.Error(), body: err.Error()})
			continue
		}
		for _, t := range templates {
			var tmpl job.JobTemplateSpec
			if err := tmpl.UnmarshalJSON(t.raw); err != nil {
				msg := t.path.String() + ": " + err.Error()
				r.Errors = append(r.Errors, cause{Type: decodeErrorType, Field: t.path.String(), Detail: err.Error(), body: msg})
				continue
			}
			tmpl.DropUnknown()
			job.SetJobTemplateDefaults(&tmpl)
			r.add(validation.ValidateJobTemplateSpec(&tmpl, t.path, c.opts), nil, nil)
		}
	}
}
