package validation

import (
	"fmt"
	"github.com/jobkit/jobkit/job"
	"k8s.io/apimachinery/pkg/util/validation"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// ports checks a container's ports: names valid and unique among the valid ones, port
// numbers in range, and a known protocol (empty is defaulted to TCP).
func (v *validator) ports(ports []job.ContainerPort, p *path) {
	pp := p.child("ports")
	seen := newRepeats(len(ports), func(port *job.ContainerPort) string { return port.Name })
	for i := range ports {
		port := &ports[i]
		ip := pp.at(i)
		if port.Name != "" {
			np := ip.child("name")
			if !portNameOK(port.Name) {
				for _, msg := range validation.IsValidPortName(port.Name) {
					v.add(field.Invalid(np.build(), port.Name, msg))
				}
			} else if seen.before(ports, i) {
				v.add(field.Duplicate(np.build(), port.Name))
			}
		}
		cp := ip.child("containerPort")
		if port.ContainerPort == 0 {
			v.add(field.Required(cp.build(), ""))
		} else {
			v.portNumber(port.ContainerPort, &cp)
		}
		if port.HostPort != 0 {
			hp := ip.child("hostPort")
			v.portNumber(port.HostPort, &hp)
		}
		switch port.Protocol {
		case "", job.ProtocolSCTP, job.ProtocolTCP, job.ProtocolUDP:
		default:
			pr := ip.child("protocol")
			v.add(field.NotSupported(pr.build(), port.Protocol, []job.Protocol{job.ProtocolSCTP, job.ProtocolTCP, job.ProtocolUDP}))
		}
	}
}

// portNumber checks that a port number is between 1 and 65535.
func (v *validator) portNumber(port int32, p *path) {
	if port < 1 || port > 65535 {
		v.add(field.Invalid(p.build(), port, validation.InclusiveRangeError(1, 65535)))
	}
}

// portNameOK reports whether name is an IANA service name: at most 15 of [-a-z0-9], with a
// letter, and no hyphen at either end or twice in a row.
func portNameOK(name string) bool {
	if name == "" || len(name) > 15 || name[0] == '-' || name[len(name)-1] == '-' {
		return false
	}
	letter := false
	for i := 0; i < len(name); i++ {
		switch c := name[i]; {
		case c >= 'a' && c <= 'z':
			letter = true
		case c >= '0' && c <= '9':
		case c == '-' && name[i-1] != '-':
		default:
			return false
		}
	}
	return letter
}

// envVarNameOK reports whether name is printable ASCII without '='.
func envVarNameOK(name string) bool {
	for i := 0; i < len(name); i++ {
		if c := name[i]; c < ' ' || c > '~' || c == '=' {
			return false
		}
	}
	return true
}

// id checks that a user or group ID, when set, is between 0 and 2147483647.
func (v *validator) id(value *int64, p *path, member string) {
	if value != nil && (*value < 0 || *value > 1<<31-1) {
		mp := p.child(member)
		v.add(field.Invalid(mp.build(), *value, validation.InclusiveRangeError(0, 1<<31-1)))
	}
}

// hostNetworkPorts checks that, on the host network, a container's host ports are its
// container ports (or unset, as templates may leave them).
func (v *validator) hostNetworkPorts(s *job.PodSpec, p *path) {
	if !s.HostNetwork {
		return
	}
	cp := p.child("containers")
	for i := range s.Containers {
		ip := cp.at(i)
		pp := ip.child("ports")
		for k, port := range s.Containers[i].Ports {
			if port.HostPort != 0 && port.HostPort != port.ContainerPort {
				kp := pp.at(k)
				hp := kp.child("hostPort")
				v.add(field.Invalid(hp.build(), port.HostPort, "must match `containerPort` when `hostNetwork` is true"))
			}
		}
	}
}

// hostPortConflicts reports each host port of the containers that an earlier port, of the
// same protocol and host IP, already takes. The server checks an init container alone, as
// the only container of a list, so its errors are at index 0 of initContainers.
func (v *validator) hostPortConflicts(cs []job.Container, p *path) {
	var seen map[string]bool // for many host ports; a few are compared pairwise
	if n := hostPorts(cs); n > linearNames {
		seen = make(map[string]bool, n)
	}
	for ci := range cs {
		for pi, port := range cs[ci].Ports {
			if port.HostPort == 0 {
				continue
			}
			var taken bool
			if seen != nil {
				k := hostPortKey(port)
				taken, seen[k] = seen[k], true
			} else {
				taken = hostPortTaken(cs, ci, pi)
			}
			if !taken {
				continue
			}
			ip := p.at(ci)
			pp := ip.child("ports")
			kp := pp.at(pi)
			hp := kp.child("hostPort")
			v.add(field.Duplicate(hp.build(), hostPortKey(port)))
		}
	}
}

func hostPorts(cs []job.Container) int {
	n := 0
	for i := range cs {
		for _, port := range cs[i].Ports {
			if port.HostPort != 0 {
				n++
			}
		}
	}
	return n
}

// hostPortTaken reports whether a port before port pi of container ci has its key.
func hostPortTaken(cs []job.Container, ci, pi int) bool {
	port := cs[ci].Ports[pi]
	for cj := 0; cj <= ci; cj++ {
		for pj, other := range cs[cj].Ports {
			if cj == ci && pj >= pi {
				break
			}
			if other.HostPort != port.HostPort {
				continue
			}
			if other.Protocol == port.Protocol && other.HostIP == port.HostIP || hostPortKey(other) == hostPortKey(port) {
				return true
			}
		}
	}
	return false
}

func hostPortKey(port job.ContainerPort) string {
	return fmt.Sprintf("%s/%s/%d", port.Protocol, port.HostIP, port.HostPort)
}
