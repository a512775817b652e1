package indexes

import (
	"encoding/binary"
	"math/bits"
	"strconv"
	"unsafe"
)

// This file holds the two inner loops of the package: reading a run of decimal digits and
// writing a number. Both work on eight bytes at a time, because the digit-at-a-time loops
// are bound by the latency of their multiply chains (u = u*10 + d, u = u/10) and dominate
// the cost of reading and writing lists of 100000 indexes.

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

// digits8 returns the eight decimal digits of v, which is below 10^8, one per byte with
// leading zeros, the most significant digit in the low byte: stored little-endian, they read
// in order. It splits v in lanes, 10000s in two 32-bit lanes, then 100s in four 16-bit
// lanes, then 10s in eight bytes, dividing every lane at once by a multiply and a shift.
func digits8(v uint64) uint64 {
	x := v/10000 | v%10000<<32
	q := x * 5243 >> 19 & 0x0000007F0000007F // x/100 in each lane, exact below 10000
	x = q | (x-q*100)<<16
	q = x * 103 >> 10 & 0x000F000F000F000F // x/10 in each lane, exact below 100
	return q | (x-q*10)<<8
}

// putInt writes v in decimal at b[i:] and returns the offset after it. b must have room
// for v and, below 10^8, for eight bytes from i. Loops over many numbers write the
// common case themselves, with digitCount and put8, as a call per number costs a fifth
// of their time.
func putInt(b []byte, i int, v int) int {
	if uint(v) < 1e8 {
		n := digitCount(v)
		put8(b, i, v, n)
		return i + n
	}
	return i + len(strconv.AppendInt(b[i:i], int64(v), 10))
}

// put8 stores the n digits of v, which is below 10^8, at b[i:], and garbage after them up
// to b[i+8].
func put8(b []byte, i int, v int, n int) {
	binary.LittleEndian.PutUint64(b[i:], (digits8(uint64(v))+zeros)>>(64-8*n))
}

// digitCount returns the number of digits of v, which is not negative and below 10^8.
// It counts by comparisons, not from the digits, so that the offset of the next number
// does not wait for this one's digits and the writes of a list overlap; each (v-p)>>63 is
// -1 when v < p and 0 otherwise. It is branch-free and small enough to be inlined.
func digitCount(v int) int {
	return 8 + (v-10)>>63 + (v-100)>>63 + (v-1e3)>>63 + (v-1e4)>>63 + (v-1e5)>>63 + (v-1e6)>>63 + (v-1e7)>>63
}

// decimalLen returns the number of digits of v, which is not negative.
func decimalLen(v int) int {
	if v >= 1e8 {
		return 8 + decimalLen(v/1e8)
	}
	return digitCount(v)
}

// bytesString returns b as a string without copying; b must not change afterwards.
func bytesString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}
