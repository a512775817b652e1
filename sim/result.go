package sim

import (
	"time"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/policy"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// Input is what one sync of a Job reads.
type Input struct {
	// Job is the Job as stored, with its status. Sync defaults a copy of it, as a stored Job
	// is defaulted, and does not modify it.
	Job *job.Job
	// Pods are the pods of the controller's cache, in the order the cache lists them: the
	// Job's pods (those whose controller reference names it) and, for adoption, the pods of
	// its namespace without a controller. Other pods are passed over. Sync does not modify
	// them.
	Pods []*policy.Pod
	// Now is the controller's clock.
	Now time.Time
	// Backoff is the controller's in-memory record of the Job's pod failures; the zero value
	// is no record, as after a controller restart.
	Backoff Backoff
	// Name names a created pod as the API server does from its generateName; nil names them
	// <generateName><n>, n counting from 00001 for each generateName.
	Name func(generateName string) string
}

// Backoff is the Job controller's in-memory record of a Job's pod failures, from which it
// delays the pods that replace failed ones.
type Backoff struct {
	// FailuresAfterLastSuccess counts the pod failures since the last pod success.
	FailuresAfterLastSuccess int32
	// LastFailureTime is when the last of those failures happened; nil when there is none.
	LastFailureTime *time.Time
}

// Result is what one sync did. The pods it names are named as in the input.
type Result struct {
	// Status is the Job's status as stored after the sync: as last written by an accepted
	// write, or the stored status when nothing was written.
	Status job.JobStatus
	// Writes are the sync's status writes, in order, accepted or rejected.
	Writes []Write
	// Created are the pods the sync asked the API server to create.
	Created []CreatedPod
	// Deleted are the pods the sync deleted, in the order it deleted them.
	Deleted []string
	// FinalizersRemoved are the pods patched to drop the batch.kubernetes.io/job-tracking
	// finalizer, released pods included.
	FinalizersRemoved []string
	// Adopted are pods without a controller that the sync made the Job's.
	Adopted []string
	// Released are pods controlled by the Job whose labels no longer match its selector: the
	// sync dropped the controller reference and the finalizer.
	Released []string
	// RequeueAfter are the delays after which the sync asked to be run again, in the order
	// asked: the time left until activeDeadlineSeconds passes, the time left in a pod
	// failure backoff (at least a second).
	RequeueAfter []time.Duration
	// Backoff is the in-memory failure record after the sync.
	Backoff Backoff
	// Events are the events the controller recorded, in the order it recorded them.
	Events []Event
	// Err is the error the sync ended with, worded as the controller words it; the
	// controller retries a failed sync.
	Err error
}

// Write is one status write of a sync.
type Write struct {
	// Status is the status the controller sent.
	Status job.JobStatus
	// Rejected holds the validation errors when the API server refused the write; nil when
	// it accepted it.
	Rejected field.ErrorList
}

// Accepted reports whether the API server stored the write.
func (w Write) Accepted() bool { return w.Rejected == nil }

// CreatedPod is a pod the sync asked to create: the Job's pod template with what the
// controller adds.
type CreatedPod struct {
	// Name is the name the API server gave the pod (Input.Name).
	Name string
	// Index is the completion index of a pod of an Indexed Job, -1 otherwise.
	Index int
	// GenerateName is the prefix of the name the API server generates.
	GenerateName string
	// Template is the pod as sent: the Job's template with its labels, annotations,
	// finalizers, hostname and, for Indexed Jobs, the JOB_COMPLETION_INDEX variable.
	Template job.PodTemplateSpec
}

// Event is an event the controller recorded about the Job or one of its pods.
type Event struct {
	// Type is Normal or Warning.
	Type string
	// Reason is a short machine-readable word, such as SuccessfulCreate or Completed.
	Reason string
	// Message is the text, word for word.
	Message string
}

// The types of events.
const (
	EventNormal  = "Normal"
	EventWarning = "Warning"
)
