package validation

import (
	"fmt"
	"strings"

	"github.com/jobkit/jobkit/internal/names"
	"github.com/jobkit/jobkit/job"
	"k8s.io/apimachinery/pkg/util/validation"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// Limits of the Job API.
const (
	// MaxIndexedParallelism is the largest parallelism of an Indexed Job.
	MaxIndexedParallelism = 100_000
	// MaxFailedIndexesLimit is the largest maxFailedIndexes.
	MaxFailedIndexesLimit = 100_000
	// HighCompletions is the completions above which a Job with backoffLimitPerIndex needs
	// maxFailedIndexes and tighter limits.
	HighCompletions = 100_000
	// MaxParallelismForHighCompletions and MaxFailedIndexesForHighCompletions are those
	// tighter limits.
	MaxParallelismForHighCompletions   = 10_000
	MaxFailedIndexesForHighCompletions = 10_000
	// MaxManagedByLength is the longest spec.managedBy.
	MaxManagedByLength = 63
)

// spec checks the body of a JobSpec in the API server's order (validateJobSpec). old is the stored spec on update, nil otherwise.
func (v *validator) spec(s, old *job.JobSpec, p *path) {
	nonNegative(v, s.Parallelism, p, "parallelism")
	nonNegative(v, s.Completions, p, "completions")
	nonNegative(v, s.ActiveDeadlineSeconds, p, "activeDeadlineSeconds")
	nonNegative(v, s.BackoffLimit, p, "backoffLimit")
	nonNegative(v, s.TTLSecondsAfterFinished, p, "ttlSecondsAfterFinished")
	nonNegative(v, s.BackoffLimitPerIndex, p, "backoffLimitPerIndex")
	if s.MaxFailedIndexes != nil {
		nonNegative(v, s.MaxFailedIndexes, p, "maxFailedIndexes")
		if s.BackoffLimitPerIndex == nil {
			c := p.child("backoffLimitPerIndex")
			v.add(field.Required(c.build(), "when maxFailedIndexes is specified").WithOrigin("dependentRequired"))
		}
	}
	if s.ManagedBy != nil {
		v.managedBy(*s.ManagedBy, p)
	}
	v.completionMode(s, p)
	if s.PodFailurePolicy != nil {
		v.podFailurePolicy(s, p)
	}
	if s.SuccessPolicy != nil {
		v.successPolicy(s, p)
	}
	v.podReplacementPolicy(s, p)
	v.gangMinCount(s, p)
	v.schedulingPolicyAndDisruption(s, p)
	tp := p.child("template")
	v.allowIndivisibleHugePages = old != nil && indivisibleHugePages(&old.Template.Spec)
	v.allowInitResizeRestart = old != nil && initResizeRestarts(&old.Template.Spec)
	v.allowComparisonTolerations = v.opts.enabled(job.TaintTolerationComparisonOperators) ||
		old != nil && comparisonTolerations(&old.Template.Spec)
	v.template(&s.Template, &tp)
	v.restartPolicy(s, &tp)
}

// managedBy checks spec.managedBy: a domain-prefixed path of at most 63 characters.
func (v *validator) managedBy(value string, p *path) {
	if managedByOK(value) {
		return
	}
	c := p.child("managedBy")
	mp := c.build()
	v.addAll(validation.IsDomainPrefixedPath(mp, value))
	if len(value) > MaxManagedByLength {
		v.add(field.TooLong(mp, "", MaxManagedByLength))
	}
}

// managedByOK reports whether value surely passes the managedBy checks.
func managedByOK(value string) bool {
	host, path, ok := strings.Cut(value, "/")
	return ok && len(value) <= MaxManagedByLength && names.IsDNS1123Subdomain(host) && path != "" && httpPath(path)
}

// httpPath reports whether s is made of the characters a URL path may hold unescaped.
func httpPath(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("/-._~%!$&'()*+,;=:", c) >= 0) {
			return false
		}
	}
	return true
}

// completionMode checks the mode and the rules of each mode.
func (v *validator) completionMode(s *job.JobSpec, p *path) {
	mode := s.CompletionMode
	switch {
	case mode == nil || *mode == job.NonIndexedCompletion:
		v.nonIndexed(s, p)
	case *mode == job.IndexedCompletion:
		v.indexed(s, p)
	default:
		c := p.child("completionMode")
		v.add(field.NotSupported(c.build(), *mode, []job.CompletionMode{job.NonIndexedCompletion, job.IndexedCompletion}))
	}
}

// nonIndexed rejects the per-index fields on a NonIndexed Job.
func (v *validator) nonIndexed(s *job.JobSpec, p *path) {
	if s.BackoffLimitPerIndex != nil {
		c := p.child("backoffLimitPerIndex")
		v.add(field.Invalid(c.build(), *s.BackoffLimitPerIndex, "requires indexed completion mode"))
	}
	if s.MaxFailedIndexes != nil {
		c := p.child("maxFailedIndexes")
		v.add(field.Invalid(c.build(), *s.MaxFailedIndexes, "requires indexed completion mode"))
	}
}

// indexed checks the limits of an Indexed Job.
func (v *validator) indexed(s *job.JobSpec, p *path) {
	if s.Completions == nil {
		c := p.child("completions")
		v.add(field.Required(c.build(), "when completion mode is Indexed"))
	}
	if s.Parallelism != nil && *s.Parallelism > MaxIndexedParallelism {
		c := p.child("parallelism")
		v.add(field.Invalid(c.build(), *s.Parallelism, fmt.Sprintf("must be less than or equal to %d when completion mode is Indexed", MaxIndexedParallelism)))
	}
	if s.Completions != nil && s.MaxFailedIndexes != nil && *s.MaxFailedIndexes > *s.Completions {
		c := p.child("maxFailedIndexes")
		v.add(field.Invalid(c.build(), *s.MaxFailedIndexes, "must be less than or equal to completions"))
	}
	if s.MaxFailedIndexes != nil && *s.MaxFailedIndexes > MaxFailedIndexesLimit {
		c := p.child("maxFailedIndexes")
		v.add(field.Invalid(c.build(), *s.MaxFailedIndexes, fmt.Sprintf("must be less than or equal to %d", MaxFailedIndexesLimit)))
	}
	if s.Completions != nil && *s.Completions > HighCompletions && s.BackoffLimitPerIndex != nil {
		v.highCompletions(s, p)
	}
}

// highCompletions checks the limits of per-index Jobs with more than 10^5 completions (I5).
func (v *validator) highCompletions(s *job.JobSpec, p *path) {
	const why = "when completions are above %d and used with backoff limit per index"
	if s.MaxFailedIndexes == nil {
		c := p.child("maxFailedIndexes")
		v.add(field.Required(c.build(), fmt.Sprintf("must be specified when completions is above %d", HighCompletions)))
	}
	if s.Parallelism != nil && *s.Parallelism > MaxParallelismForHighCompletions {
		c := p.child("parallelism")
		v.add(field.Invalid(c.build(), *s.Parallelism, fmt.Sprintf("must be less than or equal to %d "+why, MaxParallelismForHighCompletions, HighCompletions)))
	}
	if s.MaxFailedIndexes != nil && *s.MaxFailedIndexes > MaxFailedIndexesForHighCompletions {
		c := p.child("maxFailedIndexes")
		v.add(field.Invalid(c.build(), *s.MaxFailedIndexes, fmt.Sprintf("must be less than or equal to %d "+why, MaxFailedIndexesForHighCompletions, HighCompletions)))
	}
}

// podReplacementPolicy checks spec.podReplacementPolicy: Failed is the only value
// allowed with a pod failure policy.
func (v *validator) podReplacementPolicy(s *job.JobSpec, p *path) {
	rp := s.PodReplacementPolicy
	if rp == nil {
		return
	}
	switch {
	case s.PodFailurePolicy != nil && *rp != job.Failed:
		c := p.child("podReplacementPolicy")
		v.add(field.NotSupported(c.build(), *rp, []job.PodReplacementPolicy{job.Failed}))
	case s.PodFailurePolicy == nil && *rp != job.Failed && *rp != job.TerminatingOrFailed:
		c := p.child("podReplacementPolicy")
		v.add(field.NotSupported(c.build(), *rp, []job.PodReplacementPolicy{job.Failed, job.TerminatingOrFailed}))
	}
}

// restartPolicy applies the Job's restart policy rule: OnFailure or Never,
// and Never with a pod failure policy.
func (v *validator) restartPolicy(s *job.JobSpec, tp *path) {
	rp := s.Template.Spec.RestartPolicy
	switch {
	case rp == job.RestartPolicyOnFailure && s.PodFailurePolicy == nil, rp == job.RestartPolicyNever:
		return
	}
	sp := tp.child("spec")
	c := sp.child("restartPolicy")
	switch rp {
	case "", job.RestartPolicyAlways:
		v.add(field.Required(c.build(), `valid values: "OnFailure", "Never"`))
	case job.RestartPolicyOnFailure:
		v.add(field.Invalid(c.build(), rp, `only "Never" is supported when podFailurePolicy is specified`))
	default:
		v.add(field.NotSupported(c.build(), rp, []job.RestartPolicy{job.RestartPolicyOnFailure, job.RestartPolicyNever}))
	}
}
