package conformance

import "testing"

// IndexesInput is the input of a case of indexes.jsonl.
type IndexesInput struct {
	ID          string  `json:"id"`
	Text        *string `json:"text"`
	Completions *int    `json:"completions"`
	Indexes     []int   `json:"indexes"`
	Failed      *string `json:"failed"`
}

// IndexesExpect is the expected answer to an IndexesInput.
type IndexesExpect struct {
	ID              string   `json:"id"`
	Intervals       [][2]int `json:"intervals"`
	Formatted       string   `json:"formatted"`
	Total           int      `json:"total"`
	Valid           bool     `json:"valid"`
	ValidError      string   `json:"validError"`
	ValidTotal      int      `json:"validTotal"`
	OverlapError    *string  `json:"overlapError"`
	Merged          *string  `json:"merged"`
	MergedIntervals [][2]int `json:"mergedIntervals"`
	MergedTotal     int      `json:"mergedTotal"`
}

// IndexesCase is a case of indexes.jsonl.
type IndexesCase = Case[IndexesInput, IndexesExpect]

// IndexesCases loads conformance/indexes.jsonl.
func IndexesCases(t testing.TB) []IndexesCase {
	return Load[IndexesInput, IndexesExpect](t, "conformance/indexes.jsonl")
}
