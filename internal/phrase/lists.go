package phrase

import (
	"fmt"

	"github.com/attrlint/attrlint/prose"
)

// A List is one option's list of phrases, as a rule kind adds it to Lists.
type List struct {
	// Key is the option's key ("nouns", "speech-verbs.say"), which a
	// ListError names.
	Key     string
	Phrases []string
	// CaseSensitive makes the list's phrases match only as written.
	CaseSensitive bool
	// Each gives every phrase an id of its own, in order, rather than one
	// id to the whole list.
	Each bool
}

// A ListError is an error in one item of a list given to Lists: the
// list's option key and the item's index in it.
type ListError struct {
	Key   string
	Index int
	Err   error
}

func (e *ListError) Error() string { return fmt.Sprintf("%s[%d]: %v", e.Key, e.Index, e.Err) }

func (e *ListError) Unwrap() error { return e.Err }

// Lists compiles the phrase lists of a rule's options into one matcher.
// Add the lists, then Compile once: a Match's ID tells which list (or,
// for a list added with Each, which phrase) matched. The zero Lists is
// ready to use.
type Lists struct {
	entries []Entry
	lists   []addedList
	next    int // the next id
}

// addedList locates a list among the entries, for errors.
type addedList struct {
	key   string
	first int // index of its first entry
}

// Add adds the list l and returns its id: the id of every match of its
// phrases or, with l.Each, of a match of its first phrase, the phrases
// after it having the ids after it. Ids are given in the order of Add,
// from 0; a list with no phrases takes an id too (one, with Each none).
func (b *Lists) Add(l List) int {
	id := b.next
	b.lists = append(b.lists, addedList{key: l.Key, first: len(b.entries)})
	for i, s := range l.Phrases {
		e := Entry{Phrase: s, ID: id, CaseSensitive: l.CaseSensitive}
		if l.Each {
			e.ID = id + i
		}
		b.entries = append(b.entries, e)
	}
	if l.Each {
		b.next += len(l.Phrases)
	} else {
		b.next++
	}
	return id
}

// Len returns the number of phrases added.
func (b *Lists) Len() int { return len(b.entries) }

// Compile builds the matcher of every phrase added. A phrase that is not
// usable (see Check) is a *ListError; Compile reports every one of them,
// in the order they were added, and then no matcher.
func (b *Lists) Compile() (*Matcher, []*ListError) {
	steps, errs := b.split()
	if errs != nil {
		return nil, errs
	}
	return build(b.entries, steps, prose.InternWords), nil
}

// Check reports every phrase added that is not usable, as Compile does,
// without building a matcher.
func (b *Lists) Check() []*ListError {
	_, errs := b.split()
	return errs
}

// split splits every entry into its steps, collecting the errors. The
// steps of all entries share one array.
func (b *Lists) split() ([][]step, []*ListError) {
	ends := make([]int, len(b.entries)) // entry i's steps end at all[ends[i]]
	all := make([]step, 0, 2*len(b.entries))
	var toks []prose.Token
	var errs []*ListError
	l := 0
	for i, e := range b.entries {
		from := len(all)
		var err error
		all, toks, err = appendSteps(all, toks, e.Phrase, e.CaseSensitive)
		ends[i] = len(all)
		if err != nil {
			all = all[:from]
			ends[i] = from
			for l+1 < len(b.lists) && b.lists[l+1].first <= i {
				l++
			}
			errs = append(errs, &ListError{Key: b.lists[l].key, Index: i - b.lists[l].first, Err: err})
		}
	}
	steps := make([][]step, len(b.entries))
	from := 0
	for i, end := range ends {
		steps[i] = all[from:end:end]
		from = end
	}
	return steps, errs
}
