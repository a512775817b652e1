package controller

import (
	"regexp"

	"github.com/jobkit/jobkit/job"
)

// A Group is a JobSet-like parent of child Jobs: it completes when every child completes,
// restarts its children when one fails in a way its restart rule accepts, and fails when one
// fails otherwise.
type Group struct {
	// RestartOn matches the message of a child's Failed condition that makes the group start
	// its children again, such as the message of a FailJob rule on a retryable exit code.
	RestartOn *regexp.Regexp
	// MaxRestarts is how many times the group restarts before it fails.
	MaxRestarts int
}

// Decision is what a Group does after looking at its children.
type Decision struct {
	Action string // "wait", "complete", "restart" or "fail"
	Why    string // the failed child's condition message, for restart and fail
}

// Reconcile decides from the children's statuses and the restarts so far.
func (g Group) Reconcile(children []*job.Job, restarts int) Decision {
	complete := 0
	for _, c := range children {
		for _, cond := range c.Status.Conditions {
			if cond.Status != job.ConditionTrue {
				continue
			}
			switch cond.Type {
			case job.JobFailed:
				if g.RestartOn != nil && g.RestartOn.MatchString(cond.Message) && restarts < g.MaxRestarts {
					return Decision{"restart", cond.Message}
				}
				return Decision{"fail", cond.Message}
			case job.JobComplete:
				complete++
			}
		}
	}
	if complete == len(children) {
		return Decision{Action: "complete"}
	}
	return Decision{Action: "wait"}
}
