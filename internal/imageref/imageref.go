// Package imageref reads container image references as the API server does when it defaults
// an image pull policy: with the grammar of Docker image references (the one
// github.com/distribution/reference implements), names normalized as Docker normalizes
// familiar ones ("busybox" is docker.io/library/busybox).
package imageref

import "strings"

// MaxPathLength is the longest repository path (the name without its domain) a reference may
// have.
const MaxPathLength = 255

// Tag returns the tag a reference pulls: its own, "latest" when it has neither a tag nor a
// digest, and "" when it has only a digest or is not a valid reference.
func Tag(ref string) string {
	tag, digest, ok := parse(ref)
	switch {
	case !ok:
		return ""
	case tag == "" && !digest:
		return "latest"
	}
	return tag
}

// parse reads a reference as Docker normalizes and parses it: its tag, whether it has a
// digest, and whether it is valid.
func parse(ref string) (tag string, digest bool, ok bool) {
	if isIdentifier(ref) {
		return "", false, false // a bare 64-hex image ID is not a name
	}
	domain, rest := splitDomain(ref)
	remote, _, _ := strings.Cut(rest, ":")
	if hasUpper(remote) {
		return "", false, false
	}
	return parseReference(domain + "/" + rest)
}

// splitDomain splits a reference into its registry domain and the rest, as Docker does: the
// first path element is a domain when it is "localhost", holds a dot or a colon, or has an
// upper-case letter; otherwise the domain is docker.io, and a single-element name on it is
// in the "library/" namespace.
func splitDomain(ref string) (domain, rest string) {
	first, after, found := strings.Cut(ref, "/")
	switch {
	case !found:
		return "docker.io", "library/" + ref
	case first == "localhost":
		domain, rest = first, after
	case first == "index.docker.io":
		domain, rest = "docker.io", after
	case strings.ContainsAny(first, ".:") || hasUpper(first):
		domain, rest = first, after
	default:
		domain, rest = "docker.io", ref
	}
	if domain == "docker.io" && !strings.Contains(rest, "/") {
		rest = "library/" + rest
	}
	return domain, rest
}

// parseReference checks name[:tag][@digest].
func parseReference(s string) (tag string, digest bool, ok bool) {
	nameTag, dig, hasDigest := strings.Cut(s, "@")
	if hasDigest && !validDigest(dig) {
		return "", false, false
	}
	name := nameTag
	slash := strings.LastIndexByte(nameTag, '/')
	if colon := strings.IndexByte(nameTag[slash+1:], ':'); colon >= 0 {
		name, tag = nameTag[:slash+1+colon], nameTag[slash+2+colon:]
		if !validTag(tag) {
			return "", false, false
		}
	}
	path, ok := repositoryPath(name)
	if !ok || len(path) > MaxPathLength {
		return "", false, false
	}
	return tag, hasDigest, true
}

// repositoryPath returns the path of a name, [domain[:port]/]path, preferring to read its
// first element as a domain, and whether the name is valid.
func repositoryPath(name string) (string, bool) {
	if first, rest, found := strings.Cut(name, "/"); found && validDomain(first) && validPath(rest) {
		return rest, true
	}
	return name, validPath(name)
}

// validDomain checks host[:port], the host a domain name of letters, digits and inner
// dashes in dot-separated components, or an IPv6 address in brackets.
func validDomain(s string) bool {
	host := s
	if i := strings.LastIndexByte(s, ':'); i >= 0 && !strings.HasSuffix(s, "]") {
		host = s[:i]
		if port := s[i+1:]; port == "" || !allOf(port, isDigit) {
			return false
		}
	}
	if strings.HasPrefix(host, "[") {
		inner, closed := strings.CutSuffix(host[1:], "]")
		return closed && inner != "" && allOf(inner, func(c byte) bool { return isHex(c) || c == ':' })
	}
	for component := range strings.SplitSeq(host, ".") {
		if component == "" || component[0] == '-' || component[len(component)-1] == '-' ||
			!allOf(component, func(c byte) bool { return isAlnum(c) || c == '-' }) {
			return false
		}
	}
	return true
}

// validPath checks a repository path: components separated by slashes, each runs of lower
// case letters and digits joined by one dot, one or two underscores, or dashes.
func validPath(s string) bool {
	for component := range strings.SplitSeq(s, "/") {
		if !validComponent(component) {
			return false
		}
	}
	return true
}

func validComponent(s string) bool {
	if s == "" || !isLowerAlnum(s[0]) || !isLowerAlnum(s[len(s)-1]) {
		return false
	}
	for i := 0; i < len(s); {
		if isLowerAlnum(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && !isLowerAlnum(s[j]) {
			j++
		}
		switch sep := s[i:j]; {
		case sep == "." || sep == "_" || sep == "__":
		case allOf(sep, func(c byte) bool { return c == '-' }):
		default:
			return false
		}
		i = j
	}
	return true
}

// validTag checks a tag: a word character, then at most 127 word characters, dots and
// dashes.
func validTag(s string) bool {
	return s != "" && len(s) <= 128 && isWord(s[0]) &&
		allOf(s, func(c byte) bool { return isWord(c) || c == '.' || c == '-' })
}

// validDigest checks algorithm:hex, with an algorithm the API server can compute (sha256,
// sha384, sha512) and its number of lower-case hex digits.
func validDigest(s string) bool {
	algorithm, encoded, found := strings.Cut(s, ":")
	if !found {
		return false
	}
	var size int
	switch algorithm {
	case "sha256":
		size = 64
	case "sha384":
		size = 96
	case "sha512":
		size = 128
	default:
		return false
	}
	return len(encoded) == size && allOf(encoded, func(c byte) bool { return isDigit(c) || 'a' <= c && c <= 'f' })
}

func isIdentifier(s string) bool {
	return len(s) == 64 && allOf(s, func(c byte) bool { return isDigit(c) || 'a' <= c && c <= 'f' })
}

func allOf(s string, ok func(byte) bool) bool {
	for i := 0; i < len(s); i++ {
		if !ok(s[i]) {
			return false
		}
	}
	return true
}

func hasUpper(s string) bool {
	return !allOf(s, func(c byte) bool { return c < 'A' || c > 'Z' })
}

func isDigit(c byte) bool      { return '0' <= c && c <= '9' }
func isLowerAlnum(c byte) bool { return isDigit(c) || 'a' <= c && c <= 'z' }
func isAlnum(c byte) bool      { return isLowerAlnum(c) || 'A' <= c && c <= 'Z' }
func isHex(c byte) bool        { return isDigit(c) || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }
func isWord(c byte) bool       { return isAlnum(c) || c == '_' }
