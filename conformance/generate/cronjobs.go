package generate

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/jobkit/jobkit/conformance/oracle"
)

// CronJob creates: every rule of a CronJob's own (name length, schedule, time zone,
// deadlines, concurrency policy, history limits) with plausible and hostile values, the
// rules of its Job template, decoding, and random combinations.

// cronSchedules are schedules, valid and not, including those the cron library panics on.
func cronSchedules() []string {
	return []string{
		"*/5 * * * *", "0 0 * * *", "@hourly", "@daily", "@midnight", "@weekly", "@monthly", "@yearly", "@annually",
		"@every 1h30m", "0 9 * * MON-FRI", "0 0 1 JAN,jul *", "15 2 */2 * sun", "? ? ? ? ?", "0 0 31 2 *", "1,2,,3 * * * *",
		"", " ", "* * * *", "* * * * * *", "60 * * * *", "0 24 * * *", "0 0 0 * *", "0 0 * 13 *", "0 0 * * 7",
		"5-1 * * * *", "*/0 * * * *", "1-2-3 * * * *", "1/2/3 * * * *", "x * * * *", "-1 * * * *", "0 0 * * FUNDAY",
		"@daly", "@every soon", "@every", "@every 0s", "@ hourly", "TZ=UTC 0 0 * * *", "CRON_TZ=Europe/Berlin 0 * * * *",
		"TZ=UTC", "TZ=Nowhere/Land 0 0 * * *", "CRON_TZ= 0 0 * * *", "TZ=UTC@hourly", "0 0 * * * TZ", "* * * * *\t",
	}
}

// cronTimeZones are time zones, valid and not.
func cronTimeZones() []string {
	return []string{
		"UTC", "Europe/Berlin", "America/Argentina/Buenos_Aires", "Etc/GMT+5", "GMT0", "Asia/Kolkata", "",
		"Local", "local", "Mars/Olympus_Mons", "Europe/../UTC", "-Europe", "ThisNameIsTooLong/X", "Europe//Berlin",
		"Europe/Berlin ", "utc", "EST5EDT", "Etc/UTC/", "/UTC",
	}
}

// cronJob is a valid CronJob to mutate.
func cronJob(name string) *batchv1.CronJob {
	return &batchv1.CronJob{
		TypeMeta:   metav1.TypeMeta{APIVersion: "batch/v1", Kind: "CronJob"},
		ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: "team-a"},
		Spec: batchv1.CronJobSpec{
			Schedule: "*/15 * * * *",
			JobTemplate: batchv1.JobTemplateSpec{Spec: batchv1.JobSpec{
				BackoffLimit: new(int32(2)),
				Template: corev1.PodTemplateSpec{
					ObjectMeta: metav1.ObjectMeta{Labels: map[string]string{"app": "report"}},
					Spec: corev1.PodSpec{
						RestartPolicy: corev1.RestartPolicyOnFailure,
						Containers:    []corev1.Container{{Name: "main", Image: "busybox:1.36", Command: []string{"sh", "-c", "date"}}},
					},
				},
			}},
		},
	}
}

// cronJobCases makes the CronJob creates: the rules one by one, then random combinations.
func cronJobCases(g *gen, random int) []oracle.ValidateInput {
	var out []oracle.ValidateInput
	add := func(id string, c *batchv1.CronJob) {
		out = append(out, oracle.ValidateInput{ID: "cronjob/" + id, Op: "create", Object: marshal(c)})
	}
	add("valid", cronJob("nightly"))
	for i, s := range cronSchedules() {
		c := cronJob("nightly")
		c.Spec.Schedule = s
		add(fmt.Sprintf("schedule/%d", i), c)
		c = cronJob("nightly")
		c.Spec.Schedule, c.Spec.TimeZone = s, new("UTC")
		add(fmt.Sprintf("schedule-with-time-zone/%d", i), c)
	}
	for i, tz := range cronTimeZones() {
		c := cronJob("nightly")
		c.Spec.TimeZone = new(tz)
		add(fmt.Sprintf("time-zone/%d", i), c)
	}
	for _, name := range []string{strings.Repeat("a", 52), strings.Repeat("a", 53), "Bad_Name", "a.b.c", strings.Repeat("b", 253), "-x"} {
		c := cronJob(name)
		add("name/"+fmt.Sprint(len(name))+"-"+strings.Trim(name[:min(len(name), 8)], "-"), c)
	}
	for _, gn := range []string{"nightly-", strings.Repeat("g", 60) + "-"} {
		c := cronJob("")
		c.GenerateName = gn
		add(fmt.Sprintf("generate-name/%d", len(gn)), c)
	}
	for _, n := range []int64{-1, 0, 100} {
		c := cronJob("nightly")
		c.Spec.StartingDeadlineSeconds = new(n)
		add(fmt.Sprintf("starting-deadline/%d", n), c)
	}
	for _, p := range []string{"", "Allow", "Forbid", "Replace", "forbid", "Sometimes"} {
		c := cronJob("nightly")
		c.Spec.ConcurrencyPolicy = batchv1.ConcurrencyPolicy(p)
		add("concurrency/"+p, c)
	}
	for _, n := range []int32{-1, 0, 3} {
		c := cronJob("nightly")
		c.Spec.SuccessfulJobsHistoryLimit, c.Spec.FailedJobsHistoryLimit = new(n), new(-n)
		add(fmt.Sprintf("history-limits/%d", n), c)
	}
	muts := cronTemplateMutations()
	for _, id := range slices.Sorted(maps.Keys(muts)) {
		c := cronJob("nightly")
		muts[id](c)
		add("template/"+id, c)
	}
	for i := range random {
		add(fmt.Sprintf("random/%d", i), g.randomCronJob())
	}
	return out
}

// cronTemplateMutations break the Job template the ways users do.
func cronTemplateMutations() map[string]func(*batchv1.CronJob) {
	spec := func(c *batchv1.CronJob) *batchv1.JobSpec { return &c.Spec.JobTemplate.Spec }
	return map[string]func(*batchv1.CronJob){
		"no-restart-policy": func(c *batchv1.CronJob) { spec(c).Template.Spec.RestartPolicy = "" },
		"restart-always":    func(c *batchv1.CronJob) { spec(c).Template.Spec.RestartPolicy = corev1.RestartPolicyAlways },
		"selector": func(c *batchv1.CronJob) {
			spec(c).Selector = &metav1.LabelSelector{MatchLabels: map[string]string{"app": "report"}}
		},
		"manual-selector":    func(c *batchv1.CronJob) { spec(c).ManualSelector = new(true) },
		"negative-parallel":  func(c *batchv1.CronJob) { spec(c).Parallelism = new(int32(-1)) },
		"no-containers":      func(c *batchv1.CronJob) { spec(c).Template.Spec.Containers = nil },
		"bad-container-name": func(c *batchv1.CronJob) { spec(c).Template.Spec.Containers[0].Name = "Main_1" },
		"no-image":           func(c *batchv1.CronJob) { spec(c).Template.Spec.Containers[0].Image = "" },
		"pod-failure-policy-on-failure": func(c *batchv1.CronJob) {
			spec(c).PodFailurePolicy = &batchv1.PodFailurePolicy{Rules: []batchv1.PodFailurePolicyRule{{
				Action: batchv1.PodFailurePolicyActionFailJob, OnExitCodes: &batchv1.PodFailurePolicyOnExitCodesRequirement{Operator: batchv1.PodFailurePolicyOnExitCodesOpIn, Values: []int32{42}},
			}}}
		},
		"indexed-without-completions": func(c *batchv1.CronJob) { spec(c).CompletionMode = new(batchv1.IndexedCompletion) },
		"indexed-high": func(c *batchv1.CronJob) {
			spec(c).CompletionMode, spec(c).Completions, spec(c).Parallelism = new(batchv1.IndexedCompletion), new(int32(200000)), new(int32(20000))
		},
		"bad-template-labels":    func(c *batchv1.CronJob) { spec(c).Template.Labels = map[string]string{"a/b/c": "x"} },
		"template-metadata-name": func(c *batchv1.CronJob) { c.Spec.JobTemplate.Name = "Not A Name" },
		"fractional-memory": func(c *batchv1.CronJob) {
			spec(c).Template.Spec.Containers[0].Resources.Requests = corev1.ResourceList{"memory": resource.MustParse("1.5")}
		},
		"ttl-negative": func(c *batchv1.CronJob) { spec(c).TTLSecondsAfterFinished = new(int32(-1)) },
		"status":       func(c *batchv1.CronJob) { c.Status.LastScheduleTime = &oracle.FixedCreation },
		"owner-references-twice": func(c *batchv1.CronJob) {
			ref := metav1.OwnerReference{APIVersion: "v1", Kind: "ConfigMap", Name: "c", UID: "u-1"}
			c.OwnerReferences = []metav1.OwnerReference{ref, ref}
		},
		"namespace-empty": func(c *batchv1.CronJob) { c.Namespace = "" },
	}
}

// randomCronJob draws a CronJob with a few members changed at random.
func (g *gen) randomCronJob() *batchv1.CronJob {
	c := cronJob(g.oneOf("nightly", "report-every-hour", strings.Repeat("n", 52), strings.Repeat("n", 53), "Bad.Name"))
	if g.coin() {
		schedules := cronSchedules()
		c.Spec.Schedule = schedules[g.r.IntN(len(schedules))]
	}
	if g.r.IntN(3) == 0 {
		zones := cronTimeZones()
		c.Spec.TimeZone = new(zones[g.r.IntN(len(zones))])
	}
	if g.r.IntN(4) == 0 {
		c.Spec.StartingDeadlineSeconds = new(int64(g.oneOfInt(-5, 0, 30)))
	}
	if g.r.IntN(4) == 0 {
		c.Spec.ConcurrencyPolicy = batchv1.ConcurrencyPolicy(g.oneOf("Allow", "Forbid", "Replace", "Never"))
	}
	if g.r.IntN(4) == 0 {
		c.Spec.SuccessfulJobsHistoryLimit = g.int32Of(-1, 0, 5)
	}
	if g.r.IntN(4) == 0 {
		c.Spec.FailedJobsHistoryLimit = g.int32Of(-2, 0, 1)
	}
	if g.r.IntN(3) == 0 {
		muts := cronTemplateMutations()
		keys := slices.Sorted(maps.Keys(muts))
		muts[keys[g.r.IntN(len(keys))]](c)
	}
	return c
}

// imageCases create Jobs whose container image is one of a list of references, valid and
// not, so that the defaulted imagePullPolicy (Always for the latest tag) is judged.
func imageCases() []oracle.ValidateInput {
	var out []oracle.ValidateInput
	for i, image := range []string{
		"busybox", "busybox:latest", "busybox:1.36", "library/busybox", "docker.io/library/busybox:latest",
		"index.docker.io/busybox", "localhost/app", "localhost:5000/app:latest", "registry.example.com:5000/team/app",
		"[::1]:5000/app", "[fe80::1]/app:latest", "Example.com/app", "exa_mple.com/app", "exa_mple.com:1/app",
		"a__b/c---d/e.f/g_h", "a___b", "a._b", "bad_name", "Busybox", "a b", "", " ", "..", "/", "example.com/",
		"1.2.3.4:5", "a:", "a:.x", "a:b:c", strings.Repeat("a", 64), strings.Repeat("a", 63), strings.Repeat("f", 64) + ":1",
		"x/" + strings.Repeat("a", 253), "x/" + strings.Repeat("a", 254), strings.Repeat("a", 247), strings.Repeat("a", 248),
		"ubuntu@sha256:" + strings.Repeat("0", 64), "ubuntu:22.04@sha256:" + strings.Repeat("0", 64),
		"ubuntu@sha256:" + strings.Repeat("A", 64), "ubuntu@sha512:" + strings.Repeat("a", 128), "ubuntu@sha384:" + strings.Repeat("b", 96),
		"ubuntu@md5:" + strings.Repeat("0", 32), "ubuntu@sha256:" + strings.Repeat("0", 63), "[]:0/00", "a:" + strings.Repeat("t", 129),
	} {
		j := minimalJob()
		j.Spec.Template.Spec.Containers[0].Image = image
		out = append(out, oracle.ValidateInput{ID: fmt.Sprintf("create/image/%d", i), Op: "create", Object: marshal(j)})
	}
	return out
}
