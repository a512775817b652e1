package generate

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"

	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
)

// filler writes generated values into typed objects by reflection: plausible ones, as a
// person would write them, or hostile ones.
type filler struct {
	r *rand.Rand
	// names are names already in the object that references may use (volumes, ports, claims).
	names map[string][]string
	// parent is the Go type name of the struct whose member is being generated.
	parent string
}

// unions are struct types of which exactly one member may be set.
var unions = []string{"VolumeSource", "ProbeHandler", "LifecycleHandler", "EnvVarSource", "VolumeProjection", "PersistentVolumeSource"}

func isUnion(t reflect.Type) bool { return slices.Contains(unions, t.Name()) }

// required are members generated whenever their parent is, as most real objects have them.
var required = []string{"name", "image", "mountPath", "key", "server", "path", "claimName", "topologyKey",
	"maxSkew", "whenUnsatisfiable", "operator", "containerPort", "port", "type", "driver", "secretName",
	"shareName", "monitors", "targetPortal", "iqn", "lun", "endpoints", "pdName", "volumeID", "diskName",
	"diskURI", "volumePath", "gateway", "system", "fieldPath", "resource", "signerName", "keyType",
	"nodeSelectorTerms", "labelSelector", "weight", "podAffinityTerm", "preference", "resourceName",
	"restartPolicy", "action", "ip", "hostnames", "devicePath", "exitCodes", "values", "conditionType", "repository", "datasetName", "sources", "items"}

func (f *filler) pick(list []string) string { return list[f.r.IntN(len(list))] }

// fill writes a plausible value into v, a settable value of the member named name, creating
// members below it down to depth levels.
func (f *filler) fill(v reflect.Value, name string, depth int) {
	t := v.Type()
	switch {
	case t.Kind() == reflect.Pointer:
		if depth < 0 && !isLeaf(t.Elem()) {
			return
		}
		v.Set(reflect.New(t.Elem()))
		f.fill(v.Elem(), name, depth)
	case t == reflect.TypeFor[resource.Quantity]():
		v.Set(reflect.ValueOf(resource.MustParse(f.pick(plausibleQuantities))))
	case t == reflect.TypeFor[intstr.IntOrString]():
		if f.r.IntN(2) == 0 {
			v.Set(reflect.ValueOf(intstr.FromInt32(int32(f.pickInt(plausibleInts)))))
		} else {
			v.Set(reflect.ValueOf(intstr.FromString(f.ref("port", []string{"http", "metrics"}))))
		}
	case t == reflect.TypeFor[metav1.Time]():
		v.Set(reflect.ValueOf(metav1.NewTime(created)))
	case t == reflect.TypeFor[metav1.Duration]():
	case t.Kind() == reflect.Struct:
		f.fillStruct(v, depth)
	case t.Kind() == reflect.Slice:
		n := 1 + f.r.IntN(2)
		s := reflect.MakeSlice(t, n, n)
		for i := range n {
			f.fill(s.Index(i), name, depth-1)
		}
		v.Set(s)
	case t.Kind() == reflect.Map:
		f.fillMap(v, name, false)
	default:
		f.scalar(v, name, false)
	}
}

// fillStruct fills some members of a struct: those most objects have always, others at
// random, and of a union (inline or not) exactly one.
func (f *filler) fillStruct(v reflect.Value, depth int) {
	t := v.Type()
	saved := f.parent
	defer func() { f.parent = saved }()
	if isUnion(t) {
		fields := structFields(t)
		i := f.r.IntN(len(fields))
		f.parent = t.Name()
		f.fill(v.FieldByIndex(fields[i].index), fields[i].name, depth-1)
		return
	}
	for i := range t.NumField() {
		sf := t.Field(i)
		name, inline := jsonName(sf)
		if inline && sf.Type.Kind() == reflect.Struct {
			f.fillStruct(v.Field(i), depth)
			continue
		}
		if name == "" {
			continue
		}
		chance := 4
		if slices.Contains(required, name) {
			chance = 1
		}
		if depth <= 0 && chance > 1 {
			continue
		}
		if f.r.IntN(chance) == 0 {
			f.parent = t.Name()
			f.fill(v.Field(i), name, depth-1)
		}
	}
}

func (f *filler) fillMap(v reflect.Value, name string, hostile bool) {
	t := v.Type()
	m := reflect.MakeMap(t)
	n := 1 + f.r.IntN(2)
	for range n {
		k := reflect.New(t.Key()).Elem()
		val := reflect.New(t.Elem()).Elem()
		f.scalar(k, mapKeyName(name, t), hostile && f.r.IntN(2) == 0)
		if val.Type() == reflect.TypeFor[resource.Quantity]() {
			f.quantity(val, hostile)
		} else {
			f.scalar(val, "value", hostile && f.r.IntN(2) == 0)
		}
		m.SetMapIndex(k, val)
	}
	v.Set(m)
}

func mapKeyName(name string, t reflect.Type) string {
	if t.Key().Name() == "ResourceName" {
		return "resourceName"
	}
	if name == "sysctls" {
		return "sysctl"
	}
	return "key"
}

func (f *filler) quantity(v reflect.Value, hostile bool) {
	pool := plausibleQuantities
	if hostile {
		pool = hostileQuantities
	}
	v.Set(reflect.ValueOf(resource.MustParse(f.pick(pool))))
}

func (f *filler) pickInt(list []int64) int64 { return list[f.r.IntN(len(list))] }

// ref returns a name already in the object for kind most of the time, else one of pool.
func (f *filler) ref(kind string, pool []string) string {
	if names := f.names[kind]; len(names) > 0 && f.r.IntN(4) != 0 {
		return f.pick(names)
	}
	return f.pick(pool)
}

// scalar writes a string, number or boolean value for the member named name.
func (f *filler) scalar(v reflect.Value, name string, hostile bool) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(f.str(v.Type(), name, hostile))
	case reflect.Bool:
		v.SetBool(f.r.IntN(2) == 0)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n := f.integer(name, hostile)
		if v.OverflowInt(n) {
			n = int64(int32(n))
		}
		v.SetInt(n)
	case reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uint:
		v.SetUint(uint64(f.r.IntN(100)))
	case reflect.Float32, reflect.Float64:
		v.SetFloat(float64(f.r.IntN(100)))
	}
}

func (f *filler) integer(name string, hostile bool) int64 {
	if hostile {
		return f.pickInt(hostileInts)
	}
	switch {
	case strings.Contains(strings.ToLower(name), "port"):
		return f.pickInt([]int64{80, 443, 8080, 9090, 53})
	case name == "lun" || name == "partition":
		return int64(f.r.IntN(8))
	case strings.HasSuffix(name, "Mode") || name == "mode":
		return f.pickInt([]int64{0o644, 0o400, 0o755, 0o777})
	case strings.HasPrefix(name, "runAs") || name == "fsGroup" || name == "supplementalGroups":
		return f.pickInt([]int64{0, 1000, 65534})
	}
	return f.pickInt(plausibleInts)
}

func (f *filler) str(t reflect.Type, name string, hostile bool) string {
	if name == "resourceName" && f.parent == "ContainerResizePolicy" && !hostile {
		return f.pick([]string{"cpu", "memory"})
	}
	if values, ok := enums[t.Name()]; ok {
		if hostile {
			return f.pick(append([]string{"", "Bogus", strings.ToLower(f.pick(values)), strings.ToUpper(f.pick(values))}, hostileStrings[:4]...))
		}
		return f.pick(values)
	}
	if hostile {
		return f.pick(hostileStrings)
	}
	switch {
	case name == "name" && (f.parent == "VolumeMount" || f.parent == "VolumeDevice"):
		return f.ref("volume", plausible["name"])
	case name == "name" && f.parent == "ResourceClaim":
		return f.ref("claim", []string{"gpu", "claim"})
	case name == "containerName":
		return f.ref("container", plausible["containerName"])
	case name == "resourceName" && f.parent == "ContainerResizePolicy":
		return f.pick([]string{"cpu", "memory"})
	case name == "name":
		return f.pick(plausible["name"])
	case name == "sysctl":
		return f.pick([]string{"kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.core.somaxconn", "kernel.msgmax"})
	case name == "resourceName":
		return f.pick(enums["ResourceName"])
	}
	if pool, ok := plausible[name]; ok {
		return f.pick(pool)
	}
	return f.pick([]string{"x", "value", "a-b", "example"})
}

// field is a JSON member of a struct: its name and the index path of its Go field.
type field struct {
	name  string
	index []int
}

// structFields lists the JSON members of a struct type, embedded members flattened.
func structFields(t reflect.Type) []field {
	var out []field
	for i := range t.NumField() {
		sf := t.Field(i)
		name, inline := jsonName(sf)
		if inline {
			for _, inner := range structFields(sf.Type) {
				out = append(out, field{inner.name, append([]int{i}, inner.index...)})
			}
			continue
		}
		if name != "" {
			out = append(out, field{name, []int{i}})
		}
	}
	return out
}

func fieldByName(t reflect.Type, name string) (field, bool) {
	for _, f := range structFields(t) {
		if f.name == name {
			return f, true
		}
	}
	return field{}, false
}
