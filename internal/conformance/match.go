package conformance

import (
	"encoding/json"
	"testing"
)

// MatchInput is the input of a case of match.jsonl: a Job and one of its pods.
type MatchInput struct {
	ID  string          `json:"id"`
	Job json.RawMessage `json:"job"`
	Pod json.RawMessage `json:"pod"`
}

// MatchExpect is the Job controller's reading of a MatchInput.
type MatchExpect struct {
	ID              string  `json:"id"`
	RuleIndex       *int    `json:"ruleIndex"`
	Action          *string `json:"action"`
	CountFailed     bool    `json:"countFailed"`
	Message         *string `json:"message"`
	Reason          *string `json:"reason"`
	PodFailed       bool    `json:"podFailed"`
	IndexFailed     *bool   `json:"indexFailed"`
	CompletionIndex int     `json:"completionIndex"`
	JobValid        bool    `json:"jobValid"`
	Error           string  `json:"error"`
	Panic           string  `json:"panic"`
}

// MatchCase is a case of match.jsonl.
type MatchCase = Case[MatchInput, MatchExpect]

// MatchCases loads conformance/match.jsonl.
func MatchCases(t testing.TB) []MatchCase {
	return Load[MatchInput, MatchExpect](t, "conformance/match.jsonl")
}
