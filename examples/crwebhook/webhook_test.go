package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/jobkit/jobkit/k8sapi"
	admissionv1 "k8s.io/api/admission/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"sigs.k8s.io/controller-runtime/pkg/webhook"
)

// server serves the webhooks over TLS on loopback, as controller-runtime's webhook server
// registers them.
func server(t *testing.T) *httptest.Server {
	mux := http.NewServeMux()
	register(muxServer{mux}, JobWebhook{})
	s := httptest.NewTLSServer(mux)
	t.Cleanup(s.Close)
	return s
}

// muxServer is the part of webhook.Server that register uses, on a plain mux.
type muxServer struct{ *http.ServeMux }

func (m muxServer) Register(path string, h http.Handler) { m.Handle(path, h) }

var _ registrar = webhook.Server(nil) // what main registers on

// newJob is a Job as the API server holds it when it calls validating webhooks: with its UID.
func newJob(mutate func(*batchv1.Job)) *batchv1.Job {
	j := &batchv1.Job{
		TypeMeta:   metav1.TypeMeta{APIVersion: "batch/v1", Kind: "Job"},
		ObjectMeta: metav1.ObjectMeta{Name: "pi", Namespace: "team-a", UID: "5c7e1f0a-0000-4000-8000-000000000001"},
		Spec: batchv1.JobSpec{Template: corev1.PodTemplateSpec{Spec: corev1.PodSpec{
			RestartPolicy: corev1.RestartPolicyNever,
			Containers:    []corev1.Container{{Name: "pi", Image: "perl:5.34.0"}},
		}}},
	}
	k8sapi.SetDefaults(j)
	if mutate != nil {
		mutate(j)
	}
	return j
}

// stored is newJob as the API server stored it: selector and labels generated.
func stored() *batchv1.Job {
	j := newJob(nil)
	uid := string(j.UID)
	labels := map[string]string{"batch.kubernetes.io/controller-uid": uid, "batch.kubernetes.io/job-name": "pi", "controller-uid": uid, "job-name": "pi"}
	j.Spec.Template.Labels = labels
	j.Spec.Selector = &metav1.LabelSelector{MatchLabels: map[string]string{"batch.kubernetes.io/controller-uid": uid}}
	j.ResourceVersion, j.Generation = "3", 1
	return j
}

// review posts an AdmissionReview for obj (and old) to path and returns the response.
func review(t *testing.T, s *httptest.Server, path string, op admissionv1.Operation, subresource string, obj, old *batchv1.Job) *admissionv1.AdmissionResponse {
	t.Helper()
	raw := func(j *batchv1.Job) runtime.RawExtension {
		if j == nil {
			return runtime.RawExtension{}
		}
		data, err := json.Marshal(j)
		if err != nil {
			t.Fatal(err)
		}
		return runtime.RawExtension{Raw: data}
	}
	in := admissionv1.AdmissionReview{
		TypeMeta: metav1.TypeMeta{APIVersion: "admission.k8s.io/v1", Kind: "AdmissionReview"},
		Request: &admissionv1.AdmissionRequest{
			UID: "r-1", Kind: metav1.GroupVersionKind{Group: "batch", Version: "v1", Kind: "Job"},
			Resource: metav1.GroupVersionResource{Group: "batch", Version: "v1", Resource: "jobs"},
			Name:     obj.Name, Namespace: obj.Namespace, Operation: op, SubResource: subresource,
			Object: raw(obj), OldObject: raw(old),
		},
	}
	body, _ := json.Marshal(in)
	resp, err := s.Client().Post(s.URL+path, "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out admissionv1.AdmissionReview
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || out.Response == nil || out.Response.UID != "r-1" {
		t.Fatalf("response %v: %+v", err, out)
	}
	return out.Response
}

func TestValidate(t *testing.T) {
	s := server(t)
	tests := []struct {
		name        string
		op          admissionv1.Operation
		subresource string
		obj, old    *batchv1.Job
		causes      []string // the fields of a 422's causes; nil when allowed
	}{
		{"create", admissionv1.Create, "", newJob(nil), nil, nil},
		{"invalid create", admissionv1.Create, "", newJob(func(j *batchv1.Job) {
			j.Spec.BackoffLimit = new(int32(-1))
			j.Spec.Template.Spec.RestartPolicy = corev1.RestartPolicyAlways
		}), nil, []string{"spec.backoffLimit", "spec.template.spec.restartPolicy"}},
		{"update", admissionv1.Update, "", func() *batchv1.Job { j := stored(); j.Spec.Parallelism = new(int32(3)); return j }(), stored(), nil},
		{"immutable template", admissionv1.Update, "", func() *batchv1.Job {
			j := stored()
			j.Spec.Template.Spec.Containers[0].Image = "perl:5.36.0"
			return j
		}(), stored(), []string{"spec.template"}},
		{"status update ignores the spec", admissionv1.Update, "status", func() *batchv1.Job {
			j := stored()
			j.Spec.Template.Spec.Containers[0].Image = "perl:5.36.0"
			j.Status.Active = 1
			return j
		}(), stored(), nil},
		{"invalid status", admissionv1.Update, "status", func() *batchv1.Job { j := stored(); j.Status.Succeeded = -1; return j }(), stored(),
			[]string{"status.succeeded", "status.succeeded"}}, // negative, and a decrease
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := review(t, s, ValidatePath, tt.op, tt.subresource, tt.obj, tt.old)
			if tt.causes == nil {
				if !r.Allowed {
					t.Fatalf("denied: %+v", r.Result)
				}
				return
			}
			if r.Allowed || r.Result == nil || r.Result.Code != http.StatusUnprocessableEntity || r.Result.Reason != metav1.StatusReasonInvalid {
				t.Fatalf("want a 422, got %+v", r.Result)
			}
			var fields []string
			for _, c := range r.Result.Details.Causes {
				fields = append(fields, c.Field)
			}
			if !slices.Equal(fields, tt.causes) {
				t.Errorf("causes %v, want %v (%s)", fields, tt.causes, r.Result.Message)
			}
		})
	}
}

func TestMutate(t *testing.T) {
	s := server(t)
	bare := &batchv1.Job{
		TypeMeta:   metav1.TypeMeta{APIVersion: "batch/v1", Kind: "Job"},
		ObjectMeta: metav1.ObjectMeta{Name: "pi", Namespace: "team-a"},
		Spec: batchv1.JobSpec{Template: corev1.PodTemplateSpec{Spec: corev1.PodSpec{
			RestartPolicy: corev1.RestartPolicyNever,
			Containers:    []corev1.Container{{Name: "pi", Image: "perl:5.34.0"}},
		}}},
	}
	r := review(t, s, MutatePath, admissionv1.Create, "", bare, nil)
	if !r.Allowed || r.PatchType == nil || *r.PatchType != admissionv1.PatchTypeJSONPatch {
		t.Fatalf("response %+v", r)
	}
	for _, path := range []string{"/spec/backoffLimit", "/spec/completionMode", "/spec/template/spec/dnsPolicy", "/spec/template/spec/containers/0/imagePullPolicy"} {
		if !strings.Contains(string(r.Patch), `"path":"`+path+`"`) {
			t.Errorf("the patch does not set %s: %s", path, r.Patch)
		}
	}
}
