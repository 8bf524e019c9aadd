package dates

// class is a set of word classes: what a word can be in a date or time
// expression. A word may belong to several (past is a relative modifier,
// in is both a year context and a duration trigger).
type class uint64

const (
	cMonth       class = 1 << iota // January, ... (val is 1..12)
	cMonthAbbr                     // Jan, Sept: a month only before a day or a year
	cMonthAmbig                    // May, March: also a verb or a name, so a month only in a date context
	cWeekday                       // Monday, ..., and the plurals Mondays, ...
	cPlural                        // the plural of a weekday or a unit
	cDayWord                       // today, yesterday, tomorrow
	cTonight                       // tonight
	cNoon                          // noon, midnight, midday
	cPartOfDay                     // morning, afternoon, evening, night
	cUnitDate                      // day, week, weekend, fortnight, month, year, decade, century
	cUnitTime                      // hour, minute, second and their short forms
	cUnitAbbr                      // min, hr, sec: a unit only after digits (2 min)
	cSeason                        // spring, summer, autumn, fall, winter
	cRelMod                        // this, last, next, past, coming, previous, recent
	cSuffix                        // ago, earlier, later after a duration
	cOnes                          // one .. nine
	cNumWord                       // one .. nineteen, twenty .. ninety
	cTens                          // twenty .. ninety
	cA                             // a, an
	cVague                         // few, several, many: counts with no number
	cLots                          // dozens, hundreds, thousands (of)
	cApprox                        // about, around, ...: a modifier before a number
	cYearCtx                       // words after which a bare 4-digit number is a year: in, since, ...
	cNotYear                       // words after which it is a count: than, about, the, ...
	cMonthCtx                      // words after which May and March are months
	cTrigger                       // words before which a bare plural unit is a duration: just hours, for years
	cPer                           // once, twice, times, per: "a week" after them is a rate
	cPerson                        // men, women, ...: "men between 20 and 30" is an age
	cAgeNext                       // function words that may follow an age range
	cTZ                            // UTC, GMT, ...: time zones (upper case in the text)
	cAmPm                          // am, pm
	cOrdSuffix                     // st, nd, rd, th after a day number
	cPress                         // Times, Post, ...: a weekday before them names a newspaper
	cWeekAbbr                      // Mon, Tue, ..., Thurs: a short weekday, which keeps its period
	cWeekAmbig                     // mon, wed, sat, sun: also a word, so a weekday only in a date context
	cOrdWord                       // first .. twentieth, thirtieth (val is the number)
	cHoliday                       // Christmas, Easter, Ramadan, ...: a named day alone
	cHolHead                       // Labor, Memorial, Mother, ...: a named day before Day or Eve
	cHolWkHead                     // Black, Cyber, Good, Easter, ...: a named day before a weekday
	cEdge                          // end, start, beginning, middle, rest, ...: of a period
	cWeekOf                        // commencing, beginning, starting, ending: after week
	cSetDate                       // daily, weekly, monthly, ...: a recurring date
	cSetTime                       // hourly, nightly: a recurring time
	cEndDate                       // EOM, EOW, EOY, EOQ
	cEndTime                       // EOD, COB
	cSeasonAmbig                   // spring, fall: also a verb or a noun, so a season alone only in a date context
	cSlashCtx                      // on, since, by, ...: before them N/M is a date, not a fraction
	cPrepCtx                       // in, at, by, during, ...: before them a part of day alone is a time
	cOrdNext                       // words that may follow a day written as an ordinal (on the 19th at noon)
	cWeekCtx                       // on, this, next, ...: before them a short weekday that is also a word is a weekday
	cRangeWord                     // to, through, until, till: between two ends of a range
	cClockCtx                      // at, from, until, ...: before them 8a is a clock time
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
	wH
	wD
	wQ
	wFY
	wFiscal
	wQuarter
	wAfter
	wBefore
	wEvery
	wOther
	wSingle
	wAll
	wLong
	wNight
	wIn
	wOh
	wThousand
	wNew
	wLunar
	wYom
	wSt
	wDay
	wEve
	wWeek
	wWeekend
	wMinute
	wOnce
	wTimes
	wFinal
	wEid
	wAl
	wNoon
	wCob
	wPer
	wHundred
	wFrom
	wNow
	wSmall
	wHours
	wLast
)

// lex is what the lexicon knows of a word.
type lex struct {
	c     class
	id    wid
	val   int8 // month number 1..12, or the value of a number word
	start bool // an expression may start at the word (see starts)
}

// startClasses and startIDs are the words at which an expression may
// start. The parser tries its rules only there (and at digits), so the
// many function words of the lexicon, which are only context, cost a
// lookup and nothing more.
const startClasses = cMonth | cWeekday | cDayWord | cTonight | cNoon | cPartOfDay | cUnitDate | cUnitTime | cSeason |
	cRelMod | cNumWord | cA | cVague | cLots | cApprox | cOrdWord | cHoliday | cHolHead | cHolWkHead | cEdge |
	cSetDate | cSetTime | cEndDate | cEndTime

var startIDs = [...]wid{wEarlier, wLater, wEarly, wLate, wMid, wBetween, wHalf, wCouple, wMore, wLess, wFewer, wAt, wUp,
	wNo, wSome, wQuarter, wEvery, wAll, wOnce, wQ, wH, wFY, wFiscal, wWeek, wWeekend, wNew, wLunar, wYom, wSt, wLast, wFinal, wSmall}

// starts reports whether an expression may start at a word with lexicon
// entry l.
func starts(l lex) bool {
	if l.c&startClasses != 0 {
		return true
	}
	for _, id := range startIDs {
		if l.id == id {
			return true
		}
	}
	return false
}

// maxWordLen is the longest word in the lexicon; longer words are not
// looked up.
const maxWordLen = 13

// lexicon maps a lower-case ASCII word to what it can be. It is built once
// and only read afterwards, so Find may use it from many goroutines.
var lexicon = buildLexicon()

// lexMask has bit l of lexMask[n][f] set when the lexicon holds a word of
// n letters that starts with letter f and ends with letter l. Most words
// of a text are not in the lexicon, and the mask turns most of them away
// before the map is hashed.
var lexMask = buildMask(lexicon)

func buildMask(m map[string]lex) *[maxWordLen + 1][26]uint32 {
	var mask [maxWordLen + 1][26]uint32
	for w := range m {
		mask[len(w)][w[0]-'a'] |= 1 << (w[len(w)-1] - 'a')
	}
	return &mask
}

// lookup returns what the lexicon knows of a lower-case ASCII word.
func lookup(w []byte) lex {
	n := len(w)
	if n == 0 || n > maxWordLen || lexMask[n][w[0]-'a']&(1<<(w[n-1]-'a')) == 0 {
		return lex{}
	}
	return lexicon[string(w)]
}

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
	add(cTZ, wNone, 0, "utc", "gmt", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "bst", "cet", "cest", "eet", "eest", "msk", "ist", "jst", "aest", "aedt",
		"et", "pt", "ct", "mt", "hst", "akst", "nzst", "nzdt", "sgt", "hkt", "wat", "eat", "sast")
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
	addMore(add)
	for w, l := range m {
		l.start = starts(l)
		m[w] = l
	}
	return m
}

// addMore adds the words of the forms beyond the seed corpus: short and
// lowercase weekdays, ordinals, named days, edges of periods, sets, clock
// markers, quarters and spelled-out years.
func addMore(add func(c class, id wid, val int8, words ...string)) {
	add(cMonthAmbig, wNone, 0, "mar")
	add(cWeekday|cWeekAbbr, wNone, 0, "tue", "tues", "weds", "thu", "thur", "thurs", "fri")
	add(cWeekday|cWeekAbbr|cWeekAmbig, wNone, 0, "mon", "wed", "sat", "sun")
	for i, w := range []string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
		"eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"} {
		add(cOrdWord, wNone, int8(i+1), w)
	}
	add(cOrdWord, wNone, 30, "thirtieth")
	add(cHoliday, wNone, 0, "christmas", "xmas", "easter", "halloween", "thanksgiving", "ramadan", "hanukkah", "chanukah",
		"diwali", "passover", "juneteenth", "hogmanay", "kwanzaa", "pentecost", "purim", "nowruz", "kippur", "hashanah", "hashana")
	add(cHoliday, wEid, 0, "eid")
	add(cHolHead, wNone, 0, "christmas", "thanksgiving", "labor", "labour", "memorial", "independence", "veterans", "veteran",
		"presidents", "president", "columbus", "boxing", "election", "inauguration", "remembrance", "armistice", "canada",
		"australia", "bastille", "groundhog", "valentine", "valentines", "mother", "mothers", "father", "fathers",
		"patrick", "patricks", "may", "earth", "victory", "mlk", "halloween", "easter")
	add(cHolWkHead, wNone, 0, "easter", "black", "cyber", "good", "ash", "palm", "holy", "maundy", "giving", "remembrance")
	add(cEdge, wNone, 0, "end", "start", "beginning", "middle", "rest", "remainder", "turn")
	add(cWeekOf, wNone, 0, "commencing", "beginning", "starting", "ending")
	add(cSetDate, wNone, 0, "daily", "weekly", "monthly", "yearly", "annually", "quarterly", "biweekly", "fortnightly",
		"bimonthly", "biannually", "semiannually")
	add(cSetTime, wNone, 0, "hourly", "nightly")
	add(cEndDate, wNone, 0, "eom", "eow", "eoy", "eoq")
	add(cEndTime, wNone, 0, "eod", "cob")
	add(cSeasonAmbig, wNone, 0, "spring", "fall")
	add(cPartOfDay, wNone, 0, "dawn", "dusk", "sunrise", "sunset", "daybreak", "nightfall")
	add(cPartOfDay|cPlural, wNone, 0, "mornings", "afternoons", "evenings")
	add(cUnitDate|cPartOfDay|cPlural, wNone, 0, "nights")
	// Chat spellings.
	add(cDayWord, wNone, 0, "tmrw", "tmr", "tomorow", "tommorow", "tommorrow", "yday")
	add(cTonight, wNone, 0, "tonite")
	add(cUnitDate|cUnitAbbr, wNone, 0, "wk", "yr", "mo")
	add(cUnitDate|cUnitAbbr|cPlural, wNone, 0, "wks", "yrs", "mos")
	add(cNoon, wNoon, 0, "noon", "midnight")
	add(cNoon, wNone, 0, "noonish", "midnightish")
	add(cSlashCtx, wNone, 0, "on", "since", "until", "till", "by", "from", "dated", "before", "after")
	add(cPrepCtx, wNone, 0, "in", "at", "by", "during", "until", "till", "through", "throughout", "before", "after", "since", "from", "overnight", "into", "over")
	add(cOrdNext, wNone, 0, "at", "and", "or", "to", "through", "until", "till", "in", "of", "is", "was", "will", "would", "when", "with", "for", "we", "i", "you", "they", "he", "she")
	add(cWeekCtx, wNone, 0, "on", "this", "last", "next", "every", "each", "by", "until", "till", "from", "since", "before", "after", "through")
	add(cRangeWord, wNone, 0, "to", "through", "thru", "until", "till", "til")
	add(cClockCtx, wNone, 0, "at", "from", "to", "until", "till", "til", "by", "around", "before", "after", "since", "between")
	add(cNone, wH, 0, "h")
	add(cNone, wD, 0, "d")
	add(cNone, wQ, 0, "q")
	add(cNone, wFY, 0, "fy")
	add(cNone, wFiscal, 0, "fiscal")
	add(cNone, wQuarter, 0, "quarter")
	add(cNone, wAfter, 0, "after")
	add(cNone, wBefore, 0, "before")
	add(cNone, wEvery, 0, "every", "each")
	add(cNone, wOther, 0, "other")
	add(cNone, wSingle, 0, "single")
	add(cNone, wAll, 0, "all")
	add(cNone, wLong, 0, "long")
	add(cNone, wNight, 0, "night")
	add(cNone, wIn, 0, "in")
	add(cNone, wOh, 0, "oh")
	add(cNone, wThousand, 0, "thousand")
	add(cNone, wNew, 0, "new")
	add(cNone, wLunar, 0, "lunar", "chinese")
	add(cNone, wYom, 0, "yom", "rosh")
	add(cNone, wSt, 0, "st", "saint")
	add(cNone, wDay, 0, "day")
	add(cNone, wEve, 0, "eve")
	add(cNone, wWeek, 0, "week")
	add(cNone, wWeekend, 0, "weekend")
	add(cNone, wMinute, 0, "minute", "minutes", "min", "mins")
	add(cNone, wOnce, 0, "once", "twice", "thrice")
	add(cNone, wTimes, 0, "times")
	add(cNone, wFinal, 0, "final")
	add(cNone, wAl, 0, "al", "ul", "el")
	add(cNone, wCob, 0, "cob")
	add(cNone, wPer, 0, "per")
	add(cNone, wHundred, 0, "hundred")
	add(cNone, wFrom, 0, "from")
	add(cNone, wNow, 0, "now")
	add(cNone, wSmall, 0, "small", "wee")
	add(cNone, wHours, 0, "hours")
	add(cNone, wLast, 0, "last")
}

// cNone adds a word with an id and no class.
const cNone class = 0
