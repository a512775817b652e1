package k8sapi

import (
	"github.com/jobkit/jobkit/apiserver"
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/policy"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
)

// ToBatchV1 converts a jobkit Job to k8s.io/api's type, without its Extra members. A nil j
// gives nil.
func ToBatchV1(j *job.Job) *batchv1.Job {
	if j == nil {
		return nil
	}
	out := new(batchv1.Job)
	convertJobToV1(j, out)
	return out
}

// FromBatchV1 converts a k8s.io/api Job, such as one from an informer's cache, to jobkit's
// type. A nil j gives nil.
func FromBatchV1(j *batchv1.Job) *job.Job {
	if j == nil {
		return nil
	}
	out := new(job.Job)
	convertJobFromV1(j, out)
	return out
}

// ToBatchV1List converts a JobList; a nil l gives nil.
func ToBatchV1List(l *job.JobList) *batchv1.JobList {
	if l == nil {
		return nil
	}
	out := new(batchv1.JobList)
	convertJobListToV1(l, out)
	return out
}

// FromBatchV1List converts a k8s.io/api JobList; a nil l gives nil.
func FromBatchV1List(l *batchv1.JobList) *job.JobList {
	if l == nil {
		return nil
	}
	out := new(job.JobList)
	convertJobListFromV1(l, out)
	return out
}

// ToBatchV1JobTemplate converts the Job template of a CronJob; a nil t gives nil.
func ToBatchV1JobTemplate(t *job.JobTemplateSpec) *batchv1.JobTemplateSpec {
	if t == nil {
		return nil
	}
	out := new(batchv1.JobTemplateSpec)
	convertJobTemplateSpecToV1(t, out)
	return out
}

// FromBatchV1JobTemplate converts a k8s.io/api Job template; a nil t gives nil.
func FromBatchV1JobTemplate(t *batchv1.JobTemplateSpec) *job.JobTemplateSpec {
	if t == nil {
		return nil
	}
	out := new(job.JobTemplateSpec)
	convertJobTemplateSpecFromV1(t, out)
	return out
}

// ToCoreV1PodTemplate converts a pod template; a nil t gives nil.
func ToCoreV1PodTemplate(t *job.PodTemplateSpec) *corev1.PodTemplateSpec {
	if t == nil {
		return nil
	}
	out := new(corev1.PodTemplateSpec)
	convertPodTemplateSpecToV1(t, out)
	return out
}

// FromCoreV1PodTemplate converts a k8s.io/api pod template; a nil t gives nil.
func FromCoreV1PodTemplate(t *corev1.PodTemplateSpec) *job.PodTemplateSpec {
	if t == nil {
		return nil
	}
	out := new(job.PodTemplateSpec)
	convertPodTemplateSpecFromV1(t, out)
	return out
}

// FromCoreV1Pod converts a k8s.io/api Pod into the pod that package policy and the
// simulator read: its metadata, spec and the status members they use. A nil p gives nil.
func FromCoreV1Pod(p *corev1.Pod) *policy.Pod {
	if p == nil {
		return nil
	}
	out := new(policy.Pod)
	convertPolicyPodFromV1(p, out)
	return out
}

// ToBatchV1Status converts a Job status, such as one of package sim's.
func ToBatchV1Status(s job.JobStatus) batchv1.JobStatus {
	var out batchv1.JobStatus
	convertJobStatusToV1(&s, &out)
	return out
}

// SetDefaults applies the API server's defaulting (job.SetDefaults) to a k8s.io/api Job in
// place. A nil j is left alone.
func SetDefaults(j *batchv1.Job) {
	if j == nil {
		return
	}
	jk := FromBatchV1(j)
	job.SetDefaults(jk)
	convertJobToV1(jk, j)
}

// Handle answers a write of a k8s.io/api Job as the API server does (apiserver.Handle): obj
// is the request's object, old the stored Job of an update (nil on create); req's Object,
// Old and Body are replaced by them. It returns the response and its stored object as a
// batchv1.Job, nil when the request is rejected.
func Handle(req apiserver.Request, obj, old *batchv1.Job) (apiserver.Response, *batchv1.Job) {
	req.Body, req.Object, req.Old = nil, FromBatchV1(obj), FromBatchV1(old)
	r := apiserver.Handle(req)
	return r, ToBatchV1(r.Object)
}

// MatchPodFailure evaluates the Job's pod failure policy against a failed pod
// (policy.MatchPodFailure). A nil Job has no policy.
func MatchPodFailure(j *batchv1.Job, pod *corev1.Pod) policy.Match {
	var p *job.PodFailurePolicy
	if j != nil && j.Spec.PodFailurePolicy != nil {
		p = new(job.PodFailurePolicy)
		convertPodFailurePolicyFromV1(j.Spec.PodFailurePolicy, p)
	}
	return policy.MatchPodFailure(p, FromCoreV1Pod(pod))
}
