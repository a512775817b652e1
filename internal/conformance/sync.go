package conformance

import (
	"encoding/json"
	"testing"
)

// SyncInput is one sync of a Job: the Job as stored, the pods in the controller's cache, the
// time and the controller's in-memory failure record.
type SyncInput struct {
	ID      string            `json:"id"`
	Job     json.RawMessage   `json:"job"`
	Pods    []json.RawMessage `json:"pods"`
	Now     string            `json:"now"`
	Backoff *Backoff          `json:"backoff"`
}

// Backoff is the controller's in-memory record of a Job's pod failures.
type Backoff struct {
	FailuresAfterLastSuccess int32   `json:"failuresAfterLastSuccess"`
	LastFailureTime          *string `json:"lastFailureTime,omitempty"`
}

// SyncExpect is what the Job controller did in the sync.
type SyncExpect struct {
	ID                string            `json:"id"`
	Status            json.RawMessage   `json:"status"`
	StatusUpdates     int               `json:"statusUpdates"`
	InterimStatuses   []json.RawMessage `json:"interimStatuses"`
	StatusRejected    []Error           `json:"statusRejected"`
	PodsCreated       int               `json:"podsCreated"`
	CreatedIndexes    []int             `json:"createdIndexes"`
	CreatedPods       []json.RawMessage `json:"createdPods"`
	PodsDeleted       []string          `json:"podsDeleted"`
	FinalizersRemoved []string          `json:"finalizersRemoved"`
	PodsAdopted       []string          `json:"podsAdopted"`
	PodsReleased      []string          `json:"podsReleased"`
	RequeueAfterMs    []int64           `json:"requeueAfterMs"`
	Backoff           *Backoff          `json:"backoff"`
	Events            []string          `json:"events"`
	Error             string            `json:"error"`
	Panic             string            `json:"panic"`
	InputError        string            `json:"inputError"`
}

// SyncCase is a case of sync.jsonl.
type SyncCase = Case[SyncInput, SyncExpect]

// SyncCases loads conformance/sync.jsonl.
func SyncCases(t testing.TB) []SyncCase {
	return Load[SyncInput, SyncExpect](t, "conformance/sync.jsonl")
}

// CorpusSync loads the corpus's sync cases.
func CorpusSync(t testing.TB) []SyncCase {
	return LoadCorpus[SyncInput, SyncExpect](t, "sync.jsonl.gz")
}
