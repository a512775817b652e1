package validation

import (
	"github.com/jobkit/jobkit/job"
	apivalidation "k8s.io/apimachinery/pkg/api/validation"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// probes checks a container's lifecycle hooks and probes: one valid handler each,
// timings not negative, a success threshold of 1 for liveness and startup probes, no grace
// period for readiness probes.
func (v *validator) probes(c *job.Container, p *path) {
	if c.Lifecycle != nil {
		lp := p.child("lifecycle")
		v.lifecycle(c.Lifecycle, &lp)
	}
	v.probe(c.LivenessProbe, p, "livenessProbe")
	v.probe(c.ReadinessProbe, p, "readinessProbe")
	v.probe(c.StartupProbe, p, "startupProbe")
}

func (v *validator) probe(pr *job.Probe, p *path, member string) {
	if pr == nil {
		return
	}
	pp := p.child(member)
	h := &pr.ProbeHandler
	v.handler(handlers{exec: h.Exec, httpGet: h.HTTPGet, tcpSocket: h.TCPSocket, grpc: h.GRPC}, &pp)
	for _, t := range [...]struct {
		name  string
		value int32
	}{
		{"initialDelaySeconds", pr.InitialDelaySeconds}, {"timeoutSeconds", pr.TimeoutSeconds},
		{"periodSeconds", pr.PeriodSeconds}, {"successThreshold", pr.SuccessThreshold},
		{"failureThreshold", pr.FailureThreshold},
	} {
		if t.value < 0 {
			tp := pp.child(t.name)
			v.add(field.Invalid(tp.build(), int64(t.value), apivalidation.IsNegativeErrorMsg).WithOrigin("minimum"))
		}
	}
	grace := pr.TerminationGracePeriodSeconds
	if grace != nil && *grace <= 0 {
		gp := pp.child("terminationGracePeriodSeconds")
		v.add(field.Invalid(gp.build(), *grace, "must be greater than 0"))
	}
	switch {
	case member != "readinessProbe" && pr.SuccessThreshold != 0 && pr.SuccessThreshold != 1: // 0 is defaulted to 1
		sp := pp.child("successThreshold")
		v.add(field.Invalid(sp.build(), pr.SuccessThreshold, "must be 1"))
	case member == "readinessProbe" && grace != nil:
		gp := pp.child("terminationGracePeriodSeconds")
		v.add(field.Invalid(gp.build(), grace, "must not be set for readinessProbes"))
	}
}

// probesOfInitContainer checks the probes of an init container: allowed, and checked, only
// on sidecars (restartPolicy Always).
func (v *validator) probesOfInitContainer(c *job.Container, p *path) {
	if c.RestartPolicy != nil && *c.RestartPolicy == job.ContainerRestartPolicyAlways {
		v.probes(c, p)
		return
	}
	for _, pr := range [...]struct {
		name string
		set  bool
	}{
		{"lifecycle", c.Lifecycle != nil}, {"livenessProbe", c.LivenessProbe != nil},
		{"readinessProbe", c.ReadinessProbe != nil}, {"startupProbe", c.StartupProbe != nil},
	} {
		if pr.set {
			mp := p.child(pr.name)
			v.add(field.Forbidden(mp.build(), "may not be set for init containers without restartPolicy=Always"))
		}
	}
}
