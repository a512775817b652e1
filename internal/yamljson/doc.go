// Package yamljson converts the YAML of Kubernetes manifests to JSON without building a
// generic object tree, byte for byte as sigs.k8s.io/yaml's YAMLToJSON does (the conversion
// kubectl and the API server use): YAML 1.1 scalars (yes and on are true, 0x1F is 31),
// object keys sorted, strings escaped as encoding/json escapes them.
//
// It reads the YAML that manifests are written in: block mappings and sequences, flow
// collections, plain, quoted, literal and folded scalars, comments. [Convert] declines a
// document that uses anything else, or anything whose reading the two might not agree on,
// and the caller converts that document the slow way: anchors, aliases, tags, merge keys,
// directives, complex keys, non-string keys, duplicate keys, plain or quoted scalars that
// span lines, tabs outside block scalars, carriage returns, YAML line breaks other than
// "\n", a byte order mark, and every document that the slow way would reject. A declined
// document costs one partial scan.
package yamljson
