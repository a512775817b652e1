package validation_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/job/jobtest"
	"github.com/jobkit/jobkit/validation"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// e is an expected error: its type and field.
func e(t field.ErrorType, path string) *field.Error { return &field.Error{Type: t, Field: path} }

const (
	required     = field.ErrorTypeRequired
	invalid      = field.ErrorTypeInvalid
	notSupported = field.ErrorTypeNotSupported
	duplicate    = field.ErrorTypeDuplicate
	tooMany      = field.ErrorTypeTooMany
	tooLong      = field.ErrorTypeTooLong
	forbidden    = field.ErrorTypeForbidden
)

type createCase struct {
	name string
	job  *job.Job
	opts validation.Options
	want field.ErrorList
}

func runCreate(t *testing.T, tests []createCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := validation.ValidateJob(tt.job, tt.opts)
			if diff := cmp.Diff(tt.want, got, jobtest.CompareErrors()); diff != "" {
				t.Fatalf("errors (-want +got):\n%s\n%v", diff, got)
			}
		})
	}
}

func mk() *jobtest.Wrapper { return jobtest.Make("pi", "default") }

func with(w *jobtest.Wrapper, f func(j *job.Job)) *job.Job {
	j := w.Obj()
	f(j)
	return j
}

func TestSpec(t *testing.T) {
	runCreate(t, []createCase{
		{name: "valid", job: mk().Obj()},
		{name: "negative counts", job: mk().Parallelism(-1).Completions(-1).ActiveDeadlineSeconds(-1).BackoffLimit(-1).TTLSecondsAfterFinished(-1).Obj(), want: field.ErrorList{
			e(invalid, "spec.parallelism"), e(invalid, "spec.completions"), e(invalid, "spec.activeDeadlineSeconds"),
			e(invalid, "spec.backoffLimit"), e(invalid, "spec.ttlSecondsAfterFinished"),
		}},
		{name: "zero deadline is accepted", job: mk().ActiveDeadlineSeconds(0).Obj()},
		{name: "maxFailedIndexes without backoffLimitPerIndex", job: mk().Indexed(3).MaxFailedIndexes(1).Obj(), want: field.ErrorList{
			e(required, "spec.backoffLimitPerIndex"),
		}},
		{name: "per-index fields on NonIndexed", job: mk().BackoffLimitPerIndex(1).MaxFailedIndexes(1).Obj(), want: field.ErrorList{
			e(invalid, "spec.backoffLimitPerIndex"), e(invalid, "spec.maxFailedIndexes"),
		}},
		{name: "unknown completion mode", job: with(mk().BackoffLimitPerIndex(1), func(j *job.Job) {
			j.Spec.CompletionMode = new(job.CompletionMode("Sometimes"))
		}), want: field.ErrorList{e(notSupported, "spec.completionMode")}},
		{name: "Indexed without completions", job: with(mk().Indexed(3).Parallelism(2), func(j *job.Job) { j.Spec.Completions = nil }),
			want: field.ErrorList{e(required, "spec.completions")}},
		{name: "Indexed limits", job: mk().Indexed(200000).Parallelism(100001).BackoffLimitPerIndex(1).MaxFailedIndexes(200001).Obj(), want: field.ErrorList{
			e(invalid, "spec.parallelism"), e(invalid, "spec.maxFailedIndexes"), e(invalid, "spec.maxFailedIndexes"),
			e(invalid, "spec.parallelism"), e(invalid, "spec.maxFailedIndexes"),
		}},
		{name: "high completions need maxFailedIndexes", job: mk().Indexed(100001).BackoffLimitPerIndex(1).Obj(), want: field.ErrorList{
			e(required, "spec.maxFailedIndexes"),
		}},
		{name: "managedBy", job: mk().ManagedBy("kueue.x-k8s.io/multikueue").Obj()},
		{name: "managedBy empty", job: mk().ManagedBy("").Obj(), want: field.ErrorList{e(required, "spec.managedBy")}},
		{name: "managedBy without a domain", job: mk().ManagedBy("kueue").Obj(), want: field.ErrorList{e(invalid, "spec.managedBy")}},
		{name: "managedBy too long", job: mk().ManagedBy("example.com/" + string(make([]byte, 60))).Obj(), want: field.ErrorList{
			e(invalid, "spec.managedBy"), e(tooLong, "spec.managedBy"),
		}},
		{name: "podReplacementPolicy with a pod failure policy", job: mk().OnPodCondition(job.PodFailurePolicyActionIgnore, job.DisruptionTarget).
			PodReplacementPolicy(job.TerminatingOrFailed).Obj(), want: field.ErrorList{e(notSupported, "spec.podReplacementPolicy")}},
		{name: "unknown podReplacementPolicy", job: mk().PodReplacementPolicy("Sometimes").Obj(), want: field.ErrorList{
			e(notSupported, "spec.podReplacementPolicy"),
		}},
	})
}

func TestRestartPolicy(t *testing.T) {
	runCreate(t, []createCase{
		{name: "OnFailure", job: mk().RestartPolicy(job.RestartPolicyOnFailure).Obj()},
		{name: "Always", job: mk().RestartPolicy(job.RestartPolicyAlways).Obj(), want: field.ErrorList{e(required, "spec.template.spec.restartPolicy")}},
		// Undefaulted (SetDefaults makes it Always): core pod validation and the Job rule both
		// object, core first.
		{name: "empty", job: mk().RestartPolicy("").Obj(), want: field.ErrorList{
			e(required, "spec.template.spec.restartPolicy"), e(required, "spec.template.spec.restartPolicy"),
		}},
		{name: "unknown", job: mk().RestartPolicy("Sometimes").Obj(), want: field.ErrorList{
			e(notSupported, "spec.template.spec.restartPolicy"), e(notSupported, "spec.template.spec.restartPolicy"),
		}},
		{name: "OnFailure with a pod failure policy", job: mk().OnPodCondition(job.PodFailurePolicyActionIgnore, job.DisruptionTarget).
			RestartPolicy(job.RestartPolicyOnFailure).Obj(), want: field.ErrorList{e(invalid, "spec.template.spec.restartPolicy")}},
	})
}

func TestTemplate(t *testing.T) {
	runCreate(t, []createCase{
		{name: "no containers", job: with(mk(), func(j *job.Job) { j.Spec.Template.Spec.Containers = nil }),
			want: field.ErrorList{e(required, "spec.template.spec.containers")}},
		{name: "container names", job: mk().Container("", "busybox").Container("Bad_Name", "busybox").Container("main", "").InitContainer("main", "busybox").Obj(),
			want: field.ErrorList{
				e(required, "spec.template.spec.containers[1].name"),
				e(invalid, "spec.template.spec.containers[2].name"),
				e(required, "spec.template.spec.containers[3].image"),
				e(duplicate, "spec.template.spec.containers[3].name"),
				e(duplicate, "spec.template.spec.initContainers[0].name"),
			}},
		{name: "bad template label", job: mk().PodLabel("app", "-x").Obj(), want: field.ErrorList{
			e(invalid, "spec.template.labels"),
		}},
		{name: "bad template annotation", job: mk().PodAnnotation("a/b/c", "x").Obj(), want: field.ErrorList{
			e(invalid, "spec.template.annotations"),
		}},
		{name: "ephemeral containers", job: with(mk(), func(j *job.Job) {
			j.Spec.Template.Spec.EphemeralContainers = []job.EphemeralContainer{{EphemeralContainerCommon: job.EphemeralContainerCommon{Name: "debug", Image: "busybox"}}}
		}), want: field.ErrorList{e(forbidden, "spec.template.spec.ephemeralContainers")}},
		{name: "ephemeral containers are checked before they are refused", job: with(mk(), func(j *job.Job) {
			j.Spec.Template.Spec.EphemeralContainers = []job.EphemeralContainer{{
				EphemeralContainerCommon: job.EphemeralContainerCommon{Name: j.Spec.Template.Spec.Containers[0].Name, Image: " busybox",
					Ports: []job.ContainerPort{{ContainerPort: 80}}, VolumeMounts: []job.VolumeMount{{Name: "none", MountPath: "/x", SubPath: "y"}}},
				TargetContainerName: "absent",
			}}
		}), want: field.ErrorList{
			e(notFound, "spec.template.spec.ephemeralContainers[0].volumeMounts[0].name"),
			e(invalid, "spec.template.spec.ephemeralContainers[0].image"),
			e(duplicate, "spec.template.spec.ephemeralContainers[0].name"),
			e(notFound, "spec.template.spec.ephemeralContainers[0].targetContainerName"),
			e(forbidden, "spec.template.spec.ephemeralContainers[0].ports"),
			e(forbidden, "spec.template.spec.ephemeralContainers[0].volumeMounts[0].subPath"),
			e(forbidden, "spec.template.spec.ephemeralContainers"),
		}},
	})
}

func TestMetadata(t *testing.T) {
	runCreate(t, []createCase{
		{name: "no name", job: with(mk(), func(j *job.Job) { j.Name = "" }), want: field.ErrorList{
			e(required, "metadata.name"), e(invalid, "spec.template.metadata.labels[job-name]"),
			e(invalid, "spec.template.metadata.labels[batch.kubernetes.io/job-name]"),
		}},
		{name: "no namespace", job: with(mk(), func(j *job.Job) { j.Namespace = "" }), want: field.ErrorList{e(required, "metadata.namespace")}},
		{name: "bad finalizer", job: with(mk(), func(j *job.Job) { j.Finalizers = []string{"mine"} }), want: field.ErrorList{
			e(invalid, "metadata.finalizers[0]"),
		}},
		{name: "bad label", job: mk().Label("a/b/c", "x").Obj(), want: field.ErrorList{e(invalid, "metadata.labels")}},
		{name: "Indexed hostname too long", job: jobtest.Make(strings.Repeat("n", 62), "default").Indexed(10).Obj(), want: field.ErrorList{
			e(invalid, "metadata.name"),
		}},
		{name: "Indexed hostname fits", job: jobtest.Make(strings.Repeat("n", 61), "default").Indexed(1).Obj()},
		{name: "Indexed name with a dot", job: jobtest.Make("a.b", "default").Indexed(1).Obj(), want: field.ErrorList{
			e(invalid, "metadata.name"),
		}},
	})
}

func TestGeneratedSelector(t *testing.T) {
	runCreate(t, []createCase{
		{name: "user selector is not the generated one", job: with(mk(), func(j *job.Job) {
			j.Spec.Selector.MatchLabels["app"] = "pi"
			j.Spec.Template.Labels["app"] = "pi"
		}), want: field.ErrorList{e(invalid, "spec.selector")}},
		{name: "missing and wrong labels", job: with(mk(), func(j *job.Job) {
			delete(j.Spec.Template.Labels, job.LegacyJobNameLabel)
			j.Spec.Template.Labels[job.ControllerUidLabel] = "other"
		}), want: field.ErrorList{
			e(required, "spec.template.metadata.labels[job-name]"),
			e(invalid, "spec.template.metadata.labels[batch.kubernetes.io/controller-uid]"),
			e(invalid, "spec.template.metadata.labels"),
		}},
		{name: "no uid", job: with(mk(), func(j *job.Job) { j.UID = "" }), want: field.ErrorList{
			e(required, "metadata.uid"),
			e(invalid, "spec.template.metadata.labels[controller-uid]"),
			e(invalid, "spec.template.metadata.labels[batch.kubernetes.io/controller-uid]"),
			e(invalid, "spec.selector"),
		}},
		{name: "manual selector", job: with(mk(), func(j *job.Job) {
			j.Spec.ManualSelector = new(true)
			j.Spec.Selector = &metav1.LabelSelector{MatchLabels: map[string]string{"app": "pi"}}
			j.Spec.Template.Labels = map[string]string{"app": "pi"}
		})},
		{name: "nil selector", job: with(mk(), func(j *job.Job) { j.Spec.Selector = nil }), want: field.ErrorList{
			e(required, "spec.selector"), e(invalid, "spec.template.metadata.labels"),
		}},
		{name: "bad selector", job: with(mk(), func(j *job.Job) {
			j.Spec.ManualSelector = new(true)
			j.Spec.Selector = &metav1.LabelSelector{MatchExpressions: []metav1.LabelSelectorRequirement{
				{Key: "app", Operator: metav1.LabelSelectorOpIn},
				{Key: "app", Operator: metav1.LabelSelectorOpExists, Values: []string{"x"}},
				{Key: "app", Operator: "Equals", Values: []string{"x"}},
			}}
		}), want: field.ErrorList{
			e(required, "spec.selector.matchExpressions[0].values"),
			e(forbidden, "spec.selector.matchExpressions[1].values"),
			e(invalid, "spec.selector.matchExpressions[2].operator"),
		}},
	})
}

func TestNilArguments(t *testing.T) {
	for _, tt := range []struct {
		name string
		errs field.ErrorList
		want []string // the arguments the errors name
	}{
		{"ValidateJob", validation.ValidateJob(nil, validation.Options{}), []string{"Job j"}},
		{"ValidateJobUpdate(nil, old)", validation.ValidateJobUpdate(nil, mk().Obj(), validation.Options{}), []string{"Job j"}},
		{"ValidateJobUpdate(nil, nil)", validation.ValidateJobUpdate(nil, nil, validation.Options{}), []string{"Job j", "stored Job old"}},
		{"ValidateJobStatusUpdate(j, nil)", validation.ValidateJobStatusUpdate(mk().Obj(), nil, validation.Options{}), []string{"stored Job old"}},
		{"ValidateJobTemplateSpec", validation.ValidateJobTemplateSpec(nil, nil, validation.Options{}), []string{"JobTemplateSpec t"}},
		{"ValidateCreateOptions", validation.ValidateCreateOptions(nil), nil},
		{"ValidateUpdateOptions", validation.ValidateUpdateOptions(nil), nil},
		{"ValidatePatchOptions", validation.ValidatePatchOptions(nil, "application/merge-patch+json"), nil},
		{"ValidateDeleteOptions", validation.ValidateDeleteOptions(nil), nil},
		{"ValidateListOptions", validation.ValidateListOptions(nil), nil},
	} {
		if len(tt.errs) != len(tt.want) {
			t.Errorf("%s: %v, want %d errors", tt.name, tt.errs, len(tt.want))
			continue
		}
		for i, e := range tt.errs {
			if e.Type != field.ErrorTypeInternal || !strings.Contains(e.Error(), "the "+tt.want[i]+" is nil") {
				t.Errorf("%s: %v, want an internal error naming %s", tt.name, e, tt.want[i])
			}
		}
	}
	if w := validation.Warnings(nil, nil); w != nil {
		t.Errorf("Warnings(nil, nil) = %q", w)
	}
}

func checkErrors(t *testing.T, want, got field.ErrorList) {
	t.Helper()
	if diff := cmp.Diff(want, got, jobtest.CompareErrors()); diff != "" {
		t.Fatalf("errors (-want +got):\n%s\n%v", diff, got)
	}
}

func TestUnknownFeatureGate(t *testing.T) {
	opts := validation.Options{FeatureGates: job.FeatureGates{"WorkloadWithJobs": true, job.WorkloadWithJob: true}}
	for name, errs := range map[string]field.ErrorList{
		"ValidateJob":             validation.ValidateJob(mk().Obj(), opts),
		"ValidateJobUpdate":       validation.ValidateJobUpdate(mk().Obj(), mk().Obj(), opts),
		"ValidateJobStatusUpdate": validation.ValidateJobStatusUpdate(mk().Obj(), mk().Obj(), opts),
		"ValidateJobTemplateSpec": validation.ValidateJobTemplateSpec(&job.JobTemplateSpec{}, nil, opts),
	} {
		if len(errs) != 1 || errs[0].Type != field.ErrorTypeInternal || !strings.Contains(errs[0].Error(), "unknown feature gates: WorkloadWithJobs") {
			t.Errorf("%s: %v", name, errs)
		}
	}
}
