package interop

import (
	"encoding/json"

	"github.com/jobkit/jobkit/job"
	batchv1 "k8s.io/api/batch/v1"
	sigsjson "sigs.k8s.io/json"
)

// ToBatchV1 converts a jobkit Job to the k8s.io/api type, for a client that sends it. The
// members jobkit keeps in its Extra maps that batch/v1 does not know are dropped, as the API
// server drops them; members are matched case-sensitively, as the API server matches them
// (encoding/json would read a stray "Parallelism" as parallelism).
func ToBatchV1(j *job.Job) (*batchv1.Job, error) {
	data, err := job.Encode(j)
	if err != nil {
		return nil, err
	}
	out := &batchv1.Job{}
	if err := sigsjson.UnmarshalCaseSensitivePreserveInts(data, out); err != nil {
		return nil, err
	}
	return out, nil
}

// FromBatchV1 converts a k8s.io/api Job, such as one from an informer's cache, to jobkit's
// type, for validation or pod failure matching.
func FromBatchV1(j *batchv1.Job) (*job.Job, error) {
	data, err := json.Marshal(j)
	if err != nil {
		return nil, err
	}
	out := &job.Job{}
	if err := json.Unmarshal(data, out); err != nil {
		return nil, err
	}
	return out, nil
}
