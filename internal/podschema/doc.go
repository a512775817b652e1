// Package podschema knows the JSON shape of every member of core/v1 PodSpec and the types
// under it, generated from k8s.io/api by hack/podschema, so that jobkit can read a pod
// template the way the API server does (reporting unknown members and rejecting values of
// the wrong type) without importing k8s.io/api or holding every pod field in a Go type.
package podschema
