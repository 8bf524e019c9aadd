package corpus

// Label is an OntoNotes 5.0 named-entity type.
type Label string

// The 18 OntoNotes 5.0 labels.
const (
	PERSON      Label = "PERSON"      // people, including fictional
	NORP        Label = "NORP"        // nationalities, religious or political groups
	FAC         Label = "FAC"         // buildings, airports, bases, bridges, crossings
	ORG         Label = "ORG"         // companies, agencies, armed groups, media
	GPE         Label = "GPE"         // countries, cities, towns, provinces
	LOC         Label = "LOC"         // non-GPE places: regions, rivers, mountains
	PRODUCT     Label = "PRODUCT"     // objects, vehicles, foods
	EVENT       Label = "EVENT"       // named hurricanes, battles, wars, sports events
	WORK_OF_ART Label = "WORK_OF_ART" // titles of books, songs, films
	LAW         Label = "LAW"         // named documents made into laws
	LANGUAGE    Label = "LANGUAGE"    // any named language
	DATE        Label = "DATE"        // dates, durations of a day or more, ages
	TIME        Label = "TIME"        // times of day, durations under a day
	PERCENT     Label = "PERCENT"     // percentages
	MONEY       Label = "MONEY"       // monetary amounts with unit
	QUANTITY    Label = "QUANTITY"    // measurements with a unit
	ORDINAL     Label = "ORDINAL"     // first, second, 3rd
	CARDINAL    Label = "CARDINAL"    // numbers that fit no other label
)

// Labels lists the 18 labels in their canonical order, the order reports
// use: entities first, then dates and times, then numbers.
var Labels = []Label{
	PERSON, NORP, FAC, ORG, GPE, LOC, PRODUCT, EVENT, WORK_OF_ART, LAW, LANGUAGE,
	DATE, TIME, PERCENT, MONEY, QUANTITY, ORDINAL, CARDINAL,
}

// ParseLabel returns the label named s. It is case-sensitive: labels are
// written in upper case.
func ParseLabel(s string) (Label, bool) {
	for _, l := range Labels {
		if string(l) == s {
			return l, true
		}
	}
	return "", false
}

// Numeric reports whether mentions with label l carry a value and a
// modifier: CARDINAL, ORDINAL, QUANTITY, PERCENT and MONEY.
func (l Label) Numeric() bool {
	switch l {
	case CARDINAL, ORDINAL, QUANTITY, PERCENT, MONEY:
		return true
	}
	return false
}

// HasUnit reports whether mentions with label l carry a unit: QUANTITY and
// MONEY.
func (l Label) HasUnit() bool { return l == QUANTITY || l == MONEY }

// UnitProblem says what is wrong with unit as the unit of a mention
// labelled l, or returns "" when nothing is: MONEY takes an ISO 4217
// currency code (USD), QUANTITY a lowercase symbol (km, mi, km2). It
// checks only the form of the code; whether l takes a unit at all is
// [Label.HasUnit].
func UnitProblem(l Label, unit string) string {
	if l == MONEY {
		if len(unit) != 3 || !isUpperASCII(unit) {
			return "is not an ISO 4217 currency code (such as USD, EUR, SYP)"
		}
		return ""
	}
	for i := 0; i < len(unit); i++ {
		c := unit[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' && i > 0) {
			return "is not a canonical unit (a lowercase symbol such as km, mi, kg, km2)"
		}
	}
	return ""
}

func isUpperASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}
