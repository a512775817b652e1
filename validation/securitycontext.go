package validation

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/jobkit/jobkit/internal/names"
	"github.com/jobkit/jobkit/job"
	"k8s.io/apimachinery/pkg/util/validation"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// securityContext checks a container's security context: privileged only where the
// cluster allows it, user and group IDs in range, a known proc mount (Unmasked only
// without the host's user namespace), seccomp and AppArmor profiles, no privileged
// container or CAP_SYS_ADMIN that forbids privilege escalation, and Windows options.
func (v *validator) securityContext(sc *job.SecurityContext, p *path) {
	if sc == nil {
		return
	}
	sp := p.child("securityContext")
	privileged := sc.Privileged != nil && *sc.Privileged
	if privileged && v.opts.DenyPrivileged {
		pp := sp.child("privileged")
		v.add(field.Forbidden(pp.build(), "disallowed by cluster policy"))
	}
	v.id(sc.RunAsUser, &sp, "runAsUser")
	v.id(sc.RunAsGroup, &sp, "runAsGroup")
	if sc.ProcMount != nil {
		pp := sp.child("procMount")
		if m := *sc.ProcMount; m != "Default" && m != "Unmasked" {
			v.add(field.NotSupported(pp.build(), m, []job.ProcMountType{"Default", "Unmasked"}))
		}
		if v.hostUsers && *sc.ProcMount == "Unmasked" {
			v.add(field.Invalid(pp.build(), sc.ProcMount, "`hostUsers` must be false to use `Unmasked`"))
		}
	}
	v.seccompProfile(sc.SeccompProfile, &sp)
	if sc.AllowPrivilegeEscalation != nil && !*sc.AllowPrivilegeEscalation {
		if privileged {
			v.add(field.Invalid(sp.build(), sc, "cannot set `allowPrivilegeEscalation` to false and `privileged` to true"))
		}
		if sc.Capabilities != nil {
			for _, c := range sc.Capabilities.Add {
				if c == "CAP_SYS_ADMIN" {
					v.add(field.Invalid(sp.build(), sc, "cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN"))
				}
			}
		}
	}
	v.windowsOptions(sc.WindowsOptions, &sp)
	v.appArmorProfile(sc.AppArmorProfile, &sp)
}

// podSecurityContext checks the pod's security context: group and user IDs in range,
// sysctl names, and known policies and profiles.
func (v *validator) podSecurityContext(sc *job.PodSecurityContext, p *path) {
	if sc == nil {
		return
	}
	sp := p.child("securityContext")
	v.id(sc.FSGroup, &sp, "fsGroup")
	v.id(sc.RunAsUser, &sp, "runAsUser")
	v.id(sc.RunAsGroup, &sp, "runAsGroup")
	gp := sp.child("supplementalGroups")
	for i := range sc.SupplementalGroups {
		if g := sc.SupplementalGroups[i]; g < 0 || g > 1<<31-1 {
			ip := gp.at(i)
			v.add(field.Invalid(ip.build(), g, validation.InclusiveRangeError(0, 1<<31-1)))
		}
	}
	v.sysctls(sc.Sysctls, &sp)
	if pol := sc.FSGroupChangePolicy; pol != nil && *pol != "OnRootMismatch" && *pol != "Always" {
		fp := sp.child("fsGroupChangePolicy")
		v.add(field.NotSupported(fp.build(), pol, []job.PodFSGroupChangePolicy{"Always", "OnRootMismatch"}))
	}
	v.seccompProfile(sc.SeccompProfile, &sp)
	v.windowsOptions(sc.WindowsOptions, &sp)
	v.appArmorProfile(sc.AppArmorProfile, &sp)
	if pol := sc.SupplementalGroupsPolicy; pol != nil && *pol != "Merge" && *pol != "Strict" {
		gp := sp.child("supplementalGroupsPolicy")
		v.add(field.NotSupported(gp.build(), pol, []job.SupplementalGroupsPolicy{"Merge", "Strict"}))
	}
	if pol := sc.SELinuxChangePolicy; pol != nil && *pol != "MountOption" && *pol != "Recursive" {
		cp := sp.child("seLinuxChangePolicy")
		v.add(field.NotSupported(cp.build(), *pol, []job.PodSELinuxChangePolicy{"MountOption", "Recursive"}))
	}
}

var sysctlName = regexp.MustCompile(`^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$`)

// sysctls checks the pod's sysctls: each named, by a valid sysctl name, once.
func (v *validator) sysctls(sysctls []job.Sysctl, p *path) {
	sp := p.child("sysctls")
	for i := range sysctls {
		name := sysctls[i].Name
		ip := sp.at(i)
		np := ip.child("name")
		switch {
		case name == "":
			v.add(field.Required(np.build(), ""))
		case len(name) > 253 || !sysctlNameOK(name):
			v.add(field.Invalid(np.build(), name, fmt.Sprintf("must have at most %d characters and match regex %s", 253, sysctlName)))
		case slices.ContainsFunc(sysctls[:i], func(s job.Sysctl) bool { return s.Name == name }):
			v.add(field.Duplicate(np.build(), name))
		}
		switch ns := sysctlNamespace(name); {
		case v.hostNetwork && ns == "net":
			v.add(field.Invalid(np.build(), name, "may not be specified when 'hostNetwork' is true"))
		case v.hostIPC && ns == "ipc":
			v.add(field.Invalid(np.build(), name, "may not be specified when 'hostIPC' is true"))
		}
	}
}

// sysctlNamespace is the kernel namespace a sysctl (or a prefix ending in "*") belongs to:
// "net", "ipc", "uts", "user", or "" when none is known. A name written with slashes is
// read as the kernel reads it.
func sysctlNamespace(name string) string {
	if i := strings.IndexAny(name, "./"); i >= 0 && name[i] == '/' {
		name = strings.Map(func(r rune) rune {
			switch r {
			case '.':
				return '/'
			case '/':
				return '.'
			}
			return r
		}, name)
	}
	if i := strings.IndexByte(name, '*'); i >= 0 {
		name = name[:i]
	}
	switch name {
	case "kernel.domainname":
		return "uts"
	case "kernel.sem", "kernel.shmall", "kernel.shmmax", "kernel.shmmni", "kernel.shm_rmid_forced", "kernel.shm",
		"kernel.msgmax", "kernel.msgmnb", "kernel.msgmni", "kernel.msg":
		return "ipc"
	}
	switch {
	case strings.HasPrefix(name, "net."):
		return "net"
	case strings.HasPrefix(name, "fs.mqueue."):
		return "ipc"
	case strings.HasPrefix(name, "user."):
		return "user"
	}
	return ""
}

// sysctlNameOK reports whether name matches sysctlName: segments of [-_a-z0-9] that begin
// and end with [a-z0-9], joined by '.' or '/'.
func sysctlNameOK(name string) bool {
	start := 0
	for i := 0; i <= len(name); i++ {
		if i < len(name) && name[i] != '.' && name[i] != '/' {
			continue
		}
		if !sysctlSegmentOK(name[start:i]) {
			return false
		}
		start = i + 1
	}
	return true
}

func sysctlSegmentOK(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		alnum := c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
		if !alnum && (i == 0 || i == len(s)-1 || c != '-' && c != '_') {
			return false
		}
	}
	return true
}

var seccompTypes = []job.SeccompProfileType{"Localhost", "RuntimeDefault", "Unconfined"}

// seccompProfile checks a seccomp profile: a known type, and a relative local profile for
// Localhost only.
func (v *validator) seccompProfile(sp *job.SeccompProfile, p *path) {
	if sp == nil {
		return
	}
	pp := p.child("seccompProfile")
	tp := pp.child("type")
	switch sp.Type {
	case "Localhost", "RuntimeDefault", "Unconfined":
	case "":
		v.add(field.Required(tp.build(), "type is required when seccompProfile is set"))
	default:
		v.add(field.NotSupported(tp.build(), sp.Type, seccompTypes))
	}
	lp := pp.child("localhostProfile")
	switch {
	case sp.Type == "Localhost" && sp.LocalhostProfile == nil:
		v.add(field.Required(lp.build(), "must be set when seccomp type is Localhost"))
	case sp.Type == "Localhost":
		v.localDescendingPath(*sp.LocalhostProfile, &lp)
	case sp.LocalhostProfile != nil:
		v.add(field.Invalid(lp.build(), sp, "can only be set when seccomp type is Localhost"))
	}
}

var appArmorTypes = []job.AppArmorProfileType{"Localhost", "RuntimeDefault", "Unconfined"}

// appArmorProfile checks an AppArmor profile: a known type, and a local profile, not
// padded and at most 4095 bytes, for Localhost only.
func (v *validator) appArmorProfile(ap *job.AppArmorProfile, p *path) {
	if ap == nil {
		return
	}
	pp := p.child("appArmorProfile")
	lp := pp.child("localhostProfile")
	switch ap.Type {
	case "Localhost":
		if ap.LocalhostProfile == nil {
			v.add(field.Required(lp.build(), "must be set when AppArmor type is Localhost"))
			return
		}
		profile := *ap.LocalhostProfile
		if strings.TrimSpace(profile) != profile {
			v.add(field.Invalid(lp.build(), profile, "must not be padded with whitespace"))
		} else if profile == "" {
			v.add(field.Required(lp.build(), "must be set when AppArmor type is Localhost"))
		}
		if len(profile) > 4095 {
			v.add(field.TooLong(lp.build(), "", 4095))
		}
	case "RuntimeDefault", "Unconfined":
		if ap.LocalhostProfile != nil {
			v.add(field.Invalid(lp.build(), ap.LocalhostProfile, "can only be set when AppArmor type is Localhost"))
		}
	case "":
		tp := pp.child("type")
		v.add(field.Required(tp.build(), "type is required when appArmorProfile is set"))
	default:
		tp := pp.child("type")
		v.add(field.NotSupported(tp.build(), ap.Type, appArmorTypes))
	}
}

var (
	controlCharacters  = regexp.MustCompile(`[[:cntrl:]]+`)
	netBIOSDomain      = regexp.MustCompile(`^[^\\/:\*\?"<>|\.][^\\/:\*\?"<>|]{0,14}$`)
	dnsDomain          = regexp.MustCompile(`^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$`)
	badUserCharacters  = regexp.MustCompile(`["/\\:;|=,\+\*\?<>@\[\]]`)
	onlyDotsAndSpaces  = regexp.MustCompile(`^[\. ]+$`)
	maxGMSASpecKiB     = 64
	maxUserDomainBytes = 256
	maxUserNameBytes   = 104
)

// windowsOptions checks Windows security options: a GMSA credential spec name that is a
// DNS subdomain, a credential spec neither empty nor over 64 KiB, and a user name of an
// optional domain and a user as Windows allows them.
func (v *validator) windowsOptions(w *job.WindowsSecurityContextOptions, p *path) {
	if w == nil {
		return
	}
	wp := p.child("windowsOptions")
	if n := w.GMSACredentialSpecName; n != nil && !names.IsDNS1123Subdomain(*n) {
		np := wp.child("gmsaCredentialSpecName")
		for _, msg := range validation.IsDNS1123Subdomain(*n) {
			v.add(field.Invalid(np.build(), n, msg))
		}
	}
	if s := w.GMSACredentialSpec; s != nil {
		sp := wp.child("gmsaCredentialSpec")
		if len(*s) == 0 {
			v.add(field.Invalid(sp.build(), s, "gmsaCredentialSpec cannot be an empty string"))
		} else if len(*s) > maxGMSASpecKiB*1024 {
			v.add(field.Invalid(sp.build(), s, fmt.Sprintf("gmsaCredentialSpec size must be under %d KiB", maxGMSASpecKiB)))
		}
	}
	if w.RunAsUserName != nil {
		up := wp.child("runAsUserName")
		for _, msg := range windowsUserNameProblems(*w.RunAsUserName) {
			v.add(field.Invalid(up.build(), w.RunAsUserName, msg))
		}
	}
}

// windowsUserNameProblems says what is wrong with a Windows user name, DOMAIN\user or user.
func windowsUserNameProblems(name string) []string {
	switch {
	case name == "":
		return []string{"runAsUserName cannot be an empty string"}
	case controlCharacters.MatchString(name):
		return []string{"runAsUserName cannot contain control characters"}
	case strings.Count(name, "\\") > 1:
		return []string{"runAsUserName cannot contain more than one backslash"}
	}
	domain, user, hasDomain := strings.Cut(name, "\\")
	if !hasDomain {
		domain, user = "", name
	}
	var problems []string
	if len(domain) >= maxUserDomainBytes {
		problems = append(problems, fmt.Sprintf("runAsUserName's Domain length must be under %d characters", maxUserDomainBytes))
	}
	if hasDomain && !(netBIOSDomain.MatchString(domain) || dnsDomain.MatchString(domain)) {
		problems = append(problems, "runAsUserName's Domain doesn't match the NetBios nor the DNS format")
	}
	if len(user) == 0 {
		problems = append(problems, "runAsUserName's User cannot be empty")
	} else if len(user) > maxUserNameBytes {
		problems = append(problems, fmt.Sprintf("runAsUserName's User length must not be longer than %d characters", maxUserNameBytes))
	}
	if onlyDotsAndSpaces.MatchString(user) {
		problems = append(problems, `runAsUserName's User cannot contain only periods or spaces`)
	}
	if badUserCharacters.MatchString(user) {
		problems = append(problems, `runAsUserName's User cannot contain the following characters: "/\:;|=,+*?<>@[]`)
	}
	return problems
}
