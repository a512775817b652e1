package oracle

import "encoding/json"

// Case is one line of a case file: the input and the judged answer.
type Case[I, E any] struct {
	Input  I `json:"input"`
	Expect E `json:"expect"`
}

// ValidateInput is a create, update or status update request of a Job.
type ValidateInput struct {
	ID     string          `json:"id"`
	Op     string          `json:"op"` // "create", "update" or "status"
	Object json.RawMessage `json:"object"`
	Old    json.RawMessage `json:"old,omitempty"`
}

// ValidateExpect is the API server's answer to a ValidateInput.
type ValidateExpect struct {
	ID             string          `json:"id"`
	Errors         []Error         `json:"errors"`
	RequestError   string          `json:"requestError,omitempty"`
	Code           int             `json:"code,omitempty"`
	Panic          string          `json:"panic,omitempty"`
	Defaulted      json.RawMessage `json:"defaulted,omitempty"`
	Prepared       json.RawMessage `json:"prepared,omitempty"`
	Warnings       []string        `json:"warnings,omitempty"`
	DecodeWarnings []string        `json:"decodeWarnings,omitempty"`
}

// Error is one validation error as the API server reports it in a Status cause.
type Error struct {
	Type             string `json:"type"`
	Field            string `json:"field"`
	Detail           string `json:"detail"`
	Origin           string `json:"origin,omitempty"`
	Message          string `json:"message"`
	MessageTruncated bool   `json:"messageTruncated,omitempty"`
	PodTemplate      bool   `json:"podTemplate,omitempty"`
}

// MatchInput is a Job and one of its failed pods.
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
	Error           string  `json:"error,omitempty"`
	Panic           string  `json:"panic,omitempty"`
}

// IndexesInput is an index string and what to do with it.
type IndexesInput struct {
	ID          string  `json:"id"`
	Text        *string `json:"text,omitempty"`
	Completions *int    `json:"completions,omitempty"`
	Indexes     []int   `json:"indexes,omitempty"`
	Failed      *string `json:"failed,omitempty"`
}

// IndexesExpect is how the API server and the Job controller read an IndexesInput.
type IndexesExpect struct {
	ID              string   `json:"id"`
	Intervals       [][2]int `json:"intervals,omitzero"`
	Formatted       *string  `json:"formatted,omitempty"`
	Total           *int     `json:"total,omitempty"`
	Valid           *bool    `json:"valid,omitempty"`
	ValidError      string   `json:"validError,omitempty"`
	ValidTotal      *int     `json:"validTotal,omitempty"`
	OverlapError    *string  `json:"overlapError,omitempty"`
	Merged          *string  `json:"merged,omitempty"`
	MergedIntervals [][2]int `json:"mergedIntervals,omitzero"`
	MergedTotal     *int     `json:"mergedTotal,omitempty"`
}

// SyncInput is a Job as stored, its pods as the controller's cache lists them, the time, and
// the controller's in-memory failure record.
type SyncInput struct {
	ID      string            `json:"id"`
	Job     json.RawMessage   `json:"job"`
	Pods    []json.RawMessage `json:"pods"`
	Now     string            `json:"now"`
	Backoff *Backoff          `json:"backoff,omitempty"`
}

// Backoff is the controller's in-memory record of a Job's pod failures.
type Backoff struct {
	FailuresAfterLastSuccess int32   `json:"failuresAfterLastSuccess"`
	LastFailureTime          *string `json:"lastFailureTime,omitempty"`
}

// SyncExpect is what one sync of the Job controller did.
type SyncExpect struct {
	ID                string            `json:"id"`
	Status            json.RawMessage   `json:"status,omitempty"`
	StatusUpdates     *int              `json:"statusUpdates,omitempty"`
	InterimStatuses   []json.RawMessage `json:"interimStatuses,omitempty"`
	StatusRejected    []Error           `json:"statusRejected,omitempty"`
	PodsCreated       *int              `json:"podsCreated,omitempty"`
	CreatedIndexes    []int             `json:"createdIndexes,omitzero"`
	CreatedPods       []json.RawMessage `json:"createdPods,omitempty"`
	PodsDeleted       []string          `json:"podsDeleted,omitzero"`
	FinalizersRemoved []string          `json:"finalizersRemoved,omitzero"`
	PodsAdopted       []string          `json:"podsAdopted,omitempty"`
	PodsReleased      []string          `json:"podsReleased,omitempty"`
	RequeueAfterMs    []int64           `json:"requeueAfterMs,omitempty"`
	Backoff           *Backoff          `json:"backoff,omitempty"`
	Events            []string          `json:"events,omitempty"`
	Error             string            `json:"error,omitempty"`
	Panic             string            `json:"panic,omitempty"`
	InputError        string            `json:"inputError,omitempty"`
}
