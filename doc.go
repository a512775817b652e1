// Package jobkit is the Kubernetes batch/v1 Job API as an embeddable Go library: the Job
// schema, defaulting, validation, pod failure and success policies, completion index sets,
// selector generation and the Job endpoints' strategy, giving the API server's answers
// without importing k8s.io/kubernetes and without I/O.
//
// The packages:
//
//   - [github.com/jobkit/jobkit/job]: the schema as Go types with lossless JSON, manifest
//     decoding with the API server's field validation modes, defaulting, the create and
//     update strategy, and the REST paths of the endpoints.
//   - [github.com/jobkit/jobkit/job/jobtest]: fixtures for tests.
//   - [github.com/jobkit/jobkit/validation]: the API server's validation of Jobs and of the
//     endpoints' request options, error for error.
//   - [github.com/jobkit/jobkit/policy]: the Job controller's decisions: pod failure policy
//     matching, success policy, backoff, finished-ness.
//   - [github.com/jobkit/jobkit/indexes]: completion index sets and their "1,3-5,7" text.
//   - [github.com/jobkit/jobkit/selector]: generated selectors and labels, and matching.
//
// The behaviour matched is that of Kubernetes 1.37 with its default feature gates.
package jobkit
