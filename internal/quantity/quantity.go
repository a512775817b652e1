// Package quantity reads resource quantities exactly as apimachinery's resource.Quantity
// does, in bounded time.
//
// apimachinery rounds a quantity with a large negative decimal exponent digit by digit: a
// twelve-byte value such as "1e-999999999" takes it longer than any client waits, and
// "1e-9999999" more than a second. Every value below a nanounit rounds up to one nanounit
// (or to zero), so Parse replaces such an exponent with a smaller one that rounds the same
// way, and gets apimachinery's answer at once. An exponent of more than MaxExponentDigits
// digits is rejected with ErrExponent: no quantity is written so, and the API server would
// not answer within its request timeout.
package quantity

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"k8s.io/apimachinery/pkg/api/resource"
)

// MaxExponentDigits is the most significant digits a decimal exponent may have: exponents
// up to 999999 in magnitude are read.
const MaxExponentDigits = 6

// ErrExponent is the error for a decimal exponent of more than MaxExponentDigits digits.
var ErrExponent = errors.New("the decimal exponent is out of range")

// Parse reads a quantity as resource.ParseQuantity does.
func Parse(s string) (resource.Quantity, error) {
	bounded, err := bound(s)
	if err != nil {
		return resource.Quantity{}, err
	}
	return resource.ParseQuantity(bounded)
}

// UnmarshalJSON reads the JSON form of a quantity into q as (*resource.Quantity).UnmarshalJSON
// does: null, or the text of a string or number.
func UnmarshalJSON(data []byte, q *resource.Quantity) error {
	text := data
	if l := len(text); l >= 2 && text[0] == '"' && text[l-1] == '"' {
		text = text[1 : l-1]
	}
	s := strings.TrimSpace(string(text))
	bounded, err := bound(s)
	if err != nil {
		return err
	}
	if bounded == s {
		return q.UnmarshalJSON(data)
	}
	parsed, err := resource.ParseQuantity(bounded)
	if err != nil {
		return err
	}
	*q = parsed
	return nil
}

// bound returns s with a decimal exponent below what changes the value's rounding replaced
// by one that rounds the same way, or ErrExponent.
func bound(s string) (string, error) {
	num := numberLen(s)
	if num == 0 || num+1 >= len(s) || (s[num] != 'e' && s[num] != 'E') {
		return s, nil
	}
	exp, negative := s[num+1:], false
	if exp[0] == '+' || exp[0] == '-' {
		exp, negative = exp[1:], exp[0] == '-'
	}
	if !allDigits(exp) {
		return s, nil // not an exponent: ParseQuantity reads or rejects it as it is
	}
	digits := strings.TrimLeft(exp, "0")
	if len(digits) > MaxExponentDigits {
		return "", fmt.Errorf("quantity %q: %w (at most %d digits)", s, ErrExponent, MaxExponentDigits)
	}
	// m×10^-k, with m written in num characters, is below 10^-10 once k exceeds num+10: it
	// rounds up to one nanounit, or is zero, whatever k.
	floor := num + 12
	if e, _ := strconv.Atoi(digits); !negative || e <= floor {
		return s, nil
	}
	return s[:num] + "e-" + strconv.Itoa(floor), nil
}

// numberLen is the length of the signed decimal number that starts a quantity, 0 when it
// has no digit.
func numberLen(s string) int {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digit := false
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.') {
		digit = digit || s[i] != '.'
		i++
	}
	if !digit {
		return 0
	}
	return i
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
