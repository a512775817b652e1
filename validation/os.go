package validation

import (
	"fmt"

	"github.com/jobkit/jobkit/job"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// containerKinds are the pod's lists of containers, in the order the server visits them.
var containerKinds = [...]string{"initContainers", "containers", "ephemeralContainers"}

// containersOf returns the number of containers of a kind, and the container at an index.
func containersOf(s *job.PodSpec, kind string) (int, func(int) *job.Container) {
	switch kind {
	case "initContainers":
		return len(s.InitContainers), func(i int) *job.Container { return &s.InitContainers[i] }
	case "containers":
		return len(s.Containers), func(i int) *job.Container { return &s.Containers[i] }
	}
	return len(s.EphemeralContainers), func(i int) *job.Container { return ephemeralAsContainer(&s.EphemeralContainers[i]) }
}

// windowsHostProcess checks Windows host process containers: the pod's and a container's
// setting agree, all containers or none are host processes, and a host process pod is on
// the host network and allowed privilege.
func (v *validator) windowsHostProcess(s *job.PodSpec, p *path) {
	var podHostProcess *bool
	if sc := s.SecurityContext; sc != nil && sc.WindowsOptions != nil {
		podHostProcess = sc.WindowsOptions.HostProcess
	}
	containers, hostProcesses := 0, 0
	for _, kind := range containerKinds {
		n, at := containersOf(s, kind)
		lp := p.child(kind)
		for i := range n {
			cp := lp.at(i)
			containers++
			if v.hostProcessContainer(at(i), &cp, podHostProcess) {
				hostProcesses++
			}
		}
	}
	if hostProcesses == 0 {
		return
	}
	if hostProcesses != containers {
		v.add(field.Invalid(p.build(), "", "If pod contains any hostProcess containers then all containers must be HostProcess containers"))
	}
	if !s.HostNetwork {
		np := p.child("hostNetwork")
		v.add(field.Invalid(np.build(), s.HostNetwork, "hostNetwork must be true if pod contains any hostProcess containers"))
	}
	if v.opts.DenyPrivileged {
		v.add(field.Forbidden(p.build(), "hostProcess containers are disallowed by cluster policy"))
	}
}

// hostProcessContainer checks that a container's hostProcess agrees with the pod's, and
// reports whether the container is a host process.
func (v *validator) hostProcessContainer(c *job.Container, p *path, podHostProcess *bool) bool {
	var hp *bool
	if c.SecurityContext != nil && c.SecurityContext.WindowsOptions != nil {
		hp = c.SecurityContext.WindowsOptions.HostProcess
	}
	if podHostProcess != nil && hp != nil && *podHostProcess != *hp {
		sp := p.child("securityContext")
		wp := sp.child("windowsOptions")
		hpp := wp.child("hostProcess")
		v.add(field.Invalid(hpp.build(), *hp, fmt.Sprintf("pod hostProcess value must be identical if both are specified, was %v", *podHostProcess)))
	}
	return hp != nil && *hp || hp == nil && podHostProcess != nil && *podHostProcess
}

// os checks the pod's OS, when named: linux or windows, and then nothing set that the
// other OS has.
func (v *validator) os(s *job.PodSpec, p *path) {
	if s.OS == nil {
		return
	}
	op := p.child("os")
	switch s.OS.Name {
	case "":
		np := op.child("name")
		v.add(field.Required(np.build(), ""))
	case "linux":
		v.linuxOnly(s, p)
	case "windows":
		v.windowsOnly(s, p)
	default:
		v.add(field.NotSupported(op.build(), s.OS.Name, []job.OSName{"linux", "windows"}))
	}
}

// linuxOnly checks that a Linux pod sets no Windows options.
func (v *validator) linuxOnly(s *job.PodSpec, p *path) {
	if sc := s.SecurityContext; sc != nil && sc.WindowsOptions != nil {
		sp := p.child("securityContext")
		wp := sp.child("windowsOptions")
		v.add(field.Forbidden(wp.build(), "windows options cannot be set for a linux pod"))
	}
	for _, kind := range containerKinds {
		n, at := containersOf(s, kind)
		lp := p.child(kind)
		for i := range n {
			if sc := at(i).SecurityContext; sc != nil && sc.WindowsOptions != nil {
				cp := lp.at(i)
				sp := cp.child("securityContext")
				wp := sp.child("windowsOptions")
				v.add(field.Forbidden(wp.build(), "windows options cannot be set for a linux pod"))
			}
		}
	}
}

const notForWindows = "cannot be set for a windows pod"

// windowsOnly checks that a Windows pod sets none of what only Linux has.
func (v *validator) windowsOnly(s *job.PodSpec, p *path) {
	if sc := s.SecurityContext; sc != nil {
		sp := p.child("securityContext")
		v.forbidden(&sp, notForWindows,
			member{"appArmorProfile", sc.AppArmorProfile != nil}, member{"seLinuxOptions", sc.SELinuxOptions != nil},
			member{"seccompProfile", sc.SeccompProfile != nil}, member{"fsGroup", sc.FSGroup != nil},
			member{"fsGroupChangePolicy", sc.FSGroupChangePolicy != nil}, member{"sysctls", len(sc.Sysctls) > 0},
			member{"runAsUser", sc.RunAsUser != nil}, member{"runAsGroup", sc.RunAsGroup != nil},
			member{"supplementalGroups", sc.SupplementalGroups != nil}, member{"supplementalGroupsPolicy", sc.SupplementalGroupsPolicy != nil},
			member{"seLinuxChangePolicy", sc.SELinuxChangePolicy != nil})
	}
	v.forbidden(p, notForWindows, member{"hostUsers", s.HostUsers != nil}, member{"hostPID", s.HostPID},
		member{"hostIPC", s.HostIPC}, member{"shareProcessNamespace", s.ShareProcessNamespace != nil})
	for _, kind := range containerKinds {
		n, at := containersOf(s, kind)
		lp := p.child(kind)
		for i := range n {
			cp := lp.at(i)
			v.windowsContainer(at(i).SecurityContext, &cp)
		}
	}
}

// windowsContainer checks that a container of a Windows pod sets none of what only Linux
// has.
func (v *validator) windowsContainer(sc *job.SecurityContext, p *path) {
	if sc == nil {
		return
	}
	sp := p.child("securityContext")
	v.forbidden(&sp, notForWindows,
		member{"appArmorProfile", sc.AppArmorProfile != nil}, member{"seLinuxOptions", sc.SELinuxOptions != nil},
		member{"seccompProfile", sc.SeccompProfile != nil}, member{"capabilities", sc.Capabilities != nil},
		member{"readOnlyRootFilesystem", sc.ReadOnlyRootFilesystem != nil}, member{"privileged", sc.Privileged != nil},
		member{"allowPrivilegeEscalation", sc.AllowPrivilegeEscalation != nil}, member{"procMount", sc.ProcMount != nil},
		member{"runAsUser", sc.RunAsUser != nil}, member{"runAsGroup", sc.RunAsGroup != nil})
}

// A member of an object, and whether it is set.
type member struct {
	name string
	set  bool
}

// forbidden reports each member of p that is set.
func (v *validator) forbidden(p *path, detail string, members ...member) {
	for _, m := range members {
		if m.set {
			mp := p.child(m.name)
			v.add(field.Forbidden(mp.build(), detail))
		}
	}
}
