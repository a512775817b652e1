package validation

import (
	"slices"
	"strings"

	"github.com/jobkit/jobkit/job"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// volumeMounts checks a container's volume mounts: each of a valid volume of the pod, at a
// mount path present and unique in the container and not a device's, with relative sub
// paths, and valid propagation, recursive read-only mode and bind mount options.
func (v *validator) volumeMounts(c *job.Container, vols volumeSet, p *path) {
	mounts := c.VolumeMounts
	mp := p.child("volumeMounts")
	paths := newRepeats(len(mounts), func(m *job.VolumeMount) string { return m.MountPath })
	for i := range mounts {
		m := &mounts[i]
		ip := mp.at(i)
		np := ip.child("name")
		if m.Name == "" {
			v.add(field.Required(np.build(), ""))
		}
		if !vols.has(m.Name) {
			v.add(field.NotFound(np.build(), m.Name))
		}
		pp := ip.child("mountPath")
		if m.MountPath == "" {
			v.add(field.Required(pp.build(), ""))
		}
		if paths.before(mounts, i) {
			v.add(field.Invalid(pp.build(), m.MountPath, "must be unique"))
		}
		if slices.ContainsFunc(c.VolumeDevices, func(d job.VolumeDevice) bool { return d.Name == m.Name }) {
			v.add(field.Invalid(np.build(), m.Name, "must not already exist in volumeDevices"))
		}
		if slices.ContainsFunc(c.VolumeDevices, func(d job.VolumeDevice) bool { return d.DevicePath == m.MountPath }) {
			v.add(field.Invalid(pp.build(), m.MountPath, "must not already exist as a path in volumeDevices"))
		}
		v.mountOptions(c, m, vols, &mp, &ip)
	}
}

// mountOptions checks the rest of a mount: its sub path or sub path expression (whose
// errors the server reports at the list's path), propagation, recursive read-only mode and
// bind mount options.
func (v *validator) mountOptions(c *job.Container, m *job.VolumeMount, vols volumeSet, list, p *path) {
	if m.SubPath != "" {
		sp := list.child("subPath")
		v.localDescendingPath(m.SubPath, &sp)
	}
	if m.SubPathExpr != "" {
		if m.SubPath != "" {
			ep := p.child("subPathExpr")
			v.add(field.Invalid(ep.build(), m.SubPathExpr, "subPathExpr and subPath are mutually exclusive"))
		}
		sp := list.child("subPathExpr")
		v.localDescendingPath(m.SubPathExpr, &sp)
	}
	if m.MountPropagation != nil {
		pp := list.child("mountPropagation")
		v.mountPropagation(*m.MountPropagation, c, &pp)
	}
	rp := list.child("recursiveReadOnly")
	v.recursiveReadOnly(m, &rp)
	if len(m.BindMountOptions) > 0 {
		bp := p.child("bindMountOptions")
		v.bindMountOptions(m.BindMountOptions, &bp)
		if vol := vols.named(m.Name); vol != nil && vol.Image != nil {
			v.add(field.Invalid(bp.build(), m.BindMountOptions, "bindMountOptions may not be used with image volumes"))
		}
	}
}

// localDescendingPath checks that a path is relative and has no "..".
func (v *validator) localDescendingPath(target string, p *path) {
	if strings.HasPrefix(target, "/") {
		v.add(field.Invalid(p.build(), target, "must be a relative path"))
	}
	v.noBacksteps(target, p)
}

var mountPropagations = []job.MountPropagationMode{"Bidirectional", "HostToContainer", "None"}

// mountPropagation checks a mount's propagation mode: a known one, and Bidirectional only
// in a privileged container.
func (v *validator) mountPropagation(mode job.MountPropagationMode, c *job.Container, p *path) {
	switch mode {
	case "Bidirectional", "HostToContainer", "None":
	default:
		v.add(field.NotSupported(p.build(), mode, mountPropagations))
	}
	privileged := c.SecurityContext != nil && c.SecurityContext.Privileged != nil && *c.SecurityContext.Privileged
	if mode == "Bidirectional" && !privileged {
		v.add(field.Forbidden(p.build(), "Bidirectional mount propagation is available only to privileged containers"))
	}
}

// recursiveReadOnly checks a mount's recursive read-only mode: a known one, and Enabled or
// IfPossible only on a read-only mount without propagation.
func (v *validator) recursiveReadOnly(m *job.VolumeMount, p *path) {
	if m.RecursiveReadOnly == nil {
		return
	}
	switch *m.RecursiveReadOnly {
	case "Disabled":
	case "Enabled", "IfPossible":
		if !m.ReadOnly {
			v.add(field.Forbidden(p.build(), "may only be specified when readOnly is true"))
		}
		if m.MountPropagation != nil && *m.MountPropagation != "None" {
			v.add(field.Forbidden(p.build(), "may only be specified when mountPropagation is None or not specified"))
		}
	default:
		v.add(field.NotSupported(p.build(), *m.RecursiveReadOnly, []job.RecursiveReadOnlyMode{"Disabled", "Enabled", "IfPossible"}))
	}
}

// bindMountOptions checks that each bind mount option is known and given once.
func (v *validator) bindMountOptions(opts []string, p *path) {
	for i, opt := range opts {
		ip := p.at(i)
		switch opt {
		case "nodev", "noexec", "nosuid":
		default:
			v.add(field.NotSupported(ip.build(), opt, []string{"nodev", "noexec", "nosuid"}))
		}
		if contains(opts[:i], opt) {
			v.add(field.Duplicate(ip.build(), opt))
		}
	}
}

// volumeDevices checks a container's block devices: each of a valid persistent volume
// claim or ephemeral volume, named once, at a device path present, unique and without
// "..", and neither the name nor the path of a volume mount.
func (v *validator) volumeDevices(c *job.Container, vols volumeSet, p *path) {
	devices := c.VolumeDevices
	dp := p.child("volumeDevices")
	for i := range devices {
		d := &devices[i]
		ip := dp.at(i)
		np := ip.child("name")
		vol := vols.named(d.Name)
		if d.Name == "" {
			v.add(field.Required(np.build(), ""))
		}
		if d.Name != "" && slices.ContainsFunc(devices[:i], func(e job.VolumeDevice) bool { return e.Name == d.Name }) {
			v.add(field.Invalid(np.build(), d.Name, "must be unique"))
		}
		if vol != nil && vol.PersistentVolumeClaim == nil && vol.Ephemeral == nil {
			v.add(field.Invalid(np.build(), d.Name, "can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode"))
		}
		if vol == nil {
			v.add(field.NotFound(np.build(), d.Name))
		}
		pp := ip.child("devicePath")
		if d.DevicePath == "" {
			v.add(field.Required(pp.build(), ""))
		}
		if devicePathTaken(devices[:i], d.DevicePath) {
			v.add(field.Invalid(pp.build(), d.DevicePath, "must be unique"))
		}
		if d.DevicePath != "" && hasBackstep(d.DevicePath) {
			v.add(field.Invalid(pp.build(), d.DevicePath, "can not contain backsteps ('..')"))
		}
		if slices.ContainsFunc(c.VolumeMounts, func(m job.VolumeMount) bool { return m.Name == d.Name }) {
			v.add(field.Invalid(np.build(), d.Name, "must not already exist in volumeMounts"))
		}
		if slices.ContainsFunc(c.VolumeMounts, func(m job.VolumeMount) bool { return m.MountPath == d.DevicePath }) {
			v.add(field.Invalid(pp.build(), d.DevicePath, "must not already exist as a path in volumeMounts"))
		}
	}
}

// devicePathTaken reports whether an earlier device took devicePath: the server remembers
// each path without "..", the empty one too.
func devicePathTaken(earlier []job.VolumeDevice, devicePath string) bool {
	for i := range earlier {
		if earlier[i].DevicePath == devicePath && !(devicePath != "" && hasBackstep(devicePath)) {
			return true
		}
	}
	return false
}

func hasBackstep(target string) bool {
	for item := range strings.SplitSeq(target, "/") {
		if item == ".." {
			return true
		}
	}
	return false
}
