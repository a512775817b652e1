package job

import metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

// Kinds of the CronJob types.
const (
	CronJobKind     = "CronJob"
	CronJobListKind = "CronJobList"
)

// CronJob is a batch/v1 CronJob: a Job template run on a schedule. jobkit reads, defaults
// and validates CronJobs as the API server does when they are created; it does not run
// them.
//
// +k8s:deepcopy-gen=true
// +k8s:deepcopy-gen:interfaces=k8s.io/apimachinery/pkg/runtime.Object
type CronJob struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	// Spec is the schedule and the Job template.
	Spec CronJobSpec `json:"spec,omitempty"`
	// Status is the CronJob's observed state.
	Status CronJobStatus `json:"status,omitempty"`

	// Extra holds top-level members jobkit does not know.
	Extra Extra `json:"-"`
}

// CronJobList is a list of CronJobs.
//
// +k8s:deepcopy-gen=true
// +k8s:deepcopy-gen:interfaces=k8s.io/apimachinery/pkg/runtime.Object
type CronJobList struct {
	metav1.TypeMeta `json:",inline"`
	metav1.ListMeta `json:"metadata,omitempty"`

	// Items are the CronJobs.
	Items []CronJob `json:"items"`

	// Extra holds top-level members jobkit does not know.
	Extra Extra `json:"-"`
}

// CronJobSpec is when a CronJob runs and what.
//
// +k8s:deepcopy-gen=true
type CronJobSpec struct {
	// Schedule is the cron schedule: five fields, or a descriptor such as @hourly.
	Schedule string `json:"schedule"`
	// TimeZone is the IANA time zone the schedule is read in; the controller's when nil.
	TimeZone *string `json:"timeZone,omitempty"`
	// StartingDeadlineSeconds bounds how late a missed run may still start.
	StartingDeadlineSeconds *int64 `json:"startingDeadlineSeconds,omitempty"`
	// ConcurrencyPolicy is Allow (the default), Forbid or Replace.
	ConcurrencyPolicy ConcurrencyPolicy `json:"concurrencyPolicy,omitempty"`
	// Suspend stops new runs.
	Suspend *bool `json:"suspend,omitempty"`
	// JobTemplate is the Job each run creates.
	JobTemplate JobTemplateSpec `json:"jobTemplate"`
	// SuccessfulJobsHistoryLimit is how many finished successful Jobs are kept; 3 by
	// default.
	SuccessfulJobsHistoryLimit *int32 `json:"successfulJobsHistoryLimit,omitempty"`
	// FailedJobsHistoryLimit is how many failed Jobs are kept; 1 by default.
	FailedJobsHistoryLimit *int32 `json:"failedJobsHistoryLimit,omitempty"`

	// Extra holds members jobkit does not know.
	Extra Extra `json:"-"`
}

// CronJobStatus is what the CronJob controller observed.
//
// +k8s:deepcopy-gen=true
type CronJobStatus struct {
	// Active are the Jobs running.
	Active []ObjectReference `json:"active,omitempty"`
	// LastScheduleTime is when a Job was last scheduled.
	LastScheduleTime *metav1.Time `json:"lastScheduleTime,omitempty"`
	// LastSuccessfulTime is when a Job last completed.
	LastSuccessfulTime *metav1.Time `json:"lastSuccessfulTime,omitempty"`

	// Extra holds members jobkit does not know.
	Extra Extra `json:"-"`
}

// ConcurrencyPolicy says what a CronJob does when a run is due while the previous one is
// still running.
type ConcurrencyPolicy string

// The concurrency policies.
const (
	// AllowConcurrent runs Jobs concurrently; the default.
	AllowConcurrent ConcurrencyPolicy = "Allow"
	// ForbidConcurrent skips a run while the previous one runs.
	ForbidConcurrent ConcurrencyPolicy = "Forbid"
	// ReplaceConcurrent replaces the running Job with the new one.
	ReplaceConcurrent ConcurrencyPolicy = "Replace"
)
