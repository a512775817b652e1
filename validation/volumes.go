package validation

import (
	"github.com/jobkit/jobkit/internal/names"
	"github.com/jobkit/jobkit/job"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// volumes checks the pod's volumes as core validation does, as far as jobkit reads them:
// a volume has a name that is a DNS label unique among the valid volumes. It returns the
// valid volumes, which the containers may mount. The sources (emptyDir, configMap, ...) are
// not checked, but for their number: core defaulting gives a volume without one an
// emptyDir, and core validation rejects a volume with two.
func (v *validator) volumes(vols []job.Volume, p *path) volumeSet {
	set := volumeSet{vols: vols}
	if len(vols) > linearNames {
		set.names = make(map[string]bool, len(vols))
	}
	vp := p.child("volumes")
	for i := range vols {
		vol := &vols[i]
		ip := vp.at(i)
		np := ip.child("name")
		nameOK := vol.Name != "" && names.IsDNS1123Label(vol.Name)
		switch {
		case vol.Name == "":
			v.add(field.Required(np.build(), ""))
		case !nameOK:
			v.dns1123Label(vol.Name, &np)
		}
		dup := set.before(i, vol.Name)
		if dup {
			v.add(field.Duplicate(np.build(), vol.Name))
		}
		if set.names != nil && nameOK && volumeSources(vol) <= 1 && !dup {
			set.names[vol.Name] = true
		}
	}
	return set
}

// volumeSet is the pod's valid volumes: those core validation keeps for the containers to
// mount. Short lists are scanned; long ones are indexed by name.
type volumeSet struct {
	vols  []job.Volume
	names map[string]bool // for long lists: the valid names
}

// named returns the valid volume named name, or nil.
func (s volumeSet) named(name string) *job.Volume {
	if s.names != nil && !s.names[name] {
		return nil
	}
	for k := range s.vols {
		if vol := &s.vols[k]; vol.Name == name && validVolume(vol) {
			return vol
		}
	}
	return nil
}

// has reports whether a valid volume is named name.
func (s volumeSet) has(name string) bool { return s.before(len(s.vols), name) }

// before reports whether a valid volume among the first i is named name; with an index,
// valid as far as the index has been filled.
func (s volumeSet) before(i int, name string) bool {
	if s.names != nil {
		return s.names[name]
	}
	for k := range s.vols[:i] {
		if vol := &s.vols[k]; vol.Name == name && validVolume(vol) {
			return true
		}
	}
	return false
}

// validVolume reports whether core validation keeps the volume: it has a valid name and at
// most one source. An earlier valid volume of the same name would make it a duplicate, but
// then that one is found first.
func validVolume(vol *job.Volume) bool {
	return vol.Name != "" && names.IsDNS1123Label(vol.Name) && volumeSources(vol) <= 1
}

// volumeSources counts the volume's sources that are set.
func volumeSources(vol *job.Volume) int {
	s := &vol.VolumeSource
	n := 0
	for _, set := range [...]bool{
		s.HostPath != nil, s.EmptyDir != nil, s.GCEPersistentDisk != nil,
		s.AWSElasticBlockStore != nil, s.GitRepo != nil, s.Secret != nil, s.NFS != nil,
		s.ISCSI != nil, s.Glusterfs != nil, s.PersistentVolumeClaim != nil, s.RBD != nil,
		s.FlexVolume != nil, s.Cinder != nil, s.CephFS != nil, s.Flocker != nil,
		s.DownwardAPI != nil, s.FC != nil, s.AzureFile != nil, s.ConfigMap != nil,
		s.VsphereVolume != nil, s.Quobyte != nil, s.AzureDisk != nil,
		s.PhotonPersistentDisk != nil, s.Projected != nil, s.PortworxVolume != nil,
		s.ScaleIO != nil, s.StorageOS != nil, s.CSI != nil, s.Ephemeral != nil, s.Image != nil,
	} {
		if set {
			n++
		}
	}
	return n
}
