package controller

import (
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/jobkit/jobkit/indexes"
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/job/jobtest"
	"github.com/jobkit/jobkit/policy"
	"github.com/jobkit/jobkit/validation"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// verdict is what a queueing controller wants to know about a Job at a sync.
type verdict struct {
	Failed  bool
	Reason  string
	Message string
}

// judge decides, in the Job controller's order, whether the pods fail the Job: a FailJob
// rule of the pod failure policy, then the backoff limit, then the deadline, then the
// per-index limits.
func judge(j *job.Job, pods []*policy.Pod, now time.Time) verdict {
	failed := int(j.Status.Failed)
	failedIndexes := indexes.ParseTolerant(deref(j.Status.FailedIndexes), int(deref(j.Spec.Completions)))
	for _, p := range pods {
		if !policy.IsFailed(p, j.Spec.PodReplacementPolicy) {
			continue
		}
		m := policy.MatchPodFailure(j.Spec.PodFailurePolicy, p)
		if msg := m.Message(); msg != "" {
			return verdict{true, m.Reason(), msg}
		}
		if m.CountFailed {
			failed++
		}
		if policy.FailsIndex(j, p) {
			failedIndexes = failedIndexes.Add(policy.CompletionIndex(p))
		}
	}
	switch {
	case policy.ExceedsBackoffLimit(&j.Spec, failed, policy.Restarts(pods)):
		return verdict{true, job.JobReasonBackoffLimitExceeded, "Job has reached the specified backoff limit"}
	case policy.DeadlineExceeded(j, now):
		return verdict{true, job.JobReasonDeadlineExceeded, "Job was active longer than specified deadline"}
	case policy.ExceedsMaxFailedIndexes(&j.Spec, failedIndexes):
		return verdict{true, job.JobReasonMaxFailedIndexesExceeded, "Job has exceeded the specified maximal number of failed indexes"}
	}
	return verdict{}
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// failedPod is a pod of the Job whose main container exited with code.
func failedPod(j *job.Job, index, code int, annotations map[string]string) *policy.Pod {
	p := &policy.Pod{}
	p.Name, p.Namespace = j.Name+"-x", j.Namespace
	p.Annotations = map[string]string{job.JobCompletionIndexAnnotation: strconv.Itoa(index)}
	for k, v := range annotations {
		p.Annotations[k] = v
	}
	p.Status.Phase = policy.PodFailed
	p.Status.ContainerStatuses = []policy.ContainerStatus{{Name: "main", State: policy.ContainerState{
		Terminated: &policy.ContainerStateTerminated{ExitCode: int32(code)}}}}
	return p
}

func TestJudge(t *testing.T) {
	start := time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		job  *jobtest.Wrapper
		pods func(j *job.Job) []*policy.Pod
		now  time.Time
		want verdict
	}{
		{
			name: "a FailJob exit code fails the Job at once",
			job:  jobtest.Make("train", "ml").OnExitCodes(job.PodFailurePolicyActionFailJob, job.PodFailurePolicyOnExitCodesOpIn, 42),
			pods: func(j *job.Job) []*policy.Pod { return []*policy.Pod{failedPod(j, 0, 42, nil)} },
			want: verdict{true, "PodFailurePolicy", "Container main for pod ml/train-x failed with exit code 42 matching FailJob rule at index 0"},
		},
		{
			name: "ignored disruptions do not count",
			job: jobtest.Make("train", "ml").BackoffLimit(0).
				OnPodCondition(job.PodFailurePolicyActionIgnore, job.DisruptionTarget),
			pods: func(j *job.Job) []*policy.Pod {
				p := failedPod(j, 0, 137, nil)
				p.Status.Conditions = []policy.PodCondition{{Type: job.DisruptionTarget, Status: job.ConditionTrue}}
				return []*policy.Pod{p}
			},
		},
		{
			name: "the backoff limit",
			job:  jobtest.Make("train", "ml").BackoffLimit(1).Failed(1),
			pods: func(j *job.Job) []*policy.Pod { return []*policy.Pod{failedPod(j, 0, 1, nil)} },
			want: verdict{true, "BackoffLimitExceeded", "Job has reached the specified backoff limit"},
		},
		{
			name: "the deadline",
			job:  jobtest.Make("train", "ml").ActiveDeadlineSeconds(600).StartTime(start),
			now:  start.Add(10 * time.Minute),
			want: verdict{true, "DeadlineExceeded", "Job was active longer than specified deadline"},
		},
		{
			name: "per-index limits",
			job:  jobtest.Make("train", "ml").Indexed(4).BackoffLimitPerIndex(0).MaxFailedIndexes(1).FailedIndexes("3"),
			pods: func(j *job.Job) []*policy.Pod { return []*policy.Pod{failedPod(j, 1, 1, nil)} },
			want: verdict{true, "MaxFailedIndexesExceeded", "Job has exceeded the specified maximal number of failed indexes"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			j := tt.job.Obj()
			// Fixtures are Jobs the API server accepts; keep them so.
			if errs := validation.ValidateJob(j, validation.Options{}); len(errs) > 0 {
				t.Fatalf("invalid fixture: %v", errs)
			}
			var pods []*policy.Pod
			if tt.pods != nil {
				pods = tt.pods(j)
			}
			if diff := cmp.Diff(tt.want, judge(j, pods, tt.now)); diff != "" {
				t.Fatalf("verdict (-want +got):\n%s", diff)
			}
		})
	}
}

// TestStatusWrite shows a controller checking its own status writes against the API
// server's rules before sending them.
func TestStatusWrite(t *testing.T) {
	old := jobtest.Make("train", "ml").StartTime(time.Now()).Active(1).Obj()
	old.ResourceVersion = "12"
	finished := old.DeepCopy()
	finished.Status.Active = 0
	finished.Status.Succeeded = 1
	now := metav1.Now()
	finished.Status.CompletionTime = &now
	finished.Status.Conditions = []job.JobCondition{{Type: job.JobComplete, Status: job.ConditionTrue, LastTransitionTime: now}}
	job.PrepareForStatusUpdate(finished, old)
	errs := validation.ValidateJobStatusUpdate(finished, old, validation.Options{})
	if diff := cmp.Diff([]string{"status.conditions"}, fields(errs)); diff != "" {
		t.Fatalf("a Complete condition without SuccessCriteriaMet must be refused (-want +got):\n%s", diff)
	}
	finished.Status.Conditions = append([]job.JobCondition{{Type: job.JobSuccessCriteriaMet, Status: job.ConditionTrue, LastTransitionTime: now}}, finished.Status.Conditions...)
	if errs := validation.ValidateJobStatusUpdate(finished, old, validation.Options{}); len(errs) > 0 {
		t.Fatalf("refused: %v", errs)
	}
}

func fields(errs field.ErrorList) []string {
	var out []string
	for _, e := range errs {
		out = append(out, e.Field)
	}
	return out
}
