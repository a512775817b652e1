package validation

import (
	"fmt"
	"slices"

	"github.com/jobkit/jobkit/job"
	"k8s.io/apimachinery/pkg/util/intstr"
	"k8s.io/apimachinery/pkg/util/validation"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// handlers are the actions of a probe or a lifecycle hook, of which one may be set.
type handlers struct {
	exec      *job.ExecAction
	httpGet   *job.HTTPGetAction
	tcpSocket *job.TCPSocketAction
	grpc      *job.GRPCAction
	sleep     *job.SleepAction
}

// handler checks that exactly one action is set, and that one; a second is reported
// where it is, and not checked.
func (v *validator) handler(h handlers, p *path) {
	n := 0
	one := func(set bool, member string) bool {
		if !set {
			return false
		}
		if n > 0 {
			mp := p.child(member)
			v.add(field.Forbidden(mp.build(), "may not specify more than 1 handler type"))
			return false
		}
		n++
		return true
	}
	if one(h.exec != nil, "exec") && len(h.exec.Command) == 0 {
		ep := p.child("exec")
		cp := ep.child("command")
		v.add(field.Required(cp.build(), ""))
	}
	if one(h.httpGet != nil, "httpGet") {
		hp := p.child("httpGet")
		v.httpGet(h.httpGet, &hp)
	}
	if one(h.tcpSocket != nil, "tcpSocket") {
		tp := p.child("tcpSocket")
		pp := tp.child("port")
		v.portNumOrName(h.tcpSocket.Port, &pp)
	}
	if one(h.grpc != nil, "grpc") {
		gp := p.child("grpc")
		pp := gp.child("port")
		v.portNumOrName(intstr.FromInt32(h.grpc.Port), &pp)
		if m := h.grpc.Mode; m != nil && *m != "Plaintext" && *m != "TLS" {
			mp := gp.child("mode")
			v.add(field.NotSupported(mp.build(), *m, []job.GRPCProbeMode{"Plaintext", "TLS"}))
		}
	}
	if one(h.sleep != nil, "sleep") {
		if grace := v.gracePeriod; grace != nil && (h.sleep.Seconds < 0 || h.sleep.Seconds > *grace) {
			sp := p.child("sleep")
			v.add(field.Invalid(sp.build(), h.sleep.Seconds, fmt.Sprintf("must be non-negative and less than terminationGracePeriodSeconds (%d)", *grace)))
		}
	}
	if n == 0 {
		v.add(field.Required(p.build(), "must specify a handler type"))
	}
}

// httpGet checks an HTTP action: a path and scheme (which defaulting fills in), a port,
// header names, and a protocol, HTTP2 only over plain HTTP to the pod.
func (v *validator) httpGet(h *job.HTTPGetAction, p *path) {
	pp := p.child("port")
	v.portNumOrName(h.Port, &pp)
	switch h.Scheme {
	case "", job.URISchemeHTTP, job.URISchemeHTTPS: // "" is defaulted
	default:
		sp := p.child("scheme")
		v.add(field.NotSupported(sp.build(), h.Scheme, []job.URIScheme{job.URISchemeHTTP, job.URISchemeHTTPS}))
	}
	for _, header := range h.HTTPHeaders {
		for _, msg := range validation.IsHTTPHeaderName(header.Name) {
			hp := p.child("httpHeaders")
			v.add(field.Invalid(hp.build(), header.Name, msg))
		}
	}
	if h.Protocol == nil {
		return
	}
	switch proto := *h.Protocol; {
	case proto != "HTTP1" && proto != "HTTP2":
		rp := p.child("protocol")
		v.add(field.NotSupported(rp.build(), proto, []job.HTTPProtocol{"HTTP1", "HTTP2"}))
	case proto == "HTTP2" && h.Scheme != job.URISchemeHTTP && h.Scheme != "":
		rp := p.child("protocol")
		v.add(field.Invalid(rp.build(), proto, "is only supported with HTTP (H2C)"))
	case proto == "HTTP2" && h.Host != "":
		hp := p.child("host")
		v.add(field.Invalid(hp.build(), h.Host, "must be empty when `protocol` is \"HTTP2\""))
	}
}

// portNumOrName checks a port given by number or by name.
func (v *validator) portNumOrName(port intstr.IntOrString, p *path) {
	switch port.Type {
	case intstr.Int:
		if n := port.IntValue(); n < 1 || n > 65535 {
			for _, msg := range validation.IsValidPortNum(n) {
				v.add(field.Invalid(p.build(), n, msg))
			}
		}
	case intstr.String:
		if !portNameOK(port.StrVal) {
			for _, msg := range validation.IsValidPortName(port.StrVal) {
				v.add(field.Invalid(p.build(), port.StrVal, msg))
			}
		}
	default:
		v.add(field.InternalError(p.build(), fmt.Errorf("unknown type: %v", port.Type)))
	}
}

// lifecycle checks a container's lifecycle hooks and stop signal.
func (v *validator) lifecycle(l *job.Lifecycle, p *path) {
	if h := l.PostStart; h != nil {
		hp := p.child("postStart")
		v.handler(handlers{exec: h.Exec, httpGet: h.HTTPGet, tcpSocket: h.TCPSocket, sleep: h.Sleep}, &hp)
	}
	if h := l.PreStop; h != nil {
		hp := p.child("preStop")
		v.handler(handlers{exec: h.Exec, httpGet: h.HTTPGet, tcpSocket: h.TCPSocket, sleep: h.Sleep}, &hp)
	}
	if l.StopSignal != nil {
		sp := p.child("stopSignal")
		v.stopSignal(l.StopSignal, &sp)
	}
}

// stopSignal checks a container's stop signal: only with the pod's OS named, and one that
// OS has.
func (v *validator) stopSignal(sig *job.Signal, p *path) {
	switch {
	case v.podOS == nil:
		v.add(field.Forbidden(p.build(), "may not be set for containers with empty `spec.os.name`"))
	case v.podOS.Name == "windows":
		if *sig != "SIGKILL" && *sig != "SIGTERM" {
			v.add(field.NotSupported(p.build(), sig, []job.Signal{"SIGKILL", "SIGTERM"}))
		}
	case v.podOS.Name == "linux":
		if !slices.Contains(linuxSignals, *sig) {
			v.add(field.NotSupported(p.build(), sig, linuxSignals))
		}
	}
}

// linuxSignals are the signals a Linux container may be stopped with, sorted; never
// modified.
var linuxSignals = linuxStopSignals()

func linuxStopSignals() []job.Signal {
	names := []job.Signal{"SIGABRT", "SIGALRM", "SIGBUS", "SIGCHLD", "SIGCLD", "SIGCONT", "SIGFPE", "SIGHUP",
		"SIGILL", "SIGINT", "SIGIO", "SIGIOT", "SIGKILL", "SIGPIPE", "SIGPOLL", "SIGPROF", "SIGPWR", "SIGQUIT",
		"SIGSEGV", "SIGSTKFLT", "SIGSTOP", "SIGSYS", "SIGTERM", "SIGTRAP", "SIGTSTP", "SIGTTIN", "SIGTTOU",
		"SIGURG", "SIGUSR1", "SIGUSR2", "SIGVTALRM", "SIGWINCH", "SIGXCPU", "SIGXFSZ", "SIGRTMIN", "SIGRTMAX"}
	for i := 1; i <= 15; i++ {
		names = append(names, job.Signal(fmt.Sprintf("SIGRTMIN+%d", i)))
	}
	for i := 1; i <= 14; i++ {
		names = append(names, job.Signal(fmt.Sprintf("SIGRTMAX-%d", i)))
	}
	slices.Sort(names)
	return names
}
