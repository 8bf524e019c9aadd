package dates

// class is a set of word classes: what a word can be in a date or time
// expression. A word may belong to several (past is a relative modifier,
// in is both a year context and a duration trigger).
type class uint64

const (
	cMonth      class = 1 << iota // January, ... (val is 1..12)
	cMonthAbbr                    // Jan, Sept: a month only before a day or a year
	cMonthAmbig                   // May, March: also a verb or a name, so a month only in a date context
	cWeekday                      // Monday, ..., and the plurals Mondays, ...
	cPlural                       // the plural of a weekday or a unit
	cDayWord                      // today, yesterday, tomorrow
	cTonight                      // tonight
	cNoon                         // noon, midnight, midday
	cPartOfDay                    // morning, afternoon, evening, night
	cUnitDate                     // day, week, weekend, fortnight, month, year, decade, century
	cUnitTime                     // hour, minute, second and their short forms
	cUnitAbbr                     // min, hr, sec: a unit only after digits (2 min)
	cSeason                       // spring, summer, autumn, fall, winter
	cRelMod                       // this, last, next, past, coming, previous, recent
	cSuffix                       // ago, earlier, later after a duration
	cOnes                         // one .. nine
	cNumWord                      // one .. nineteen, twenty .. ninety
	cTens                         // twenty .. ninety
	cA                            // a, an
	cVague                        // few, several, many: counts with no number
	cLots                         // dozens, hundreds, thousands (of)
	cApprox                       // about, around, ...: a modifier before a number
	cYearCtx                      // words after which a bare 4-digit number is a year: in, since, ...
	cNotYear                      // words after which it is a count: than, about, the, ...
	cMonthCtx                     // words after which May and March are months
	cTrigger                      // words before which a bare plural unit is a duration: just hours, for years
	cPer                          // once, twice, times, per: "a week" after them is a rate
	cPerson                       // men, women, ...: "men between 20 and 30" is an age
	cAgeNext                      // function words that may follow an age range
	cTZ                           // UTC, GMT, ...: time zones (upper case in the text)
	cAmPm                         // am, pm
	cOrdSuffix                    // st, nd, rd, th after a day number
	cPress                        // Times, Post, ...: a weekday before them names a newspaper
)

// wid names a single word that a rule asks for by itself.
type wid uint8

const (
	wNone wid = iota
	wThis
	wPast
	wRecent
	wFollowing
	wEarlier
	wLater
	wEarly
	wLate
	wMid
	wOld
	wAge
	wAged
	wAges
	wYear
	wYears
	wCentury
	wSecond
	wFew
	wCouple
	wDozen
	wHalf
	wOf
	wAnd
	wOr
	wTo
	wOn
	wAt
	wBetween
	wThe
	wMore
	wLess
	wFewer
	wThan
	wLeast
	wMost
	wUp
	wNo
	wSome
	wLocal
	wTime
	wO
	wClock
	wS
	wP
	wM
	wA
)

// lex is what the lexicon knows of a word.
type lex struct {
	c   class
	id  wid
	val int8 // month number 1..12, or the value of a number word
}

// maxWordLen is the longest word in the lexicon; longer words are not
// looked up.
const maxWordLen = 13

// lexicon maps a lower-case ASCII word to what it can be. It is built once
// and only read afterwards, so Find may use it from many goroutines.
var lexicon = buildLexicon()

func buildLexicon() map[string]lex {
	m := map[string]lex{}
	add := func(c class, id wid, val int8, words ...string) {
		for _, w := range words {
			if len(w) > maxWordLen {
				panic("dates: lexicon word longer than maxWordLen: " + w)
			}
			l := m[w]
			l.c |= c
			if id != wNone {
				l.id = id
			}
			if val != 0 {
				l.val = val
			}
			m[w] = l
		}
	}
	for i, w := range []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"} {
		add(cMonth, wNone, int8(i+1), w)
	}
	add(cMonthAmbig, wNone, 0, "may", "march")
	for i, ws := range [][]string{{"jan"}, {"feb"}, {"mar"}, {"apr"}, nil, {"jun"}, {"jul"}, {"aug"}, {"sep", "sept"}, {"oct"}, {"nov"}, {"dec"}} {
		add(cMonth|cMonthAbbr, wNone, int8(i+1), ws...)
	}
	add(cWeekday, wNone, 0, "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
	add(cWeekday|cPlural, wNone, 0, "mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays")
	add(cDayWord, wNone, 0, "today", "yesterday", "tomorrow")
	add(cTonight, wNone, 0, "tonight")
	add(cNoon, wNone, 0, "noon", "midnight", "midday")
	add(cPartOfDay, wNone, 0, "morning", "afternoon", "evening", "night")
	add(cUnitDate, wNone, 0, "day", "week", "weekend", "fortnight", "month", "decade")
	add(cUnitDate, wCentury, 0, "century")
	add(cUnitDate, wYear, 0, "year")
	add(cUnitDate|cPlural, wNone, 0, "days", "weeks", "weekends", "fortnights", "months", "decades", "centuries")
	add(cUnitDate|cPlural, wYears, 0, "years")
	add(cUnitTime, wNone, 0, "hour", "minute")
	add(cUnitTime, wSecond, 0, "second")
	add(cUnitTime|cPlural, wNone, 0, "hours", "minutes", "seconds")
	add(cUnitTime|cUnitAbbr, wNone, 0, "min", "hr", "sec")
	add(cUnitTime|cUnitAbbr|cPlural, wNone, 0, "mins", "hrs", "secs")
	add(cSeason, wNone, 0, "spring", "summer", "autumn", "fall", "winter")
	add(cRelMod, wNone, 0, "last", "next", "coming", "previous")
	add(cRelMod, wThis, 0, "this")
	add(cRelMod, wPast, 0, "past")
	add(cRelMod, wRecent, 0, "recent")
	add(cNone, wFollowing, 0, "following")
	add(cSuffix, wNone, 0, "ago")
	add(cSuffix, wEarlier, 0, "earlier")
	add(cSuffix, wLater, 0, "later")
	add(cYearCtx|cMonthCtx, wEarly, 0, "early")
	add(cYearCtx|cMonthCtx, wLate, 0, "late")
	add(cYearCtx|cMonthCtx, wMid, 0, "mid")
	for i, w := range []string{"one", "two", "three", "four", "five", "six", "seven", "eight", "nine"} {
		add(cOnes|cNumWord, wNone, int8(i+1), w)
	}
	for i, w := range []string{"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"} {
		add(cNumWord, wNone, int8(i+10), w)
	}
	for i, w := range []string{"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"} {
		add(cNumWord|cTens, wNone, int8(20+10*i), w)
	}
	add(cA, wA, 0, "a")
	add(cA, wNone, 0, "an")
	add(cVague, wFew, 0, "few")
	add(cVague, wNone, 0, "several", "many")
	add(cLots, wNone, 0, "dozens", "hundreds", "thousands")
	add(cNone, wCouple, 0, "couple")
	add(cNone, wDozen, 0, "dozen")
	add(cNone, wHalf, 0, "half")
	add(cApprox|cNotYear, wNone, 0, "about", "around", "approximately", "roughly", "nearly", "almost")
	add(cApprox|cNotYear, wSome, 0, "some")
	add(cNone, wMore, 0, "more")
	add(cNone, wLess, 0, "less")
	add(cNone, wFewer, 0, "fewer")
	add(cNotYear, wThan, 0, "than")
	add(cNotYear, wLeast, 0, "least")
	add(cNotYear, wMost, 0, "most")
	add(cNone, wUp, 0, "up")
	add(cNone, wNo, 0, "no")
	add(cNotYear, wNone, 0, "over", "under", "only", "just", "additional", "another", "extra", "total", "all", "these", "those", "estimated")
	add(cNotYear|cMonthCtx, wOf, 0, "of")
	add(cNotYear, wThe, 0, "the")
	add(cNotYear, wTo, 0, "to")
	add(cNone, wAnd, 0, "and")
	add(cNone, wOr, 0, "or")
	add(cNone, wOn, 0, "on")
	add(cNone, wAt, 0, "at")
	add(cNone, wBetween, 0, "between")
	add(cYearCtx|cMonthCtx, wNone, 0, "in", "since", "until", "till", "by", "during", "from", "through", "throughout", "before", "after", "circa")
	add(cTrigger, wNone, 0, "just", "only", "mere", "merely", "for", "in", "within", "after", "over", "took", "take", "takes", "taking", "lasted", "lasting", "lasts", "spent", "spend", "spending", "waited")
	add(cPer, wNone, 0, "once", "twice", "thrice", "times", "per")
	add(cPerson, wNone, 0, "men", "women", "boys", "girls", "males", "females", "people", "persons", "children", "kids",
		"youths", "adults", "teenagers", "teens", "those", "anyone", "everyone", "individuals", "volunteers", "recruits", "conscripts")
	add(cAgeNext, wNone, 0, "who", "that", "which", "are", "were", "is", "was", "will", "would", "should", "must", "can", "could",
		"may", "might", "to", "and", "or", "in", "at", "with", "from", "for", "of", "on", "by", "as", "living", "had", "have",
		"has", "be", "being", "been", "not", "but")
	add(cTZ, wNone, 0, "utc", "gmt", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "bst", "cet", "cest", "eet", "eest", "msk", "ist", "jst", "aest", "aedt")
	add(cAmPm, wNone, 0, "am", "pm")
	add(cOrdSuffix, wNone, 0, "st", "nd", "rd", "th")
	add(cPress, wNone, 0, "times", "telegraph", "mirror", "express", "herald", "post", "mail", "tribune")
	add(cNone, wOld, 0, "old")
	add(cNone, wAge, 0, "age")
	add(cNone, wAged, 0, "aged")
	add(cNone, wAges, 0, "ages")
	add(cNone, wLocal, 0, "local")
	add(cNone, wTime, 0, "time")
	add(cNone, wO, 0, "o")
	add(cNone, wClock, 0, "clock")
	add(cNone, wS, 0, "s")
	add(cNone, wP, 0, "p")
	add(cNone, wM, 0, "m")
	return m
}

// cNone adds a word with an id and no class.
const cNone class = 0
