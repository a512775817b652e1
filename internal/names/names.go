// Package names checks the name formats of Kubernetes (DNS labels and subdomains, label
// keys and values) without allocating. Each predicate accepts exactly what the
// corresponding apimachinery function (package k8s.io/apimachinery/pkg/api/validate/content)
// accepts — fuzz tests hold them together — so that callers can ask apimachinery for the
// error messages only once a value is known to be bad.
package names

import "strings"

// Length limits of the formats.
const (
	DNS1123LabelMaxLength     = 63
	DNS1123SubdomainMaxLength = 253
	LabelKeyNameMaxLength     = 63
	LabelValueMaxLength       = 63
)

func isLowerAlnum(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }

func isAlnum(c byte) bool { return isLowerAlnum(c) || c >= 'A' && c <= 'Z' }

// IsDNS1123Label reports whether s is a lowercase RFC 1123 label: at most 63 characters of
// [a-z0-9-], starting and ending with [a-z0-9].
func IsDNS1123Label(s string) bool {
	return len(s) <= DNS1123LabelMaxLength && isLabel(s)
}

// isLabel checks the label pattern without a length limit.
func isLabel(s string) bool {
	if s == "" || !isLowerAlnum(s[0]) || !isLowerAlnum(s[len(s)-1]) {
		return false
	}
	for i := 1; i < len(s)-1; i++ {
		if c := s[i]; !isLowerAlnum(c) && c != '-' {
			return false
		}
	}
	return true
}

// IsDNS1123Subdomain reports whether s is a lowercase RFC 1123 subdomain: at most 253
// characters, labels of [a-z0-9-] separated by dots.
func IsDNS1123Subdomain(s string) bool {
	if len(s) > DNS1123SubdomainMaxLength {
		return false
	}
	return isSubdomain(s)
}

// isSubdomain checks the subdomain pattern without a length limit.
func isSubdomain(s string) bool {
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == '.' {
			if !isLabel(s[start:i]) {
				return false
			}
			start = i + 1
		}
	}
	return true
}

// IsQualifiedName reports whether s is a label key (a qualified name): an optional DNS
// subdomain prefix and a slash, then a name of at most 63 characters of [A-Za-z0-9-_.]
// that starts and ends with an alphanumeric character.
func IsQualifiedName(s string) bool {
	name := s
	for i := 0; i < len(s); i++ {
		if s[i] == '/' {
			prefix := s[:i]
			name = s[i+1:]
			if prefix == "" || !IsDNS1123Subdomain(prefix) {
				return false
			}
			break
		}
	}
	return name != "" && len(name) <= LabelKeyNameMaxLength && isKeyName(name)
}

// isKeyName checks the name part of a label key: no slash, alphanumeric at both ends,
// [A-Za-z0-9-_.] between.
func isKeyName(s string) bool {
	if s == "" || !isAlnum(s[0]) || !isAlnum(s[len(s)-1]) {
		return false
	}
	for i := 1; i < len(s)-1; i++ {
		if c := s[i]; !isAlnum(c) && c != '-' && c != '_' && c != '.' {
			return false
		}
	}
	return true
}

// IsLabelValue reports whether s is a label value: empty, or at most 63 characters of
// [A-Za-z0-9-_.] that start and end with an alphanumeric character.
func IsLabelValue(s string) bool {
	return s == "" || len(s) <= LabelValueMaxLength && isKeyName(s)
}

// IsDNS1123SubdomainPrefix reports whether s is a valid generateName prefix for names that
// must be DNS subdomains, as apimachinery's NameIsDNSSubdomain checks prefixes: a trailing
// hyphen and the character before it are read as one letter.
func IsDNS1123SubdomainPrefix(s string) bool {
	if len(s) <= 1 || s[len(s)-1] != '-' {
		return IsDNS1123Subdomain(s)
	}
	head := s[:len(s)-2] // the name checked is head+"a"
	if len(head)+1 > DNS1123SubdomainMaxLength {
		return false
	}
	last := head[strings.LastIndexByte(head, '.')+1:]
	if last != "" && !isLowerAlnum(last[0]) {
		return false
	}
	for i := 1; i < len(last); i++ {
		if c := last[i]; !isLowerAlnum(c) && c != '-' {
			return false
		}
	}
	return len(head) == len(last) || isSubdomain(head[:len(head)-len(last)-1])
}

// IsQualifiedNameFold is IsQualifiedName of s lowercased, without lowercasing unless s has
// an upper-case or non-ASCII byte: annotation keys are checked that way. Non-ASCII matters:
// strings.ToLower maps 'İ' to "i" and the Kelvin sign to "k", which are valid.
func IsQualifiedNameFold(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			return IsQualifiedName(strings.ToLower(s))
		}
	}
	return IsQualifiedName(s)
}

// IsPathSegmentName reports whether s can be a name in a URL path: not "." or "..", and
// without "/" or "%".
func IsPathSegmentName(s string) bool {
	return s != "." && s != ".." && !strings.ContainsAny(s, "/%")
}
