package apiserver_test

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/jobkit/jobkit/apiserver"
	"github.com/jobkit/jobkit/internal/conformance"
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/validation"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// The values the API server that judged the corpus assigned, and its flags: kube-apiserver's
// defaults, which reject privileged containers.
var (
	judgeSystem = job.SystemFields{
		UID:               apiserver.PlaceholderUID,
		CreationTimestamp: metav1.Date(2025, 1, 1, 0, 0, 0, 0, metav1.Now().UTC().Location()),
		NameSuffix:        "x7b9z",
	}
	judgeOptions = validation.Options{DenyPrivileged: true}
)

// requestOf is the Request of a corpus case: its body as sent to the namespace it names, and
// the stored Job of an update, filled in as a stored Job always is (the corpus's
// convention).
func requestOf(t *testing.T, c conformance.ValidateCase) apiserver.Request {
	req := apiserver.Request{Body: c.Input.Object, System: judgeSystem, Options: judgeOptions, Operation: apiserver.Create}
	if c.Input.Op == "create" {
		// The judge posted each Job to its own namespace.
		var meta struct {
			Metadata struct{ Namespace string } `json:"metadata"`
		}
		_ = json.Unmarshal(c.Input.Object, &meta)
		req.Namespace = meta.Metadata.Namespace
		return req
	}
	req.Operation = apiserver.Update
	if c.Input.Op == "status" {
		req.Subresource = apiserver.StatusSubresource
	}
	old, _, err := job.Decode(c.Input.Old, job.DecodeOptions{})
	if err != nil {
		t.Fatalf("%s: old: %v", c.Input.ID, err)
	}
	job.SetDefaults(old)
	if old.UID == "" {
		old.UID = judgeSystem.UID
	}
	if old.CreationTimestamp.IsZero() {
		old.CreationTimestamp = judgeSystem.CreationTimestamp
	}
	if old.Namespace == "" {
		old.Namespace = metav1.NamespaceDefault
	}
	if old.ResourceVersion == "" {
		old.ResourceVersion = "1"
	}
	req.Old = old
	return req
}

// verdict compares a response with the server's answer: the status code, the request
// error's text, the validation errors as a multiset of (type, field), the warnings, and
// the stored object of an accepted create. It returns the differences, "" when none.
func verdict(c conformance.ValidateCase, r apiserver.Response) string {
	e := c.Expect
	var problems []string
	if r.Code != e.Code {
		problems = append(problems, fmt.Sprintf("code %d, want %d", r.Code, e.Code))
	}
	if e.RequestError != "" && (r.Status == nil || r.Status.Message != e.RequestError) {
		problems = append(problems, fmt.Sprintf("status %v, want the message %q", r.Status, e.RequestError))
	}
	problems = append(problems, errorsDiffer(e.Errors, r)...)
	if w := warningsDiffer(c, r); w != "" {
		problems = append(problems, w)
	}
	if c.Input.Op == "create" && r.Object != nil && e.Prepared != nil {
		if got, _ := json.Marshal(r.Object); string(got) != string(e.Prepared) {
			problems = append(problems, fmt.Sprintf("stored %s\n  want %s", got, e.Prepared))
		}
	}
	return strings.Join(problems, "; ")
}

type typeField struct{ Type, Field string }

func errorsDiffer(want []conformance.Error, r apiserver.Response) []string {
	var problems []string
	rest := make([]typeField, 0, len(r.Errors))
	for _, x := range r.Errors {
		rest = append(rest, typeField{string(x.Type), x.Field})
	}
	for _, x := range want {
		w := typeField{x.Type, x.Field}
		if i := slices.Index(rest, w); i >= 0 {
			rest = slices.Delete(rest, i, i+1)
		} else {
			problems = append(problems, fmt.Sprintf("missing %s %s", w.Type, w.Field))
		}
	}
	for _, x := range rest {
		problems = append(problems, fmt.Sprintf("unexpected %s %s", x.Type, x.Field))
	}
	return problems
}

// producedWarning reports whether jobkit produces warnings of the kind of w: those of
// decoding and of the Job's own rules; the pod template's warnings are not all produced yet.
func producedWarning(w string) bool {
	for _, kind := range []string{`unknown field "`, `duplicate field "`, "metadata.name: ", "spec: In Indexed Jobs",
		"fractional byte value", "terminationGracePeriodSeconds: ", ".metadata.ownerReferences contains duplicate entries"} {
		if strings.Contains(w, kind) {
			return true
		}
	}
	return false
}

// warningsDiffer compares the warnings jobkit produces with the server's: those of decoding
// always, the others when the request is accepted (the corpus records only then).
func warningsDiffer(c conformance.ValidateCase, r apiserver.Response) string {
	want := slices.Clone(c.Expect.DecodeWarnings)
	if c.Expect.Code < 300 {
		want = append(want, c.Expect.Warnings...)
	}
	got := r.Warnings
	if c.Expect.Code >= 300 {
		got = got[:min(len(got), len(c.Expect.DecodeWarnings))]
	}
	want, got = slices.DeleteFunc(want, notProduced), slices.DeleteFunc(slices.Clone(got), notProduced)
	if !slices.Equal(want, got) {
		return fmt.Sprintf("warnings %q, want %q", got, want)
	}
	return ""
}

func notProduced(w string) bool { return !producedWarning(w) }

// TestCorpus runs every create, update and status case of the repository's judged corpus
// through Handle; the cases jobkit is known to answer differently are listed, by area, in
// conformance/known-disagreements.txt.
func TestCorpus(t *testing.T) {
	cases := conformance.CorpusValidate(t)
	found, problems := map[string]string{}, map[string]string{}
	for _, c := range cases {
		r := apiserver.Handle(requestOf(t, c))
		if problem := verdict(c, r); problem != "" {
			found[c.Input.ID], problems[c.Input.ID] = area(c, problem), problem
		}
	}
	conformance.CheckKnown(t, "validate.jsonl.gz", found, problems)
	t.Logf("corpus: %d cases, %d agree with Kubernetes, %d known disagreements", len(cases), len(cases)-len(found), len(found))
}

var (
	indexPart = regexp.MustCompile(`\[[^\]]*\]`)
	firstPath = regexp.MustCompile(`\b(spec|metadata|status)(\.[A-Za-z]+(\[[^\]]*\])*)+`)
)

// area names the part of the API a disagreement is in, from the first field it names: the
// member of the pod spec (of a container, the member of the container; of a volume, its
// source), or the Job's own member.
func area(c conformance.ValidateCase, problem string) string {
	if c.Expect.RequestError != "" {
		return "request handling"
	}
	path := firstPath.FindString(problem)
	if path == "" {
		return "other"
	}
	parts := strings.Split(indexPart.ReplaceAllString(path, ""), ".")
	switch {
	case len(parts) >= 4 && parts[0] == "spec" && parts[1] == "template" && parts[2] == "spec":
		member := parts[3]
		if len(parts) >= 5 && (strings.HasSuffix(member, "ontainers") || member == "volumes") {
			member = strings.TrimSuffix(strings.TrimSuffix(member, "Containers"), "containers")
			if member == "" || member == "init" || member == "ephemeral" {
				member = "containers"
			}
			return "pod template: " + member + "." + parts[4]
		}
		return "pod template: " + member
	case len(parts) >= 3 && parts[0] == "spec" && parts[1] == "template":
		return "pod template: " + parts[2]
	case len(parts) >= 2:
		return parts[0] + "." + parts[1]
	}
	return parts[0]
}

// TestMessages measures how many judged error lists jobkit words exactly as the server does,
// among the cases whose errors agree by type and field: the same messages, as a multiset (the
// corpus sorts runs of errors whose order in the server depends on map iteration).
func TestMessages(t *testing.T) {
	known := conformance.Known(t, "validate.jsonl.gz")
	lists, same, truncated := 0, 0, 0
	kinds := map[string]int{}
	for _, c := range conformance.CorpusValidate(t) {
		if _, ok := known[c.Input.ID]; ok || len(c.Expect.Errors) == 0 {
			continue
		}
		r := apiserver.Handle(requestOf(t, c))
		lists++
		got := make([]string, 0, len(r.Errors))
		for _, e := range r.Errors {
			got = append(got, e.Error())
		}
		identical := true
		for _, e := range c.Expect.Errors {
			match := func(m string) bool { return m == e.Message }
			if e.MessageTruncated { // the judge kept the message's first bytes
				truncated++
				match = func(m string) bool { return strings.HasPrefix(m, e.Message) }
			}
			if i := slices.IndexFunc(got, match); i >= 0 {
				got = slices.Delete(got, i, i+1)
				continue
			}
			identical = false
			kinds[indexPart.ReplaceAllString(e.Field, "[]")]++
			if testing.Verbose() && kinds[indexPart.ReplaceAllString(e.Field, "[]")] <= 1 {
				t.Logf("%s: %s", c.Input.ID, e.Message)
			}
		}
		if identical {
			same++
		}
	}
	t.Logf("%d of %d error lists worded as the server words them (%d messages the judge cut compared by their start); differing, by field: %v", same, lists, truncated, kinds)
}
