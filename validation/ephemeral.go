package validation

import (
	"slices"
	"strings"

	"github.com/jobkit/jobkit/job"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// ephemeralContainers checks the pod's ephemeral containers as the server does before it
// refuses them in a template: each as a container, with a name unique across all
// containers, a target that is a container or init container, and none of the members an
// ephemeral container may not have.
func (v *validator) ephemeralContainers(s *job.PodSpec, vols volumeSet, p *path) {
	ep := p.child("ephemeralContainers")
	for i := range s.EphemeralContainers {
		ec := &s.EphemeralContainers[i]
		c := ephemeralAsContainer(ec)
		ip := ep.at(i)
		v.container(c, vols, &ip)
		if len(c.Image) != len(strings.TrimSpace(c.Image)) {
			mp := ip.child("image")
			v.add(field.Invalid(mp.build(), c.Image, "must not have leading or trailing whitespace"))
		}
		if hasContainerNamed(s.Containers, ec.Name) || hasContainerNamed(s.InitContainers, ec.Name) || slices.ContainsFunc(s.EphemeralContainers[:i], func(e job.EphemeralContainer) bool { return e.Name == ec.Name }) {
			np := ip.child("name")
			v.add(field.Duplicate(np.build(), ec.Name))
		}
		if t := ec.TargetContainerName; t != "" && !hasContainerNamed(s.Containers, t) && !hasContainerNamed(s.InitContainers, t) {
			tp := ip.child("targetContainerName")
			v.add(field.NotFound(tp.build(), t))
		}
		v.ephemeralForbidden(c, &ip)
	}
}

// ephemeralForbidden reports the members set that an ephemeral container may not have,
// and sub paths of its mounts.
func (v *validator) ephemeralForbidden(c *job.Container, p *path) {
	r := &c.Resources
	for _, m := range [...]struct {
		name string
		set  bool
	}{
		{"ports", c.Ports != nil}, {"resources", r.Limits != nil || r.Requests != nil || r.Claims != nil},
		{"resizePolicy", c.ResizePolicy != nil}, {"restartPolicy", c.RestartPolicy != nil},
		{"restartPolicyRules", c.RestartPolicyRules != nil}, {"livenessProbe", c.LivenessProbe != nil},
		{"readinessProbe", c.ReadinessProbe != nil}, {"startupProbe", c.StartupProbe != nil},
		{"lifecycle", c.Lifecycle != nil},
	} {
		if m.set {
			mp := p.child(m.name)
			v.add(field.Forbidden(mp.build(), "cannot be set for an Ephemeral Container"))
		}
	}
	mp := p.child("volumeMounts")
	for i := range c.VolumeMounts {
		ip := mp.at(i)
		if c.VolumeMounts[i].SubPath != "" {
			sp := ip.child("subPath")
			v.add(field.Forbidden(sp.build(), "cannot be set for an Ephemeral Container"))
		}
		if c.VolumeMounts[i].SubPathExpr != "" {
			sp := ip.child("subPathExpr")
			v.add(field.Forbidden(sp.build(), "cannot be set for an Ephemeral Container"))
		}
	}
}

// ephemeralAsContainer returns the container an ephemeral container is, member for member.
func ephemeralAsContainer(ec *job.EphemeralContainer) *job.Container {
	e := &ec.EphemeralContainerCommon
	return &job.Container{
		Name: e.Name, Image: e.Image, Command: e.Command, Args: e.Args, WorkingDir: e.WorkingDir,
		Ports: e.Ports, EnvFrom: e.EnvFrom, Env: e.Env, Resources: e.Resources, ResizePolicy: e.ResizePolicy,
		RestartPolicy: e.RestartPolicy, RestartPolicyRules: e.RestartPolicyRules, VolumeMounts: e.VolumeMounts,
		VolumeDevices: e.VolumeDevices, LivenessProbe: e.LivenessProbe, ReadinessProbe: e.ReadinessProbe,
		StartupProbe: e.StartupProbe, Lifecycle: e.Lifecycle, TerminationMessagePath: e.TerminationMessagePath,
		TerminationMessagePolicy: e.TerminationMessagePolicy, ImagePullPolicy: e.ImagePullPolicy,
		SecurityContext: e.SecurityContext, Stdin: e.Stdin, StdinOnce: e.StdinOnce, TTY: e.TTY,
	}
}
