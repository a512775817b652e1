// Package job is the Kubernetes batch/v1 Job API as Go types: the schema, manifest decoding
// and encoding, defaulting, and the API server's strategy for the Job endpoints.
//
// # Schema
//
// [Job], [JobSpec], [JobStatus] and the policy types carry the JSON names of batch/v1, and
// their JSON encoding is the API server's. The pod template is core/v1's, member for member:
// [PodTemplateSpec], [PodSpec], [Container], [Volume] and every type under them have the
// fields, Go names and JSON of k8s.io/api's core/v1 types, generated from them (jobkit does
// not import k8s.io/api). Every struct also has an Extra map that keeps, as raw JSON, the
// members its schema does not have, so members that a newer API server adds survive a decode
// and encode too. A member whose value is null reads as absent, as in the API server.
//
// # Manifests
//
// [Decode] reads JSON or YAML, one document, a multi-document stream or a JobList, with the
// API server's field validation modes: [Strict] rejects unknown and duplicate members,
// [Warn] reports them as warnings, [Ignore] drops them silently. Unknown members are kept in
// Extra in every mode. A misspelt container field or a string where a port number belongs
// is caught as the API server catches it. [Encode] and [EncodeYAML] write Jobs back.
//
// # Defaulting and strategy
//
// [SetDefaults] applies batch/v1 defaulting as the API server does on every decode.
// [PrepareForCreate], [PrepareForUpdate] and [PrepareForStatusUpdate] apply what the server
// does to a write before validating it: selector and label generation on create, status
// kept on updates of the Job, spec kept on updates of /status. Validation itself is in
// package validation.
//
// # REST surface
//
// [Path] and [ParsePath] build and read the request paths of the Job endpoints.
package job
