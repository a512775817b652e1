package imageref

import (
	"strings"
	"testing"
)

func TestTag(t *testing.T) {
	sha := "sha256:" + strings.Repeat("0", 64)
	tests := []struct{ ref, want string }{
		// Familiar names, registries, ports, IPv6.
		{"busybox", "latest"},
		{"busybox:1.36", "1.36"},
		{"busybox:latest", "latest"},
		{"library/busybox:1", "1"},
		{"docker.io/library/busybox:1", "1"},
		{"index.docker.io/busybox:2", "2"},
		{"registry.example.com/tools/runner:v2", "v2"},
		{"localhost/app", "latest"},
		{"localhost:5000/app:dev", "dev"},
		{"1.2.3.4:5/a", "latest"},
		{"[::1]:5000/app:x", "x"},
		{"[fe80::1]/app", "latest"},
		{"Example.com/app:1", "1"}, // an upper-case first element is a domain
		{"a/b/c/d:TAG_with.Upper-1", "TAG_with.Upper-1"},
		{"a__b/c-----d/e.f/g_h", "latest"}, // separators
		// Digests.
		{"ubuntu@" + sha, ""},
		{"ubuntu:22.04@" + sha, "22.04"},
		{"ubuntu@sha512:" + strings.Repeat("a", 128), ""},
		{"ubuntu@sha384:" + strings.Repeat("b", 96), ""},
		// Invalid references: no tag, so the pull policy defaults to IfNotPresent.
		{"", ""},
		{" ", ""},
		{"a b", ""},
		{"..", ""},
		{"/", ""},
		{"example.com/", ""},
		{"1.2.3.4:5", "5"},     // without a path, the port reads as a tag
		{"Busybox", ""},        // upper case in the repository
		{"bad_name", "latest"}, // one underscore is a separator
		{"a___b", ""},          // three are not
		{"a._b", ""},           // nor two different ones
		{"-a", ""}, {"a-", ""}, {"a.", ""},
		{"example.com:/a", ""},       // an empty port
		{"exa_mple.com/a", "latest"}, // not a domain, but a valid path
		{"exa_mple.com:1/a", ""},     // neither
		{"[]:0/00", ""},              // empty brackets
		{"-example.com/a", ""},       // a dash starting a domain component
		{"a:", ""},                   // an empty tag
		{"a:.x", ""},                 // a tag starting with a dot
		{"a:" + strings.Repeat("t", 128), strings.Repeat("t", 128)},
		{"a:" + strings.Repeat("t", 129), ""},
		{"a:b:c", ""},
		{"a@sha256:" + strings.Repeat("A", 64), ""}, // upper-case hex
		{"a@sha256:" + strings.Repeat("0", 63), ""},
		{"a@md5:" + strings.Repeat("0", 32), ""},
		{"a@" + sha + "@" + sha, ""},
		{strings.Repeat("a", 64), ""}, // an image ID
		{strings.Repeat("a", 63), "latest"},
		{strings.Repeat("f", 64) + ":1", "1"},       // not only hex
		{"x/" + strings.Repeat("a", 253), "latest"}, // a 255-byte path
		{"x/" + strings.Repeat("a", 254), ""},
		{strings.Repeat("a", 247), "latest"}, // library/ + 247 = 255
		{strings.Repeat("a", 248), ""},
	}
	for _, tt := range tests {
		if got := Tag(tt.ref); got != tt.want {
			t.Errorf("Tag(%q) = %q, want %q", tt.ref, got, tt.want)
		}
	}
}

// TestUpstreamCases runs references on which the Docker reference parser was asked for its
// answer. The corpus's create/image cases have the API server judge the pull policy these
// give, through defaulting.
func TestUpstreamCases(t *testing.T) {
	for _, c := range upstreamCases {
		if got := Tag(c.ref); got != c.tag {
			t.Errorf("Tag(%q) = %q, upstream %q", c.ref, got, c.tag)
		}
	}
}

// FuzzTag: any string is read without panicking, and a tag it finds is one.
func FuzzTag(f *testing.F) {
	for _, c := range upstreamCases {
		f.Add(c.ref)
	}
	f.Fuzz(func(t *testing.T, ref string) {
		if tag := Tag(ref); tag != "" && !validTag(tag) {
			t.Fatalf("Tag(%q) = %q, not a tag", ref, tag)
		}
	})
}
