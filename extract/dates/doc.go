// Package dates is a rule-based extractor of DATE and TIME mentions, as
// the gold annotation guidelines (gold/GUIDELINES.md, OntoNotes
// 5.0 boundaries) and the judgement calls of gold/dmeir-2016/README.md
// define them. DATE and TIME carry no value, modifier or unit.
//
// A hand-written scanner splits each line into words, runs of digits and
// punctuation, looks each word up in a small lexicon (words.go), and a
// matcher takes, from left to right, the longest expression that starts
// at each token (grammar.go). Offsets are found in bytes and turned into
// code points at the end.
//
// # What it finds
//
// DATE (a date, a duration of a day or more, an age):
//
//	calendar dates    April 7, 2016; 7 April 2016; 08 April, 2016; April 13; 7th of April;
//	                  Aug. 5, 2015; April 7-9; March 2011; April, 2016; 2016-04-07; 7/4/2016
//	months, weekdays  April; in March; Monday; Fridays; Monday, April 7
//	years             in 2011; 1990s; 2011-2016; 2015/16; early 2016; mid-2016; the 20th century
//	relative dates    today; yesterday; this week; next week; last Monday; this past month;
//	                  earlier this week; Earlier today; later this month; recent weeks
//	durations         two days; a week; a few days; more than two years; past two weeks;
//	                  two days ago; three years later; two-day; for years
//	ages              20 years old; 20-year-old; aged 18; men between 20 and 30
//
// TIME (a time of day, a duration under a day, or a day with a time of day):
//
//	noon; midnight; tonight; this morning; last night; Saturday morning; late Monday;
//	17:53 UTC; 5 p.m.; 5pm; 5.30pm; 1800 GMT; 9 a.m. local time; 10 o'clock;
//	24 hours; 2 min (in "2 min read"); half an hour; hours (in "just hours after");
//	noon on Monday; Monday at noon; Thursday 7 April 2016 17:53 UTC
//
// # Rules
//
//   - Spans keep the relative words this, last, next, past, coming,
//     previous, recent, earlier, later, early, late, mid and ago, and the
//     modifiers of a count (about, more than, at least, up to); never just
//     or only, prepositions (on, in, within, since), or a lowercase the.
//     Possessive ’s and trailing punctuation stay out; the period of a
//     short form stays in (p.m., Aug.).
//   - A date and a time of day make one TIME: a day (weekday, today,
//     calendar date) followed by a part of day or a clock time, directly
//     or after "at", or a time of day followed by a day, directly or after
//     "on". early or late before a day (late Monday) is a TIME too.
//   - A relative word needs a date word after it: "recent" only before a
//     plural unit (recent weeks), "last" and "next" only before a unit, a
//     weekday, a month, a season or a counted unit; so "the recent ISIS
//     kidnapping", "one of the last crossing points", "the next round of
//     talks", "Earlier local reports" and "recently gained" are nothing.
//   - A unit needs a count (two days, a week), a relative word (this
//     week), or, as a bare plural, a word that makes it a duration before
//     it (just, only, for, in, within, after, over, took, lasted, ...) or
//     ago/later/earlier after it, or a capital at the start of a sentence
//     (Hours later). So "our best month" is nothing. "a week" after once,
//     twice, times, per or another unit is a rate and is left out (once a
//     week), as is "a second" (an ordinal).
//   - min, hr and sec are units only after digits (2 min).
//   - Month names count only when capitalised. May and March are also a
//     verb and a name, so alone they are months only after a date word (in,
//     since, until, by, during, from, before, after, of, early, late, mid,
//     this, last, next) or with a day or a year (May 5, May 2016). So a
//     sentence-initial modal "May God ..." and "Theresa May said" are
//     nothing. Short forms (Jan, Sept) are months only before a day or a
//     year: "Jan Egeland" is nothing.
//   - A 4-digit number from 1900 to 2099 standing alone may be a count
//     (2000 workers), so it is a year only after a date word (in, since,
//     until, till, by, during, from, through, before, after, circa), next to
//     another year (2011 and 2016, from 2010 to 2015), or before
//     punctuation or the end of a line ("founded in 1998."). After a word
//     that makes it a count (than, about, around, some, over, under, the,
//     of, to, ...) or before a word ("2000 people", "the 2016 election")
//     it is not a year. With a month or a day (March 2011, April 7, 2016)
//     any 4-digit number from 1000 to 2999 is a year, and a decade (1990s)
//     always is.
//   - Ages: "aged" before a number or a range marks the number (aged 18,
//     aged 20 to 30). "between N and M" after men, women, people, children,
//     ... or aged is one DATE unless a lowercase noun follows ("between 20
//     and 30 fighters" is a count).
//   - Weekdays before Times, Telegraph, Post, Mail, ... name newspapers
//     (the Sunday Times) and are left out.
//   - No span crosses a line break. Hashtags, @handles, URLs and e-mail
//     addresses are skipped. NBSP and other Unicode spaces are spaces.
//
// # Known limits
//
//   - Holidays and named days (Christmas, Ramadan, New Year's Day, Black
//     Friday), "the end of March", "the first week of April", ordinal
//     words before century (nineteenth century), "'80s", "every year",
//     "that day", "the same day", and a part of day alone ("in the
//     morning") are not found.
//   - "the 2016 election" is missed (a year before a noun looks like a
//     count); "May 2000 people" at the start of a sentence is read as a
//     month and year; "USA Today" yields DATE "Today".
//   - Clock times with minutes are found without context, so "John 3:16"
//     yields TIME "3:16".
//   - Dates written across a line break are missed; day-month order of
//     numeric dates is not checked beyond both parts being at most 31 and
//     one at most 12.
package dates
