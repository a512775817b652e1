package sim

import (
	"strconv"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/validation"
)

// apiServer is the API server a sync writes the Job's status to: it holds the Job as stored
// and checks each status write against it, as the status endpoint does.
type apiServer struct {
	stored *job.Job
}

// updateStatus handles a PUT of the Job's /status with the controller's copy j: prepared and
// validated against the stored Job, then stored under a new resource version. The write is
// kept in res either way. It returns a copy of the stored Job, for the controller to go on
// with, or the API server's error.
func (a *apiServer) updateStatus(j *job.Job, res *Result) (*job.Job, error) {
	next := j.DeepCopy()
	job.PrepareForStatusUpdate(next, a.stored)
	write := Write{Status: *j.Status.DeepCopy()}
	if errs := validation.ValidateJobStatusUpdate(next, a.stored, validation.Options{}); len(errs) > 0 {
		write.Rejected = errs
		res.Writes = append(res.Writes, write)
		return nil, validation.InvalidError(a.stored.Name, errs)
	}
	if rv, err := strconv.Atoi(a.stored.ResourceVersion); err == nil {
		next.ResourceVersion = strconv.Itoa(rv + 1)
	}
	a.stored = next
	res.Writes = append(res.Writes, write)
	return next.DeepCopy(), nil
}
