package sim_test

import (
	"fmt"
	"strconv"
	"testing"
	"time"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/job/jobtest"
	"github.com/jobkit/jobkit/policy"
	"github.com/jobkit/jobkit/sim"
	"github.com/jobkit/jobkit/validation"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
)

// choices reads fuzz bytes as a stream of small choices.
type choices struct {
	data []byte
	i    int
}

func (c *choices) n(k int) int {
	if k <= 1 || len(c.data) == 0 {
		return 0
	}
	b := c.data[c.i%len(c.data)]
	c.i++
	return int(b) % k
}

// fuzzInput builds a Job and pods in all states from the fuzz bytes.
func fuzzInput(data []byte) sim.Input {
	c := &choices{data: data}
	w := jobtest.Make("fz", "default").Parallelism(int32(c.n(5) + 1)).BackoffLimit(int32(c.n(4)))
	if c.n(2) == 0 {
		w.Completions(int32(c.n(6) + 1))
	}
	if c.n(3) == 0 {
		w.Indexed(int32(c.n(6) + 1))
		if c.n(2) == 0 {
			w.BackoffLimitPerIndex(int32(c.n(3)))
		}
	}
	if c.n(3) == 0 {
		w.OnExitCodes(job.PodFailurePolicyAction([]string{"FailJob", "Ignore", "Count", "FailIndex"}[c.n(4)]), job.PodFailurePolicyOnExitCodesOpIn, 42)
	}
	if c.n(4) == 0 {
		w.Suspend(true)
	}
	if c.n(4) == 0 {
		w.ActiveDeadlineSeconds(int64(c.n(100) + 1))
	}
	j := w.Obj()
	job.SetDefaults(j)
	job.SetSystemFields(j, job.SystemFields{UID: jobtest.UID(j.Name, j.Namespace), CreationTimestamp: metav1.NewTime(t0), Namespace: "default"})
	job.PrepareForCreate(j, nil)
	j.ResourceVersion = "1"
	now := t0.Add(time.Duration(c.n(200)) * time.Second)
	if c.n(2) == 0 {
		j.Status.StartTime = &metav1.Time{Time: t0}
		j.Status.Succeeded, j.Status.Failed, j.Status.Active = int32(c.n(3)), int32(c.n(3)), int32(c.n(3))
	}
	if c.n(6) == 0 {
		j.Status.Conditions = []job.JobCondition{{Type: []job.JobConditionType{job.JobFailureTarget, job.JobSuccessCriteriaMet, job.JobSuspended}[c.n(3)], Status: job.ConditionTrue, Reason: "r", Message: "m"}}
	}
	in := sim.Input{Job: j, Now: now}
	for i := range c.n(8) {
		in.Pods = append(in.Pods, fuzzPod(c, j, i, now))
	}
	if c.n(3) == 0 {
		last := now.Add(-time.Duration(c.n(60)) * time.Second)
		in.Backoff = sim.Backoff{FailuresAfterLastSuccess: int32(c.n(4)), LastFailureTime: &last}
	}
	return in
}

func fuzzPod(c *choices, j *job.Job, i int, now time.Time) *policy.Pod {
	p := &policy.Pod{ObjectMeta: metav1.ObjectMeta{
		Name: fmt.Sprintf("fz-%d", i), Namespace: "default", UID: types.UID(fmt.Sprintf("uid-%d", i)),
		Labels: map[string]string{}, CreationTimestamp: metav1.NewTime(now.Add(-time.Minute)),
	}}
	for k, v := range j.Spec.Template.Labels {
		p.Labels[k] = v
	}
	if c.n(6) != 0 {
		p.OwnerReferences = []metav1.OwnerReference{*metav1.NewControllerRef(j, job.SchemeGroupVersion.WithKind(job.Kind))}
	}
	if c.n(5) != 0 {
		p.Finalizers = []string{job.JobTrackingFinalizer}
	}
	if j.Spec.Completions != nil {
		p.Annotations = map[string]string{job.JobCompletionIndexAnnotation: strconv.Itoa(c.n(int(*j.Spec.Completions) + 2))}
	}
	phase := []policy.PodPhase{policy.PodPending, policy.PodRunning, policy.PodSucceeded, policy.PodFailed, policy.PodUnknown}[c.n(5)]
	p.Status.Phase = phase
	if phase == policy.PodRunning && c.n(2) == 0 {
		p.Status.Conditions = []policy.PodCondition{{Type: job.PodReady, Status: job.ConditionTrue, LastTransitionTime: metav1.NewTime(now)}}
	}
	if phase == policy.PodFailed || phase == policy.PodSucceeded {
		code := int32([]int{0, 1, 42}[c.n(3)])
		p.Status.ContainerStatuses = []policy.ContainerStatus{{Name: "main", State: policy.ContainerState{Terminated: &policy.ContainerStateTerminated{ExitCode: code, FinishedAt: metav1.NewTime(now.Add(-time.Duration(c.n(90)) * time.Second))}}}}
	}
	if c.n(8) == 0 {
		p.DeletionTimestamp = &metav1.Time{Time: now}
	}
	return p
}

// FuzzSync: Sync never panics, and each status write it reports accepted is one the API
// server accepts from the status before it, while each rejected one is one it rejects.
func FuzzSync(f *testing.F) {
	for _, seed := range []string{"", "a", "\x00\x01\x02\x03", "jobkit", "\xff\xfe\xfd\xfc\xfb\xfa", "0123456789abcdef"} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		in := fuzzInput(data)
		res, err := sim.Sync(in)
		if err != nil {
			t.Fatal(err)
		}
		stored := in.Job.DeepCopy()
		for k, w := range res.Writes {
			next := stored.DeepCopy()
			next.Status = *w.Status.DeepCopy()
			job.PrepareForStatusUpdate(next, stored)
			errs := validation.ValidateJobStatusUpdate(next, stored, validation.Options{})
			if (len(errs) == 0) != w.Accepted() {
				t.Fatalf("write %d: accepted %v, but validation says %v", k, w.Accepted(), errs)
			}
			if w.Accepted() {
				stored = next
			}
		}
	})
}
