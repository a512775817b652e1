package validation

import (
	"github.com/jobkit/jobkit/internal/names"
	"github.com/jobkit/jobkit/job"
	apivalidation "k8s.io/apimachinery/pkg/api/validation"
	metav1validation "k8s.io/apimachinery/pkg/apis/meta/v1/validation"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// template runs the core pod template checks that jobkit reproduces (the package
// doc lists them), in the API server's order, at spec.template.
func (v *validator) template(t *job.PodTemplateSpec, p *path) {
	if !labelsOK(t.Labels) {
		lp := p.child("labels")
		v.addAll(metav1validation.ValidateLabels(t.Labels, lp.build()))
	}
	if !annotationsOK(t.Annotations) {
		ap := p.child("annotations")
		v.addAll(apivalidation.ValidateAnnotations(t.Annotations, ap.build()))
	}
	sp := p.child("spec")
	v.podSpec(&t.Spec, &sp)
	if len(t.Spec.EphemeralContainers) > 0 {
		ep := sp.child("ephemeralContainers")
		v.add(field.Forbidden(ep.build(), "ephemeral containers not allowed in pod template"))
	}
}

// containers checks the containers: at least one, each with a name that is a DNS label and
// unique, and an image.
func (v *validator) containers(cs []job.Container, vols volumeSet, p *path) {
	cp := p.child("containers")
	if len(cs) == 0 {
		v.add(field.Required(cp.build(), ""))
		return
	}
	seen := newRepeats(len(cs), containerName)
	for i := range cs {
		ip := cp.at(i)
		v.container(&cs[i], vols, &ip)
		if seen.before(cs, i) {
			np := ip.child("name")
			v.add(field.Duplicate(np.build(), cs[i].Name))
		}
		v.probes(&cs[i], &ip)
		v.containerRestart(&cs[i], &ip)
	}
	v.hostPortConflicts(cs, &cp)
}

// initContainers checks the init containers like the containers; a name is also a
// duplicate when a container has it.
func (v *validator) initContainers(pod *job.PodSpec, vols volumeSet, p *path) {
	cp := p.child("initContainers")
	var seen map[string]bool // for long lists; short ones are scanned
	if len(pod.Containers)+len(pod.InitContainers) > linearNames {
		seen = make(map[string]bool, len(pod.Containers)+len(pod.InitContainers))
		for i := range pod.Containers {
			seen[pod.Containers[i].Name] = true
		}
	}
	for i := range pod.InitContainers {
		c := &pod.InitContainers[i]
		ip := cp.at(i)
		v.container(c, vols, &ip)
		v.initContainerRestart(c, &ip)
		var dup bool
		if seen != nil {
			dup = seen[c.Name]
			seen[c.Name] = seen[c.Name] || c.Name != ""
		} else {
			dup = hasContainerNamed(pod.Containers, c.Name) || c.Name != "" && hasContainerNamed(pod.InitContainers[:i], c.Name)
		}
		if dup {
			np := ip.child("name")
			v.add(field.Duplicate(np.build(), c.Name))
		}
		v.hostPortConflicts(pod.InitContainers[i:i+1], &cp) // sic: as a list of one
		v.probesOfInitContainer(c, &ip)
		v.initResizeRestart(c, &ip)
	}
}

// container checks a container's name, image, ports, env, volume mounts, image pull
// policy, resources and security context.
func (v *validator) container(c *job.Container, vols volumeSet, p *path) {
	np := p.child("name")
	switch {
	case c.Name == "":
		v.add(field.Required(np.build(), ""))
	case !names.IsDNS1123Label(c.Name):
		v.dns1123Label(c.Name, &np)
	}
	if c.Image == "" {
		ip := p.child("image")
		v.add(field.Required(ip.build(), ""))
	}
	switch c.TerminationMessagePolicy {
	case "", job.TerminationMessageReadFile, job.TerminationMessageFallbackToLogsOnError: // "" is defaulted
	default:
		tp := p.child("terminationMessagePolicy")
		v.add(field.NotSupported(tp.build(), c.TerminationMessagePolicy,
			[]job.TerminationMessagePolicy{job.TerminationMessageReadFile, job.TerminationMessageFallbackToLogsOnError}))
	}
	v.ports(c.Ports, p)
	v.env(c.Env, p)
	v.envFrom(c.EnvFrom, p)
	v.volumeMounts(c, vols, p)
	v.volumeDevices(c, vols, p)
	pp := p.child("imagePullPolicy")
	v.pullPolicy(c.ImagePullPolicy, &pp)
	v.resources(&c.Resources, p)
	v.resizePolicy(c.ResizePolicy, p)
	v.securityContext(c.SecurityContext, p)
}

func containerName(c *job.Container) string { return c.Name }

// hasContainerNamed reports whether a container in cs is named name.
func hasContainerNamed(cs []job.Container, name string) bool {
	for i := range cs {
		if cs[i].Name == name {
			return true
		}
	}
	return false
}
