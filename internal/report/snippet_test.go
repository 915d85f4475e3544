package report

import (
	"bytes"
	"slices"
	"testing"
	"unicode"
)

func TestLayout(t *testing.T) {
	tests := []struct {
		name   string
		line   string
		widths []int
		kinds  []unitKind
	}{
		{"ascii", "Police said", []int{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, nil},
		{"tab to the next stop of four", "AP\tKyiv", []int{1, 1, 2, 1, 1, 1, 1}, []unitKind{0, 0, spaces, 0, 0, 0, 0}},
		{"tab at a stop", "\tx", []int{4, 1}, []unitKind{spaces, 0}},
		{"CJK is two cells", "基辅", []int{2, 2}, nil},
		{"a family emoji is one cluster of two cells", "👨‍👩‍👧!", []int{2, 1}, nil},
		{"a flag is one cluster", "🇺🇦", []int{2}, nil},
		{"a combining accent adds no cell", "Zelenskyy\u0301", []int{1, 1, 1, 1, 1, 1, 1, 1, 1, 0}, nil},
		{"an invalid byte is one visible cell", "a\xffb", []int{1, 1, 1}, []unitKind{0, replaced, 0}},
		{"a control character is one visible cell", "a\vb\x85", []int{1, 1, 1, 1}, []unitKind{0, replaced, 0, replaced}},
		{"a bidi override is one visible cell", "\u202Eab", []int{1, 1, 1}, []unitKind{replaced, 0, 0}},
		{"a byte-order mark is hidden", "\uFEFFOn", []int{0, 1, 1}, []unitKind{hidden, 0, 0}},
		{"a truncated sequence at the end", "ok\xe2\x80", []int{1, 1, 1, 1}, []unitKind{0, 0, replaced, replaced}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			us := layout(nil, []byte(tt.line), 0, len(tt.line))
			var widths []int
			var kinds []unitKind
			next := 0
			for _, u := range us {
				if u.start != next {
					t.Errorf("unit at %d, want %d: units must tile the line", u.start, next)
				}
				next = u.end
				widths = append(widths, u.width)
				kinds = append(kinds, u.kind)
			}
			if next != len(tt.line) {
				t.Errorf("units end at %d, the line at %d", next, len(tt.line))
			}
			if !slices.Equal(widths, tt.widths) {
				t.Errorf("widths = %v, want %v", widths, tt.widths)
			}
			if tt.kinds != nil && !slices.Equal(kinds, tt.kinds) {
				t.Errorf("kinds = %v, want %v", kinds, tt.kinds)
			}
		})
	}
}

func TestWindow(t *testing.T) {
	ascii := func(n int) []unit {
		us := make([]unit, n)
		for i := range us {
			us[i] = unit{start: i, end: i + 1, width: 1}
		}
		return us
	}
	tests := []struct {
		name           string
		n, s, e, avail int
		lo, hi         int
	}{
		{"fits", 50, 10, 20, 60, 0, 50},
		{"no limit", 500, 10, 20, -1, 0, 500},
		{"finding near the start: cut the end", 200, 10, 20, 60, 0, 59},
		{"finding in the middle: centred", 2000, 1000, 1040, 60, 991, 1049},
		{"finding near the end: cut the start only", 200, 190, 195, 60, 141, 200},
		{"finding at the very end of the line", 200, 200, 200, 60, 141, 200},
		{"finding wider than the window keeps some context", 2000, 1000, 1500, 60, 986, 1044},
		{"a tiny terminal still shows the finding", 2000, 1000, 1010, 5, 996, 1014},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lo, hi := window(ascii(tt.n), tt.s, tt.e, tt.avail)
			if lo != tt.lo || hi != tt.hi {
				t.Errorf("window = [%d, %d), want [%d, %d)", lo, hi, tt.lo, tt.hi)
			}
			if tt.s < tt.n && (tt.s < lo || tt.s >= hi) {
				t.Errorf("window [%d, %d) hides the finding's start %d", lo, hi, tt.s)
			}
			if tt.avail >= 0 {
				w := hi - lo
				if lo > 0 {
					w++
				}
				if hi < tt.n {
					w++
				}
				if w > max(tt.avail, minAvail) {
					t.Errorf("window is %d cells with its ellipses, more than %d", w, max(tt.avail, minAvail))
				}
			}
		})
	}
}

func TestWindowTrimsBlanksAtCuts(t *testing.T) {
	line := []byte("The harbour board met on Tuesday.  Officials said the pier was unsafe and would close.  Crews began work.")
	us := layout(nil, line, 0, len(line))
	i := bytes.Index(line, []byte("Officials said"))
	s, e := unitAt(us, i), unitFrom(us, i+len("Officials said"))
	for avail := minAvail; avail < len(line); avail++ {
		lo, hi := window(us, s, e, avail)
		if lo > 0 && us[lo].blank {
			t.Errorf("avail %d: shown text starts with a blank after the ellipsis: %q", avail, line[us[lo].start:us[hi-1].end])
		}
		if hi < len(us) && us[hi-1].blank {
			t.Errorf("avail %d: shown text ends with a blank before the ellipsis: %q", avail, line[us[lo].start:us[hi-1].end])
		}
		if s < lo || s >= hi {
			t.Errorf("avail %d: finding start hidden", avail)
		}
	}
}

// TestNarrowIsRunewidth checks the runes that layout measures without
// runewidth against runewidth itself: a new version that changes one of
// their widths fails here rather than shifting carets.
func TestNarrowIsRunewidth(t *testing.T) {
	for i, rg := range narrowRanges {
		if rg[0] > rg[1] || i > 0 && rg[0] <= narrowRanges[i-1][1] {
			t.Fatalf("narrowRanges[%d] = %U..%U: ranges must be sorted and disjoint", i, rg[0], rg[1])
		}
		for r := rg[0]; r <= rg[1]; r++ {
			if w := cells.RuneWidth(r); w != 1 {
				t.Errorf("%U %q is %d cells wide by runewidth, not 1: take it out of narrowRanges", r, r, w)
			}
			if unicode.IsControl(r) || isBidiControl(r) || unicode.Is(unicode.Cf, r) {
				t.Errorf("%U is a control or format character: take it out of narrowRanges", r)
			}
		}
	}
	for _, r := range []rune{0x9F, 0xAD, 0x300, 0x200B, 0x2028, 0x202E, 0x2060, 0x3000, 0x1F600} {
		if narrow(r) {
			t.Errorf("narrow(%U) = true, want false", r)
		}
	}
}
