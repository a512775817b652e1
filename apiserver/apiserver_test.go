package apiserver_test

import (
	"encoding/json"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/jobkit/jobkit/apiserver"
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/job/jobtest"
	"github.com/jobkit/jobkit/validation"
)

const piJSON = `{"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"pi","namespace":"team-a"},"spec":{"template":{"spec":{"containers":[{"name":"pi","image":"perl:5.34"}],"restartPolicy":"Never"}}}}`

// stored is what a create of piJSON stores.
func stored(t *testing.T) *job.Job {
	t.Helper()
	r := apiserver.Handle(apiserver.Request{Operation: apiserver.Create, Namespace: "team-a", Body: []byte(piJSON)})
	if r.Code != http.StatusCreated {
		t.Fatalf("create: %d %v", r.Code, r.Status)
	}
	r.Object.ResourceVersion = "7"
	return r.Object
}

func TestHandle(t *testing.T) {
	old := stored(t)
	update := func(f func(*job.Job)) *job.Job {
		j := old.DeepCopy()
		f(j)
		return j
	}
	tests := []struct {
		name    string
		req     apiserver.Request
		code    int
		message string // a part of the Status message; "" for an accepted request
	}{
		{"create", apiserver.Request{Operation: apiserver.Create, Namespace: "team-a", Body: []byte(piJSON)}, 201, ""},
		{"create in another namespace", apiserver.Request{Operation: apiserver.Create, Namespace: "team-b", Body: []byte(piJSON)}, 400,
			"the namespace of the provided object does not match the namespace sent on the request"},
		{"create of a YAML body, in the default namespace", apiserver.Request{Operation: apiserver.Create, Body: []byte("metadata: {name: x}\nspec: {template: {spec: {containers: [{name: c, image: i}], restartPolicy: Never}}}\n")}, 201, ""},
		{"strict rejection", apiserver.Request{Operation: apiserver.Create, FieldValidation: job.Strict, Body: []byte(`{"metadata":{"name":"x"},"spec":{"retries":1}}`)}, 400,
			`strict decoding error: unknown field "spec.retries"`},
		{"a body that is no Job", apiserver.Request{Operation: apiserver.Create, Body: []byte(`{"kind":"Pod","apiVersion":"v1"}`)}, 400,
			`Job in version "v1" cannot be handled as a Job:`},
		{"invalid", apiserver.Request{Operation: apiserver.Create, Namespace: "team-a", Body: []byte(strings.Replace(piJSON, `"spec":{`, `"spec":{"parallelism":-1,`, 1))}, 422,
			`Job.batch "pi" is invalid: spec.parallelism: Invalid value: -1`},
		{"a Job read back from a cluster, created again", apiserver.Request{Operation: apiserver.Create, Object: jobtest.Make("pi", "").Obj()}, 422,
			"`selector` not auto-generated"},
		{"privileged, denied", apiserver.Request{Operation: apiserver.Create, Object: jobtest.Make("pi", "").Privileged().Obj(),
			Options: validation.Options{DenyPrivileged: true}}, 422, "disallowed by cluster policy"},
		{"the panic of 1.37", apiserver.Request{Operation: apiserver.Create, Object: indexedWithoutCompletions()}, 500,
			"caused apiserver to panic"},
		{"update", apiserver.Request{Operation: apiserver.Update, Old: old, Object: update(func(j *job.Job) { j.Spec.Parallelism = new(int32(3)) })}, 200, ""},
		{"update of another name", apiserver.Request{Operation: apiserver.Update, Old: old, Object: update(func(j *job.Job) { j.Name = "pie" })}, 400,
			"the name of the object (pie) does not match the name on the URL (pi)"},
		{"stale update", apiserver.Request{Operation: apiserver.Update, Old: old, Object: update(func(j *job.Job) { j.ResourceVersion = "6" })}, 409,
			`Operation cannot be fulfilled on jobs.batch "pi": the object has been modified`},
		{"update of another Job's UID", apiserver.Request{Operation: apiserver.Update, Old: old, Object: update(func(j *job.Job) { j.UID = "other" })}, 409,
			"Precondition failed: UID in precondition: other"},
		{"immutable template", apiserver.Request{Operation: apiserver.Update, Old: old, Object: update(func(j *job.Job) { j.Spec.Template.Spec.Containers[0].Image = "perl:6" })}, 422,
			"spec.template: Invalid value"},
		{"status update ignores the spec", apiserver.Request{Operation: apiserver.Update, Subresource: apiserver.StatusSubresource, Old: old,
			Object: update(func(j *job.Job) { j.Spec.Template.Spec.Containers[0].Image = "perl:6" })}, 200, ""},
		{"unknown operation", apiserver.Request{Operation: "DELETE", Body: []byte(piJSON)}, 500, `unknown operation "DELETE"`},
		{"unknown subresource", apiserver.Request{Operation: apiserver.Update, Subresource: "scale", Old: old, Body: []byte(piJSON)}, 500, `unknown subresource "scale"`},
		{"update without the stored Job", apiserver.Request{Operation: apiserver.Update, Body: []byte(piJSON)}, 500, "an update needs the stored Job, Old"},
		{"no object", apiserver.Request{Operation: apiserver.Create}, 500, "neither Body nor Object"},
		{"unknown gate", apiserver.Request{Operation: apiserver.Create, Body: []byte(piJSON), Namespace: "team-a",
			Options: validation.Options{FeatureGates: job.FeatureGates{"NoSuchGate": true}}}, 500, "unknown feature gates: NoSuchGate"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := apiserver.Handle(tt.req)
			if r.Code != tt.code {
				t.Fatalf("code %d, want %d: %v", r.Code, tt.code, r.Status)
			}
			switch {
			case tt.message == "" && (r.Status != nil || r.Object == nil || !r.Allowed()):
				t.Errorf("rejected: %v", r.Status)
			case tt.message != "" && (r.Status == nil || !strings.Contains(r.Status.Message, tt.message) || r.Object != nil || r.Allowed()):
				t.Errorf("status %v, want a rejection saying %q and no object", r.Status, tt.message)
			case r.Status != nil && int(r.Status.Code) != r.Code:
				t.Errorf("status code %d, response code %d", r.Status.Code, r.Code)
			}
			omit := tt.req
			omit.OmitPatches = true
			o := apiserver.Handle(omit)
			if o.Patch != nil || o.DefaultsPatch != nil {
				t.Errorf("OmitPatches: patch %s, defaults patch %s", o.Patch, o.DefaultsPatch)
			}
			if o.Code != r.Code || !reflect.DeepEqual(o.Status, r.Status) || !reflect.DeepEqual(o.Warnings, r.Warnings) || (o.Object == nil) != (r.Object == nil) {
				t.Errorf("OmitPatches changed the answer: %d %v %q, want %d %v %q", o.Code, o.Status, o.Warnings, r.Code, r.Status, r.Warnings)
			}
		})
	}
}

// indexedWithoutCompletions is an Indexed Job with a success policy and no completions, on
// which Kubernetes 1.37's validation panics.
func indexedWithoutCompletions() *job.Job {
	j := jobtest.Make("pi", "").Indexed(3).SuccessPolicyRule("0", -1).Obj()
	j.Spec.Completions = nil
	return j
}

func TestHandleDoesNotModifyItsInput(t *testing.T) {
	old := stored(t)
	obj := old.DeepCopy()
	obj.Spec.Parallelism = new(int32(2))
	before, oldBefore := obj.DeepCopy(), old.DeepCopy()
	apiserver.Handle(apiserver.Request{Operation: apiserver.Update, Old: old, Object: obj})
	if !obj.Spec.SemanticEqual(&before.Spec) || !old.Spec.SemanticEqual(&oldBefore.Spec) || obj.Generation != before.Generation {
		t.Error("Handle modified the request's object or the stored Job")
	}
}

func TestHandleWarnings(t *testing.T) {
	body := `{"metadata":{"name":"Not_A_Label","ownerReferences":[{"apiVersion":"v1","kind":"ConfigMap","name":"c","uid":"u"},{"apiVersion":"v1","kind":"ConfigMap","name":"c","uid":"u"}]},"spec":{"retries":1,"template":{"spec":{"containers":[{"name":"c","image":"i"}],"restartPolicy":"Never"}}}}`
	r := apiserver.Handle(apiserver.Request{Operation: apiserver.Create, Body: []byte(body)})
	if r.Code != http.StatusUnprocessableEntity {
		t.Fatalf("code %d: %v", r.Code, r.Status)
	}
	want := []string{`unknown field "spec.retries"`, ".metadata.ownerReferences contains duplicate entries"}
	if len(r.Warnings) != len(want) {
		t.Fatalf("warnings %q", r.Warnings)
	}
	for i := range want {
		if !strings.HasPrefix(r.Warnings[i], want[i]) {
			t.Errorf("warning %d %q, want it to start %q", i, r.Warnings[i], want[i])
		}
	}
}

func TestHandlePatch(t *testing.T) {
	r := apiserver.Handle(apiserver.Request{Operation: apiserver.Create, Namespace: "team-a", Body: []byte(piJSON)})
	var ops []map[string]any
	if err := json.Unmarshal(r.Patch, &ops); err != nil {
		t.Fatalf("patch %s: %v", r.Patch, err)
	}
	paths := map[string]bool{}
	for _, op := range ops {
		paths[op["path"].(string)] = true
	}
	for _, p := range []string{"/metadata/uid", "/spec/selector", "/spec/backoffLimit", "/spec/template/spec/containers", "/spec/template/spec/dnsPolicy"} {
		if !paths[p] {
			t.Errorf("the patch does not set %s: %s", p, r.Patch)
		}
	}
	// Sending the stored object back changes it once: defaulting gives a Job without labels
	// its template's labels, which now hold the generated ones, as on a real server.
	r.Object.ResourceVersion = "1" // as the storage assigns it
	once := apiserver.Handle(apiserver.Request{Operation: apiserver.Update, Old: r.Object, Object: r.Object})
	if once.Code != http.StatusOK || !strings.Contains(string(once.Patch), `"path":"/metadata/labels"`) {
		t.Fatalf("first update: %d, patch %s", once.Code, once.Patch)
	}
	twice := apiserver.Handle(apiserver.Request{Operation: apiserver.Update, Old: once.Object, Object: once.Object})
	if twice.Code != http.StatusOK || twice.Patch != nil {
		t.Errorf("second update: %d, patch %s", twice.Code, twice.Patch)
	}
}

func TestDefaultsPatch(t *testing.T) {
	r := apiserver.Handle(apiserver.Request{Operation: apiserver.Create, Namespace: "team-a", Body: []byte(piJSON)})
	patch := string(r.DefaultsPatch)
	for _, want := range []string{`"/spec/backoffLimit"`, `"/spec/template/spec/dnsPolicy"`} {
		if !strings.Contains(patch, want) {
			t.Errorf("the defaults patch does not set %s: %s", want, patch)
		}
	}
	for _, server := range []string{`"/metadata/uid"`, `"/spec/selector"`, `"/metadata/generation"`} {
		if strings.Contains(patch, server) {
			t.Errorf("the defaults patch sets %s, which the server sets after mutating admission: %s", server, patch)
		}
	}
	if r.Defaulted == nil || r.Defaulted.UID != "" || r.Defaulted.Spec.BackoffLimit == nil {
		t.Errorf("Defaulted: %+v", r.Defaulted)
	}
}
