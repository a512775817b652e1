package conformance

import (
	"encoding/json"
	"testing"
)

// ValidateInput is the input of a case of validate.jsonl: a create, update or status update
// request.
type ValidateInput struct {
	ID     string          `json:"id"`
	Op     string          `json:"op"` // "create", "update" or "status"
	Object json.RawMessage `json:"object"`
	Old    json.RawMessage `json:"old"`
}

// ValidateExpect is the API server's answer to a ValidateInput.
type ValidateExpect struct {
	ID             string          `json:"id"`
	Code           int             `json:"code"`
	Errors         []Error         `json:"errors"`
	RequestError   string          `json:"requestError"`
	Panic          string          `json:"panic"`
	Defaulted      json.RawMessage `json:"defaulted"`
	Prepared       json.RawMessage `json:"prepared"`
	Warnings       []string        `json:"warnings"`
	DecodeWarnings []string        `json:"decodeWarnings"`
}

// Error is one expected validation error.
type Error struct {
	Type    string `json:"type"` // a StatusCause type, such as FieldValueInvalid
	Field   string `json:"field"`
	Detail  string `json:"detail"`
	Origin  string `json:"origin"`
	Message string `json:"message"`
	// MessageTruncated marks a message the judge cut (a long value in it).
	MessageTruncated bool `json:"messageTruncated"`
	PodTemplate      bool `json:"podTemplate"`
}

// ValidateCase is a case of validate.jsonl or of realworld/validate.jsonl.
type ValidateCase = Case[ValidateInput, ValidateExpect]

// ValidateCases loads conformance/validate.jsonl.
func ValidateCases(t testing.TB) []ValidateCase {
	return Load[ValidateInput, ValidateExpect](t, "conformance/validate.jsonl")
}

// RealWorld2Cases loads realworld/validate-2.jsonl.
func RealWorld2Cases(t testing.TB) []ValidateCase {
	return Load[ValidateInput, ValidateExpect](t, "realworld/validate-2.jsonl")
}

// RealWorldCases loads realworld/validate.jsonl.
func RealWorldCases(t testing.TB) []ValidateCase {
	return Load[ValidateInput, ValidateExpect](t, "realworld/validate.jsonl")
}
