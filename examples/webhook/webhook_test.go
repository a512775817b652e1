package main

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/job/jobtest"
	"github.com/jobkit/jobkit/validation"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// reviewFor builds an AdmissionReview as the API server sends it.
func reviewFor(t *testing.T, op, subresource string, obj, old *job.Job, dryRun bool) []byte {
	t.Helper()
	encode := func(j *job.Job) json.RawMessage {
		if j == nil {
			return nil
		}
		b, err := job.Encode(j)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	gvk := metav1.GroupVersionKind{Group: "batch", Version: "v1", Kind: "Job"}
	review := AdmissionReview{
		TypeMeta: metav1.TypeMeta{APIVersion: "admission.k8s.io/v1", Kind: "AdmissionReview"},
		Request: &AdmissionRequest{
			UID:         "705ab4f5-6393-11e8-b7cc-42010a800002",
			Kind:        gvk,
			Resource:    metav1.GroupVersionResource{Group: "batch", Version: "v1", Resource: "jobs"},
			SubResource: subresource,
			RequestKind: &gvk,
			Name:        obj.Name,
			Namespace:   obj.Namespace,
			Operation:   op,
			UserInfo:    json.RawMessage(`{"username":"admin","uid":"014fbff9a07c","groups":["system:authenticated"]}`),
			Object:      encode(obj),
			OldObject:   encode(old),
			DryRun:      &dryRun,
			Options:     json.RawMessage(`{"kind":"CreateOptions","apiVersion":"meta.k8s.io/v1"}`),
		},
	}
	b, err := json.Marshal(review)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// post sends a review to the server and returns the response.
func post(t *testing.T, url string, body []byte) *AdmissionResponse {
	t.Helper()
	resp, err := http.Post(url+"?timeout=10s", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("HTTP %d", resp.StatusCode)
	}
	var out AdmissionReview
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatal(err)
	}
	if out.Response == nil || out.Response.UID != "705ab4f5-6393-11e8-b7cc-42010a800002" || out.Kind != "AdmissionReview" {
		t.Fatalf("review %+v", out)
	}
	return out.Response
}

// causesOf lists the (type, field) of a denial's causes.
func causesOf(r *AdmissionResponse) []string {
	if r.Result == nil || r.Result.Details == nil {
		return nil
	}
	var out []string
	for _, c := range r.Result.Details.Causes {
		out = append(out, string(c.Type)+" "+c.Field)
	}
	return out
}

func expected(errs field.ErrorList) []string {
	var out []string
	for _, e := range errs {
		out = append(out, string(e.Type)+" "+e.Field)
	}
	return out
}

func TestValidate(t *testing.T) {
	srv := httptest.NewServer(newHandler())
	defer srv.Close()
	valid := jobtest.Make("pi", "default").Obj()
	invalid := jobtest.Make("pi", "default").Parallelism(-1).OnExitCodes(job.PodFailurePolicyActionFailJob, job.PodFailurePolicyOnExitCodesOpIn, 3, 1).Obj()

	t.Run("valid create is allowed", func(t *testing.T) {
		for _, dryRun := range []bool{false, true} {
			if r := post(t, srv.URL+"/validate", reviewFor(t, operationCreate, "", valid, nil, dryRun)); !r.Allowed {
				t.Fatalf("dry run %v: denied: %+v", dryRun, r.Result)
			}
		}
	})
	t.Run("invalid create is denied with the causes", func(t *testing.T) {
		r := post(t, srv.URL+"/validate", reviewFor(t, operationCreate, "", invalid, nil, false))
		want := expected(validation.ValidateJob(invalid, validation.Options{}))
		if r.Allowed || r.Result.Code != http.StatusUnprocessableEntity || r.Result.Reason != metav1.StatusReasonInvalid ||
			!reflect.DeepEqual(causesOf(r), want) || len(want) != 2 {
			t.Fatalf("response %+v, causes %v, want %v", r.Result, causesOf(r), want)
		}
	})
	t.Run("update of an immutable field is denied", func(t *testing.T) {
		old := valid.DeepCopy()
		old.ResourceVersion = "3"
		updated := old.DeepCopy()
		updated.Spec.CompletionMode = new(job.IndexedCompletion)
		r := post(t, srv.URL+"/validate", reviewFor(t, operationUpdate, "", updated, old, false))
		if r.Allowed || !reflect.DeepEqual(causesOf(r), []string{"FieldValueInvalid spec.completionMode"}) {
			t.Fatalf("causes %v", causesOf(r))
		}
	})
	t.Run("status update", func(t *testing.T) {
		old := valid.DeepCopy()
		old.ResourceVersion = "3"
		updated := old.DeepCopy()
		updated.Status.Active = 1
		if r := post(t, srv.URL+"/validate", reviewFor(t, operationUpdate, "status", updated, old, false)); !r.Allowed {
			t.Fatalf("denied %v", causesOf(r))
		}
		updated.Status.Conditions = []job.JobCondition{{Type: job.JobFailed, Status: job.ConditionTrue}}
		r := post(t, srv.URL+"/validate", reviewFor(t, operationUpdate, "status", updated, old, false))
		if r.Allowed || !strings.Contains(strings.Join(causesOf(r), ","), "status.conditions") {
			t.Fatalf("causes %v", causesOf(r))
		}
	})
	t.Run("warnings", func(t *testing.T) {
		dotted := jobtest.Make("a.b", "default").Obj()
		r := post(t, srv.URL+"/validate", reviewFor(t, operationCreate, "", dotted, nil, false))
		if !r.Allowed || len(r.Warnings) != 1 || !strings.Contains(r.Warnings[0], "must not contain dots") {
			t.Fatalf("response %+v", r)
		}
	})
}

func TestMutatePatchAppliesCleanly(t *testing.T) {
	srv := httptest.NewServer(newHandler())
	defer srv.Close()
	j := &job.Job{}
	j.Name, j.Namespace = "pi", "default"
	j.Spec.Completions = new(int32(5))
	j.Spec.Template.Spec.RestartPolicy = job.RestartPolicyNever
	j.Spec.Template.Spec.Containers = []job.Container{{Name: "pi", Image: "perl"}}
	j.Spec.PodFailurePolicy = &job.PodFailurePolicy{Rules: []job.PodFailurePolicyRule{{
		Action: job.PodFailurePolicyActionIgnore, OnPodConditions: []job.PodFailurePolicyOnPodConditionsPattern{{Type: job.DisruptionTarget}},
	}}}
	body := reviewFor(t, operationCreate, "", j, nil, false)
	r := post(t, srv.URL+"/mutate", body)
	if !r.Allowed || r.PatchType == nil || *r.PatchType != "JSONPatch" {
		t.Fatalf("response %+v", r)
	}
	var ops []map[string]any
	if err := json.Unmarshal(r.Patch, &ops); err != nil {
		t.Fatal(err)
	}
	original, _ := job.Encode(j)
	patched := applyPatch(t, original, ops)
	defaulted := j.DeepCopy()
	job.SetDefaults(defaulted)
	want, _ := job.Encode(defaulted)
	var got, wantValue any
	json.Unmarshal(patched, &got)
	json.Unmarshal(want, &wantValue)
	if !reflect.DeepEqual(got, wantValue) {
		t.Fatalf("patched:\n%s\nwant:\n%s", patched, want)
	}
	// A defaulted Job needs no patch.
	if r := post(t, srv.URL+"/mutate", reviewFor(t, operationCreate, "", defaulted, nil, false)); r.Patch != nil {
		t.Fatalf("patch for a defaulted Job: %s", r.Patch)
	}
}

// applyPatch applies add, remove and replace operations to a JSON document.
func applyPatch(t *testing.T, doc []byte, ops []map[string]any) []byte {
	t.Helper()
	var root any
	if err := json.Unmarshal(doc, &root); err != nil {
		t.Fatal(err)
	}
	for _, op := range ops {
		tokens := strings.Split(op["path"].(string), "/")[1:]
		for i, tok := range tokens {
			tokens[i] = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		}
		parent := root
		for _, tok := range tokens[:len(tokens)-1] {
			switch p := parent.(type) {
			case map[string]any:
				parent = p[tok]
			case []any:
				i, _ := strconv.Atoi(tok)
				parent = p[i]
			}
		}
		last := tokens[len(tokens)-1]
		m, ok := parent.(map[string]any)
		if !ok {
			t.Fatalf("%v: parent is not an object", op)
		}
		switch op["op"] {
		case "add", "replace":
			if _, exists := m[last]; op["op"] == "replace" && !exists {
				t.Fatalf("%v: nothing to replace", op)
			}
			m[last] = op["value"]
		case "remove":
			if _, exists := m[last]; !exists {
				t.Fatalf("%v: nothing to remove", op)
			}
			delete(m, last)
		default:
			t.Fatalf("unexpected op %v", op)
		}
	}
	out, _ := json.Marshal(root)
	return out
}

func TestRequests(t *testing.T) {
	srv := httptest.NewServer(newHandler())
	defer srv.Close()
	pod := jobtest.Make("pi", "default").Obj()
	body := reviewFor(t, operationCreate, "", pod, nil, false)
	var review AdmissionReview
	json.Unmarshal(body, &review)
	review.Request.Kind = metav1.GroupVersionKind{Version: "v1", Kind: "Pod"}
	other, _ := json.Marshal(review)
	if r := post(t, srv.URL+"/validate", other); !r.Allowed {
		t.Fatal("a Pod was denied")
	}
	for _, tt := range []struct {
		method, path, body string
		code               int
	}{
		{"POST", "/validate", "{", http.StatusBadRequest},
		{"POST", "/validate", `{"apiVersion":"admission.k8s.io/v1beta1","kind":"AdmissionReview","request":{}}`, http.StatusBadRequest},
		{"GET", "/validate", "", http.StatusMethodNotAllowed},
		{"POST", "/nothing", "{}", http.StatusNotFound},
		{"GET", "/healthz", "", http.StatusOK},
	} {
		req, _ := http.NewRequest(tt.method, srv.URL+tt.path, strings.NewReader(tt.body))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tt.code {
			t.Errorf("%s %s: HTTP %d, want %d", tt.method, tt.path, resp.StatusCode, tt.code)
		}
	}
}

// TestServeTLS starts the command with a certificate and calls it over TLS.
func TestServeTLS(t *testing.T) {
	dir := t.TempDir()
	certFile, keyFile, pool := selfSigned(t, dir)
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan net.Addr, 1)
	done := make(chan error, 1)
	go func() {
		done <- serve(ctx, []string{"--addr", "127.0.0.1:0", "--tls-cert", certFile, "--tls-key", keyFile}, ready)
	}()
	addr := <-ready
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}, Timeout: 10 * time.Second}
	body := reviewFor(t, operationCreate, "", jobtest.Make("pi", "default").Obj(), nil, false)
	resp, err := client.Post("https://"+addr.String()+"/validate?timeout=10s", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("HTTP %d", resp.StatusCode)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if err := serve(context.Background(), []string{"--addr", "127.0.0.1:0"}, nil); err == nil {
		t.Fatal("serving without TLS or --plain-http must fail")
	}
}

// selfSigned writes a certificate for 127.0.0.1 and its key, and returns a pool that
// trusts it.
func selfSigned(t *testing.T, dir string) (certFile, keyFile string, pool *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: "jobkit-webhook"},
		IPAddresses:  []net.IP{net.ParseIP("127.0.0.1")},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	certFile, keyFile = filepath.Join(dir, "tls.crt"), filepath.Join(dir, "tls.key")
	os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600)
	os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: keyDER}), 0o600)
	cert, _ := x509.ParseCertificate(der)
	pool = x509.NewCertPool()
	pool.AddCert(cert)
	return certFile, keyFile, pool
}

// TestHalfSentBodyIsDropped: a client that sends its headers and part of its body, then
// stalls, has its connection closed once the read timeout passes.
func TestHalfSentBodyIsDropped(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan net.Addr, 1)
	go serve(ctx, []string{"--addr", "127.0.0.1:0", "--plain-http", "--read-timeout", "200ms"}, ready)
	addr := <-ready
	conn, err := net.Dial("tcp", addr.String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST /validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"apiVersion\":")
	// The server must close the connection; the deadline only keeps a broken server from
	// hanging the test.
	conn.SetReadDeadline(time.Now().Add(20 * time.Second))
	_, err = io.ReadAll(conn)
	if ne, ok := err.(net.Error); ok && ne.Timeout() {
		t.Fatal("the server kept the stalled connection open")
	}
}
