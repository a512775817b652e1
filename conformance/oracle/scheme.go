// Package oracle judges cases with the real Kubernetes code: the API server's handling of Job
// requests (decoding, defaulting, the registry strategy and validation, declarative validation
// included), the Job controller's pod failure policy matching and index handling, and one sync
// of the Job controller. It calls upstream's functions, exported or reached by //go:linkname;
// it copies none of them.
//
// Judging is deterministic: where the server would pick a random value (a UID, a generated name
// suffix, the time), the oracle fixes it, as the case format documents.
package oracle

import (
	"bytes"
	"encoding/json"
	"fmt"

	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/kubernetes/pkg/api/legacyscheme"
	"k8s.io/kubernetes/pkg/apis/batch"
	_ "k8s.io/kubernetes/pkg/apis/batch/install" // batch/v1 in the API server's scheme
	_ "k8s.io/kubernetes/pkg/apis/core/install"  // core/v1 defaults for the pod template
)

// The values the oracle gives where the API server would pick at random or read a clock.
const (
	FixedUID        = "00000000-0000-4000-8000-000000000001"
	FixedNameSuffix = "x7b9z"
	DefaultNS       = "default"
	StoredVersion   = "1"
)

// FixedCreation is the creation timestamp of every created object.
var FixedCreation = metav1.Date(2025, 1, 1, 0, 0, 0, 0, metav1.Now().UTC().Location())

var jobGVK = batchv1.SchemeGroupVersion.WithKind("Job")

// decodeJob reads a request body as the API server does for the jobs endpoint: JSON into
// batch/v1, defaulted, converted to the internal version. With strict, unknown and duplicate
// fields come back as warnings (the server's default fieldValidation, Warn); a decoding error
// of any other kind is returned.
func decodeJob(body []byte, strict bool) (*batch.Job, []string, error) {
	return decodeBatch[*batch.Job](body, strict, jobGVK)
}

// decodeBatch is decodeJob for any batch kind: the body read as batch/v1 with kind gvk
// where it names none, into the internal type T.
func decodeBatch[T runtime.Object](body []byte, strict bool, gvk schema.GroupVersionKind) (T, []string, error) {
	var zero T
	info, ok := runtime.SerializerInfoForMediaType(legacyscheme.Codecs.SupportedMediaTypes(), runtime.ContentTypeJSON)
	if !ok {
		return zero, nil, fmt.Errorf("no JSON serializer")
	}
	serializer := info.Serializer
	if strict {
		serializer = info.StrictSerializer
	}
	decoder := legacyscheme.Codecs.DecoderToVersion(serializer, schema.GroupVersion{Group: batch.GroupName, Version: runtime.APIVersionInternal})
	obj, read, err := decoder.Decode(body, &gvk, nil)
	var warnings []string
	if err != nil {
		strictErr, isStrict := runtime.AsStrictDecodingError(err)
		if !isStrict || obj == nil {
			return zero, nil, err
		}
		for _, e := range strictErr.Errors() {
			warnings = append(warnings, e.Error())
		}
	}
	if read != nil && read.GroupVersion() != batchv1.SchemeGroupVersion {
		return zero, nil, fmt.Errorf("the API version in the data (%s) does not match the expected API version (%s)", read.GroupVersion(), batchv1.SchemeGroupVersion)
	}
	t, ok := obj.(T)
	if !ok {
		return zero, nil, fmt.Errorf("decoded %T, not a %s", obj, gvk.Kind)
	}
	return t, warnings, nil
}

// encodeJob writes an internal Job as batch/v1 JSON, as the API server answers it.
func encodeJob(j *batch.Job) (json.RawMessage, error) { return encodeBatch(j) }

// encodeBatch writes an internal batch object as batch/v1 JSON.
func encodeBatch(obj runtime.Object) (json.RawMessage, error) {
	var buf bytes.Buffer
	if err := legacyscheme.Codecs.LegacyCodec(batchv1.SchemeGroupVersion).Encode(obj, &buf); err != nil {
		return nil, err
	}
	return json.RawMessage(bytes.TrimSpace(buf.Bytes())), nil
}

// decodeV1Job reads a Job as the Job controller holds it: batch/v1, defaulted as a stored Job is.
func decodeV1Job(body []byte) (*batchv1.Job, error) {
	internal, _, err := decodeJob(body, false)
	if err != nil {
		return nil, err
	}
	out := &batchv1.Job{}
	if err := legacyscheme.Scheme.Convert(internal, out, nil); err != nil {
		return nil, err
	}
	out.APIVersion, out.Kind = "batch/v1", "Job"
	return out, nil
}

// decodeV1Pod reads a Pod as the controller's informer holds it: core/v1, defaulted.
func decodeV1Pod(body []byte) (*corev1.Pod, error) {
	info, _ := runtime.SerializerInfoForMediaType(legacyscheme.Codecs.SupportedMediaTypes(), runtime.ContentTypeJSON)
	decoder := legacyscheme.Codecs.UniversalDecoder(corev1.SchemeGroupVersion)
	_ = info
	gvk := corev1.SchemeGroupVersion.WithKind("Pod")
	obj, _, err := decoder.Decode(body, &gvk, &corev1.Pod{})
	if err != nil {
		return nil, err
	}
	pod, ok := obj.(*corev1.Pod)
	if !ok {
		return nil, fmt.Errorf("decoded %T, not a Pod", obj)
	}
	return pod, nil
}
