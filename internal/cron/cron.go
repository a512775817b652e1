// Package cron checks cron schedules as the API server does for CronJobs: the standard
// five-field format and the @ descriptors of the cron library Kubernetes uses
// (github.com/robfig/cron/v3), with its error messages word for word.
package cron

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Check reports why schedule is not a valid schedule, or nil, in the words of the API
// server: the cron library's errors, and "invalid schedule format: ..." for the schedules
// that make the library panic (a TZ= prefix without a schedule after it).
func Check(schedule string) error {
	if schedule == "" {
		return errors.New("empty spec string")
	}
	if strings.HasPrefix(schedule, "TZ=") || strings.HasPrefix(schedule, "CRON_TZ=") {
		space := strings.Index(schedule, " ")
		if space < 0 {
			// The library slices schedule[eq+1:space] and panics; the server recovers.
			return errors.New("invalid schedule format: runtime error: slice bounds out of range [:-1]")
		}
		eq := strings.Index(schedule, "=")
		if eq+1 > space {
			return fmt.Errorf("invalid schedule format: runtime error: slice bounds out of range [%d:%d]", eq+1, space)
		}
		name := schedule[eq+1 : space]
		if _, err := time.LoadLocation(name); err != nil {
			return fmt.Errorf("provided bad location %s: %v", name, err)
		}
		schedule = strings.TrimSpace(schedule[space:])
	}
	if strings.HasPrefix(schedule, "@") {
		return checkDescriptor(schedule)
	}
	fields := strings.Fields(schedule)
	if len(fields) != 5 {
		return fmt.Errorf("expected exactly 5 fields, found %d: %s", len(fields), fields)
	}
	for i, r := range fieldBounds() {
		if err := checkField(fields[i], r); err != nil {
			return err
		}
	}
	return nil
}

// bounds are the values a field may take, and its names.
type bounds struct {
	min, max uint
	name     func(string) (uint, bool)
}

// fieldBounds are the bounds of the five fields: minute, hour, day of month, month, day
// of week.
func fieldBounds() [5]bounds {
	return [...]bounds{{0, 59, noNames}, {0, 23, noNames}, {1, 31, noNames}, {1, 12, monthName}, {0, 6, dayName}}
}

func noNames(string) (uint, bool) { return 0, false }

// monthName reads jan to dec, in any case.
func monthName(s string) (uint, bool) {
	return nameIndex(s, "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", 1)
}

// dayName reads sun to sat, in any case.
func dayName(s string) (uint, bool) {
	return nameIndex(s, "sun", "mon", "tue", "wed", "thu", "fri", "sat", "", "", "", "", "", 0)
}

// nameIndex finds s, lower-cased, among names and returns its position plus first.
func nameIndex(s string, a, b, c, d, e, f, g, h, i, j, k, l string, first uint) (uint, bool) {
	s = strings.ToLower(s)
	for n, name := range [...]string{a, b, c, d, e, f, g, h, i, j, k, l} {
		if name != "" && s == name {
			return uint(n) + first, true
		}
	}
	return 0, false
}

// checkDescriptor checks an @ descriptor: @yearly, @annually, @monthly, @weekly, @daily,
// @midnight, @hourly, or "@every " and a duration.
func checkDescriptor(d string) error {
	switch d {
	case "@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly":
		return nil
	}
	const every = "@every "
	if strings.HasPrefix(d, every) {
		if _, err := time.ParseDuration(d[len(every):]); err != nil {
			return fmt.Errorf("failed to parse duration %s: %s", d, err)
		}
		return nil
	}
	return fmt.Errorf("unrecognized descriptor: %s", d)
}

// checkField checks a field: comma-separated ranges, empty ones skipped.
func checkField(field string, r bounds) error {
	for expr := range strings.SplitSeq(field, ",") {
		if expr == "" {
			continue
		}
		if err := checkRange(expr, r); err != nil {
			return err
		}
	}
	return nil
}

// checkRange checks one range: * or ?, a number or name, or low-high, each optionally
// followed by /step.
func checkRange(expr string, r bounds) error {
	rangeAndStep := strings.Split(expr, "/")
	lowAndHigh := strings.Split(rangeAndStep[0], "-")
	var start, end uint
	if lowAndHigh[0] == "*" || lowAndHigh[0] == "?" {
		start, end = r.min, r.max
	} else {
		var err error
		if start, err = parseIntOrName(lowAndHigh[0], r.name); err != nil {
			return err
		}
		switch len(lowAndHigh) {
		case 1:
			end = start
		case 2:
			if end, err = parseIntOrName(lowAndHigh[1], r.name); err != nil {
				return err
			}
		default:
			return fmt.Errorf("too many hyphens: %s", expr)
		}
	}
	step := uint(1)
	switch len(rangeAndStep) {
	case 1:
	case 2:
		var err error
		if step, err = parseInt(rangeAndStep[1]); err != nil {
			return err
		}
		if len(lowAndHigh) == 1 {
			end = r.max
		}
	default:
		return fmt.Errorf("too many slashes: %s", expr)
	}
	switch {
	case start < r.min:
		return fmt.Errorf("beginning of range (%d) below minimum (%d): %s", start, r.min, expr)
	case end > r.max:
		return fmt.Errorf("end of range (%d) above maximum (%d): %s", end, r.max, expr)
	case start > end:
		return fmt.Errorf("beginning of range (%d) beyond end of range (%d): %s", start, end, expr)
	case step == 0:
		return fmt.Errorf("step of range should be a positive number: %s", expr)
	}
	return nil
}

func parseIntOrName(expr string, name func(string) (uint, bool)) (uint, error) {
	if n, ok := name(expr); ok {
		return n, nil
	}
	return parseInt(expr)
}

func parseInt(expr string) (uint, error) {
	n, err := strconv.Atoi(expr)
	if err != nil {
		return 0, fmt.Errorf("failed to parse int from %s: %s", expr, err)
	}
	if n < 0 {
		return 0, fmt.Errorf("negative number (%d) not allowed: %s", n, expr)
	}
	return uint(n), nil
}
