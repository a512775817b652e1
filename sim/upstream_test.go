package sim_test

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/policy"
	"github.com/jobkit/jobkit/sim"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
)

// upstreamRow is one case of upstream's TestControllerSyncJob, in its own terms: a Job made
// from a few numbers, pods made in bulk by phase or by index, and the expected outcome.
type upstreamRow struct {
	parallelism, completions, backoffLimit int32
	deleting                               bool
	podLimit                               int
	completionMode                         job.CompletionMode
	wasSuspended, suspend                  bool
	podReplacementPolicy                   *job.PodReplacementPolicy
	podFailurePolicy                       *job.PodFailurePolicy
	initialStatus                          *initialStatus
	backoffRecord                          *sim.Backoff
	controllerTime                         *time.Time

	podControllerError                                                             bool
	pendingPods, activePods, readyPods, succeededPods, failedPods, terminatingPods int
	podsWithIndexes                                                                []indexPhase
	fakeExpectationAtCreation                                                      int32

	expectedCreations, expectedDeletions, expectedActive int32
	expectedReady                                        *int32
	expectedSucceeded                                    int32
	expectedCompletedIdxs                                string
	expectedFailed                                       int32
	expectedTerminating                                  *int32
	expectedConditions                                   []job.JobCondition
	expectedCreatedIndexes                               []int
	expectedPodPatches                                   int

	jobManagedBy bool
}

type initialStatus struct {
	active, succeed, failed int
	startTime               *time.Time
	conditions              []job.JobCondition
}

type indexPhase struct {
	Index string
	Phase policy.PodPhase
}

// noIndex marks a pod without a completion index.
const noIndex = "-"

// referenceTime is the controller's clock in the cases; upstream's is the test's start.
var referenceTime = time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)

// notExpressible are the cases sim cannot run, and why.
var notExpressible = map[string]string{}

func init() {
	for name, r := range controllerSyncJobCases {
		switch {
		case r.podControllerError:
			notExpressible[name] = "the pod API fails: sim's API requests always succeed"
		case r.podLimit > 0:
			notExpressible[name] = "pod creations fail past a limit: sim's always succeed"
		case r.fakeExpectationAtCreation != 0:
			notExpressible[name] = "the controller expects pod creations or deletions it has not seen: sim is a freshly started controller, without expectations"
		}
	}
}

// TestUpstreamControllerSyncJob runs the cases of upstream's TestControllerSyncJob through
// sim.Sync and checks what upstream's test checks.
func TestUpstreamControllerSyncJob(t *testing.T) {
	ran := 0
	names := make([]string, 0, len(controllerSyncJobCases))
	for name := range controllerSyncJobCases {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		r := controllerSyncJobCases[name]
		if why, ok := notExpressible[name]; ok {
			t.Logf("%s: not run: %s", name, why)
			continue
		}
		ran++
		t.Run(name, func(t *testing.T) { r.check(t) })
	}
	t.Logf("%d of upstream's %d TestControllerSyncJob cases run, %d not expressible", ran, len(controllerSyncJobCases), len(notExpressible))
}

func (r upstreamRow) check(t *testing.T) {
	in := r.input()
	res, err := sim.Sync(in)
	if err != nil {
		t.Fatal(err)
	}
	creations, indexes := len(res.Created), []int{}
	for _, c := range res.Created {
		if c.Index >= 0 {
			indexes = append(indexes, c.Index)
		}
	}
	slices.Sort(indexes)
	st := res.Status
	got := []any{int32(creations), int32(len(res.Deleted)), st.Active, st.Ready, st.Succeeded, st.CompletedIndexes, st.Failed, st.Terminating, len(res.FinalizersRemoved) + len(res.Adopted)}
	want := []any{r.expectedCreations, r.expectedDeletions, r.expectedActive, r.expectedReady, r.expectedSucceeded, r.expectedCompletedIdxs, r.expectedFailed, r.expectedTerminating, r.expectedPodPatches}
	labels := []string{"creations", "deletions", "active", "ready", "succeeded", "completedIndexes", "failed", "terminating", "pod patches"}
	for i := range got {
		if diff := cmp.Diff(want[i], got[i]); diff != "" {
			t.Errorf("%s (-upstream +jobkit):\n%s", labels[i], diff)
		}
	}
	if r.completionMode == job.IndexedCompletion {
		if diff := cmp.Diff(sortedOrEmpty(r.expectedCreatedIndexes), indexes); diff != "" {
			t.Errorf("created indexes (-upstream +jobkit):\n%s", diff)
		}
	}
	if diff := cmp.Diff(r.expectedConditions, st.Conditions, cmpopts.IgnoreFields(job.JobCondition{}, "LastProbeTime", "LastTransitionTime", "Extra"), cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("conditions (-upstream +jobkit):\n%s", diff)
	}
	if (st.StartTime == nil) != r.suspend {
		t.Errorf("startTime %v with suspend %v", st.StartTime, r.suspend)
	}
	for _, w := range res.Writes {
		if !w.Accepted() {
			t.Errorf("a status write is rejected: %v", w.Rejected)
		}
	}
}

func sortedOrEmpty(s []int) []int {
	out := append([]int{}, s...)
	slices.Sort(out)
	return out
}

// input is the case's Job and pods, made as upstream's test makes them.
func (r upstreamRow) input() sim.Input {
	j := &job.Job{
		ObjectMeta: metav1.ObjectMeta{Name: "foobar", Namespace: "default", UID: "11111111-2222-4333-8444-555555555555", ResourceVersion: "1"},
		Spec: job.JobSpec{
			Selector: &metav1.LabelSelector{MatchLabels: map[string]string{"foo": "bar"}},
			Template: job.PodTemplateSpec{
				ObjectMeta: metav1.ObjectMeta{Labels: map[string]string{"foo": "bar"}},
				Spec:       job.PodSpec{Containers: []job.Container{{Name: "main", Image: "foo/bar"}}},
			},
			BackoffLimit:         new(r.backoffLimit),
			Suspend:              new(r.suspend),
			PodFailurePolicy:     r.podFailurePolicy,
			PodReplacementPolicy: r.podReplacementPolicy,
			ManualSelector:       new(true),
		},
	}
	if j.Spec.PodReplacementPolicy == nil {
		// Upstream's test Job is not defaulted: no policy reads as TerminatingOrFailed.
		j.Spec.PodReplacementPolicy = new(job.TerminatingOrFailed)
	}
	if r.completionMode != "" {
		j.Spec.CompletionMode = new(r.completionMode)
	} else {
		j.Spec.CompletionMode = new(job.NonIndexedCompletion)
	}
	if r.completions >= 0 {
		j.Spec.Completions = new(r.completions)
	}
	if r.parallelism >= 0 {
		j.Spec.Parallelism = new(r.parallelism)
	}
	now := referenceTime
	if r.controllerTime != nil {
		now = *r.controllerTime
	}
	if s := r.initialStatus; s != nil {
		start := now
		if s.startTime != nil {
			start = *s.startTime
		}
		j.Status.StartTime = new(metav1.NewTime(start))
		j.Status.Active, j.Status.Succeeded, j.Status.Failed = int32(s.active), int32(s.succeed), int32(s.failed)
		j.Status.Conditions = append(j.Status.Conditions, s.conditions...)
	}
	if r.wasSuspended {
		j.Status.Conditions = append(j.Status.Conditions, job.JobCondition{Type: job.JobSuspended, Status: job.ConditionTrue, Reason: "JobSuspended", Message: "Job suspended", LastTransitionTime: metav1.NewTime(now)})
	}
	if r.deleting {
		j.DeletionTimestamp = new(metav1.NewTime(now))
	}
	in := sim.Input{Job: j, Now: now}
	if r.backoffRecord != nil {
		in.Backoff = *r.backoffRecord
	}
	in.Pods = r.pods(j, now)
	return in
}

// finishedAt is when upstream's test pods' containers finished: a second after the zero time.
var finishedAt = metav1.NewTime(time.Time{}.Add(time.Second))

// pods makes the case's pods: counts by phase, ready and terminating ones, then those given
// by index.
func (r upstreamRow) pods(j *job.Job, now time.Time) []*policy.Pod {
	var pods []*policy.Pod
	n := 0
	newPod := func(phase policy.PodPhase) *policy.Pod {
		n++
		name := fmt.Sprintf("pod-%03d", n)
		return &policy.Pod{
			ObjectMeta: metav1.ObjectMeta{
				Name: name, UID: types.UID(name), Namespace: "default", Labels: map[string]string{"foo": "bar"},
				OwnerReferences: []metav1.OwnerReference{*metav1.NewControllerRef(j, job.SchemeGroupVersion.WithKind(job.Kind))},
				Finalizers:      []string{job.JobTrackingFinalizer},
			},
			Status: policy.PodStatus{Phase: phase},
		}
	}
	bulk := func(count int, phase policy.PodPhase, each func(int, *policy.Pod)) {
		for i := range count {
			p := newPod(phase)
			p.Status.ContainerStatuses = []policy.ContainerStatus{{State: policy.ContainerState{Terminated: &policy.ContainerStateTerminated{FinishedAt: finishedAt}}}}
			if each != nil {
				each(i, p)
			}
			pods = append(pods, p)
		}
	}
	bulk(r.pendingPods, policy.PodPending, nil)
	bulk(r.activePods, policy.PodRunning, func(i int, p *policy.Pod) {
		if i < r.readyPods {
			p.Status.Conditions = []policy.PodCondition{{Type: job.PodReady, Status: job.ConditionTrue}}
		}
	})
	bulk(r.succeededPods, policy.PodSucceeded, nil)
	bulk(r.failedPods, policy.PodFailed, nil)
	bulk(r.terminatingPods, policy.PodRunning, func(_ int, p *policy.Pod) { p.DeletionTimestamp = new(metav1.NewTime(now)) })
	for _, ip := range r.podsWithIndexes {
		p := newPod(ip.Phase)
		if ip.Phase == policy.PodFailed || ip.Phase == policy.PodSucceeded {
			p.Status.ContainerStatuses = []policy.ContainerStatus{{State: policy.ContainerState{Terminated: &policy.ContainerStateTerminated{FinishedAt: finishedAt}}}}
		}
		if ip.Index != noIndex {
			p.Annotations = map[string]string{job.JobCompletionIndexAnnotation: ip.Index}
		}
		pods = append(pods, p)
	}
	return pods
}

// podFailurePolicyRow is one case of upstream's TestSyncJobWithJobPodFailurePolicy.
type podFailurePolicyRow struct {
	enableJobManagedBy    bool
	job                   job.Job
	pods                  []policy.Pod
	wantConditions        []job.JobCondition
	wantStatusFailed      int32
	wantStatusActive      int32
	wantStatusSucceeded   int32
	wantStatusTerminating *int32
}

// The values the pod failure policy cases share, as upstream's test defines them.
var (
	now                   = metav1.NewTime(referenceTime)
	testFinishedAt        = finishedAt
	indexedCompletionMode = job.IndexedCompletion
	validObjectMeta       = metav1.ObjectMeta{Name: "foobar", UID: "11111111-2222-4333-8444-555555555555", Namespace: "default", ResourceVersion: "1"}
	validSelector         = &metav1.LabelSelector{MatchLabels: map[string]string{"foo": "bar"}}
	validTemplate         = job.PodTemplateSpec{
		ObjectMeta: metav1.ObjectMeta{Labels: map[string]string{"foo": "bar"}},
		Spec:       job.PodSpec{Containers: []job.Container{{Name: "main", Image: "foo/bar"}}},
	}
	onExitCodeRules = []job.PodFailurePolicyRule{
		{Action: job.PodFailurePolicyActionIgnore, OnExitCodes: &job.PodFailurePolicyOnExitCodesRequirement{Operator: job.PodFailurePolicyOnExitCodesOpIn, Values: []int32{1, 2, 3}}},
		{Action: job.PodFailurePolicyActionFailJob, OnExitCodes: &job.PodFailurePolicyOnExitCodesRequirement{Operator: job.PodFailurePolicyOnExitCodesOpIn, Values: []int32{5, 6, 7}}},
	}
)

// TestUpstreamSyncJobWithPodFailurePolicy runs the cases of upstream's
// TestSyncJobWithJobPodFailurePolicy through sim.Sync and checks what upstream's test checks.
func TestUpstreamSyncJobWithPodFailurePolicy(t *testing.T) {
	for name, r := range podFailurePolicyCases {
		t.Run(name, func(t *testing.T) {
			j := r.job.DeepCopy()
			if j.Spec.PodReplacementPolicy == nil {
				j.Spec.PodReplacementPolicy = new(job.Failed)
			}
			j.Spec.ManualSelector = new(true)
			in := sim.Input{Job: j, Now: referenceTime}
			for i := range r.pods {
				p := r.pods[i]
				p.Name, p.UID, p.Namespace = fmt.Sprintf("mypod-%d", i), types.UID(fmt.Sprintf("mypod-%d", i)), j.Namespace
				p.Labels = j.Spec.Selector.MatchLabels
				p.OwnerReferences = []metav1.OwnerReference{*metav1.NewControllerRef(j, job.SchemeGroupVersion.WithKind(job.Kind))}
				if j.Spec.CompletionMode != nil && *j.Spec.CompletionMode == job.IndexedCompletion {
					p.Annotations = map[string]string{job.JobCompletionIndexAnnotation: strconv.Itoa(i)}
				}
				p.Finalizers = append(p.Finalizers, job.JobTrackingFinalizer)
				in.Pods = append(in.Pods, &p)
			}
			res, err := sim.Sync(in)
			if err != nil {
				t.Fatal(err)
			}
			if res.Err != nil {
				t.Fatalf("the sync failed: %v", res.Err)
			}
			st := res.Status
			if diff := cmp.Diff(r.wantConditions, st.Conditions, cmpopts.IgnoreFields(job.JobCondition{}, "LastProbeTime", "LastTransitionTime", "Extra"), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("conditions (-upstream +jobkit):\n%s", diff)
			}
			got := []int32{st.Active, st.Succeeded, st.Failed, deref(st.Terminating)}
			want := []int32{r.wantStatusActive, r.wantStatusSucceeded, r.wantStatusFailed, deref(r.wantStatusTerminating)}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("active, succeeded, failed, terminating (-upstream +jobkit):\n%s", diff)
			}
		})
	}
}

func deref(p *int32) int32 {
	if p == nil {
		return 0
	}
	return *p
}
