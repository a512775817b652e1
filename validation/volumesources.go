package validation

import (
	"maps"
	"net"
	"regexp"
	"slices"
	"strings"

	"github.com/jobkit/jobkit/internal/names"
	"github.com/jobkit/jobkit/job"
	"k8s.io/apimachinery/pkg/util/validation"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

const (
	fileModeMessage     = "must be a number between 0 and 0777 (octal), both inclusive"
	emptyDirModeMessage = "must be a number between 0 and 01777 (octal), both inclusive"
	moreThanOneType     = "may not specify more than 1 volume type"
)

// volumeSource checks a volume's source: one type, and that type's members. A second type
// is reported where it is, and not checked.
func (v *validator) volumeSource(vol *job.Volume, p *path) {
	s := &vol.VolumeSource
	n := 0
	// one reports a source type: true when it is the first, to be checked.
	one := func(set bool, member string) bool {
		if !set {
			return false
		}
		if n > 0 {
			mp := p.child(member)
			v.add(field.Forbidden(mp.build(), moreThanOneType))
			return false
		}
		n++
		return true
	}
	if s.EmptyDir != nil {
		n++
		v.emptyDir(s.EmptyDir, p)
	}
	if one(s.HostPath != nil, "hostPath") {
		v.hostPath(s.HostPath, p)
	}
	if one(s.GitRepo != nil, "gitRepo") {
		gp := p.child("gitRepo")
		if s.GitRepo.Repository == "" {
			rp := gp.child("repository")
			v.add(field.Required(rp.build(), ""))
		}
		dp := gp.child("directory")
		v.localDescendingPath(s.GitRepo.Directory, &dp)
	}
	if one(s.GCEPersistentDisk != nil, "gcePersistentDisk") {
		v.disk(s.GCEPersistentDisk.PDName, s.GCEPersistentDisk.Partition, p, "persistentDisk", "pdName")
	}
	if one(s.AWSElasticBlockStore != nil, "awsElasticBlockStore") {
		v.disk(s.AWSElasticBlockStore.VolumeID, s.AWSElasticBlockStore.Partition, p, "awsElasticBlockStore", "volumeID")
	}
	if one(s.Secret != nil, "secret") {
		sp := p.child("secret")
		v.required(s.Secret.SecretName, &sp, "secretName")
		v.fileMode(s.Secret.DefaultMode, &sp, "defaultMode")
		v.user(s.Secret.DefaultUser, &sp, "defaultUser")
		v.keysToPaths(s.Secret.Items, &sp)
	}
	if one(s.NFS != nil, "nfs") {
		np := p.child("nfs")
		v.required(s.NFS.Server, &np, "server")
		v.required(s.NFS.Path, &np, "path")
		if !strings.HasPrefix(s.NFS.Path, "/") {
			pp := np.child("path")
			v.add(field.Invalid(pp.build(), s.NFS.Path, "must be an absolute path"))
		}
	}
	if one(s.ISCSI != nil, "iscsi") {
		v.iscsi(s.ISCSI, p)
	}
	if s.ISCSI != nil && s.ISCSI.InitiatorName != nil && len(vol.Name+":"+s.ISCSI.TargetPortal) > 64 {
		np := p.child("name")
		v.add(field.Invalid(np.build(), vol.Name, "Total length of <volume name>:<iscsi.targetPortal> must be under 64 characters if iscsi.initiatorName is specified."))
	}
	v.volumeSourceRest(vol, p, one)
}

// volumeSourceRest is volumeSource for the types after iscsi, in the server's order.
func (v *validator) volumeSourceRest(vol *job.Volume, p *path, one func(bool, string) bool) {
	s := &vol.VolumeSource
	if one(s.Glusterfs != nil, "glusterfs") {
		gp := p.child("glusterfs")
		v.required(s.Glusterfs.EndpointsName, &gp, "endpoints")
		v.required(s.Glusterfs.Path, &gp, "path")
	}
	if one(s.Flocker != nil, "flocker") {
		v.flocker(s.Flocker, p)
	}
	if one(s.PersistentVolumeClaim != nil, "persistentVolumeClaim") {
		cp := p.child("persistentVolumeClaim")
		v.required(s.PersistentVolumeClaim.ClaimName, &cp, "claimName")
	}
	if one(s.RBD != nil, "rbd") {
		rp := p.child("rbd")
		if len(s.RBD.CephMonitors) == 0 {
			mp := rp.child("monitors")
			v.add(field.Required(mp.build(), ""))
		}
		v.required(s.RBD.RBDImage, &rp, "image")
	}
	if one(s.Cinder != nil, "cinder") {
		cp := p.child("cinder")
		v.required(s.Cinder.VolumeID, &cp, "volumeID")
		v.secretRefName(s.Cinder.SecretRef, &cp)
	}
	if one(s.CephFS != nil, "cephFS") {
		if len(s.CephFS.Monitors) == 0 {
			cp := p.child("cephfs")
			mp := cp.child("monitors")
			v.add(field.Required(mp.build(), ""))
		}
	}
	if one(s.Quobyte != nil, "quobyte") {
		v.quobyte(s.Quobyte, p)
	}
	if one(s.DownwardAPI != nil, "downwarAPI") { // sic: the server's path for a second type
		dp := p.child("downwardAPI")
		v.fileMode(s.DownwardAPI.DefaultMode, &dp, "defaultMode")
		v.user(s.DownwardAPI.DefaultUser, &dp, "defaultUser")
		for i := range s.DownwardAPI.Items {
			v.downwardAPIFile(&s.DownwardAPI.Items[i], &dp)
		}
	}
	if one(s.FC != nil, "fc") {
		v.fc(s.FC, p)
	}
	if one(s.FlexVolume != nil, "flexVolume") {
		v.flexVolume(s.FlexVolume, p)
	}
	if one(s.ConfigMap != nil, "configMap") {
		cp := p.child("configMap")
		v.required(s.ConfigMap.Name, &cp, "name")
		v.fileMode(s.ConfigMap.DefaultMode, &cp, "defaultMode")
		v.user(s.ConfigMap.DefaultUser, &cp, "defaultUser")
		v.keysToPaths(s.ConfigMap.Items, &cp)
	}
	if one(s.AzureFile != nil, "azureFile") {
		ap := p.child("azureFile")
		v.required(s.AzureFile.SecretName, &ap, "secretName")
		v.required(s.AzureFile.ShareName, &ap, "shareName")
	}
	if one(s.VsphereVolume != nil, "vsphereVolume") {
		vp := p.child("vsphereVolume")
		v.required(s.VsphereVolume.VolumePath, &vp, "volumePath")
	}
	if one(s.PhotonPersistentDisk != nil, "photonPersistentDisk") {
		pp := p.child("photonPersistentDisk")
		v.required(s.PhotonPersistentDisk.PdID, &pp, "pdID")
	}
	if one(s.PortworxVolume != nil, "portworxVolume") {
		pp := p.child("portworxVolume")
		v.required(s.PortworxVolume.VolumeID, &pp, "volumeID")
	}
	if one(s.AzureDisk != nil, "azureDisk") {
		v.azureDisk(s.AzureDisk, p)
	}
	if one(s.StorageOS != nil, "storageos") {
		v.storageOS(s.StorageOS, p)
	}
	if one(s.Projected != nil, "projected") {
		v.projected(s.Projected, p)
	}
	if one(s.ScaleIO != nil, "scaleIO") {
		sp := p.child("scaleIO")
		v.required(s.ScaleIO.Gateway, &sp, "gateway")
		v.required(s.ScaleIO.System, &sp, "system")
		v.required(s.ScaleIO.VolumeName, &sp, "volumeName")
	}
	if one(s.CSI != nil, "csi") {
		v.csi(s.CSI, p)
	}
	if one(s.Ephemeral != nil, "ephemeral") {
		v.ephemeral(s.Ephemeral, p)
	}
	if one(s.Image != nil, "image") {
		ip := p.child("image")
		v.required(s.Image.Reference, &ip, "reference")
		pp := ip.child("pullPolicy")
		v.pullPolicy(s.Image.PullPolicy, &pp)
	}
}

// required reports the member of p when value is empty.
func (v *validator) required(value string, p *path, member string) {
	if value == "" {
		mp := p.child(member)
		v.add(field.Required(mp.build(), ""))
	}
}

// fileMode checks a file mode member, when set: between 0 and 0777.
func (v *validator) fileMode(mode *int32, p *path, member string) {
	if mode != nil && (*mode > 0o777 || *mode < 0) {
		mp := p.child(member)
		v.add(field.Invalid(mp.build(), *mode, fileModeMessage))
	}
}

// user checks a user ID member, when set.
func (v *validator) user(id *int64, p *path, member string) {
	if id == nil || *id >= 0 && *id <= 1<<31-1 {
		return
	}
	mp := p.child(member)
	for _, msg := range validation.IsValidUserID(*id) {
		v.add(field.Invalid(mp.build(), *id, msg))
	}
}

func (v *validator) emptyDir(e *job.EmptyDirVolumeSource, p *path) {
	ep := p.child("emptyDir")
	if e.SizeLimit != nil && e.SizeLimit.Sign() < 0 {
		sp := ep.child("sizeLimit")
		v.add(field.Forbidden(sp.build(), "SizeLimit field must be a valid resource quantity"))
	}
	if e.Mode != nil && (*e.Mode > 0o1777 || *e.Mode < 0) {
		mp := ep.child("mode")
		v.add(field.Invalid(mp.build(), *e.Mode, emptyDirModeMessage))
	}
}

var hostPathTypes = []job.HostPathType{"", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"}

func (v *validator) hostPath(h *job.HostPathVolumeSource, p *path) {
	hp := p.child("hostPath")
	pp := hp.child("path")
	if h.Path == "" {
		v.add(field.Required(pp.build(), ""))
		return
	}
	v.noBacksteps(h.Path, &pp)
	if h.Type != nil && !contains(hostPathTypes, *h.Type) {
		tp := hp.child("type")
		v.add(field.NotSupported(tp.build(), h.Type, hostPathTypes))
	}
}

// disk checks a cloud disk: its name or ID present and a partition from 0 to 255 (the
// message says 1). GCE disks report their errors under "persistentDisk".
func (v *validator) disk(id string, partition int32, p *path, member, idMember string) {
	dp := p.child(member)
	v.required(id, &dp, idMember)
	if partition < 0 || partition > 255 {
		pp := dp.child("partition")
		v.add(field.Invalid(pp.build(), partition, validation.InclusiveRangeError(1, 255)))
	}
}

// keysToPaths checks the items of a Secret or ConfigMap volume.
func (v *validator) keysToPaths(items []job.KeyToPath, p *path) {
	ip := p.child("items")
	for i := range items {
		kp := ip.at(i)
		v.keyToPath(&items[i], &kp)
	}
}

func (v *validator) keyToPath(kp *job.KeyToPath, p *path) {
	v.required(kp.Key, p, "key")
	pp := p.child("path")
	if kp.Path == "" {
		v.add(field.Required(pp.build(), ""))
	}
	v.localNonReservedPath(kp.Path, &pp)
	v.fileMode(kp.Mode, p, "mode")
	v.user(kp.User, p, "user")
}

// localNonReservedPath checks a path inside a volume: relative, without "..", and not
// starting with "..".
func (v *validator) localNonReservedPath(target string, p *path) {
	v.localDescendingPath(target, p)
	if strings.HasPrefix(target, "..") && !strings.HasPrefix(target, "../") {
		v.add(field.Invalid(p.build(), target, "must not start with '..'"))
	}
}

var (
	iqnFormat = regexp.MustCompile(`iqn\.\d{4}-\d{2}\.([[:alnum:]-.]+)(:[^,;*&$|\s]+)$`)
	euiFormat = regexp.MustCompile(`^eui.[[:alnum:]]{16}$`)
	naaFormat = regexp.MustCompile(`^naa.[[:alnum:]]{32}$`)
)

func (v *validator) iscsi(s *job.ISCSIVolumeSource, p *path) {
	ip := p.child("iscsi")
	v.required(s.TargetPortal, &ip, "targetPortal")
	qp := ip.child("iqn")
	if s.IQN == "" {
		v.add(field.Required(qp.build(), ""))
	} else if msg := iscsiName(s.IQN); msg != "" {
		v.add(field.Invalid(qp.build(), s.IQN, msg))
	}
	if s.Lun < 0 || s.Lun > 255 {
		lp := ip.child("lun")
		v.add(field.Invalid(lp.build(), s.Lun, validation.InclusiveRangeError(0, 255)))
	}
	if (s.DiscoveryCHAPAuth || s.SessionCHAPAuth) && s.SecretRef == nil {
		sp := ip.child("secretRef")
		v.add(field.Required(sp.build(), ""))
	}
	if s.InitiatorName != nil {
		name := *s.InitiatorName
		np := ip.child("initiatorname")
		if !strings.HasPrefix(name, "iqn") && !strings.HasPrefix(name, "eui") && !strings.HasPrefix(name, "naa") {
			v.add(field.Invalid(np.build(), name, "must be valid format starting with iqn, eui, or naa"))
		}
		if msg := iscsiName(name); msg == "must be valid format" {
			v.add(field.Invalid(np.build(), name, msg))
		}
	}
}

// iscsiName says what is wrong with an iSCSI qualified name, "" when nothing is.
func iscsiName(name string) string {
	switch {
	case strings.HasPrefix(name, "iqn"):
		if !iqnFormat.MatchString(name) {
			return "must be valid format"
		}
	case strings.HasPrefix(name, "eui"):
		if !euiFormat.MatchString(name) {
			return "must be valid format"
		}
	case strings.HasPrefix(name, "naa"):
		if !naaFormat.MatchString(name) {
			return "must be valid format"
		}
	default:
		return "must be valid format starting with iqn, eui, or naa"
	}
	return ""
}

func (v *validator) flocker(f *job.FlockerVolumeSource, p *path) {
	fp := p.child("flocker")
	if f.DatasetName == "" && f.DatasetUUID == "" {
		v.add(field.Required(fp.build(), "one of datasetName and datasetUUID is required"))
	}
	if f.DatasetName != "" && f.DatasetUUID != "" {
		v.add(field.Invalid(fp.build(), "resource", "datasetName and datasetUUID can not be specified simultaneously"))
	}
	if strings.Contains(f.DatasetName, "/") {
		np := fp.child("datasetName")
		v.add(field.Invalid(np.build(), f.DatasetName, "must not contain '/'"))
	}
}

// secretRefName checks that a secret reference, when given, names a secret.
func (v *validator) secretRefName(ref *job.LocalObjectReference, p *path) {
	if ref != nil && ref.Name == "" {
		sp := p.child("secretRef")
		np := sp.child("name")
		v.add(field.Required(np.build(), ""))
	}
}

func (v *validator) quobyte(q *job.QuobyteVolumeSource, p *path) {
	qp := p.child("quobyte")
	rp := qp.child("registry")
	switch {
	case q.Registry == "":
		v.add(field.Required(rp.build(), "must be a host:port pair or multiple pairs separated by commas"))
	case len(q.Tenant) >= 65:
		tp := qp.child("tenant")
		v.add(field.Required(tp.build(), "must be a UUID and may not exceed a length of 64 characters"))
	default:
		for pair := range strings.SplitSeq(q.Registry, ",") {
			if _, _, err := net.SplitHostPort(pair); err != nil {
				v.add(field.Invalid(rp.build(), q.Registry, "must be a host:port pair or multiple pairs separated by commas"))
			}
		}
	}
	v.required(q.Volume, &qp, "volume")
}

func (v *validator) fc(fc *job.FCVolumeSource, p *path) {
	fp := p.child("fc")
	tp := fp.child("targetWWNs")
	if len(fc.TargetWWNs) < 1 && len(fc.WWIDs) < 1 {
		v.add(field.Required(tp.build(), "must specify either targetWWNs or wwids, but not both"))
	}
	if len(fc.TargetWWNs) != 0 && len(fc.WWIDs) != 0 {
		v.add(field.Invalid(tp.build(), fc.TargetWWNs, "targetWWNs and wwids can not be specified simultaneously"))
	}
	if len(fc.TargetWWNs) != 0 {
		lp := fp.child("lun")
		if fc.Lun == nil {
			v.add(field.Required(lp.build(), "lun is required if targetWWNs is specified"))
		} else if *fc.Lun < 0 || *fc.Lun > 255 {
			v.add(field.Invalid(lp.build(), fc.Lun, validation.InclusiveRangeError(0, 255)))
		}
	}
}

func (v *validator) flexVolume(fv *job.FlexVolumeSource, p *path) {
	fp := p.child("flexVolume")
	v.required(fv.Driver, &fp, "driver")
	for _, k := range slices.Sorted(maps.Keys(fv.Options)) {
		ns := k
		if before, _, ok := strings.Cut(k, "/"); ok {
			ns = before
		}
		normalized := "." + strings.ToLower(ns)
		if strings.HasSuffix(normalized, ".kubernetes.io") || strings.HasSuffix(normalized, ".k8s.io") {
			op := fp.child("options")
			kp := op.key(k)
			v.add(field.Invalid(kp.build(), k, "kubernetes.io and k8s.io namespaces are reserved"))
		}
	}
}

var (
	azureCachingModes = []job.AzureDataDiskCachingMode{job.AzureDataDiskCachingNone, job.AzureDataDiskCachingReadOnly, job.AzureDataDiskCachingReadWrite}
	azureDiskKinds    = []job.AzureDataDiskKind{job.AzureDedicatedBlobDisk, job.AzureManagedDisk, job.AzureSharedBlobDisk}
)

func (v *validator) azureDisk(a *job.AzureDiskVolumeSource, p *path) {
	ap := p.child("azureDisk")
	v.required(a.DiskName, &ap, "diskName")
	up := ap.child("diskURI")
	if a.DataDiskURI == "" {
		v.add(field.Required(up.build(), ""))
	}
	if a.CachingMode != nil && !contains(azureCachingModes, *a.CachingMode) {
		cp := ap.child("cachingMode")
		v.add(field.NotSupported(cp.build(), *a.CachingMode, azureCachingModes))
	}
	if a.Kind != nil && !contains(azureDiskKinds, *a.Kind) {
		kp := ap.child("kind")
		v.add(field.NotSupported(kp.build(), *a.Kind, azureDiskKinds))
	}
	if a.Kind != nil && *a.Kind == job.AzureManagedDisk && !strings.HasPrefix(a.DataDiskURI, "/subscriptions/") {
		v.add(field.NotSupported(up.build(), a.DataDiskURI, []string{"/subscriptions/{sub-id}/resourcegroups/{group-name}/providers/microsoft.compute/disks/{disk-id}"}))
	}
	if a.Kind != nil && *a.Kind != job.AzureManagedDisk && !strings.HasPrefix(a.DataDiskURI, "https://") {
		v.add(field.NotSupported(up.build(), a.DataDiskURI, []string{"https://{account-name}.blob.core.windows.net/{container-name}/{disk-name}.vhd"}))
	}
}

func (v *validator) storageOS(s *job.StorageOSVolumeSource, p *path) {
	sp := p.child("storageos")
	np := sp.child("volumeName")
	if s.VolumeName == "" {
		v.add(field.Required(np.build(), ""))
	} else if !names.IsDNS1123Label(s.VolumeName) {
		v.dns1123Label(s.VolumeName, &np)
	}
	if s.VolumeNamespace != "" && !names.IsDNS1123Label(s.VolumeNamespace) {
		nsp := sp.child("volumeNamespace")
		v.dns1123Label(s.VolumeNamespace, &nsp)
	}
	v.secretRefName(s.SecretRef, &sp)
}

func (v *validator) csi(c *job.CSIVolumeSource, p *path) {
	cp := p.child("csi")
	dp := cp.child("driver")
	switch {
	case c.Driver == "":
		v.add(field.Required(dp.build(), ""))
	default:
		if len(c.Driver) > 63 {
			v.add(field.TooLong(dp.build(), "", 63))
		}
		if lower := strings.ToLower(c.Driver); !names.IsDNS1123Subdomain(lower) {
			for _, msg := range validation.IsDNS1123Subdomain(lower) {
				v.add(field.Invalid(dp.build(), c.Driver, msg))
			}
		}
	}
	if ref := c.NodePublishSecretRef; ref != nil {
		if ref.Name == "" {
			sp := cp.child("nodePublishSecretRef")
			np := sp.child("name")
			v.add(field.Required(np.build(), ""))
		} else if !names.IsDNS1123Subdomain(ref.Name) {
			np := cp.child("name")
			for _, msg := range validation.IsDNS1123Subdomain(ref.Name) {
				v.add(field.Invalid(np.build(), ref.Name, msg))
			}
		}
	}
}

// downwardAPIFile checks a file of a downward API volume or projection, whose errors the
// server reports at the volume's path: a relative path, exactly one of a field and a
// resource reference, a file mode and a user.
func (v *validator) downwardAPIFile(f *job.DownwardAPIVolumeFile, p *path) {
	pp := p.child("path")
	if f.Path == "" {
		v.add(field.Required(pp.build(), ""))
	}
	v.localNonReservedPath(f.Path, &pp)
	switch {
	case f.FieldRef != nil:
		fp := p.child("fieldRef")
		v.objectFieldSelector(f.FieldRef, volumeFieldPaths, &fp)
		if f.ResourceFieldRef != nil {
			v.add(field.Invalid(p.build(), "resource", "fieldRef and resourceFieldRef can not be specified simultaneously"))
		}
	case f.ResourceFieldRef != nil:
		rp := p.child("resourceFieldRef")
		v.resourceFieldSelector(f.ResourceFieldRef, &rp, true)
	default:
		v.add(field.Required(p.build(), "one of fieldRef and resourceFieldRef is required"))
	}
	v.fileMode(f.Mode, p, "mode")
	v.user(f.User, p, "user")
}

// volumeFieldPaths are the pod fields a downward API volume may hold.
var volumeFieldPaths = []string{"metadata.annotations", "metadata.labels", "metadata.name", "metadata.namespace", "metadata.uid"}

// pullPolicy checks an image pull policy: a known one, or empty, as defaulting fills it in.
func (v *validator) pullPolicy(policy job.PullPolicy, p *path) {
	switch policy {
	case "", job.PullAlways, job.PullIfNotPresent, job.PullNever:
	default:
		v.add(field.NotSupported(p.build(), policy, []job.PullPolicy{job.PullAlways, job.PullIfNotPresent, job.PullNever}))
	}
}
