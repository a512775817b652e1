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
//   - then core/v1 defaulting of the pod template: restartPolicy Always (Jobs reject it, so
//     a Job without a restart policy fails validation with Required restartPolicy, as on the
//     API server), dnsPolicy ClusterFirst, an empty pod securityContext,
//     terminationGracePeriodSeconds 30, schedulerName default-scheduler, serviceAccountName
//     and the deprecated serviceAccount made one; volumes without a source get an emptyDir,
//     sources get their defaults (file modes 0644, token lifetimes of an hour, ...);
//     containers get their image pull policy (Always for the latest tag, else IfNotPresent),
//     termination message path and policy, port protocol TCP, probe timings and HTTP
//     defaults; every resource quantity is rounded up to a whole number of thousandths.
//
// When the Job has no labels and its template has a label map, the Job takes the template's
// map itself, not a copy, as the API server does: the labels PrepareForCreate then generates
// on the template show on the Job too, which is what the server returns for such a Job.
// Replace either map if they must differ. A nil j is left alone.
func SetDefaults(j *Job) {
	if j == nil {
		return
	}
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
	setPodSpecDefaults(&s.Template.Spec)
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
