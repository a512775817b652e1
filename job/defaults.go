package job

import "math"

// SetDefaults applies batch/v1 defaulting to j, as the API server does whenever it decodes
// a Job (batch/v1's SetDefaults_Job), in this order:
//
//   - parallelism and completions both 1 when both are unset; parallelism 1 when only
//     completions is set (completions stays unset when only parallelism is);
//   - backoffLimit 6, or 2147483647 when backoffLimitPerIndex is set;
//   - the Job's labels are the template's when the Job has none (see below);
//   - completionMode NonIndexed, suspend false, manualSelector false;
//   - podReplacementPolicy Failed with a podFailurePolicy (even one without rules), else
//     TerminatingOrFailed;
//   - every onPodConditions pattern without a status gets status True;
//   - the template's restartPolicy Always when it is empty, as core/v1 defaulting does. Jobs
//     reject Always, so such a Job fails validation with Required restartPolicy, exactly as
//     on the API server.
//
// When the Job has no labels and its template has a label map, the Job takes the template's
// map itself, not a copy, as the API server does: the labels PrepareForCreate then generates
// on the template show on the Job too, which is what the server returns for such a Job.
// Replace either map if they must differ. The other core/v1 pod template defaults
// (dnsPolicy, terminationGracePeriodSeconds, ...) are not applied.
func SetDefaults(j *Job) {
	s := &j.Spec
	if s.Completions == nil && s.Parallelism == nil {
		s.Completions = new(int32(1))
		s.Parallelism = new(int32(1))
	}
	if s.Parallelism == nil {
		s.Parallelism = new(int32(1))
	}
	if s.BackoffLimit == nil {
		if s.BackoffLimitPerIndex != nil {
			s.BackoffLimit = new(int32(math.MaxInt32))
		} else {
			s.BackoffLimit = new(int32(6))
		}
	}
	if labels := s.Template.Labels; labels != nil && len(j.Labels) == 0 {
		j.Labels = labels
	}
	if s.CompletionMode == nil {
		s.CompletionMode = new(NonIndexedCompletion)
	}
	if s.Suspend == nil {
		s.Suspend = new(false)
	}
	if s.PodReplacementPolicy == nil {
		if s.PodFailurePolicy != nil {
			s.PodReplacementPolicy = new(Failed)
		} else {
			s.PodReplacementPolicy = new(TerminatingOrFailed)
		}
	}
	if s.ManualSelector == nil {
		s.ManualSelector = new(false)
	}
	setPatternDefaults(s.PodFailurePolicy)
	if s.Template.Spec.RestartPolicy == "" {
		s.Template.Spec.RestartPolicy = RestartPolicyAlways
	}
}

// setPatternDefaults gives every onPodConditions pattern without a status the status True.
func setPatternDefaults(p *PodFailurePolicy) {
	if p == nil {
		return
	}
	for i := range p.Rules {
		for k := range p.Rules[i].OnPodConditions {
			if c := &p.Rules[i].OnPodConditions[k]; c.Status == "" {
				c.Status = ConditionTrue
			}
		}
	}
}
