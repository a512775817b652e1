package job

import (
	"github.com/jobkit/jobkit/internal/jsonwire"
)

// This file reads and writes the CronJob types, as decode.go and encode.go do the Job's.

// UnmarshalJSON reads a CronJob, keeping unknown members in Extra. It replaces the whole
// CronJob.
func (c *CronJob) UnmarshalJSON(b []byte) error { return unmarshal(b, c.decode, c) }

// UnmarshalJSON reads a CronJobList, keeping unknown members in Extra.
func (l *CronJobList) UnmarshalJSON(b []byte) error { return unmarshal(b, l.decode, l) }

// MarshalJSON writes the CronJob as the API server does, followed by its Extra members.
func (c CronJob) MarshalJSON() ([]byte, error) { return marshal(c.encode) }

// MarshalJSON writes the CronJobList.
func (l CronJobList) MarshalJSON() ([]byte, error) { return marshal(l.encode) }

func (c *CronJob) decode(d *jsonwire.Decoder) {
	for ok := d.Object(); ok && d.Member(); {
		switch string(d.Key()) {
		case "apiVersion":
			d.String(&c.APIVersion)
		case "kind":
			d.String(&c.Kind)
		case "metadata":
			decodeForeign(d, &c.ObjectMeta, "object metadata")
		case "spec":
			c.Spec.decode(d)
		case "status":
			c.Status.decode(d)
		default:
			unknown(d, &c.Extra)
		}
	}
}

func (l *CronJobList) decode(d *jsonwire.Decoder) {
	for ok := d.Object(); ok && d.Member(); {
		switch string(d.Key()) {
		case "apiVersion":
			d.String(&l.APIVersion)
		case "kind":
			d.String(&l.Kind)
		case "metadata":
			decodeForeign(d, &l.ListMeta, "list metadata")
		case "items":
			jsonwire.Slice(d, &l.Items, elem((*CronJob).decode))
		default:
			unknown(d, &l.Extra)
		}
	}
}

func (s *CronJobSpec) decode(d *jsonwire.Decoder) {
	for ok := d.Object(); ok && d.Member(); {
		switch string(d.Key()) {
		case "schedule":
			d.String(&s.Schedule)
		case "timeZone":
			d.StringPtr(&s.TimeZone)
		case "startingDeadlineSeconds":
			d.Int64Ptr(&s.StartingDeadlineSeconds)
		case "concurrencyPolicy":
			jsonwire.Str(d, &s.ConcurrencyPolicy)
		case "suspend":
			d.BoolPtr(&s.Suspend)
		case "jobTemplate":
			s.JobTemplate.decode(d)
		case "successfulJobsHistoryLimit":
			d.Int32Ptr(&s.SuccessfulJobsHistoryLimit)
		case "failedJobsHistoryLimit":
			d.Int32Ptr(&s.FailedJobsHistoryLimit)
		default:
			unknown(d, &s.Extra)
		}
	}
}

func (s *CronJobStatus) decode(d *jsonwire.Decoder) {
	for ok := d.Object(); ok && d.Member(); {
		switch string(d.Key()) {
		case "active":
			jsonwire.Slice(d, &s.Active, elem((*ObjectReference).decode))
		case "lastScheduleTime":
			decodeTimePtr(d, &s.LastScheduleTime)
		case "lastSuccessfulTime":
			decodeTimePtr(d, &s.LastSuccessfulTime)
		default:
			unknown(d, &s.Extra)
		}
	}
}

func (c *CronJob) encode(e *jsonwire.Encoder) error {
	e.BeginObject()
	e.OptString("kind", c.Kind)
	e.OptString("apiVersion", c.APIVersion)
	e.Key("metadata")
	if err := e.Marshal(&c.ObjectMeta); err != nil {
		return err
	}
	e.Key("spec")
	if err := c.Spec.encode(e); err != nil {
		return err
	}
	e.Key("status")
	if err := c.Status.encode(e); err != nil {
		return err
	}
	e.Extra(c.Extra)
	e.EndObject()
	return nil
}

func (l *CronJobList) encode(e *jsonwire.Encoder) error {
	e.BeginObject()
	e.OptString("kind", l.Kind)
	e.OptString("apiVersion", l.APIVersion)
	e.Key("metadata")
	if err := e.Marshal(&l.ListMeta); err != nil {
		return err
	}
	e.Key("items")
	if l.Items == nil {
		e.Null()
	} else {
		e.BeginArray()
		for i := range l.Items {
			e.Elem()
			if err := l.Items[i].encode(e); err != nil {
				return err
			}
		}
		e.EndArray()
	}
	e.Extra(l.Extra)
	e.EndObject()
	return nil
}

func (s *CronJobSpec) encode(e *jsonwire.Encoder) error {
	e.BeginObject()
	e.Key("schedule")
	e.String(s.Schedule)
	e.OptStringPtr("timeZone", s.TimeZone)
	e.OptInt64Ptr("startingDeadlineSeconds", s.StartingDeadlineSeconds)
	e.OptString("concurrencyPolicy", string(s.ConcurrencyPolicy))
	e.OptBoolPtr("suspend", s.Suspend)
	e.Key("jobTemplate")
	if err := s.JobTemplate.encode(e); err != nil {
		return err
	}
	e.OptInt32Ptr("successfulJobsHistoryLimit", s.SuccessfulJobsHistoryLimit)
	e.OptInt32Ptr("failedJobsHistoryLimit", s.FailedJobsHistoryLimit)
	e.Extra(s.Extra)
	e.EndObject()
	return nil
}

func (s *CronJobStatus) encode(e *jsonwire.Encoder) error {
	e.BeginObject()
	if len(s.Active) > 0 {
		e.Key("active")
		writeSlice(e, s.Active, (*ObjectReference).encode)
	}
	if err := optTime(e, "lastScheduleTime", s.LastScheduleTime); err != nil {
		return err
	}
	if err := optTime(e, "lastSuccessfulTime", s.LastSuccessfulTime); err != nil {
		return err
	}
	e.Extra(s.Extra)
	e.EndObject()
	return nil
}
