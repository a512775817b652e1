package job

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// SetCronJobDefaults applies batch/v1 defaulting to a CronJob, as the API server does when
// it decodes one: concurrencyPolicy Allow, suspend false, 3 successful and 1 failed Jobs
// kept; in the Job template, the onPodConditions patterns' status and the core/v1 pod
// template defaults — but not the Job's own defaults (parallelism, backoffLimit, ...),
// which each Job gets when it is created. A nil c is left alone.
func SetCronJobDefaults(c *CronJob) {
	if c == nil {
		return
	}
	s := &c.Spec
	if s.ConcurrencyPolicy == "" {
		s.ConcurrencyPolicy = AllowConcurrent
	}
	if s.Suspend == nil {
		s.Suspend = new(false)
	}
	if s.SuccessfulJobsHistoryLimit == nil {
		s.SuccessfulJobsHistoryLimit = new(int32(3))
	}
	if s.FailedJobsHistoryLimit == nil {
		s.FailedJobsHistoryLimit = new(int32(1))
	}
	SetJobTemplateDefaults(&s.JobTemplate)
}

// SetJobTemplateDefaults applies to a Job template — a CronJob's, or one another kind
// embeds — the defaulting the API server gives it: the onPodConditions patterns' status
// and the core/v1 pod template defaults; not the Job's own, which each Job gets when it is
// created. A nil t is left alone.
func SetJobTemplateDefaults(t *JobTemplateSpec) {
	if t == nil {
		return
	}
	setPatternDefaults(t.Spec.PodFailurePolicy)
	setPodSpecDefaults(&t.Spec.Template.Spec)
}

// PrepareCronJobForCreate applies what the API server does to a CronJob it is about to
// create, after SetCronJobDefaults and SetCronJobSystemFields and before validation: the
// status is cleared, metadata.generation set to 1, and the members of disabled features
// dropped from the Job template (spec.scheduling unless WorkloadWithJob is on, and the pod
// template's, as PrepareForCreate drops them). gates nil means Kubernetes 1.37's
// defaults. A nil c is left alone.
func PrepareCronJobForCreate(c *CronJob, gates FeatureGates) {
	if c == nil {
		return
	}
	c.Status = CronJobStatus{}
	c.Generation = 1
	if !gates.Enabled(WorkloadWithJob) {
		c.Spec.JobTemplate.Spec.Scheduling = nil
	}
	dropDisabledPodFields(&c.Spec.JobTemplate.Spec.Template, nil, gates)
}

// SetCronJobSystemFields sets f on a CronJob as SetSystemFields does on a Job. A nil c is
// left alone.
func SetCronJobSystemFields(c *CronJob, f SystemFields) {
	if c != nil {
		setSystemFields(&c.ObjectMeta, f)
	}
}

// DropUnknown removes from c every member its schema does not have, at every depth, as
// the API server does before it stores a CronJob. A nil c is left alone.
func (c *CronJob) DropUnknown() {
	if c == nil {
		return
	}
	c.Extra, c.Spec.Extra, c.Status.Extra = nil, nil, nil
	c.Spec.JobTemplate.DropUnknown()
	for i := range c.Status.Active {
		c.Status.Active[i].dropUnknown()
	}
}

// DedupOwnerReferencesOf drops the owner references of an object's metadata that are equal
// to an earlier one, as DedupOwnerReferences does for a Job, and returns the server's
// warning, or "" when there was nothing to drop. A nil meta has nothing to drop.
func DedupOwnerReferencesOf(meta *metav1.ObjectMeta) string {
	if meta == nil {
		return ""
	}
	return dedupOwnerReferences(meta)
}
