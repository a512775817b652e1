package validation_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/job/jobtest"
	"github.com/jobkit/jobkit/validation"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// Validation of hostile Jobs ends, in time linear in their size, with errors that name the
// field; one test per class.

func TestHostileLongExitCodeLists(t *testing.T) {
	const n = 1_000_000
	sorted := make([]int32, n)
	for i := range sorted {
		sorted[i] = int32(i + 1)
	}
	j := mk().OnExitCodes(job.PodFailurePolicyActionCount, job.PodFailurePolicyOnExitCodesOpIn, sorted...).Obj()
	checkErrors(t, field.ErrorList{e(tooMany, "spec.podFailurePolicy.rules[0].onExitCodes.values")}, validation.ValidateJob(j, validation.Options{}))

	reversed := make([]int32, n)
	for i := range reversed {
		reversed[i] = int32(n - i)
	}
	j.Spec.PodFailurePolicy.Rules[0].OnExitCodes.Values = reversed
	checkErrors(t, field.ErrorList{
		e(tooMany, "spec.podFailurePolicy.rules[0].onExitCodes.values"),
		e(invalid, "spec.podFailurePolicy.rules[0].onExitCodes.values"),
	}, validation.ValidateJob(j, validation.Options{}))
}

func TestHostileManyContainersAndRules(t *testing.T) {
	j := mk().Obj()
	for i := range 100_000 {
		j.Spec.Template.Spec.Containers = append(j.Spec.Template.Spec.Containers, job.Container{Name: fmt.Sprintf("c%d", i), Image: "i"})
		j.Spec.Template.Spec.InitContainers = append(j.Spec.Template.Spec.InitContainers, job.Container{Name: fmt.Sprintf("i%d", i), Image: "i"})
	}
	j.Spec.Template.Spec.InitContainers[7].Name = "c3"
	checkErrors(t, field.ErrorList{e(duplicate, "spec.template.spec.initContainers[7].name")}, validation.ValidateJob(j, validation.Options{}))

	rules := make([]job.PodFailurePolicyRule, 100_000)
	for i := range rules {
		rules[i] = job.PodFailurePolicyRule{Action: job.PodFailurePolicyActionIgnore,
			OnPodConditions: []job.PodFailurePolicyOnPodConditionsPattern{{Type: job.DisruptionTarget, Status: job.ConditionTrue}}}
	}
	withPolicy := mk().Obj()
	withPolicy.Spec.PodFailurePolicy = &job.PodFailurePolicy{Rules: rules}
	withPolicy.Spec.PodReplacementPolicy = new(job.Failed)
	checkErrors(t, field.ErrorList{e(tooMany, "spec.podFailurePolicy.rules")}, validation.ValidateJob(withPolicy, validation.Options{}))
}

func TestHostileIndexStrings(t *testing.T) {
	var b strings.Builder
	for i := 0; b.Len() < 1<<20; i += 2 {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprint(&b, i)
	}
	old := mk().Indexed(1 << 30).BackoffLimitPerIndex(1).MaxFailedIndexes(10).Parallelism(10).Obj()
	old.ResourceVersion = "1"
	updated := old.DeepCopy()
	updated.Status.CompletedIndexes = b.String()
	updated.Status.FailedIndexes = new(b.String()[:1000] + ",x")
	job.PrepareForStatusUpdate(updated, old)
	checkErrors(t, field.ErrorList{e(invalid, "status.failedIndexes"), e(invalid, "status.failedIndexes")},
		validation.ValidateJobStatusUpdate(updated, old, validation.Options{}))

	sp := mk().Indexed(10).SuccessPolicyRule(strings.Repeat("9", 1<<20), -1).Obj()
	checkErrors(t, field.ErrorList{e(tooLong, "spec.successPolicy.rules[0].succeededIndexes"), e(invalid, "spec.successPolicy.rules[0].succeededIndexes")},
		validation.ValidateJob(sp, validation.Options{}))
}

func TestHostileUncountedPods(t *testing.T) {
	old := mk().Obj()
	old.ResourceVersion = "1"
	updated := old.DeepCopy()
	uids := make([]types.UID, 1_000_000)
	for i := range uids {
		uids[i] = types.UID(fmt.Sprint(i % 999_999))
	}
	updated.Status.UncountedTerminatedPods = &job.UncountedTerminatedPods{Failed: uids}
	job.PrepareForStatusUpdate(updated, old)
	checkErrors(t, field.ErrorList{e(duplicate, "status.uncountedTerminatedPods.failed[999999]")},
		validation.ValidateJobStatusUpdate(updated, old, validation.Options{}))
}

func TestHostileNamesAndLabels(t *testing.T) {
	j := jobtest.Make("a\uFFFDb", "default").Label("k\uFFFD", "v").Obj()
	errs := validation.ValidateJob(j, validation.Options{})
	for _, want := range []string{"metadata.name", "metadata.labels"} {
		found := false
		for _, err := range errs {
			found = found || err.Field == want && strings.Contains(err.Error(), "\uFFFD")
		}
		if !found {
			t.Errorf("no error at %s naming the value: %v", want, errs)
		}
	}
	long := jobtest.Make(strings.Repeat("a", 1<<20), "default").Obj()
	if errs := validation.ValidateJob(long, validation.Options{}); len(errs) == 0 {
		t.Fatal("a 1 MiB name is valid")
	}
}

// TestHostileLongPodLists: the pod template's lists are checked for repeats and references
// in linear time, so 100000 volumes, mounts, ports, env vars, gates and tolerations end.
func TestHostileLongPodLists(t *testing.T) {
	const n = 100_000
	j := mk().Obj()
	s := &j.Spec.Template.Spec
	c := &s.Containers[0]
	for i := range n {
		name := fmt.Sprintf("v%d", i)
		s.Volumes = append(s.Volumes, job.Volume{Name: name, VolumeSource: job.VolumeSource{EmptyDir: &job.EmptyDirVolumeSource{}}})
		c.VolumeMounts = append(c.VolumeMounts, job.VolumeMount{Name: name, MountPath: "/" + name})
		c.Ports = append(c.Ports, job.ContainerPort{Name: fmt.Sprintf("p%d", i%10000), ContainerPort: int32(1 + i%65535)})
		c.Env = append(c.Env, job.EnvVar{Name: name})
		s.SchedulingGates = append(s.SchedulingGates, job.PodSchedulingGate{Name: "example.com/" + name})
		s.Tolerations = append(s.Tolerations, job.Toleration{Key: name, Operator: job.TolerationOpExists})
	}
	c.VolumeMounts[n-1].Name = "missing"
	got := validation.ValidateJob(j, validation.Options{})
	dupPorts := 0
	for _, err := range got {
		if err.Type == field.ErrorTypeDuplicate && strings.HasSuffix(err.Field, ".name") && strings.Contains(err.Field, ".ports[") {
			dupPorts++
		}
	}
	if dupPorts != n-10000 {
		t.Errorf("%d duplicate port names reported, want %d", dupPorts, n-10000)
	}
	missing := fmt.Sprintf("spec.template.spec.containers[0].volumeMounts[%d].name", n-1)
	if got[len(got)-1].Field != missing || got[len(got)-1].Type != field.ErrorTypeNotFound {
		t.Errorf("last error %v, want NotFound %s", got[len(got)-1], missing)
	}
}
