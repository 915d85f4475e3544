package report

import (
	"unicode"
	"unicode/utf8"

	"github.com/clipperhouse/uax29/v2/graphemes"
	"github.com/mattn/go-runewidth"
)

// A snippet is a source line laid out in terminal cells: one unit per
// grapheme cluster (or per invalid byte), each with the cells it takes. The
// source line and the caret line are both written from the same units, so
// carets sit under the characters they mark whatever the script, tabs or
// stray bytes in the line.

// cells measures display width. East Asian ambiguous characters count as one
// cell whatever the locale says, so output does not depend on LANG.
var cells = &runewidth.Condition{EastAsianWidth: false, StrictEmojiNeutral: true}

// tabStop is the distance between tab stops when tabs are expanded.
const tabStop = 4

// minAvail is the fewest cells a cut source line is given, however narrow the
// terminal says it is.
const minAvail = 20

// replacement stands for a control character or an invalid byte: visible,
// one cell wide, and never interpreted by the terminal.
const replacement = "\uFFFD"

// unitKind says how a unit is written.
type unitKind uint8

const (
	verbatim unitKind = iota // the source bytes as they are
	replaced                 // replacement, one cell
	spaces                   // width spaces (an expanded tab)
	hidden                   // nothing: a zero-width format character
)

type unit struct {
	start, end int // byte offsets in the document's text
	width      int
	kind       unitKind
	blank      bool // a space or tab
}

// layout splits text[start:end], one line without its terminator, into units
// appended to buf[:0].
func layout(buf []unit, text []byte, start, end int) []unit {
	us := buf[:0]
	if n := end - start; cap(us) < n {
		us = make([]unit, 0, n) // a unit takes a byte or more: no growing
	}
	col := 0 // display column, for tab stops
	for i := start; i < end; {
		c := text[i]
		if c > ' ' && c < 0x7F { // printable ASCII, most of a line
			us = append(us, unit{start: i, end: i + 1, width: 1})
			col++
			i++
			continue
		}
		if c < utf8.RuneSelf {
			u := asciiUnit(c, i, col)
			us = append(us, u)
			col += u.width
			i++
			continue
		}
		// A run of valid non-ASCII text, up to the next ASCII or invalid
		// byte, is segmented into grapheme clusters. Invalid bytes stay
		// out of the segmenter, which would glue them onto the cluster
		// before. (An ASCII letter followed by a combining mark becomes
		// two units, one cell and zero cells: the same on screen.)
		j := i
		for j < end && text[j] >= utf8.RuneSelf {
			r, n := utf8.DecodeRune(text[j:end])
			if r == utf8.RuneError && n == 1 {
				break
			}
			j += n
		}
		if j == i { // an invalid byte
			us = append(us, unit{start: i, end: i + 1, width: 1, kind: replaced})
			col++
			i++
			continue
		}
		g := graphemes.FromBytes(text[i:j])
		for g.Next() {
			u := clusterUnit(g.Value(), i+g.Start(), i+g.End())
			us = append(us, u)
			col += u.width
		}
		i = j
	}
	return us
}

// asciiUnit lays out one ASCII byte at display column col.
func asciiUnit(c byte, off, col int) unit {
	switch {
	case c == '\t':
		return unit{start: off, end: off + 1, width: tabStop - col%tabStop, kind: spaces, blank: true}
	case c < 0x20 || c == 0x7F:
		return unit{start: off, end: off + 1, width: 1, kind: replaced}
	}
	return unit{start: off, end: off + 1, width: 1, blank: c == ' '}
}

// clusterUnit lays out one grapheme cluster of valid, non-ASCII-led UTF-8.
func clusterUnit(g []byte, start, end int) unit {
	r, n := utf8.DecodeRune(g)
	if unicode.IsControl(r) || isBidiControl(r) {
		// C1 controls, and bidi overrides that would reorder the line
		// on screen and send the carets elsewhere.
		return unit{start: start, end: end, width: 1, kind: replaced}
	}
	var w int
	switch {
	case n == len(g) && narrow(r):
		w = 1
	case n == len(g):
		w = cells.RuneWidth(r)
	default:
		w = cells.StringWidth(string(g))
	}
	if w == 0 && unicode.Is(unicode.Cf, r) {
		// A byte-order mark, zero-width space or joiner on its own:
		// nothing to see, nothing to print.
		return unit{start: start, end: end, kind: hidden}
	}
	return unit{start: start, end: end, width: w}
}

// narrowRanges are runes news copy is full of, each one cell wide by
// cells' measure: accented Latin letters, typographic quotes, dashes and
// the ellipsis, currency signs. Asking runewidth about any rune beyond
// Latin-1 first builds its 2 MB table, about a millisecond of a pre-commit
// run on one draft. TestNarrowIsRunewidth checks every rune of these
// ranges against cells.
var narrowRanges = [...][2]rune{
	{0x00A0, 0x00AC}, // no-break space, Latin-1 punctuation and signs (not the soft hyphen)
	{0x00AE, 0x02FF}, // Latin-1 letters, Latin Extended-A and -B, IPA, modifier letters
	{0x2010, 0x2027}, // hyphens, dashes, quotation marks, bullets, ellipsis
	{0x2030, 0x205E}, // per mille, primes, guillemets, reference marks
	{0x20A0, 0x20C0}, // currency signs
}

// narrow reports whether r is in narrowRanges.
func narrow(r rune) bool {
	for _, rg := range narrowRanges {
		if r < rg[0] {
			return false
		}
		if r <= rg[1] {
			return true
		}
	}
	return false
}

func isBidiControl(r rune) bool {
	switch r {
	case 0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
		0x2066, 0x2067, 0x2068, 0x2069:
		return true
	}
	return false
}

// unitAt returns the index of the first unit that ends after off: the unit
// holding off, or len(us) when off is at or past the line's end.
func unitAt(us []unit, off int) int {
	lo, hi := 0, len(us)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if us[m].end <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// unitFrom returns the index of the first unit that starts at or after off,
// the end of a span of units ending at off.
func unitFrom(us []unit, off int) int {
	lo, hi := 0, len(us)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if us[m].start < off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

func widthOf(us []unit) int {
	w := 0
	for i := range us {
		w += us[i].width
	}
	return w
}

// window chooses the units [lo, hi) of a line to show in avail cells so that
// the marked units [s, e) are visible, or as much of them as fits. A cut end
// costs one cell for its ellipsis. avail < 0 means no limit.
func window(us []unit, s, e, avail int) (lo, hi int) {
	n := len(us)
	total := widthOf(us)
	if avail < 0 || total <= avail {
		return 0, n
	}
	avail = max(avail, minAvail)
	pre := widthOf(us[:s])
	span := widthOf(us[s:e])
	if pre+span+1 <= avail {
		// The finding fits without cutting the start: cut the end only.
		return 0, trim(us, 0, grow(us, 0, avail-1), s, e)
	}
	budget := avail - 2
	shown := max(min(span, budget), 1)
	room := budget - shown
	post := total - pre - span
	lead := room / 2
	if post < room-lead {
		lead = room - post // little after the finding: use the room before it
	}
	if room < budget/4 {
		lead = budget / 4 // a long finding still gets some context
	}
	lead = min(lead, pre)
	lo = s
	for acc := 0; lo > 0 && acc+us[lo-1].width <= lead; {
		lo--
		acc += us[lo].width
	}
	hi = grow(us, lo, budget)
	if hi == n { // no cut at the end: its ellipsis cell goes to the start
		for acc := widthOf(us[lo:]); lo > 0 && acc+us[lo-1].width <= avail-1; {
			lo--
			acc += us[lo].width
		}
	}
	if s < n && hi <= s { // wide characters in a tiny window
		hi = s + 1
	}
	for lo > 0 && lo < s && us[lo].blank { // "…word", not "… word"
		lo++
	}
	return lo, trim(us, lo, hi, s, e)
}

// trim drops blanks before a cut at hi, keeping the marked units [s, e), so
// that the line reads "word…" rather than "word …".
func trim(us []unit, lo, hi, s, e int) int {
	if hi == len(us) {
		return hi
	}
	for hi > lo && hi > max(s+1, e) && us[hi-1].blank {
		hi--
	}
	return hi
}

// grow returns the end of the longest run of units from lo that fits in w
// cells.
func grow(us []unit, lo, w int) int {
	hi, acc := lo, 0
	for hi < len(us) && acc+us[hi].width <= w {
		acc += us[hi].width
		hi++
	}
	return hi
}
