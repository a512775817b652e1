package validation

import (
	"github.com/jobkit/jobkit/indexes"
	"github.com/jobkit/jobkit/job"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// Status updates. Most rules apply only when the fields they read
// changed, so that a controller can still write a Job whose stored status already breaks
// one; statusChecks says which apply.

// statusChecks are the status rules that apply to one update, named after the API server's
// options.
type statusChecks struct {
	decreasingSucceeded           bool
	invalidCompletedIndexes       bool
	invalidFailedIndexes          bool
	failedIndexesOverlap          bool
	completedIndexesNonIndexed    bool
	failedIndexesWithoutPerIndex  bool
	failedWithoutFailureTarget    bool
	completeWithoutCriteriaMet    bool
	finishedWithActivePods        bool
	finishedWithoutStartTime      bool
	finishedWithUncounted         bool
	startTimeUpdate               bool
	completionBeforeStart         bool
	notCompleteWithCompletionTime bool
	completeWithoutCompletionTime bool
	completeWithFailed            bool
	completeWithFailureTarget     bool
	moreReadyThanActive           bool
	finishedWithTerminating       bool
}

// conditions summarises the True conditions of a status.
type conditions struct {
	complete, failed, failureTarget, criteriaMet, suspended bool
	suspendedFalse                                          bool
}

func readConditions(s *job.JobStatus) conditions {
	var c conditions
	for i := range s.Conditions {
		cond := &s.Conditions[i]
		if cond.Status != job.ConditionTrue {
			c.suspendedFalse = c.suspendedFalse || cond.Type == job.JobSuspended && cond.Status == job.ConditionFalse
			continue
		}
		switch cond.Type {
		case job.JobComplete:
			c.complete = true
		case job.JobFailed:
			c.failed = true
		case job.JobFailureTarget:
			c.failureTarget = true
		case job.JobSuccessCriteriaMet:
			c.criteriaMet = true
		case job.JobSuspended:
			c.suspended = true
		}
	}
	return c
}

func (c conditions) finished() bool { return c.complete || c.failed }

// checksFor derives which rules apply from the new and the stored Job.
func checksFor(j, old *job.Job, nc, oc conditions) statusChecks {
	s, o := &j.Status, &old.Status
	indexed := j.Spec.CompletionMode != nil && *j.Spec.CompletionMode == job.IndexedCompletion
	finishedChanged := nc.finished() != oc.finished()
	completeChanged := nc.complete != oc.complete
	failedChanged := nc.failed != oc.failed
	completedChanged := s.CompletedIndexes != o.CompletedIndexes
	failedIdxChanged := !ptrEqual(s.FailedIndexes, o.FailedIndexes)
	activeChanged := s.Active != o.Active
	startChanged := !timesEqual(s.StartTime, o.StartTime)
	completionChanged := !timesEqual(s.CompletionTime, o.CompletionTime)
	suspendedWithZero := ptrEqual(j.Spec.Suspend, new(true)) && ptrEqual(j.Spec.Completions, new(int32(0)))
	return statusChecks{
		decreasingSucceeded:           !indexed || !ptrEqual(j.Spec.Completions, j.Spec.Parallelism),
		invalidCompletedIndexes:       completedChanged,
		invalidFailedIndexes:          failedIdxChanged,
		failedIndexesOverlap:          failedIdxChanged || completedChanged,
		completedIndexesNonIndexed:    completedChanged,
		failedIndexesWithoutPerIndex:  failedIdxChanged,
		failedWithoutFailureTarget:    failedChanged || failedIdxChanged,
		completeWithoutCriteriaMet:    completeChanged || nc.criteriaMet != oc.criteriaMet,
		finishedWithActivePods:        finishedChanged || activeChanged,
		finishedWithoutStartTime:      (finishedChanged || startChanged) && !suspendedWithZero,
		finishedWithUncounted:         finishedChanged || !s.UncountedTerminatedPods.SemanticEqual(o.UncountedTerminatedPods),
		startTimeUpdate:               startChanged && !(oc.suspended && nc.suspendedFalse),
		completionBeforeStart:         startChanged || completionChanged,
		notCompleteWithCompletionTime: completeChanged || completionChanged,
		completeWithoutCompletionTime: completeChanged || completionChanged,
		completeWithFailed:            completeChanged || failedChanged,
		completeWithFailureTarget:     completeChanged || nc.failureTarget != oc.failureTarget,
		moreReadyThanActive:           !ptrEqual(s.Ready, o.Ready) || activeChanged,
		finishedWithTerminating:       finishedChanged || !ptrEqual(s.Terminating, o.Terminating),
	}
}

// status checks a status update: the invariants of the new status (V1–V26), then the
// transitions from the stored one (X1–X7), in the API server's order.
func (v *validator) status(j, old *job.Job) {
	nc, oc := readConditions(&j.Status), readConditions(&old.Status)
	checks := checksFor(j, old, nc, oc)
	root := rootPath(nil)
	p := root.child("status")
	v.counters(&j.Status, &p)
	v.uncounted(j.Status.UncountedTerminatedPods, &p)
	v.conditionRules(j, nc, checks, &p)
	v.finishedRules(j, nc, checks, &p)
	v.indexRules(j, checks, &p)
	v.lastRules(j, nc, checks, &p)
	v.transitions(j, old, nc, oc, checks, &p)
}

// counters: the counters are not negative (V1–V5).
func (v *validator) counters(s *job.JobStatus, p *path) {
	if s.Active < 0 {
		v.negative(int64(s.Active), p, "active")
	}
	if s.Succeeded < 0 {
		v.negative(int64(s.Succeeded), p, "succeeded")
	}
	if s.Failed < 0 {
		v.negative(int64(s.Failed), p, "failed")
	}
	nonNegative(v, s.Ready, p, "ready")
	nonNegative(v, s.Terminating, p, "terminating")
}

// uncounted: no empty or repeated UID in succeeded and failed together (V6).
func (v *validator) uncounted(u *job.UncountedTerminatedPods, p *path) {
	if u == nil || len(u.Succeeded)+len(u.Failed) == 0 {
		return
	}
	up := p.child("uncountedTerminatedPods")
	seen := make(map[types.UID]bool, len(u.Succeeded)+len(u.Failed))
	for _, list := range []struct {
		name string
		uids []types.UID
	}{{"succeeded", u.Succeeded}, {"failed", u.Failed}} {
		lp := up.child(list.name)
		for i, uid := range list.uids {
			switch {
			case uid == "":
				ip := lp.at(i)
				v.add(field.Invalid(ip.build(), uid, "must not be empty"))
			case seen[uid]:
				ip := lp.at(i)
				v.add(field.Duplicate(ip.build(), uid))
			default:
				seen[uid] = true
			}
		}
	}
}

// conditionRules: the conditions agree with each other and with completionTime (V7–V13).
func (v *validator) conditionRules(j *job.Job, c conditions, checks statusChecks, p *path) {
	s := &j.Status
	if checks.completeWithFailed && c.complete && c.failed {
		v.conditionsError(p, "cannot set Complete=True and Failed=true conditions")
	}
	if checks.completeWithFailureTarget && c.complete && c.failureTarget {
		v.conditionsError(p, "cannot set Complete=True and FailureTarget=true conditions")
	}
	if checks.notCompleteWithCompletionTime && s.CompletionTime != nil && !c.complete {
		cp := p.child("completionTime")
		v.add(field.Invalid(cp.build(), s.CompletionTime, "cannot set completionTime when there is no Complete=True condition"))
	}
	if checks.completeWithoutCompletionTime && s.CompletionTime == nil && c.complete {
		cp := p.child("completionTime")
		v.add(field.Required(cp.build(), "completionTime is required for Complete jobs"))
	}
	if checks.completionBeforeStart && s.StartTime != nil && s.CompletionTime != nil && s.CompletionTime.Before(s.StartTime) {
		cp := p.child("completionTime")
		v.add(field.Invalid(cp.build(), s.CompletionTime, "must be equal to or after `startTime`"))
	}
	if checks.failedWithoutFailureTarget && c.failed && !c.failureTarget {
		v.conditionsError(p, "cannot set Failed=True condition without the FailureTarget=true condition")
	}
	if checks.completeWithoutCriteriaMet && c.complete && !c.criteriaMet {
		v.conditionsError(p, "cannot set Complete=True condition without the SuccessCriteriaMet=true condition")
	}
}

// conditionsError reports a rule of status.conditions.
func (v *validator) conditionsError(p *path, detail string) {
	cp := p.child("conditions")
	v.add(field.Invalid(cp.build(), field.OmitValueType{}, detail))
}

// lastRules: a finished Job has no terminating pods, ready pods are active, and
// SuccessCriteriaMet excludes failure and is needed with a success policy (V22–V26).
func (v *validator) lastRules(j *job.Job, c conditions, checks statusChecks, p *path) {
	s := &j.Status
	if checks.finishedWithTerminating && s.Terminating != nil && *s.Terminating > 0 && c.finished() {
		tp := p.child("terminating")
		v.add(field.Invalid(tp.build(), s.Terminating, "terminating>0 is invalid for finished job"))
	}
	if checks.moreReadyThanActive && s.Ready != nil && *s.Ready > s.Active {
		rp := p.child("ready")
		v.add(field.Invalid(rp.build(), *s.Ready, "cannot set more ready pods than active"))
	}
	if c.criteriaMet && c.failed {
		v.conditionsError(p, "cannot set SuccessCriteriaMet=True and Failed=true conditions")
	}
	if c.criteriaMet && c.failureTarget {
		v.conditionsError(p, "cannot set SuccessCriteriaMet=True and FailureTarget=true conditions")
	}
	if j.Spec.SuccessPolicy != nil && !c.criteriaMet && c.complete {
		v.conditionsError(p, "cannot set Complete=True for Job with SuccessPolicy unless SuccessCriteriaMet=True")
	}
}

// finishedRules: a finished Job has no active pods, a start time and nothing uncounted
// (V14–V16).
func (v *validator) finishedRules(j *job.Job, c conditions, checks statusChecks, p *path) {
	s := &j.Status
	if checks.finishedWithActivePods && s.Active > 0 && c.finished() {
		ap := p.child("active")
		v.add(field.Invalid(ap.build(), s.Active, "active>0 is invalid for finished job"))
	}
	if checks.finishedWithoutStartTime && s.StartTime == nil && c.finished() {
		sp := p.child("startTime")
		v.add(field.Required(sp.build(), "startTime is required for finished job"))
	}
	if u := s.UncountedTerminatedPods; checks.finishedWithUncounted && c.finished() && u != nil && len(u.Failed)+len(u.Succeeded) > 0 {
		up := p.child("uncountedTerminatedPods")
		v.add(field.Invalid(up.build(), u, "must be empty for finished job"))
	}
}

// indexRules: the index lists are well formed, for Indexed Jobs and per-index limits
// only, and do not overlap (V17–V21).
func (v *validator) indexRules(j *job.Job, checks statusChecks, p *path) {
	s, spec := &j.Status, &j.Spec
	if checks.invalidCompletedIndexes && spec.Completions != nil {
		if _, err := indexes.Validate(s.CompletedIndexes, int(*spec.Completions)); err != nil {
			cp := p.child("completedIndexes")
			v.add(field.Invalid(cp.build(), s.CompletedIndexes, "error parsing completedIndexes: "+reason(err)))
		}
	}
	if checks.invalidFailedIndexes && spec.Completions != nil && spec.BackoffLimitPerIndex != nil && s.FailedIndexes != nil {
		if _, err := indexes.Validate(*s.FailedIndexes, int(*spec.Completions)); err != nil {
			fp := p.child("failedIndexes")
			v.add(field.Invalid(fp.build(), s.FailedIndexes, "error parsing failedIndexes: "+reason(err)))
		}
	}
	indexed := spec.CompletionMode != nil && *spec.CompletionMode == job.IndexedCompletion
	if checks.completedIndexesNonIndexed && s.CompletedIndexes != "" && !indexed {
		cp := p.child("completedIndexes")
		v.add(field.Invalid(cp.build(), s.CompletedIndexes, "cannot set non-empty completedIndexes when non-indexed completion mode"))
	}
	if checks.failedIndexesWithoutPerIndex && spec.BackoffLimitPerIndex == nil && s.FailedIndexes != nil {
		fp := p.child("failedIndexes")
		v.add(field.Invalid(fp.build(), *s.FailedIndexes, "cannot set non-null failedIndexes when backoffLimitPerIndex is null"))
	}
	if checks.failedIndexesOverlap && spec.Completions != nil && s.FailedIndexes != nil {
		if ix, found := indexes.Overlap(s.CompletedIndexes, *s.FailedIndexes, int(*spec.Completions)); found {
			fp := p.child("failedIndexes")
			v.add(field.Invalid(fp.build(), *s.FailedIndexes, "failedIndexes and completedIndexes overlap at index: "+itoa(ix)))
		}
	}
}

// transitions: X1–X7, comparing the stored status with the new one.
func (v *validator) transitions(j, old *job.Job, nc, oc conditions, checks statusChecks, p *path) {
	s, o := &j.Status, &old.Status
	for _, t := range []struct {
		name     string
		old, new bool
	}{{"Failed", oc.failed, nc.failed}, {"Complete", oc.complete, nc.complete}, {"FailureTarget", oc.failureTarget, nc.failureTarget}} {
		if t.old && !t.new {
			v.conditionsError(p, "cannot disable the terminal "+t.name+"=True condition")
		}
	}
	if s.Failed < o.Failed {
		fp := p.child("failed")
		v.add(field.Invalid(fp.build(), s.Failed, "cannot decrease the failed counter"))
	}
	if checks.decreasingSucceeded && s.Succeeded < o.Succeeded {
		sp := p.child("succeeded")
		v.add(field.Invalid(sp.build(), s.Succeeded, "cannot decrease the succeeded counter"))
	}
	if s.CompletionTime != nil && o.CompletionTime != nil && !s.CompletionTime.Equal(o.CompletionTime) {
		cp := p.child("completionTime")
		v.add(field.Invalid(cp.build(), s.CompletionTime, "field is immutable"))
	}
	if checks.startTimeUpdate && o.StartTime != nil && !timesEqual(o.StartTime, s.StartTime) && (j.Spec.Suspend == nil || !*j.Spec.Suspend) {
		sp := p.child("startTime")
		v.add(field.Invalid(sp.build(), s.StartTime, "field is immutable for unsuspended job once set"))
	}
	if oc.criteriaMet && !nc.criteriaMet {
		v.conditionsError(p, "cannot disable the SuccessCriteriaMet=True condition")
	}
	if oc.complete && !oc.criteriaMet && nc.criteriaMet {
		v.conditionsError(p, "cannot set SuccessCriteriaMet=True for Job already has Complete=true conditions")
	}
}
