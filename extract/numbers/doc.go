// Package numbers is a rule-based extractor of number mentions: CARDINAL,
// ORDINAL, QUANTITY, PERCENT and MONEY, each with the value, modifier and
// unit that the gold guidelines (gold/GUIDELINES.md and the
// bundled gold's README) ask for:
//
//	more than 300 workers       CARDINAL  "more than 300"       300      >
//	around 30 miles             QUANTITY  "around 30 miles"     30       ~      mi
//	twenty militiamen           CARDINAL  "twenty"              20
//	Hundreds of workers         CARDINAL  "Hundreds"            (none)
//	between 5 and 10 million    CARDINAL  whole                 5000000  range
//	€2.5bn                      MONEY     "€2.5bn"              2.5e9             EUR
//	ten per cent                PERCENT   "ten per cent"        10
//	the 21st                    ORDINAL   "21st"                21
//	it fell to minus 3.75       CARDINAL  "minus 3.75"          -3.75
//	two-sevenths of the land    CARDINAL  "two-sevenths"        0.285714
//	a couple of people          CARDINAL  "a couple"            2        ~
//	40 lakh                     CARDINAL  "40 lakh"             4000000
//
// [Find] scans the bytes of the text with a small hand-written lexer
// (words, numbers, symbols; NBSP and the other Unicode spaces are
// spaces; a number token takes its minus sign, a leading decimal point,
// its thousands groups and its exponent) and reads a mention wherever
// one can start: digits, a currency sign or code, a number word, a vague
// magnitude or a modifier. Spans are converted to code points at the
// end.
//
// # What a mention is made of
//
// A mention is
//
//	[modifier] [sign] [currency] number [scale] [unit]  [range end]  [post-modifier]
//
// where
//
//   - number: digits with comma groups of three and a decimal part
//     ("270,000", "3.5"), a decimal with no leading digit (".45"), Indian
//     grouping ("45,67,890.12"), groups of three after a thin, narrow or
//     no-break space ("7 654 321.5"; after ordinary spaces only where two
//     groups, or one with a decimal part, follow, so that "in 2016 300
//     workers" stays apart), scientific notation ("6.02e+23", "1E-3",
//     "6.02 × 10^23"); a spelled-out number ("twenty-four", "three hundred
//     and fifty", "seven hundred, and nine", "a hundred and two", "half a
//     million", "four dozen", "three score", "one"), digits and words
//     mixed ("3 million two hundred forty thousand, five hundred and six",
//     "20 thousand million", "4 hundred billion"); a spoken decimal
//     ("point 45", "3 point 2", "ninety point zero five": one word for
//     each digit after "point"); a fraction or mixed number ("3/8", "¾",
//     "two-sevenths", "three quarters", "a third of", "a thousandth",
//     "half", "two and a half", "seven and a quarter", "4 1/2", "4½");
//     an ordinal ("first", "twenty-first", "3rd", "zeroth"); "a couple"
//     (about 2) and "a pair" (2) before "of"; or a vague magnitude with
//     no value ("dozens", "hundreds", "thousands", "millions", "tens of
//     thousands", "hundreds of thousands", "several hundred", "a few
//     thousand"). Words for nought ("nought", "naught", "nil") and common
//     misspellings ("fourty", "ninty", "ninteen", "nineth", "twelth",
//     "eigth") are read as the word meant.
//   - sign: a minus sign ("-42", "−3.75" with U+2212, "-$5") that is not
//     glued to a letter or digit before it ("F-16", "20-30" and "4-3" are
//     no negatives), or "minus", "negative" before the number.
//   - scale: "hundred", "thousand", "million", "billion", "trillion",
//     "lakh" (100000), "crore" (10000000), "bn", "mn", "mil", "k", "K",
//     "dozen", spaced or glued ("1.2bn", "300k", "5M", "3mil"); "G" (a
//     billion) and "T" (a trillion) in capitals only, and "G" not after a
//     single digit ("5G" is a network); "b" glued only after a currency
//     sign or a decimal ("$5b", "1.5b", but "flat 4B"). Values are
//     exact: "1.2bn" is 1200000000.
//   - modifier: ~ about, around, roughly, approximately, some, nearly,
//     almost, (an) estimated, close to; > more than, over, above, in
//     excess of, upwards of; >= at least, no fewer/less than, a minimum
//     of; < less than, fewer than, under, below; <= at most, up to, no
//     more than, as many as, a maximum of. After the number: "or more"
//     (>=), "or so" (~), "or fewer"/"or less" (<=), "-plus" (>). "a
//     couple" is ~ by itself.
//   - range: "between X and Y", "X to Y", "X-Y", "X–Y", "X or Y" (the last
//     three only when X < Y); the value is the low end, which takes the
//     high end's scale ("5 to 10 million" is 5000000).
//   - PERCENT: "%", "percent", "per cent", "pct", "percentage points";
//     the value is the printed number.
//   - MONEY: a sign or code before ("$", "US$", "£", "€", "¥", "₹", "USD
//     5") or a currency word or code after ("dollars", "euros", "pounds",
//     "Syrian pounds" = SYP, "rupees" = INR, "cents" = 1/100 USD, "5
//     SYP"); the unit is the ISO 4217 code and the value the amount in it
//     ("$5 million" = 5000000 USD). A glued "m" after a sign is million
//     ("$5m").
//   - QUANTITY: a unit after the number, spaced, glued or hyphenated
//     ("50 km", "50km", "50-kilometre", "one square kilometer", "5 km²"),
//     as a canonical code (km, mi, m, cm, mm, km2, mi2, m2, kg, g, t, lb,
//     l, ha, ft, in, yd, gal, bbl, kmh, mph, mw, nmi, acre). A glued "m"
//     with no currency is metres before a word of size or distance ("5m
//     high", "10m-long") and million otherwise ("1.5m refugees").
//
// The span covers the modifier, the sign, the currency, the number, its
// scale and unit, never the counted noun ("300" in "300 workers"), and
// never a line break.
//
// # Values
//
// Values are float64 and equal the printed decimal exactly: digits are
// read as an integer and a count of decimal places, and divided once by
// a power of ten; exponents past 10^22 are parsed with strconv. A
// fraction or a mixed number is the quotient rounded to 6 significant
// digits, half away from zero, worked out in integers, so that a
// quotient that needs fewer digits keeps only those: "3/8" is 0.375,
// "40/100" 0.4, "two-sevenths" 0.285714, "one third" 0.333333, "two and
// a half million" 2500000. A spoken decimal is the digits it names:
// "ninety point zero five" is 90.05.
//
// "N/M" in digits is a fraction when N < M, neither part has a leading
// zero, M is not a year (1000 to 2099), nothing but space or punctuation
// follows, and "on", "since", "until", "till", "by", "from", "dated",
// "before" or "after" does not come before it; otherwise it is a date or
// a code and is skipped ("17/09", "on 3/8", "24/7"). A denominator word
// is singular after one ("one third", "a quarter") and plural after
// more ("three fifths"); "a" with a denominator other than half or
// quarter is a fraction only before "of" or the end of the phrase ("a
// third of the vote", but "a third time").
//
// # What is left to others
//
// Numbers that belong to a DATE, a TIME or a name are skipped whole:
//
//   - a number before a unit of time ("two days", "2 min read", "20
//     years", "at least two months", "two-day", "10-year-old", "5 pm",
//     "5 p m", "5 a.m.", "10 o'clock", "9 at night", "5 in the morning",
//     "2 quarters", "two and a half hours", "a couple of days", "three
//     hundredths of a second", "a quarter of an hour", "half an hour",
//     "an hour and a half"); a modifier before one is part of the
//     duration ("$5000 over 4 years" gives only "$5000");
//   - clock times: "17:53", "415 pm", "8p", "14h45", "half past ten", "at
//     half nine", "a quarter to 6", "ten past six", "twenty to nine";
//     and a spelled number below 100 followed by a tens word or by "oh"
//     and a digit, which is an hour and its minutes or the two halves of
//     a year ("six forty pm", "nineteen ninety-eight", "twenty
//     twenty-one", "nineteen oh five");
//   - dates in digits ("7/4/2016", "17/09", "2018.7.21", "2013-11",
//     "20170923": eight digits that are a date from 1900 to 2099),
//     decades ("1990s", "’80s");
//   - years: four plain digits from 1000 to 2099 with no unit, and with no
//     modifier but "about" ("in 2011", "March 2011", "2011-2016", but "more
//     than 2000" is a count); a spelled number from 1000 to 2099 after a
//     month or a date word ("in two thousand and nine");
//   - the day of a date: 1 to 31 next to a month name, capitalised or,
//     except "may" and "march", lower case ("April 7", "Apr. 7", "08
//     April", "7th of April", "third of june", "july twenty one"); an
//     ordinal from 1 to 31 after "on", "by", "until", "till", "from",
//     "since", "before", "after" or "dated", with or without "the", unless
//     a noun follows ("on the 19th", but "on the 19th floor");
//   - quarters and halves: an ordinal before "quarter" ("second quarter",
//     "3rd-quarter"), "first half of 2021"; "Q2" and "H1" are codes;
//   - ages: a number after men, women, children, kids, aged, ... ("men
//     between 20 and 30", "children under 5");
//   - identifiers: digits glued to letters or joined to them by "-", "/",
//     "." or "_" ("F-16", "COVID-19", "MH17", "5G", "v1.2.3", "24/7"),
//     phone numbers ("1-800-555-0199"), scores in digits ("4-3");
//   - anything in a URL, e-mail address, @handle or hashtag;
//   - "one" as a pronoun ("no one", "the one who", "the second one", "one
//     another"), an ordinal after "per" ("metres per second"), "point"
//     after a determiner ("at this point 300 people"), and a word for
//     nought or a fraction before a hyphenated word ("zero-sum",
//     "half-time", "a quarter-final").
//
// "several", "many", "numerous", "both", "majority", "a few", "single",
// "a handful" and "a number of" alone are not numbers, as the guidelines
// say; nor is "oh".
//
// # Known limits
//
//   - Numbers in names are tagged: "Windows 10", "Chapter 11", "S&P 500",
//     "Route 66". A capitalised word before a number cannot tell a name
//     from a title-case headline ("Kidnaps 300 Workers").
//   - A plain four-digit count from 1000 to 2099 with no comma and no
//     modifier ("2000 people") is taken for a year and skipped; so is a
//     spelled one after a date word ("in two thousand homes").
//   - Ages are only seen after the words listed above; "One official,
//     45," is CARDINAL 45.
//   - "pounds" is money (GBP), never weight; "lb" is weight. Currencies
//     not listed (dinars without a country, "Rs") are not read.
//   - "half" is 0.5 wherever it stands alone, also as an adverb ("half
//     asleep"); "first half" without a year is ORDINAL and 0.5.
//   - A fraction after a whole of a thousand or more is not joined to it
//     ("a million and a half" gives "a million" and "a half"); neither
//     are compound denominators ("twenty-fifths") and fractions of
//     decimals ("2.5/3"). "one hundredth" is a fraction (0.01) except
//     after "the" ("the one hundredth day"). "+5" is skipped (a plus sign
//     is read as part of a code), and a power of ten with no mantissa
//     ("10^6") is two numbers.
//   - "N/M" follows the guidelines' rule, so "the 9/11 memorial" has the
//     fraction 0.818182.
//   - After "and" or a comma a smaller number is joined to a scale word
//     before it, as in "two thousand, five hundred"; a list that goes
//     down ("two thousand, five people") is read as one number.
//   - A spelled number below 100 before a tens word is a year or a clock
//     time ("the two fifty-year-olds" loses "two"); "X to Y" with X of 5,
//     10, 20 or 25 spelled out and above an hour Y is a clock time ("ten
//     to six"), and "5 to 10" is always a range.
//   - Groups of three after an ordinary space follow the guidelines
//     literally: "pages 100 200 300" is 100200300, and "2 000 years" is
//     read as "2" (and "000 years", a duration).
//   - Digits directly followed by a single unknown letter are skipped as
//     a code ("-5C"); "degrees" is no unit, so "-5°C" is CARDINAL -5.
//   - Numbers written with a full stop as thousands separator ("270.000")
//     and Roman numerals are not read.
//   - A month name that is also a word ("May 5") is a month when
//     capitalised.
//
// # Speed
//
// One pass over the text, no regular expressions, no allocation per
// token (only the growing mention slices); most words are turned away by
// their length and first and last letters before any map look-up. On
// one core of the project's 2-core machine (AMD EPYC), medians of 6
// interleaved runs: BenchmarkFind, the seed corpus repeated to 1 MB, 61
// MiB/s (numbers/1: 52); BenchmarkFindNews, 100 MB of generated news,
// chat and transcripts in 10,240 documents, dense with numbers (one
// mention every 94 bytes), 39 MiB/s (numbers/1: 39), with 9 allocations
// a document, whatever its length.
package numbers
