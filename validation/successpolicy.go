package validation

import (
	"errors"
	"fmt"

	"github.com/jobkit/jobkit/indexes"
	"github.com/jobkit/jobkit/job"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// Limits of a success policy.
const (
	MaxSuccessPolicyRules     = 20
	MaxSucceededIndexesLength = 64 * 1024
)

// successPolicy checks spec.successPolicy: only for Indexed
// Jobs, then 1 to 20 rules, each checked.
func (v *validator) successPolicy(s *job.JobSpec, p *path) {
	sp := p.child("successPolicy")
	if s.CompletionMode == nil || *s.CompletionMode != job.IndexedCompletion {
		v.add(field.Invalid(sp.build(), *s.SuccessPolicy, "requires indexed completion mode"))
		return
	}
	rp := sp.child("rules")
	rules := s.SuccessPolicy.Rules
	switch {
	case len(rules) == 0:
		v.add(field.Required(rp.build(), "at least one rules must be specified when the successPolicy is specified"))
	case len(rules) > MaxSuccessPolicyRules:
		v.add(field.TooMany(rp.build(), len(rules), MaxSuccessPolicyRules))
	}
	for i := range rules {
		ip := rp.at(i)
		v.successPolicyRule(&rules[i], s.Completions, &ip)
	}
}

// successPolicyRule checks one rule (SR1–SR3). The API server dereferences completions
// here and fails with an internal error when they are unset; jobkit skips the checks that
// need them instead, the missing completions being reported as Required already.
func (v *validator) successPolicyRule(r *job.SuccessPolicyRule, completions *int32, p *path) {
	if r.SucceededIndexes == nil && r.SucceededCount == nil {
		v.add(field.Required(p.build(), "at least one of succeededCount or succeededIndexes must be specified"))
	}
	total := 0
	if r.SucceededIndexes != nil {
		total = v.succeededIndexes(*r.SucceededIndexes, completions, p)
	}
	if r.SucceededCount == nil {
		return
	}
	count := *r.SucceededCount
	nonNegative(v, r.SucceededCount, p, "succeededCount")
	if completions == nil {
		return
	}
	if count > *completions {
		c := p.child("succeededCount")
		v.add(field.Invalid(c.build(), count, fmt.Sprintf("must be less than or equal to %d (the number of specified completions)", *completions)))
	}
	if r.SucceededIndexes != nil && int(count) > total {
		c := p.child("succeededCount")
		v.add(field.Invalid(c.build(), count, fmt.Sprintf("must be less than or equal to %d (the number of indexes in the specified succeededIndexes field)", total)))
	}
}

// succeededIndexes checks a rule's index list — its length, and its format against
// completions — and returns how many indexes it names (0 when it is invalid).
func (v *validator) succeededIndexes(text string, completions *int32, p *path) int {
	ip := p.child("succeededIndexes")
	if len(text) > MaxSucceededIndexesLength {
		v.add(field.TooLong(ip.build(), "", MaxSucceededIndexesLength))
	}
	if completions == nil {
		return 0
	}
	n, err := indexes.Validate(text, int(*completions))
	if err != nil {
		v.add(field.Invalid(ip.build(), text, "error parsing succeededIndexes: "+reason(err)))
		return 0
	}
	return n
}

// reason words an index list error as the API server does.
func reason(err error) string {
	var pe *indexes.ParseError
	if errors.As(err, &pe) {
		return pe.Reason()
	}
	return err.Error()
}
