package indexes

import (
	"math/bits"
	"unsafe"
)

// This file holds the two inner loops of the package: reading a run of decimal digits and
// writing a number. Both work on eight bytes at a time, because the byte-at-a-time loops are
// bound by the latency of the multiply-add chain (u = u*10 + d) and dominate the cost of
// reading and writing lists of 100000 indexes.

const (
	ones   = 0x0101010101010101
	zeros  = 0x3030303030303030 // "00000000"
	nibble = 0xF0F0F0F0F0F0F0F0
)

// load8 reads s[i:i+8] as a little-endian word: s[i] is the low byte. The caller ensures
// i+8 <= len(s).
func load8(s string, i int) uint64 {
	b := s[i : i+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// digitRun returns how many of the eight bytes of x, from the low byte, are ASCII digits
// before the first byte that is not (8 when all are).
func digitRun(x uint64) int {
	// A byte is a digit when its high nibble is 3 and stays 3 after adding 6. Within a run of
	// digits the addition cannot carry from one byte into the next.
	notDigit := (x&nibble ^ zeros) | ((x+6*ones)&nibble ^ zeros)
	return bits.TrailingZeros64(notDigit) >> 3
}

// digitsValue converts the first n (1 to 7) digit bytes of x to their value.
func digitsValue(x uint64, n int) uint64 {
	v := (x - zeros) << (64 - 8*n) // the n digits, most significant in the lowest kept byte, zeros before
	v = (v * (10<<8 + 1)) >> 8 & 0x00FF00FF00FF00FF
	v = (v * (100<<16 + 1)) >> 16 & 0x0000FFFF0000FFFF
	return (v * (10000<<32 + 1)) >> 32
}

// writeInt writes v, which is not negative, into b ending just before end, and returns
// where it starts.
func writeInt(b []byte, end int, v int) int {
	const pairs = "00010203040506070809101112131415161718192021222324252627282930313233343536373839" +
		"40414243444546474849505152535455565758596061626364656667686970717273747576777879" +
		"8081828384858687888990919293949596979899"
	u := uint(v)
	for u >= 100 {
		q := u / 100
		r := (u - q*100) * 2
		end -= 2
		b[end], b[end+1] = pairs[r], pairs[r+1]
		u = q
	}
	if u >= 10 {
		end -= 2
		b[end], b[end+1] = pairs[u*2], pairs[u*2+1]
		return end
	}
	end--
	b[end] = byte('0' + u)
	return end
}

// decimalLen returns the number of digits of v, which is not negative.
func decimalLen(v int) int {
	n := 1
	for v >= 10000 {
		v /= 10000
		n += 4
	}
	switch {
	case v >= 1000:
		return n + 3
	case v >= 100:
		return n + 2
	case v >= 10:
		return n + 1
	}
	return n
}

// bytesString returns b as a string without copying; b must not change afterwards.
func bytesString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}
