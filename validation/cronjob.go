package validation

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/jobkit/jobkit/internal/cron"
	"github.com/jobkit/jobkit/job"
	apivalidation "k8s.io/apimachinery/pkg/api/validation"
	"k8s.io/apimachinery/pkg/util/validation"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// MaxCronJobNameLength is the longest name a CronJob may be created with: its Jobs are
// named after it with an 11-character suffix, and Job names are at most 63 characters.
const MaxCronJobNameLength = 52

// ValidateCronJob validates a CronJob being created, as the API server does after
// job.SetCronJobDefaults and job.PrepareCronJobForCreate: its metadata (the name a DNS
// subdomain of at most 52 characters), the schedule (the cron format, no TZ in it), the
// time zone (an IANA name the process's time zone database has), startingDeadlineSeconds,
// the concurrency policy, the Job template as ValidateJobTemplateSpec checks it, and the
// history limits. A nil c gives an internal error naming it.
func ValidateCronJob(c *job.CronJob, opts Options) field.ErrorList {
	if c == nil {
		return nilArgument("c", "CronJob")
	}
	if errs := opts.check(); errs != nil {
		return errs
	}
	errs := apivalidation.ValidateObjectMeta(&c.ObjectMeta, true, apivalidation.NameIsDNSSubdomain, field.NewPath("metadata"))
	errs = append(errs, cronJobSpec(&c.Spec, field.NewPath("spec"), opts)...)
	if len(c.Name) > MaxCronJobNameLength {
		errs = append(errs, field.Invalid(field.NewPath("metadata", "name"), c.Name, fmt.Sprintf("must be no more than %d characters", MaxCronJobNameLength)))
	}
	return dedupe(errs)
}

// CronJobWarnings returns the warnings the API server sends with an accepted create of c:
// a name that is not a DNS label, and the warnings of its Job template's spec (see
// Warnings). A nil c has none.
func CronJobWarnings(c *job.CronJob) []string {
	if c == nil {
		return nil
	}
	var warnings []string
	if msgs := validation.IsDNS1123Label(c.Name); len(msgs) != 0 {
		warnings = append(warnings, fmt.Sprintf("metadata.name: this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: %v", msgs))
	}
	return append(warnings, specWarnings(&c.Spec.JobTemplate.Spec, field.NewPath("spec", "jobTemplate", "spec"))...)
}

func cronJobSpec(s *job.CronJobSpec, p *field.Path, opts Options) field.ErrorList {
	var errs field.ErrorList
	if s.Schedule == "" {
		errs = append(errs, field.Required(p.Child("schedule"), ""))
	} else {
		errs = append(errs, scheduleFormat(s.Schedule, s.TimeZone, p.Child("schedule"))...)
	}
	if d := s.StartingDeadlineSeconds; d != nil && *d < 0 {
		errs = append(errs, field.Invalid(p.Child("startingDeadlineSeconds"), *d, apivalidation.IsNegativeErrorMsg).WithOrigin("minimum"))
	}
	errs = append(errs, timeZone(s.TimeZone, p.Child("timeZone"))...)
	cp := p.Child("concurrencyPolicy")
	switch s.ConcurrencyPolicy {
	case job.AllowConcurrent, job.ForbidConcurrent, job.ReplaceConcurrent:
	case "":
		errs = append(errs, field.Required(cp, ""))
	default:
		errs = append(errs, field.NotSupported(cp, s.ConcurrencyPolicy, []job.ConcurrencyPolicy{job.AllowConcurrent, job.ForbidConcurrent, job.ReplaceConcurrent}))
	}
	errs = append(errs, ValidateJobTemplateSpec(&s.JobTemplate, p.Child("jobTemplate"), opts)...)
	for _, limit := range []struct {
		name  string
		value *int32
	}{{"successfulJobsHistoryLimit", s.SuccessfulJobsHistoryLimit}, {"failedJobsHistoryLimit", s.FailedJobsHistoryLimit}} {
		if limit.value != nil && *limit.value < 0 {
			errs = append(errs, field.Invalid(p.Child(limit.name), int64(*limit.value), apivalidation.IsNegativeErrorMsg).WithOrigin("minimum"))
		}
	}
	return errs
}

// scheduleFormat checks a create's schedule: the cron format, and no TZ= or CRON_TZ= in it
// (the timeZone field says it).
func scheduleFormat(schedule string, tz *string, p *field.Path) field.ErrorList {
	var errs field.ErrorList
	if err := cron.Check(schedule); err != nil {
		errs = append(errs, field.Invalid(p, schedule, err.Error()))
	}
	if strings.Contains(schedule, "TZ") {
		errs = append(errs, field.Invalid(p, schedule, "cannot use TZ or CRON_TZ in schedule, use timeZone field instead"))
	}
	return errs
}

// timeZoneComponent is what each /-separated part of a time zone name may be: IANA's
// characters, digits and + for legacy names, at most 14 of them.
var timeZoneComponent = regexp.MustCompile(`^[A-Za-z.\-_0-9+]{1,14}$`)

// timeZone checks a time zone: non-empty, IANA-shaped, not Local, and known to the
// process's time zone database (the API server's is the one its binary embeds).
func timeZone(tz *string, p *field.Path) field.ErrorList {
	if tz == nil {
		return nil
	}
	if *tz == "" {
		return field.ErrorList{field.Invalid(p, tz, "timeZone must be nil or non-empty string")}
	}
	for part := range strings.SplitSeq(*tz, "/") {
		if part == "." || part == ".." || strings.HasPrefix(part, "-") || !timeZoneComponent.MatchString(part) {
			return field.ErrorList{field.Invalid(p, tz, "unknown time zone "+*tz)}
		}
	}
	var errs field.ErrorList
	if strings.EqualFold(*tz, "Local") {
		errs = append(errs, field.Invalid(p, tz, "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones"))
	}
	if _, err := time.LoadLocation(*tz); err != nil {
		errs = append(errs, field.Invalid(p, tz, err.Error()))
	}
	return errs
}
