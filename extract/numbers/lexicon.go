package numbers

import (
	"strings"

	"github.com/exbench/exbench/corpus"
)

// The word lists. Keys are lower case; words are looked up lower-cased
// (see lookup), except currency codes and month names, which must be
// printed as listed.

// class says where a number word may stand in a spelled-out number.
type class uint8

const (
	cNone    class = iota
	cUnit          // zero .. nine, first .. ninth
	cTeen          // ten .. nineteen
	cTens          // twenty .. ninety
	cHundred       // hundred
	cScale         // thousand, million, billion, trillion
	cDozen         // dozen
	cScore         // score, after a count only
	cDigits        // digits starting a number: "3" in "3 million two hundred"
)

// numWord is a word of a spelled-out number.
type numWord struct {
	val     float64
	class   class
	ordinal bool
}

var numWords = map[string]numWord{}

func init() {
	units := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"}
	teens := []string{"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	tens := []string{"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
	unitOrd := []string{"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"}
	teenOrd := []string{"tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"}
	tensOrd := []string{"twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"}
	for i, w := range units {
		numWords[w] = numWord{float64(i), cUnit, false}
		if unitOrd[i] != "" {
			numWords[unitOrd[i]] = numWord{float64(i), cUnit, true}
		}
	}
	for i, w := range teens {
		numWords[w] = numWord{float64(10 + i), cTeen, false}
		numWords[teenOrd[i]] = numWord{float64(10 + i), cTeen, true}
	}
	for i, w := range tens {
		numWords[w] = numWord{float64(20 + 10*i), cTens, false}
		numWords[tensOrd[i]] = numWord{float64(20 + 10*i), cTens, true}
	}
	numWords["hundred"] = numWord{100, cHundred, false}
	numWords["hundredth"] = numWord{100, cHundred, true}
	for w, v := range map[string]float64{"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12} {
		numWords[w] = numWord{v, cScale, false}
		numWords[w+"th"] = numWord{v, cScale, true}
	}
	numWords["dozen"] = numWord{12, cDozen, false}
	numWords["score"] = numWord{20, cScore, false}
	for w, v := range map[string]float64{"lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7} {
		numWords[w] = numWord{v, cScale, false}
	}
	// Other words for nought, and misspellings read as the word meant.
	for w, nw := range map[string]numWord{
		"nought": {0, cUnit, false}, "naught": {0, cUnit, false}, "nil": {0, cUnit, false}, "zeroth": {0, cUnit, true},
		"fourty": {40, cTens, false}, "ninty": {90, cTens, false}, "ninteen": {19, cTeen, false},
		"fourtieth": {40, cTens, true}, "nintieth": {90, cTens, true}, "ninteenth": {19, cTeen, true},
		"nineth": {9, cUnit, true}, "twelth": {12, cTeen, true}, "eigth": {8, cUnit, true},
	} {
		numWords[w] = nw
	}
	// Ordinals from third up name the denominator of a fraction, in the
	// singular after "a" or "one" and in the plural after a count.
	for w, nw := range numWords {
		if nw.ordinal && nw.val >= 3 && (nw.class != cScale || nw.val <= 1e6) {
			denominators[w] = denominator{nw.val, false}
			denominators[w+"s"] = denominator{nw.val, true}
		}
	}
	for w, d := range map[string]denominator{"half": {2, false}, "halves": {2, true}, "quarter": {4, false}, "quarters": {4, true}} {
		denominators[w] = d
	}

	for first, ms := range modifiers {
		triggers[first] = true
		// Longest first, so that "no more than" is tried before "no".
		for i := 1; i < len(ms); i++ {
			for j := i; j > 0 && len(ms[j].words) > len(ms[j-1].words); j-- {
				ms[j], ms[j-1] = ms[j-1], ms[j]
			}
		}
	}
	for w := range numWords {
		triggers[w] = true
	}
	for w := range vague {
		triggers[w] = true
	}
	for _, w := range []string{"a", "half", "several", "few", "tens", "minus", "negative", "point"} {
		triggers[w] = true
	}
	for w := range triggers {
		triggerShapes[w[0]-'a'][w[len(w)-1]-'a'] |= 1 << len(w)
	}

	for i := range suffixes {
		s := &suffixes[i]
		s.words = strings.Fields(s.phrase)
		first := strings.ToLower(s.words[0])
		suffixByFirst[first] = append(suffixByFirst[first], s)
	}
	for _, ss := range suffixByFirst {
		for i := 1; i < len(ss); i++ {
			for j := i; j > 0 && len(ss[j].words) > len(ss[j-1].words); j-- {
				ss[j], ss[j-1] = ss[j-1], ss[j]
			}
		}
	}

	for _, m := range []string{"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December",
		"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"} {
		months[m] = true
		months[strings.ToUpper(m)] = true
		if m != "May" && m != "March" && m != "Mar" {
			// lower case too, but "may" and "march" are verbs
			months[strings.ToLower(m)] = true
		}
	}
}

// triggers holds the lower-case words a mention can start with, apart
// from currency codes: number words, vague magnitudes, modifiers.
var triggers = map[string]bool{}

// triggerShapes has bit n of [first][last] set when a trigger of n
// letters begins and ends with those letters: most words fail this test
// and need no map look-up.
var triggerShapes [26][26]uint32

// mayTrigger reports whether the word w may be in triggers.
func mayTrigger(w string) bool {
	n := len(w)
	if n == 0 || n > 31 {
		return false
	}
	f, l := (w[0]|0x20)-'a', (w[n-1]|0x20)-'a'
	return f < 26 && l < 26 && triggerShapes[f][l]&(1<<n) != 0
}

// vague magnitudes: CARDINAL with no value.
var vague = map[string]bool{
	"dozens": true, "hundreds": true, "thousands": true, "millions": true, "billions": true, "trillions": true,
}

// modifier is a phrase before a number that qualifies it.
type modifier struct {
	words []string
	mod   corpus.Modifier
}

// modifiers by their first word. "between" opens a range.
var modifiers = map[string][]modifier{
	"more":          {{[]string{"more", "than"}, corpus.Over}},
	"over":          {{[]string{"over"}, corpus.Over}},
	"above":         {{[]string{"above"}, corpus.Over}},
	"upwards":       {{[]string{"upwards", "of"}, corpus.Over}},
	"in":            {{[]string{"in", "excess", "of"}, corpus.Over}},
	"at":            {{[]string{"at", "least"}, corpus.AtLeast}, {[]string{"at", "most"}, corpus.AtMost}},
	"no":            {{[]string{"no", "fewer", "than"}, corpus.AtLeast}, {[]string{"no", "less", "than"}, corpus.AtLeast}, {[]string{"no", "more", "than"}, corpus.AtMost}},
	"not":           {{[]string{"not", "fewer", "than"}, corpus.AtLeast}, {[]string{"not", "less", "than"}, corpus.AtLeast}, {[]string{"not", "more", "than"}, corpus.AtMost}},
	"a":             {{[]string{"a", "minimum", "of"}, corpus.AtLeast}, {[]string{"a", "maximum", "of"}, corpus.AtMost}},
	"up":            {{[]string{"up", "to"}, corpus.AtMost}},
	"as":            {{[]string{"as", "many", "as"}, corpus.AtMost}, {[]string{"as", "much", "as"}, corpus.AtMost}},
	"fewer":         {{[]string{"fewer", "than"}, corpus.Under}},
	"less":          {{[]string{"less", "than"}, corpus.Under}},
	"under":         {{[]string{"under"}, corpus.Under}},
	"below":         {{[]string{"below"}, corpus.Under}},
	"about":         {{[]string{"about"}, corpus.About}},
	"around":        {{[]string{"around"}, corpus.About}},
	"roughly":       {{[]string{"roughly"}, corpus.About}},
	"approximately": {{[]string{"approximately"}, corpus.About}},
	"approx":        {{[]string{"approx"}, corpus.About}},
	"some":          {{[]string{"some"}, corpus.About}},
	"nearly":        {{[]string{"nearly"}, corpus.About}},
	"almost":        {{[]string{"almost"}, corpus.About}},
	"an":            {{[]string{"an", "estimated"}, corpus.About}},
	"estimated":     {{[]string{"estimated"}, corpus.About}},
	"close":         {{[]string{"close", "to"}, corpus.About}},
	"circa":         {{[]string{"circa"}, corpus.About}},
	"between":       {{[]string{"between"}, corpus.Range}},
}

// postModifiers follow a number: "300 or more".
var postModifiers = []modifier{
	{[]string{"or", "more"}, corpus.AtLeast},
	{[]string{"or", "so"}, corpus.About},
	{[]string{"or", "fewer"}, corpus.AtMost},
	{[]string{"or", "less"}, corpus.AtMost},
}

// suffix is what may follow a number and decides its label: a percent
// sign, a currency, a unit of measure, or a unit of time, which makes the
// number part of a DATE or TIME and so not this package's.
type suffix struct {
	phrase string // words and glued symbols, separated by spaces
	label  corpus.Label
	unit   string
	shift  int  // decimal places to shift the value right: 2 for cents
	exact  bool // match case exactly (currency codes)
	time   bool // a unit of time: skip the number
	words  []string
}

var suffixByFirst = map[string][]*suffix{}

// suffixes lists every suffix. A symbol other than the first element
// must be glued to the word before it ("km ²", "a . m .").
var suffixes = []suffix{
	{phrase: "%", label: corpus.PERCENT},
	{phrase: "percent", label: corpus.PERCENT},
	{phrase: "per cent", label: corpus.PERCENT},
	{phrase: "pct", label: corpus.PERCENT},
	{phrase: "percentage point", label: corpus.PERCENT},
	{phrase: "percentage points", label: corpus.PERCENT},

	{phrase: "dollars", label: corpus.MONEY, unit: "USD"},
	{phrase: "dollar", label: corpus.MONEY, unit: "USD"},
	{phrase: "US dollars", label: corpus.MONEY, unit: "USD"},
	{phrase: "U . S . dollars", label: corpus.MONEY, unit: "USD"},
	{phrase: "American dollars", label: corpus.MONEY, unit: "USD"},
	{phrase: "Canadian dollars", label: corpus.MONEY, unit: "CAD"},
	{phrase: "Australian dollars", label: corpus.MONEY, unit: "AUD"},
	{phrase: "cents", label: corpus.MONEY, unit: "USD", shift: 2},
	{phrase: "euros", label: corpus.MONEY, unit: "EUR"},
	{phrase: "euro", label: corpus.MONEY, unit: "EUR"},
	{phrase: "pounds", label: corpus.MONEY, unit: "GBP"},
	{phrase: "pound", label: corpus.MONEY, unit: "GBP"},
	{phrase: "pounds sterling", label: corpus.MONEY, unit: "GBP"},
	{phrase: "sterling", label: corpus.MONEY, unit: "GBP"},
	{phrase: "British pounds", label: corpus.MONEY, unit: "GBP"},
	{phrase: "pence", label: corpus.MONEY, unit: "GBP", shift: 2},
	{phrase: "Syrian pounds", label: corpus.MONEY, unit: "SYP"},
	{phrase: "Syrian pound", label: corpus.MONEY, unit: "SYP"},
	{phrase: "Syrian lira", label: corpus.MONEY, unit: "SYP"},
	{phrase: "Syrian liras", label: corpus.MONEY, unit: "SYP"},
	{phrase: "Lebanese pounds", label: corpus.MONEY, unit: "LBP"},
	{phrase: "Egyptian pounds", label: corpus.MONEY, unit: "EGP"},
	{phrase: "lira", label: corpus.MONEY, unit: "TRY"},
	{phrase: "liras", label: corpus.MONEY, unit: "TRY"},
	{phrase: "Turkish lira", label: corpus.MONEY, unit: "TRY"},
	{phrase: "yen", label: corpus.MONEY, unit: "JPY"},
	{phrase: "yuan", label: corpus.MONEY, unit: "CNY"},
	{phrase: "roubles", label: corpus.MONEY, unit: "RUB"},
	{phrase: "rubles", label: corpus.MONEY, unit: "RUB"},
	{phrase: "riyals", label: corpus.MONEY, unit: "SAR"},
	{phrase: "Saudi riyals", label: corpus.MONEY, unit: "SAR"},
	{phrase: "Iranian rials", label: corpus.MONEY, unit: "IRR"},
	{phrase: "Iraqi dinars", label: corpus.MONEY, unit: "IQD"},
	{phrase: "Jordanian dinars", label: corpus.MONEY, unit: "JOD"},
	{phrase: "rupees", label: corpus.MONEY, unit: "INR"},
	{phrase: "Swiss francs", label: corpus.MONEY, unit: "CHF"},
	{phrase: "shekels", label: corpus.MONEY, unit: "ILS"},
	{phrase: "USD", label: corpus.MONEY, unit: "USD", exact: true},
	{phrase: "EUR", label: corpus.MONEY, unit: "EUR", exact: true},
	{phrase: "GBP", label: corpus.MONEY, unit: "GBP", exact: true},
	{phrase: "SYP", label: corpus.MONEY, unit: "SYP", exact: true},

	{phrase: "km", label: corpus.QUANTITY, unit: "km"},
	{phrase: "kms", label: corpus.QUANTITY, unit: "km"},
	{phrase: "kilometres", label: corpus.QUANTITY, unit: "km"},
	{phrase: "kilometre", label: corpus.QUANTITY, unit: "km"},
	{phrase: "kilometers", label: corpus.QUANTITY, unit: "km"},
	{phrase: "kilometer", label: corpus.QUANTITY, unit: "km"},
	{phrase: "km ²", label: corpus.QUANTITY, unit: "km2"},
	{phrase: "km 2", label: corpus.QUANTITY, unit: "km2"},
	{phrase: "square km", label: corpus.QUANTITY, unit: "km2"},
	{phrase: "square kilometres", label: corpus.QUANTITY, unit: "km2"},
	{phrase: "square kilometre", label: corpus.QUANTITY, unit: "km2"},
	{phrase: "square kilometers", label: corpus.QUANTITY, unit: "km2"},
	{phrase: "square kilometer", label: corpus.QUANTITY, unit: "km2"},
	{phrase: "sq km", label: corpus.QUANTITY, unit: "km2"},
	{phrase: "sq . km", label: corpus.QUANTITY, unit: "km2"},
	{phrase: "miles", label: corpus.QUANTITY, unit: "mi"},
	{phrase: "mile", label: corpus.QUANTITY, unit: "mi"},
	{phrase: "mi", label: corpus.QUANTITY, unit: "mi"},
	{phrase: "square miles", label: corpus.QUANTITY, unit: "mi2"},
	{phrase: "square mile", label: corpus.QUANTITY, unit: "mi2"},
	{phrase: "sq mi", label: corpus.QUANTITY, unit: "mi2"},
	{phrase: "nautical miles", label: corpus.QUANTITY, unit: "nmi"},
	{phrase: "metres", label: corpus.QUANTITY, unit: "m"},
	{phrase: "metre", label: corpus.QUANTITY, unit: "m"},
	{phrase: "meters", label: corpus.QUANTITY, unit: "m"},
	{phrase: "meter", label: corpus.QUANTITY, unit: "m"},
	{phrase: "square metres", label: corpus.QUANTITY, unit: "m2"},
	{phrase: "square meters", label: corpus.QUANTITY, unit: "m2"},
	{phrase: "cubic metres", label: corpus.QUANTITY, unit: "m3"},
	{phrase: "cubic meters", label: corpus.QUANTITY, unit: "m3"},
	{phrase: "centimetres", label: corpus.QUANTITY, unit: "cm"},
	{phrase: "centimeters", label: corpus.QUANTITY, unit: "cm"},
	{phrase: "cm", label: corpus.QUANTITY, unit: "cm"},
	{phrase: "millimetres", label: corpus.QUANTITY, unit: "mm"},
	{phrase: "millimeters", label: corpus.QUANTITY, unit: "mm"},
	{phrase: "mm", label: corpus.QUANTITY, unit: "mm"},
	{phrase: "feet", label: corpus.QUANTITY, unit: "ft"},
	{phrase: "foot", label: corpus.QUANTITY, unit: "ft"},
	{phrase: "ft", label: corpus.QUANTITY, unit: "ft"},
	{phrase: "square feet", label: corpus.QUANTITY, unit: "ft2"},
	{phrase: "inches", label: corpus.QUANTITY, unit: "in"},
	{phrase: "inch", label: corpus.QUANTITY, unit: "in"},
	{phrase: "yards", label: corpus.QUANTITY, unit: "yd"},
	{phrase: "hectares", label: corpus.QUANTITY, unit: "ha"},
	{phrase: "hectare", label: corpus.QUANTITY, unit: "ha"},
	{phrase: "ha", label: corpus.QUANTITY, unit: "ha"},
	{phrase: "acres", label: corpus.QUANTITY, unit: "acre"},
	{phrase: "acre", label: corpus.QUANTITY, unit: "acre"},
	{phrase: "kilograms", label: corpus.QUANTITY, unit: "kg"},
	{phrase: "kilogram", label: corpus.QUANTITY, unit: "kg"},
	{phrase: "kilogrammes", label: corpus.QUANTITY, unit: "kg"},
	{phrase: "kilos", label: corpus.QUANTITY, unit: "kg"},
	{phrase: "kg", label: corpus.QUANTITY, unit: "kg"},
	{phrase: "kgs", label: corpus.QUANTITY, unit: "kg"},
	{phrase: "grams", label: corpus.QUANTITY, unit: "g"},
	{phrase: "grammes", label: corpus.QUANTITY, unit: "g"},
	{phrase: "tonnes", label: corpus.QUANTITY, unit: "t"},
	{phrase: "tonne", label: corpus.QUANTITY, unit: "t"},
	{phrase: "tons", label: corpus.QUANTITY, unit: "t"},
	{phrase: "ton", label: corpus.QUANTITY, unit: "t"},
	{phrase: "metric tons", label: corpus.QUANTITY, unit: "t"},
	{phrase: "lb", label: corpus.QUANTITY, unit: "lb"},
	{phrase: "lbs", label: corpus.QUANTITY, unit: "lb"},
	{phrase: "litres", label: corpus.QUANTITY, unit: "l"},
	{phrase: "litre", label: corpus.QUANTITY, unit: "l"},
	{phrase: "liters", label: corpus.QUANTITY, unit: "l"},
	{phrase: "liter", label: corpus.QUANTITY, unit: "l"},
	{phrase: "gallons", label: corpus.QUANTITY, unit: "gal"},
	{phrase: "barrels", label: corpus.QUANTITY, unit: "bbl"},
	{phrase: "kilometres per hour", label: corpus.QUANTITY, unit: "kmh"},
	{phrase: "kilometers per hour", label: corpus.QUANTITY, unit: "kmh"},
	{phrase: "km / h", label: corpus.QUANTITY, unit: "kmh"},
	{phrase: "kph", label: corpus.QUANTITY, unit: "kmh"},
	{phrase: "miles per hour", label: corpus.QUANTITY, unit: "mph"},
	{phrase: "mph", label: corpus.QUANTITY, unit: "mph"},
	{phrase: "megawatts", label: corpus.QUANTITY, unit: "mw"},
	{phrase: "MW", label: corpus.QUANTITY, unit: "mw", exact: true},

	// Units of time: durations of a day or more are DATE, shorter ones
	// and clock times TIME; both are another extractor's.
	{phrase: "second", time: true}, {phrase: "seconds", time: true},
	{phrase: "sec", time: true}, {phrase: "secs", time: true},
	{phrase: "minute", time: true}, {phrase: "minutes", time: true},
	{phrase: "min", time: true}, {phrase: "mins", time: true},
	{phrase: "hour", time: true}, {phrase: "hours", time: true},
	{phrase: "hr", time: true}, {phrase: "hrs", time: true},
	{phrase: "day", time: true}, {phrase: "days", time: true},
	{phrase: "night", time: true}, {phrase: "nights", time: true},
	{phrase: "week", time: true}, {phrase: "weeks", time: true},
	{phrase: "weekend", time: true}, {phrase: "weekends", time: true},
	{phrase: "fortnight", time: true}, {phrase: "fortnights", time: true},
	{phrase: "month", time: true}, {phrase: "months", time: true},
	{phrase: "quarter", time: true}, {phrase: "quarters", time: true},
	{phrase: "year", time: true}, {phrase: "years", time: true},
	{phrase: "yr", time: true}, {phrase: "yrs", time: true},
	{phrase: "decade", time: true}, {phrase: "decades", time: true},
	{phrase: "century", time: true}, {phrase: "centuries", time: true},
	{phrase: "am", time: true}, {phrase: "pm", time: true},
	{phrase: "a . m .", time: true}, {phrase: "p . m .", time: true},
	{phrase: "o ' clock", time: true}, {phrase: "o ’ clock", time: true},
	{phrase: "a m", time: true}, {phrase: "p m", time: true},
	{phrase: "at night", time: true}, {phrase: "in the morning", time: true},
	{phrase: "in the afternoon", time: true}, {phrase: "in the evening", time: true},
	{phrase: "GMT", time: true, exact: true}, {phrase: "UTC", time: true, exact: true},
}

// glue is a suffix printed without a space after digits: "5km", "1.2bn".
type glue struct {
	factor float64 // a multiplier ("bn"), or 0
	unit   string  // a unit of measure ("km"), or ""
	square bool    // the unit may take a 2 or ²: "km2"
	time   bool    // a time or a decade: "5pm", "1990s"
	letter bool    // a multiplier only after a currency sign or with a decimal part ("$5b", "1.5b"), not in "flat 4B", "a 2B pencil"
}

var glued = map[string]glue{
	"k": {factor: 1e3}, "bn": {factor: 1e9}, "mn": {factor: 1e6}, "mln": {factor: 1e6}, "mil": {factor: 1e6},
	"bln": {factor: 1e9}, "tn": {factor: 1e12}, "b": {factor: 1e9, letter: true}, "lakh": {factor: 1e5}, "crore": {factor: 1e7},
	// "m" is million after a currency sign and metres otherwise: see number.
	"m":  {unit: "m", square: true},
	"km": {unit: "km", square: true}, "kms": {unit: "km"}, "cm": {unit: "cm"}, "mm": {unit: "mm"},
	"mi": {unit: "mi", square: true}, "ft": {unit: "ft"}, "kg": {unit: "kg"}, "kgs": {unit: "kg"},
	"g": {unit: "g"}, "t": {unit: "t"}, "l": {unit: "l"}, "ml": {unit: "ml"}, "lb": {unit: "lb"},
	"lbs": {unit: "lb"}, "ha": {unit: "ha"}, "mph": {unit: "mph"}, "kph": {unit: "kmh"},
	"kmh": {unit: "kmh"}, "mw": {unit: "mw"},
	"s": {time: true}, "am": {time: true}, "pm": {time: true}, "h": {time: true}, "hr": {time: true},
	"hrs": {time: true}, "min": {time: true}, "mins": {time: true}, "sec": {time: true},
}

// gluedCase are glued suffixes whose case matters: "G" is a billion but
// "g" grams, "T" a trillion but "t" tonnes. "G" after a single digit
// names a network ("5G"): see digits.
var gluedCase = map[string]float64{"G": 1e9, "T": 1e12, "K": 1e3, "M": 1e6}

// dimensions after a glued "m" make it metres, not million.
var dimensions = map[string]bool{
	"high": true, "tall": true, "long": true, "wide": true, "deep": true, "thick": true, "away": true,
	"above": true, "below": true, "beneath": true, "underground": true, "under": true, "across": true,
	"apart": true, "off": true, "from": true, "square": true,
}

// spacedScales are multipliers written as a word after digits: "2.5
// million". "m" counts only after a currency sign ("$5 m").
var spacedScales = map[string]float64{
	"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"bn": 1e9, "mn": 1e6, "mln": 1e6, "bln": 1e9, "tn": 1e12, "dozen": 12, "m": 1e6, "mil": 1e6,
	"k": 1e3, "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}

// spacedCase are spaced multipliers whose case matters: "2,310.5 G".
var spacedCase = map[string]float64{"G": 1e9, "T": 1e12}

// prefixSigns are currency signs before the amount.
var prefixSigns = map[string]string{"$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "₺": "TRY"}

// dollarPrefixes are letters glued before "$": "US$5".
var dollarPrefixes = map[string]string{"US": "USD", "A": "AUD", "C": "CAD", "HK": "HKD", "NZ": "NZD", "S": "SGD"}

// codes are ISO 4217 codes printed before an amount: "USD 5".
var codes = map[string]bool{
	"USD": true, "EUR": true, "GBP": true, "SYP": true, "JPY": true, "CHF": true, "CAD": true, "AUD": true,
	"CNY": true, "RUB": true, "INR": true, "SAR": true, "AED": true, "IQD": true, "LBP": true, "EGP": true,
}

// months are month names as printed (capitalised or upper case): a day
// number next to one is part of a DATE.
var months = map[string]bool{}

// ageWords before a number make it an age, which is a DATE: "men between
// 20 and 30", "aged 20".
var ageWords = map[string]bool{
	"men": true, "women": true, "boys": true, "girls": true, "males": true, "females": true,
	"children": true, "kids": true, "youths": true, "adults": true, "teenagers": true, "aged": true, "age": true, "ages": true,
}

// pronounDets before "one" make it a pronoun, not a number: "the one
// who", "no one", "the last one"; so do ordinals ("the second one").
var pronounDets = map[string]bool{
	"the": true, "no": true, "any": true, "every": true, "each": true, "which": true, "this": true, "that": true,
	"last": true, "next": true, "only": true, "other": true, "same": true, "new": true, "old": true,
	"big": true, "little": true, "right": true, "wrong": true, "good": true, "bad": true,
}

// denominator is a word that names the parts of a fraction: "third",
// "quarters".
type denominator struct {
	den    float64
	plural bool
}

// denominators are filled in by init from the ordinals.
var denominators = map[string]denominator{}

// vulgar are the Unicode fraction characters: "½", "¾".
var vulgar = map[string][2]uint64{
	"½": {1, 2}, "⅓": {1, 3}, "⅔": {2, 3}, "¼": {1, 4}, "¾": {3, 4}, "⅕": {1, 5}, "⅖": {2, 5}, "⅗": {3, 5},
	"⅘": {4, 5}, "⅙": {1, 6}, "⅚": {5, 6}, "⅐": {1, 7}, "⅛": {1, 8}, "⅜": {3, 8}, "⅝": {5, 8}, "⅞": {7, 8},
	"⅑": {1, 9}, "⅒": {1, 10},
}

// dateWords before a number make it a date: "on 3/8", "in two thousand
// and nine", "on the 19th".
var dateWords = map[string]bool{
	"on": true, "since": true, "until": true, "till": true, "by": true, "from": true, "dated": true,
	"before": true, "after": true, "in": true, "during": true,
}

// dayDateWords are the date words that make a date of "3/8" or of an
// ordinal day after them: "on 3/8", "by the 19th".
var dayDateWords = map[string]bool{
	"on": true, "since": true, "until": true, "till": true, "by": true, "from": true, "dated": true, "before": true, "after": true,
}

// dayFollowers may follow the day of a date: "on the 19th of", "by the
// 3rd and". Any other word is a noun, which makes the ordinal an
// ordinal: "on the 19th floor".
var dayFollowers = map[string]bool{
	"of": true, "and": true, "or": true, "at": true, "to": true, "through": true, "until": true, "till": true,
	"in": true, "when": true, "for": true, "we": true, "i": true, "you": true, "they": true, "he": true,
	"she": true, "it": true, "there": true, "then": true,
}

// determiners before "point" make it a noun: "at this point 300 people".
var determiners = map[string]bool{
	"a": true, "the": true, "this": true, "that": true, "which": true, "what": true, "some": true,
	"any": true, "each": true, "every": true, "one": true, "no": true, "at": true, "to": true, "of": true,
	"match": true, "set": true, "boiling": true, "freezing": true, "turning": true, "starting": true,
}

// lookup returns m's entry for the lower-cased ASCII word w. It does not
// allocate.
func lookup[V any](m map[string]V, w string) (V, bool) {
	var buf [16]byte
	var zero V
	if len(w) > len(buf) {
		return zero, false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	v, ok := m[string(buf[:len(w)])]
	return v, ok
}
