package policy_test

import (
	"testing"
	"time"

	"github.com/jobkit/jobkit/indexes"
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/job/jobtest"
	"github.com/jobkit/jobkit/policy"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

var t0 = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

func at(d time.Duration) metav1.Time { return metav1.NewTime(t0.Add(d)) }

func TestPodClassification(t *testing.T) {
	deleted := new(at(0))
	failedPolicy, terminatingOrFailed := new(job.Failed), new(job.TerminatingOrFailed)
	tests := []struct {
		name                                 string
		phase                                policy.PodPhase
		deleting, ready                      bool
		active, isReady, terminating, failed bool
		failedUnderFailedPolicy              bool
	}{
		{name: "running", phase: policy.PodRunning, active: true},
		{name: "ready", phase: policy.PodRunning, ready: true, active: true, isReady: true},
		{name: "terminating", phase: policy.PodRunning, deleting: true, terminating: true, failed: true},
		{name: "failed", phase: policy.PodFailed, failed: true, failedUnderFailedPolicy: true},
		{name: "succeeded while deleted", phase: policy.PodSucceeded, deleting: true},
		{name: "unknown", phase: policy.PodUnknown, active: true},
	}
	for _, tt := range tests {
		p := &policy.Pod{Status: policy.PodStatus{Phase: tt.phase}}
		if tt.deleting {
			p.DeletionTimestamp = deleted
		}
		if tt.ready {
			p.Status.Conditions = []policy.PodCondition{{Type: job.PodReady, Status: job.ConditionTrue}}
		}
		got := []bool{policy.IsActive(p), policy.IsReady(p), policy.IsTerminating(p), policy.IsFailed(p, terminatingOrFailed), policy.IsFailed(p, failedPolicy)}
		want := []bool{tt.active, tt.isReady, tt.terminating, tt.failed, tt.failedUnderFailedPolicy}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%s: active, ready, terminating, failed, failed under Failed = %v, want %v", tt.name, got, want)
				break
			}
		}
	}
}

func TestFinishTime(t *testing.T) {
	done := func(name string, d time.Duration) policy.ContainerStatus {
		return policy.ContainerStatus{Name: name, State: policy.ContainerState{Terminated: &policy.ContainerStateTerminated{ExitCode: 1, FinishedAt: at(d)}}}
	}
	sidecarSpec := job.PodSpec{InitContainers: []job.Container{{Name: "proxy", RestartPolicy: new(job.ContainerRestartPolicyAlways)}, {Name: "setup"}}}
	tests := []struct {
		name string
		pod  policy.Pod
		want time.Time
	}{
		{name: "latest container", pod: policy.Pod{Status: policy.PodStatus{ContainerStatuses: []policy.ContainerStatus{done("a", time.Second), done("b", 3*time.Second)}}},
			want: t0.Add(3 * time.Second)},
		{name: "sidecars count, other init containers do not", pod: policy.Pod{Spec: sidecarSpec, Status: policy.PodStatus{
			ContainerStatuses:     []policy.ContainerStatus{done("main", time.Second)},
			InitContainerStatuses: []policy.ContainerStatus{done("proxy", 5*time.Second), done("setup", 9*time.Second)},
		}}, want: t0.Add(5 * time.Second)},
		{name: "ready false", pod: policy.Pod{Status: policy.PodStatus{
			ContainerStatuses: []policy.ContainerStatus{running("main")},
			Conditions:        []policy.PodCondition{{Type: job.PodReady, Status: job.ConditionFalse, LastTransitionTime: at(7 * time.Second)}},
		}}, want: t0.Add(7 * time.Second)},
		{name: "deletion less grace", pod: policy.Pod{ObjectMeta: metav1.ObjectMeta{DeletionTimestamp: new(at(time.Minute)), DeletionGracePeriodSeconds: new(int64(30))}},
			want: t0.Add(30 * time.Second)},
		{name: "creation", pod: policy.Pod{ObjectMeta: metav1.ObjectMeta{CreationTimestamp: at(0)}}, want: t0},
	}
	for _, tt := range tests {
		if got := policy.FinishTime(&tt.pod); !got.Equal(tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestPerIndex(t *testing.T) {
	pod := func(annotations map[string]string) *policy.Pod {
		p := failedPod([]policy.ContainerStatus{terminated("main", 1)}, nil)
		p.Annotations = annotations
		return p
	}
	for _, tt := range []struct {
		value string
		index int
		count int32
	}{{"3", 3, 3}, {"+4", 4, 4}, {"-1", -1, 0}, {"x", -1, 0}, {"2147483648", 2147483648, 0}} {
		p := pod(map[string]string{job.JobCompletionIndexAnnotation: tt.value, job.JobIndexFailureCountAnnotation: tt.value})
		if policy.CompletionIndex(p) != tt.index || policy.IndexFailureCount(p) != tt.count {
			t.Errorf("%q: index %d, count %d", tt.value, policy.CompletionIndex(p), policy.IndexFailureCount(p))
		}
	}
	perIndex := jobtest.Make("pi", "ml").Indexed(4).BackoffLimitPerIndex(1).Obj()
	if policy.FailsIndex(perIndex, pod(map[string]string{job.JobIndexFailureCountAnnotation: "0"})) {
		t.Error("the first failure of an index with backoffLimitPerIndex 1 failed it")
	}
	if !policy.FailsIndex(perIndex, pod(map[string]string{job.JobIndexFailureCountAnnotation: "1"})) {
		t.Error("the second failure did not fail the index")
	}
	withIgnore := jobtest.Make("pi", "ml").Indexed(4).BackoffLimitPerIndex(0).OnExitCodes(ignore, in, 1).Obj()
	if policy.FailsIndex(withIgnore, pod(nil)) {
		t.Error("an ignored failure failed the index")
	}
	withFailIndex := jobtest.Make("pi", "ml").Indexed(4).BackoffLimitPerIndex(5).OnExitCodes(failIndex, in, 1).Obj()
	if !policy.FailsIndex(withFailIndex, pod(nil)) {
		t.Error("FailIndex did not fail the index")
	}
	if policy.FailsIndex(jobtest.Make("pi", "ml").Obj(), pod(nil)) {
		t.Error("a Job without backoffLimitPerIndex has no failed indexes")
	}
}

func TestSucceededBy(t *testing.T) {
	sp := &job.SuccessPolicy{Rules: []job.SuccessPolicyRule{
		{SucceededIndexes: new("1-4"), SucceededCount: new(int32(3))},
		{SucceededIndexes: new("")},
		{SucceededIndexes: new("8-9")},
		{SucceededCount: new(int32(5))},
	}}
	tests := []struct {
		succeeded   string
		completions int32
		rule        int
	}{
		{"", 10, -1},
		{"1,3,5", 10, -1},
		{"1,3,4,5", 10, 0},
		{"8,9", 10, 2},
		{"8", 9, 2}, // completions went down to 9: the rule now needs only index 8
		{"0,2,5-7", 10, 3},
	}
	for _, tt := range tests {
		rule, ok := policy.SucceededBy(sp, tt.completions, indexes.MustParse(tt.succeeded))
		if rule != tt.rule || ok != (tt.rule >= 0) {
			t.Errorf("succeeded %q, completions %d: rule %d, %v; want %d", tt.succeeded, tt.completions, rule, ok, tt.rule)
		}
	}
	if _, ok := policy.SucceededBy(&job.SuccessPolicy{Rules: []job.SuccessPolicyRule{{SucceededCount: new(int32(0))}}}, 3, indexes.Set{}); ok {
		t.Error("a rule was met before any index succeeded")
	}
	if got := policy.SuccessPolicyMessage(2); got != "Matched rules at index 2" {
		t.Errorf("message %q", got)
	}
}

func TestBackoff(t *testing.T) {
	want := []time.Duration{0, 10, 20, 40, 80, 160, 320, 600, 600, 600}
	for n, w := range want {
		if got := policy.Backoff(n); got != w*time.Second {
			t.Errorf("Backoff(%d) = %v, want %v", n, got, w*time.Second)
		}
	}
	if got := policy.RemainingBackoff(3, t0, t0.Add(15*time.Second)); got != 25*time.Second {
		t.Errorf("remaining %v", got)
	}
	if got := policy.RemainingBackoff(3, t0, t0.Add(time.Hour)); got != 0 {
		t.Errorf("remaining after the delay %v", got)
	}
	if got := policy.Backoff(1 << 40); got != policy.MaxBackoff {
		t.Errorf("Backoff(huge) = %v", got)
	}
}

func TestJobDecisions(t *testing.T) {
	spec := jobtest.Make("pi", "ml").BackoffLimit(2).Obj().Spec
	onFailure := jobtest.Make("pi", "ml").BackoffLimit(0).RestartPolicy(job.RestartPolicyOnFailure).Obj().Spec
	checks := []struct {
		name      string
		got, want bool
	}{
		{"two failures within a limit of 2", policy.ExceedsBackoffLimit(&spec, 2, 0), false},
		{"three failures past a limit of 2", policy.ExceedsBackoffLimit(&spec, 3, 0), true},
		{"restarts do not count with Never", policy.ExceedsBackoffLimit(&spec, 0, 10), false},
		{"one restart with OnFailure and limit 0", policy.ExceedsBackoffLimit(&onFailure, 0, 1), true},
		{"completions reached", policy.CompletionsReached(&spec, 1, 0), true},
		{"completions reached but a pod is active", policy.CompletionsReached(&spec, 1, 1), false},
	}
	indexed := jobtest.Make("pi", "ml").Indexed(4).BackoffLimitPerIndex(1).MaxFailedIndexes(1).Obj()
	checks = append(checks,
		struct {
			name      string
			got, want bool
		}{"two failed indexes past maxFailedIndexes 1", policy.ExceedsMaxFailedIndexes(&indexed.Spec, indexes.MustParse("0,2")), true},
		struct {
			name      string
			got, want bool
		}{"all indexes finished with one failed", policy.FailedByIndexes(&indexed.Spec, indexes.MustParse("0-2"), indexes.MustParse("3")), true},
	)
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: %v, want %v", c.name, c.got, c.want)
		}
	}

	running := jobtest.Make("pi", "ml").ActiveDeadlineSeconds(60).StartTime(t0).Obj()
	if policy.DeadlineExceeded(running, t0.Add(59*time.Second)) || !policy.DeadlineExceeded(running, t0.Add(60*time.Second)) {
		t.Error("deadline")
	}
	if policy.DeadlineExceeded(jobtest.Make("pi", "ml").ActiveDeadlineSeconds(0).StartTime(t0).Suspend(true).Obj(), t0) {
		t.Error("a suspended Job passed its deadline")
	}

	finished := jobtest.Make("pi", "ml").TTLSecondsAfterFinished(100).
		Condition(job.JobCondition{Type: job.JobFailed, Status: job.ConditionTrue, LastTransitionTime: at(0)}).Obj()
	if expiry, ok, err := policy.TTLExpiry(finished); !ok || err != nil || !expiry.Equal(t0.Add(100*time.Second)) {
		t.Errorf("TTLExpiry = %v, %v, %v", expiry, ok, err)
	}
	finished.Status.Conditions[0].LastTransitionTime = metav1.Time{}
	if _, _, err := policy.TTLExpiry(finished); err == nil {
		t.Error("TTLExpiry without a transition time: want an error")
	}
	if !policy.IsFinished(finished) || policy.FinishedCondition(finished).Type != job.JobFailed || !policy.ConditionTrue(finished, job.JobFailed) {
		t.Error("finished")
	}
	if policy.IsManagedExternally(jobtest.Make("pi", "ml").ManagedBy(job.JobControllerName).Obj()) ||
		!policy.IsManagedExternally(jobtest.Make("pi", "ml").ManagedBy("kueue.x-k8s.io/multikueue").Obj()) {
		t.Error("managedBy")
	}
	pods := []*policy.Pod{
		{Status: policy.PodStatus{Phase: policy.PodRunning, ContainerStatuses: []policy.ContainerStatus{{RestartCount: 2}}, InitContainerStatuses: []policy.ContainerStatus{{RestartCount: 1}}}},
		{Status: policy.PodStatus{Phase: policy.PodFailed, ContainerStatuses: []policy.ContainerStatus{{RestartCount: 9}}}},
	}
	if n := policy.Restarts(pods); n != 3 {
		t.Errorf("Restarts = %d, want 3", n)
	}
}
