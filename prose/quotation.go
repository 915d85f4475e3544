package prose

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// A Quoted is one stretch of a paragraph's text between quotation marks, as
// ScanQuotes finds it. Offsets are into the paragraph's Text.
type Quoted struct {
	// Span runs from the opening mark to the end of the closing mark; for
	// an unclosed or continued stretch, to the end of its last word or
	// punctuation mark.
	Span Span
	// Content is the text between the marks.
	Content Span
	// Open and Close are the marks themselves; Close is empty when the
	// stretch has no closing mark.
	Open, Close Span
	// Depth is 0 for a quotation, 1 for a quotation inside it (single marks
	// inside double ones), and so on.
	Depth int
	// Single is set for single marks (‘ ’ ' ‚ ‹ ›).
	Single bool
	// Continued is set when the stretch has no closing mark because the
	// writer reopened the quotation after a sentence end ("“First part.
	// “Second part.”"): the next stretch at the same depth continues it.
	Continued bool
	// Continues is set on the stretch that reopens a quotation (the one
	// after a Continued stretch).
	Continues bool
	// Unclosed is set when the paragraph ends while the quotation is open.
	// A following paragraph that opens with a quotation mark continues a
	// multi-paragraph quotation; otherwise a closing mark is missing.
	Unclosed bool
}

// markClass is what a character can be as a quotation mark.
type markClass uint8

const (
	notMark  markClass = iota
	dblOpen            // “ «
	dblClose           // ” »
	dblLow             // „: opens a double quotation closed by “ or ”
	dblAmbig           // "
	sglOpen            // ‘ ‹
	sglClose           // ’ ›
	sglLow             // ‚
	sglAmbig           // '
)

func classify(r rune) markClass {
	switch r {
	case '“', '«':
		return dblOpen
	case '”', '»':
		return dblClose
	case '„':
		return dblLow
	case '"':
		return dblAmbig
	case '‘', '‹':
		return sglOpen
	case '’', '›':
		return sglClose
	case '‚':
		return sglLow
	case '\'':
		return sglAmbig
	}
	return notMark
}

func (c markClass) single() bool { return c >= sglOpen }

// openQuote is a quotation the scanner has open.
type openQuote struct {
	open      Span
	single    bool
	low       bool // opened with „ or ‚
	backticks bool // opened with ``
	continues bool
}

// ScanQuotes finds the quotations of a paragraph's text: “ ” " ‘ ’ ' « » „
// ‚ ‹ ›, nested to any depth, in order of their opening marks.
//
// Apostrophes are told from single quotation marks by their neighbours: a
// mark between letters ("it’s", "Ukraine’s"), before a digit ("the ’90s"),
// in an elision ("rock ’n’ roll", "’em") or after a plural ("the officers’
// union") is an apostrophe unless it closes an open single quotation. A
// single mark opens a quotation only when a matching closing mark follows in
// the same stretch of text; a double mark always opens one.
//
// A mark followed by a space or the end of the text closes the innermost
// open quotation it can close, whatever its shape (“Yes,“ she said).
// An opening mark right after a sentence end while a double quotation is
// open at the outermost level continues that quotation ("He said: "First
// part. "Second part.""): the first stretch is Continued, the second
// Continues. A paragraph that ends with a quotation open yields a stretch
// marked Unclosed; a stray closing mark is ignored. ScanQuotes never fails
// and never loses text: every quotation ends by the end of the paragraph.
func ScanQuotes(text string) []Quoted {
	return AppendQuotes(nil, text)
}

// AppendQuotes appends the quotations of a paragraph's text to dst, as
// ScanQuotes finds them, and returns the extended slice: a caller that
// scans many paragraphs reuses one slice's memory.
func AppendQuotes(dst []Quoted, text string) []Quoted {
	out := dst
	base := len(dst)
	var stackBuf [8]openQuote
	stack := stackBuf[:0]
	var closers singleCloserCache
	emit := func(q openQuote, depth int, close Span, end int) {
		qs := Quoted{
			Open: q.open, Close: close, Depth: depth, Single: q.single, Continues: q.continues,
		}
		qs.Content = Span{q.open.End, close.Start}
		if close.Len() == 0 {
			qs.Content.End = trimRightSpace(text, q.open.End, end)
		}
		qs.Span = Span{q.open.Start, close.End}
		if close.Len() == 0 {
			qs.Span.End = qs.Content.End
		}
		out = append(out, qs)
	}
	for i := 0; i < len(text); {
		// Most bytes cannot start a mark: every mark is ASCII (" ' `) or
		// starts with the lead byte 0xC2 (« ») or 0xE2 (“ ” ‘ ’ „ ‚ ‹ ›),
		// and a lead byte is never a continuation byte.
		if !markLead[text[i]] {
			i++
			// Eight bytes at a time while none of them can start a mark.
			i = skipNoMark(text, i)
			continue
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		c := classify(r)
		// Typewriter style: `` opens and '' closes a double quotation.
		if i+1 < len(text) && (text[i] == '`' && text[i+1] == '`' || text[i] == '\'' && text[i+1] == '\'') {
			c, w = dblAmbig, 2
			if text[i] == '`' {
				c = dblOpen
			}
		}
		if c == notMark {
			i += w
			continue
		}
		mark := Span{i, i + w}
		prev, _ := utf8.DecodeLastRuneInString(text[:i])
		if i == 0 {
			prev = ' '
		}
		next, _ := utf8.DecodeRuneInString(text[i+w:])
		if i+w >= len(text) {
			next = ' '
		}
		i += w
		spaceAfter := isSpaceRune(next) || isClosingPunct(next)
		spaceBefore := isSpaceRune(prev) || isOpeningPunct(prev)

		if c.single() && c != sglOpen && c != sglLow {
			// Apostrophes: it’s, Ukraine’s, O'Brien; ’90s, ’n’, ’em.
			if isWordRune(prev) && isWordRune(next) {
				continue
			}
			if isElision(text, mark.End) && (!spaceAfter || closable(stack, c) < 0) {
				continue
			}
		}
		if (c == sglOpen || c == sglLow) && isElision(text, mark.End) {
			continue // ‘90s written with the wrong mark
		}

		k := closable(stack, c)
		if k < 0 && c == sglAmbig && spaceAfter && isClauseEnd(prev) {
			// ``Typewriter quotation closed by one mark.' The writer
			// meant '': a single quotation open inside would have taken
			// the mark above.
			if t := top(stack, false); t >= 0 && t == len(stack)-1 && stack[t].backticks {
				k = t
			}
		}
		var closes bool
		switch c {
		case dblOpen, sglOpen, dblLow, sglLow:
			// An opener closes only when written where a closer belongs
			// (“Yes,“ she said).
			closes = k >= 0 && !spaceBefore && spaceAfter
		case dblClose, sglClose:
			closes = k >= 0 && (!spaceBefore || spaceAfter || !afterSentenceEnd(text, mark.Start))
			if k >= 0 && spaceBefore && !spaceAfter && c == sglClose {
				closes = false
			}
		default: // " and '
			closes = k >= 0 && (!spaceBefore || spaceAfter)
		}
		if closes {
			// Close stack[k]. Anything opened inside it and still open was
			// not a quotation (an apostrophe read as an opener): drop it.
			q := stack[k]
			stack = stack[:k]
			emit(q, k, mark, mark.Start)
			continue
		}
		if spaceAfter || !spaceBefore && (c == dblClose || c == sglClose || c == dblAmbig || c == sglAmbig) {
			continue // a stray closing mark, a plural’s apostrophe, a mark standing alone
		}
		// An opening mark.
		if !c.single() && len(stack) > 0 && !stack[0].single && afterSentenceEnd(text, mark.Start) {
			// The writer reopened the quotation after a sentence end: the
			// stretch so far is continued by the next one.
			q := stack[0]
			stack = stack[:0]
			emit(q, 0, Span{mark.Start, mark.Start}, mark.Start)
			out[len(out)-1].Continued = true
			stack = append(stack, openQuote{open: mark, continues: true})
			continue
		}
		if c.single() && !closers.has(text, mark.End) {
			continue // an apostrophe, not an opening mark
		}
		stack = append(stack, openQuote{open: mark, single: c.single(), low: c == dblLow || c == sglLow,
			backticks: text[mark.Start] == '`'})
	}
	// Whatever is still open at the end: the outermost quotation is
	// unclosed; inner single marks were apostrophes.
	if len(stack) > 0 && !stack[0].single {
		emit(stack[0], 0, Span{len(text), len(text)}, len(text))
		out[len(out)-1].Unclosed = true
	} else if len(stack) > 0 {
		// An unclosed single quotation at the top level is read as
		// apostrophes; nothing to report.
		_ = stack
	}
	sortQuoted(out[base:])
	return out
}

// skipNoMark returns i moved on by eight bytes at a time while none of the
// eight is a byte a quotation mark can start with, or any other non-ASCII
// byte.
func skipNoMark(text string, i int) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for ; i+8 <= len(text); i += 8 {
		s := text[i : i+8]
		w := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
		if w&highs != 0 {
			break
		}
		// A byte of w equals b when the same byte of w^(b*ones) is zero.
		zero := func(v uint64) bool { return (v-ones)&^v&highs != 0 }
		if zero(w^('"'*ones)) || zero(w^('\''*ones)) || zero(w^('`'*ones)) {
			break
		}
	}
	return i
}

// markLead marks the bytes a quotation mark can start with.
var markLead = [256]bool{'"': true, '\'': true, '`': true, 0xC2: true, 0xE2: true}

// top returns the index of the innermost open quotation with the given
// shape, or -1.
func top(stack []openQuote, single bool) int {
	for k := len(stack) - 1; k >= 0; k-- {
		if stack[k].single == single {
			return k
		}
	}
	return -1
}

// closable returns the index of the open quotation that a mark of class c
// closes, or -1. A double mark closes the innermost double quotation (and
// with it any single ones inside); a single mark closes only a single
// quotation at the top of the stack.
func closable(stack []openQuote, c markClass) int {
	if len(stack) == 0 {
		return -1
	}
	switch c {
	case dblOpen, dblClose, dblAmbig, dblLow:
		if c == dblLow {
			return -1
		}
		return top(stack, false)
	default:
		if c == sglLow {
			return -1
		}
		if stack[len(stack)-1].single {
			return len(stack) - 1
		}
	}
	return -1
}

// hasSingleCloser reports whether a single closing mark follows text[i:]
// before the paragraph ends or a double mark intervenes: what makes a
// single mark an opening quotation mark rather than an apostrophe.
func hasSingleCloser(text string, i int) bool {
	_, ok := nextCloserEvent(text, i)
	return ok
}

// nextCloserEvent finds the first mark at or after text[i] that decides
// hasSingleCloser: a double mark (false) or a single mark that can close a
// quotation (true). It returns the mark's offset (len(text) if none) and
// the answer. The answer depends only on that mark, not on i: any i up to
// the mark gets the same one.
func nextCloserEvent(text string, i int) (int, bool) {
	for j := i; j < len(text); {
		// Only a byte in markLead can start a mark, and none of them is
		// a continuation byte: skipping the others keeps j on the rune
		// boundaries a rune-by-rune walk would visit.
		if !markLead[text[j]] {
			j++
			continue
		}
		r, w := utf8.DecodeRuneInString(text[j:])
		switch classify(r) {
		case dblOpen, dblClose, dblAmbig, dblLow:
			return j, false
		case sglClose, sglAmbig, sglOpen:
			prev, _ := utf8.DecodeLastRuneInString(text[:j])
			next, _ := utf8.DecodeRuneInString(text[j+w:])
			if j+w >= len(text) {
				next = ' '
			}
			if !isSpaceRune(prev) && !isWordRune(next) && !isElision(text, j+w) {
				return j, true
			}
		}
		j += w
	}
	return len(text), false
}

// singleCloserCache answers hasSingleCloser for the increasing offsets of
// one scan: an answer holds for every offset up to the mark that decided
// it, so each stretch of text is searched once, and a paragraph of many
// single marks costs one pass rather than one per mark.
type singleCloserCache struct {
	valid    bool
	from, at int // the answer holds for offsets in [from, at]
	ok       bool
}

func (c *singleCloserCache) has(text string, i int) bool {
	if !c.valid || i < c.from || i > c.at {
		c.at, c.ok = nextCloserEvent(text, i)
		c.from, c.valid = i, true
	}
	return c.ok
}

// elisions are the words that begin with an apostrophe standing for
// missing letters.
var elisions = []string{"n", "em", "til", "cause", "tis", "twas", "bout", "round"}

// isElision reports whether the apostrophe ending at i starts an elision:
// digits ("’90s") or one of the elided words followed by a non-letter.
func isElision(text string, i int) bool {
	if i < len(text) && isDigit(text[i]) {
		return true
	}
	for _, e := range elisions {
		if len(text)-i < len(e) {
			continue
		}
		if !equalFoldASCII(text[i:i+len(e)], e) {
			continue
		}
		next, _ := utf8.DecodeRuneInString(text[i+len(e):])
		if i+len(e) == len(text) || !isWordRune(next) {
			return true
		}
	}
	return false
}

func equalFoldASCII(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// afterSentenceEnd reports whether the text before i ends, after
// whitespace, with a sentence terminator.
func afterSentenceEnd(text string, i int) bool {
	j := i
	sawSpace := false
	for j > 0 {
		r, w := utf8.DecodeLastRuneInString(text[:j])
		if !isSpaceRune(r) {
			break
		}
		sawSpace = true
		j -= w
	}
	if !sawSpace || j == 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(text[:j])
	return r == '.' || r == '?' || r == '!' || r == '…'
}

// isClauseEnd reports whether r ends a sentence or a clause: what stands
// before the closing mark of a quotation cut off by its attribution.
func isClauseEnd(r rune) bool {
	return r == '.' || r == ',' || r == '?' || r == '!' || r == '…'
}

func isOpeningPunct(r rune) bool {
	switch r {
	case '(', '[', '{', '—', '–', '-', '/', ':':
		return true
	}
	return false
}

func isClosingPunct(r rune) bool {
	if r < utf8.RuneSelf {
		switch r {
		case '.', ',', ';', ':', '?', '!', ')', ']', '}', '-':
			return true
		}
		return false
	}
	return r == '…' || r == '—' || r == '–' || unicode.Is(unicode.Pe, r)
}

func trimRightSpace(text string, lo, hi int) int {
	for hi > lo {
		r, w := utf8.DecodeLastRuneInString(text[lo:hi])
		if !isSpaceRune(r) {
			break
		}
		hi -= w
	}
	return hi
}

// sortQuoted orders the stretches of one scan by their opening mark (each
// mark opens one stretch at most, so no two start alike). The slice is
// nearly sorted (closed inner quotations come out first), and most often
// sorted already; a deep nest of quotations comes out in reverse, which an
// insertion sort would take quadratic time over.
func sortQuoted(qs []Quoted) {
	if slices.IsSortedFunc(qs, cmpQuotedStart) {
		return
	}
	slices.SortFunc(qs, cmpQuotedStart)
}

func cmpQuotedStart(a, b Quoted) int { return a.Span.Start - b.Span.Start }
