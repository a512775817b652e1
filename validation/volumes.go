package validation

import (
	"github.com/jobkit/jobkit/internal/names"
	"github.com/jobkit/jobkit/job"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// volumes checks the pod's volumes as core validation does: each has a valid source and
// a name that is a DNS label unique among the valid volumes. It returns the valid volumes,
// those without errors, which the containers may mount.
func (v *validator) volumes(vols []job.Volume, p *path) volumeSet {
	set := volumeSet{vols: vols}
	if len(vols) > 64 {
		set.names = make(map[string]int, len(vols))
	}
	vp := p.child("volumes")
	for i := range vols {
		vol := &vols[i]
		ip := vp.at(i)
		before := len(v.errs)
		v.volumeSource(vol, &ip)
		np := ip.child("name")
		switch {
		case vol.Name == "":
			v.add(field.Required(np.build(), ""))
		case !names.IsDNS1123Label(vol.Name):
			v.dns1123Label(vol.Name, &np)
		}
		if set.before(i, vol.Name) {
			v.add(field.Duplicate(np.build(), vol.Name))
		}
		if len(v.errs) == before {
			set.markValid(i)
		}
	}
	return set
}

// volumeSet is the pod's valid volumes: those core validation keeps for the containers to
// mount, marked in a bit set for up to 64 volumes and indexed by name beyond.
type volumeSet struct {
	vols  []job.Volume
	valid uint64         // bit i: volume i is valid
	names map[string]int // for long lists: the index of the valid volume of each name
}

func (s *volumeSet) markValid(i int) {
	if s.names != nil {
		s.names[s.vols[i].Name] = i
		return
	}
	s.valid |= 1 << i
}

// index returns the valid volume among the first i named name, or -1.
func (s volumeSet) index(i int, name string) int {
	if s.names != nil {
		if k, ok := s.names[name]; ok && k < i {
			return k
		}
		return -1
	}
	for k := range s.vols[:i] {
		if s.valid&(1<<k) != 0 && s.vols[k].Name == name {
			return k
		}
	}
	return -1
}

// before reports whether a valid volume among the first i is named name.
func (s volumeSet) before(i int, name string) bool { return s.index(i, name) >= 0 }

// has reports whether a valid volume is named name.
func (s volumeSet) has(name string) bool { return s.index(len(s.vols), name) >= 0 }

// named returns the valid volume named name, or nil.
func (s volumeSet) named(name string) *job.Volume {
	if k := s.index(len(s.vols), name); k >= 0 {
		return &s.vols[k]
	}
	return nil
}
