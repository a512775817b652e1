package job

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/jobkit/jobkit/internal/jsonwire"
)

// This file reads the documents of a manifest of any objects (DecodeOptions.AllKinds).

// removedVersions are the API versions of batch that Kubernetes no longer serves, with the
// release that removed each.
func removedVersion(apiVersion, kind string) string {
	switch {
	case apiVersion == "batch/v1beta1" && (kind == CronJobKind || kind == CronJobListKind):
		return "1.25"
	case apiVersion == "batch/v2alpha1" && (kind == CronJobKind || kind == CronJobListKind):
		return "1.21"
	}
	return ""
}

// decodeObject reads a document of any kind.
func decodeObject(p part, data []byte, yamlIssues []string, opts DecodeOptions, fail func(int, error) []Document) []Document {
	apiVersion, kind := typeMeta(data)
	fail = typed(fail, apiVersion, kind)
	if release := removedVersion(apiVersion, kind); release != "" {
		return fail(-1, fmt.Errorf("%s %s was removed in Kubernetes %s: use %s", apiVersion, kind, release, SchemeGroupVersion))
	}
	batchKind := kind == Kind || kind == ListKind || kind == CronJobKind || kind == CronJobListKind
	if batchKind && apiVersion == "" {
		apiVersion = SchemeGroupVersion.String() // as the endpoints read a body without one
	}
	switch {
	case batchKind && apiVersion != SchemeGroupVersion.String() && strings.HasPrefix(apiVersion, GroupName+"/"):
		return fail(-1, fmt.Errorf("%s %s is not served: use %s", apiVersion, kind, SchemeGroupVersion))
	case apiVersion == SchemeGroupVersion.String() && (kind == Kind || kind == ListKind):
		return decodeJobDocument(p, data, yamlIssues, opts, fail)
	case apiVersion == SchemeGroupVersion.String() && kind == CronJobKind:
		return decodeCronJobDocument(p, -1, data, yamlIssues, opts, fail)
	case apiVersion == SchemeGroupVersion.String() && kind == CronJobListKind:
		return decodeItems(p, data, yamlIssues, opts, fail, "CronJob list")
	case apiVersion == "v1" && kind == "List":
		return decodeItems(p, data, yamlIssues, opts, fail, "list")
	case apiVersion == "" && kind == "" && opts.untyped == CronJobKind:
		return decodeCronJobDocument(p, -1, data, yamlIssues, opts, fail)
	}
	return []Document{{Number: p.number, Line: p.line, Item: -1, APIVersion: apiVersion, Kind: kind, Object: data}}
}

// typed makes fail name the apiVersion and kind of the document it fails, where they could
// be read.
func typed(fail func(int, error) []Document, apiVersion, kind string) func(int, error) []Document {
	return func(item int, err error) []Document {
		docs := fail(item, err)
		for i := range docs {
			docs[i].APIVersion, docs[i].Kind = apiVersion, kind
		}
		return docs
	}
}

// typeMeta reads a document's top-level apiVersion and kind; a value that is not a string
// reads as empty.
func typeMeta(data []byte) (apiVersion, kind string) {
	d := jsonwire.NewDecoder(data)
	for ok := d.Object(); ok && d.Member(); {
		switch string(d.Key()) {
		case "apiVersion":
			d.String(&apiVersion)
		case "kind":
			d.String(&kind)
		default:
			d.Skip()
		}
	}
	return apiVersion, kind
}

// decodeCronJobDocument reads a CronJob, the document or item item of a list.
func decodeCronJobDocument(p part, item int, data []byte, yamlIssues []string, opts DecodeOptions, fail func(int, error) []Document) []Document {
	var c CronJob
	d := jsonwire.NewDecoder(data)
	c.decode(d)
	d.Finish()
	if err := syntaxError(d); err != nil {
		return fail(item, err)
	}
	warnings, err := fieldValidation(d, yamlIssues, opts)
	if err != nil {
		return fail(item, err)
	}
	return []Document{{Number: p.number, Line: p.line, Item: item, APIVersion: c.APIVersion, Kind: c.Kind, CronJob: &c, Warnings: warnings}}
}

// decodeItems reads the items of a list — a CronJobList or a v1 List of any objects — each
// as a document of its own kind.
func decodeItems(p part, data []byte, yamlIssues []string, opts DecodeOptions, fail func(int, error) []Document, what string) []Document {
	var list struct {
		Items []json.RawMessage `json:"items"`
	}
	if err := json.Unmarshal(data, &list); err != nil {
		return fail(-1, fmt.Errorf("reading the %s: %w", what, err))
	}
	var docs []Document
	for i, raw := range list.Items {
		apiVersion, kind := typeMeta(raw)
		itemFail := typed(func(_ int, err error) []Document { return fail(i, err) }, apiVersion, kind)
		switch {
		case removedVersion(apiVersion, kind) != "":
			docs = append(docs, itemFail(i, fmt.Errorf("%s %s was removed in Kubernetes %s: use %s", apiVersion, kind, removedVersion(apiVersion, kind), SchemeGroupVersion))...)
		case apiVersion == SchemeGroupVersion.String() && kind == Kind:
			for _, d := range decodeJobDocument(p, raw, yamlIssues, opts, itemFail) {
				d.Item = i
				docs = append(docs, d)
			}
		case apiVersion == SchemeGroupVersion.String() && kind == CronJobKind:
			docs = append(docs, decodeCronJobDocument(p, i, raw, yamlIssues, opts, itemFail)...)
		case firstByte(raw) != '{':
			docs = append(docs, fail(i, errors.New("a list item is not an object"))...)
		default:
			docs = append(docs, Document{Number: p.number, Line: p.line, Item: i, APIVersion: apiVersion, Kind: kind, Object: raw})
		}
	}
	return docs
}

// DecodeCronJob reads a manifest that holds exactly one batch/v1 CronJob, as Decode reads a
// Job: JSON or YAML, with the field validation of opts, within its size limit. A manifest
// with neither apiVersion nor kind is read as a CronJob, as the CronJob endpoints read it.
func DecodeCronJob(data []byte, opts DecodeOptions) (*CronJob, []string, error) {
	opts.AllKinds, opts.untyped = true, CronJobKind
	docs := DecodeAll(data, opts)
	switch {
	case len(docs) == 0:
		return nil, nil, errors.New("the manifest holds no CronJob")
	case len(docs) > 1:
		return nil, nil, errors.New("the manifest holds more than one object, want one CronJob")
	case docs[0].Err != nil:
		return nil, nil, docs[0].Err
	case docs[0].CronJob == nil:
		return nil, nil, fmt.Errorf("the manifest holds a %s %s, not a batch/v1 CronJob", docs[0].APIVersion, docs[0].Kind)
	}
	return docs[0].CronJob, docs[0].Warnings, nil
}
