package policy

import (
	"github.com/jobkit/jobkit/indexes"
	"github.com/jobkit/jobkit/job"
)

// SucceededBy reports which success policy rule, if any, the succeeded indexes of an
// Indexed Job meet, as the Job controller decides it: rules in order, the first met decides, and
// none is met while no index has succeeded. A rule with succeededIndexes — read as the
// controller reads it, with the current completions — is met when all of its indexes, or
// succeededCount of them, have succeeded; an unreadable or empty list skips the rule. A
// rule with only succeededCount is met when that many indexes have succeeded.
func SucceededBy(sp *job.SuccessPolicy, completions int32, succeeded indexes.Set) (rule int, ok bool) {
	if sp == nil || succeeded.IsEmpty() {
		return -1, false
	}
	for i := range sp.Rules {
		if ruleMet(&sp.Rules[i], int(completions), succeeded) {
			return i, true
		}
	}
	return -1, false
}

// ruleMet evaluates one success policy rule.
func ruleMet(r *job.SuccessPolicyRule, completions int, succeeded indexes.Set) bool {
	if r.SucceededIndexes == nil {
		return r.SucceededCount != nil && succeeded.Len() >= int(*r.SucceededCount)
	}
	want := indexes.ParseTolerant(*r.SucceededIndexes, completions)
	if want.IsEmpty() {
		return false
	}
	have := want.IntersectLen(succeeded)
	return have == want.Len() || r.SucceededCount != nil && have >= int(*r.SucceededCount)
}

// SuccessPolicyMessage is the message of the SuccessCriteriaMet condition the controller
// adds when rule i is met.
func SuccessPolicyMessage(rule int) string {
	return "Matched rules at index " + itoa(rule)
}
