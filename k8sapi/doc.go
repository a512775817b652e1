// Package k8sapi converts between jobkit's types and k8s.io/api's — batchv1.Job,
// JobTemplateSpec, corev1.PodTemplateSpec, and corev1.Pod into policy.Pod — and gives
// batchv1.Job users jobkit's defaulting, the API server's handling of a write, pod failure
// matching and the controller's statuses without writing conversions.
//
// The conversions are generated field by field from both type sets, and lossless: every
// member of k8s.io/api's types has its place in jobkit's, and back. jobkit's Extra members,
// which k8s.io/api has no place for, are dropped on the way to it, as the API server drops
// unknown members. A converted value shares memory with its source where both sides have the
// same type or layout (object metadata, strings, quantities, label maps, resource lists,
// lists of enumerations): DeepCopy the source first when both are to be changed.
//
// It is a module of its own, so that the root module stays free of k8s.io/api.
package k8sapi
