package audit

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// titleWords are the words of a title or honorific that may stand before a
// person's name ("Secretary", "Maj.", "Gen.", "Mr."), lower case and
// without a final period. A name's run of capitalized words loses them from
// its front.
var titleWords = set(
	"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "gen", "general", "lt", "col", "colonel",
	"maj", "major", "capt", "captain", "sgt", "adm", "admiral", "cmdr", "gov", "governor", "sen",
	"senator", "rep", "representative", "judge", "justice", "president", "vice", "secretary",
	"minister", "chancellor", "mayor", "ambassador", "rev", "father", "sister", "sheikh", "pope",
	"king", "queen", "prince", "princess", "lord", "lady", "sir", "dame", "prime", "foreign",
	"deputy", "chief", "commissioner", "director", "spokesman", "spokeswoman", "spokesperson",
	"premier", "chairman", "chairwoman", "chair", "officer", "detective", "sheriff", "coach",
	"rabbi", "imam", "bishop", "cardinal", "first", "lady", "attorney", "pastor", "speaker",
	"leader", "minority", "majority", "state", "defense", "interior", "treasury",
)

// suffixes end a name without being its surname.
var suffixes = set("jr", "sr", "ii", "iii", "iv", "v")

// articles open an institution's or a crowd's name.
var articles = set("the", "a", "an")

// pronouns are the references to a person ("he", "she").
var personPronouns = set("he", "she", "him", "her", "his")

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// bare is w lower case without a final period or comma and without a
// possessive "'s".
func bare(w string) string {
	w = strings.TrimRight(w, ".,;:")
	w = strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s")
	return strings.ToLower(w)
}

func capitalized(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// personName splits a named person's mention into its title and its name:
// "Secretary of Defense Lloyd J. Austin III" is "Secretary of Defense" and
// "Lloyd J. Austin III"; "The ministry’s spokesman, Maj. Gen. Igor
// Konashenkov" is "the ministry’s spokesman, Maj. Gen." and "Igor
// Konashenkov". Surname is the name's last word but a suffix ("Austin"),
// lower case; "" when the mention holds no capitalized word.
func personName(mention string) (title, name, surname string) {
	ws := strings.Fields(mention)
	// "President Volodymyr Zelensky of Ukraine": the place is the title's.
	of := ""
	for k := len(ws) - 2; k >= 2; k-- {
		if ws[k] == "of" && capitalized(ws[k-1]) && !titleWords[bare(ws[k-1])] && allCapitalized(ws[k+1:]) {
			of = " " + strings.Join(ws[k:], " ")
			ws = ws[:k]
			break
		}
	}
	// The name is the run of capitalized words that ends the mention.
	i := len(ws)
	for i > 0 {
		w := ws[i-1]
		if !capitalized(w) || i < len(ws) && strings.HasSuffix(w, ",") {
			break
		}
		i--
	}
	// The title ends with its last title word ("Harbor Commissioner
	// Maria L. Okafor"); the name is the rest.
	j := i
	for k := i; k < len(ws)-1; k++ {
		if titleWords[bare(ws[k])] {
			j = k + 1
		}
	}
	// "Secretary of State Antony J. Blinken": the word after "of" is
	// the title's.
	if j == i && i > 0 && len(ws)-j >= 2 && strings.EqualFold(ws[i-1], "of") {
		j++
	}
	nameWords := ws[j:]
	for k := len(nameWords) - 1; k >= 0; k-- {
		if b := bare(nameWords[k]); !suffixes[b] || k == 0 {
			surname = b
			break
		}
	}
	title = strings.TrimSpace(strings.TrimRight(strings.Join(ws[:j], " "), ", "))
	if len(ws) > 0 && ws[0] == "The" && j > 0 {
		title = "the" + strings.TrimPrefix(title, "The")
	}
	if honorific(title) {
		title = ""
	}
	if of != "" && title != "" {
		title += of
	}
	return title, strings.Join(nameWords, " "), surname
}

func allCapitalized(ws []string) bool {
	for _, w := range ws {
		if !capitalized(w) {
			return false
		}
	}
	return len(ws) > 0
}

// institutionKey is an institution's or a crowd's mention without its
// article, lower case: "the Kremlin" and "The Kremlin" are one source.
func institutionKey(mention string) string {
	ws := strings.Fields(strings.ToLower(mention))
	if len(ws) > 1 && articles[ws[0]] {
		ws = ws[1:]
	}
	return strings.Join(ws, " ")
}

// oneLine is s with every run of white space made one space, trimmed.
func oneLine(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\n' || c == '\t' || c == '\r' || c >= utf8.RuneSelf || c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' ') {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// honorifics are titles of courtesy, no role: "Mr." gives no title.
var honorifics = set("mr", "mrs", "ms", "miss", "mx")

// honorific reports whether title is only honorifics ("Mr.").
func honorific(title string) bool {
	for _, w := range strings.Fields(title) {
		if !honorifics[bare(w)] {
			return false
		}
	}
	return true
}
