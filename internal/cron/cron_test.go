package cron

import "testing"

func TestCheck(t *testing.T) {
	tests := []struct{ schedule, err string }{
		{"*/5 * * * *", ""},
		{"0 9 * * MON-FRI", ""},
		{"@hourly", ""},
		{"@every 90m", ""},
		{"", "empty spec string"},
		{"* * * *", "expected exactly 5 fields, found 4: [* * * *]"},
		{"60 * * * *", "end of range (60) above maximum (59): 60"},
		{"0 0 0 * *", "beginning of range (0) below minimum (1): 0"},
		{"5-1 * * * *", "beginning of range (5) beyond end of range (1): 5-1"},
		{"*/0 * * * *", "step of range should be a positive number: */0"},
		{"1-2-3 * * * *", "too many hyphens: 1-2-3"},
		{"1/2/3 * * * *", "too many slashes: 1/2/3"},
		{"x * * * *", `failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax`},
		{"@daly", "unrecognized descriptor: @daly"},
		{"@every soon", `failed to parse duration @every soon: time: invalid duration "soon"`},
		{"TZ=UTC", "invalid schedule format: runtime error: slice bounds out of range [:-1]"},
		{"TZ=UTC 0 0 * * *", ""},
	}
	for _, tt := range tests {
		err := Check(tt.schedule)
		if got := errText(err); got != tt.err {
			t.Errorf("Check(%q) = %q, want %q", tt.schedule, got, tt.err)
		}
	}
}

// TestUpstreamCases runs the schedules the cron library was asked about.
func TestUpstreamCases(t *testing.T) {
	for _, c := range upstreamCases {
		if got := errText(Check(c.schedule)); got != c.err {
			t.Errorf("Check(%q) = %q, upstream %q", c.schedule, got, c.err)
		}
	}
}

// FuzzCheck: any schedule is checked without panicking.
func FuzzCheck(f *testing.F) {
	for _, c := range upstreamCases {
		f.Add(c.schedule)
	}
	f.Fuzz(func(t *testing.T, schedule string) { _ = Check(schedule) })
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
