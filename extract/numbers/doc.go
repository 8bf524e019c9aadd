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
//
// [Find] scans the bytes of the text with a small hand-written lexer
// (words, numbers, symbols; NBSP and the other Unicode spaces are
// spaces) and reads a mention wherever one can start: digits, a currency
// sign or code, a number word, a vague magnitude or a modifier. Spans are
// converted to code points at the end.
//
// # What a mention is made of
//
// A mention is
//
//	[modifier] [currency] number [scale] [unit]  [range end]  [post-modifier]
//
// where
//
//   - number: digits with comma groups of three and a decimal part
//     ("270,000", "3.5"); a spelled-out number ("twenty-four", "three
//     hundred and fifty", "a dozen", "a hundred", "half a million", "one");
//     an ordinal ("first", "twenty-first", "3rd"); or a vague magnitude
//     with no value ("dozens", "hundreds", "thousands", "millions",
//     "tens of thousands", "hundreds of thousands", "several hundred", "a
//     few thousand").
//   - scale: "thousand", "million", "billion", "trillion", "bn", "mn",
//     "dozen", spaced or glued ("1.2bn", "300k", "5M"). Values are exact:
//     "1.2bn" is 1200000000.
//   - modifier: ~ about, around, roughly, approximately, some, nearly,
//     almost, (an) estimated, close to; > more than, over, above, in
//     excess of, upwards of; >= at least, no fewer/less than, a minimum
//     of; < less than, fewer than, under, below; <= at most, up to, no
//     more than, as many as, a maximum of. After the number: "or more"
//     (>=), "or so" (~), "or fewer"/"or less" (<=), "-plus" (>).
//   - range: "between X and Y", "X to Y", "X-Y", "X–Y", "X or Y" (the last
//     three only when X < Y); the value is the low end, which takes the
//     high end's scale ("5 to 10 million" is 5000000).
//   - PERCENT: "%", "percent", "per cent", "pct", "percentage points";
//     the value is the printed number.
//   - MONEY: a sign or code before ("$", "US$", "£", "€", "¥", "USD 5") or
//     a currency word or code after ("dollars", "euros", "pounds", "Syrian
//     pounds" = SYP, "cents" = 1/100 USD, "5 SYP"); the unit is the ISO
//     4217 code and the value the amount in it ("$5 million" = 5000000
//     USD). A glued "m" after a sign is million ("$5m").
//   - QUANTITY: a unit after the number, spaced, glued or hyphenated
//     ("50 km", "50km", "50-kilometre", "one square kilometer", "5 km²"),
//     as a canonical code (km, mi, m, cm, mm, km2, mi2, m2, kg, g, t, lb,
//     l, ha, ft, in, yd, gal, bbl, kmh, mph, mw, nmi, acre). A glued "m"
//     with no currency is metres before a word of size or distance ("5m
//     high", "10m-long") and million otherwise ("1.5m refugees").
//
// The span covers the modifier, the currency, the number, its scale and
// unit, never the counted noun ("300" in "300 workers"), and never a line
// break.
//
// # What is left to others
//
// Numbers that belong to a DATE, a TIME or a name are skipped whole:
//
//   - a number before a unit of time ("two days", "2 min read", "20
//     years", "at least two months", "two-day", "10-year-old", "5 pm",
//     "5 a.m.", "10 o'clock");
//   - clock times and dates in digits ("17:53", "7/4/2016"), decades
//     ("1990s", "’80s");
//   - years: four plain digits from 1000 to 2099 with no unit, and with no
//     modifier but "about" ("in 2011", "March 2011", "2011-2016", but "more
//     than 2000" is a count);
//   - the day of a date: 1 to 31 next to a capitalised month name ("April
//     7", "Apr. 7", "08 April", "7th of April");
//   - ages: a number after men, women, children, aged, ... ("men between
//     20 and 30", "children under 5");
//   - identifiers: digits glued to letters or joined to them by "-", "/",
//     "." or "_" ("F-16", "COVID-19", "MH17", "5G", "v1.2.3", "24/7"),
//     phone numbers ("1-800-555-0199"), scores ("4-3");
//   - anything in a URL, e-mail address, @handle or hashtag;
//   - "one" as a pronoun ("no one", "the one who", "the second one", "one
//     another") and fractions ("two-thirds").
//
// "several", "many", "numerous", "both" and "majority" alone are not
// numbers, as the guidelines say.
//
// # Known limits
//
//   - Numbers in names are tagged: "Windows 10", "Chapter 11", "S&P 500",
//     "Route 66". A capitalised word before a number cannot tell a name
//     from a title-case headline ("Kidnaps 300 Workers").
//   - A plain four-digit count from 1000 to 2099 with no comma and no
//     modifier ("2000 people") is taken for a year and skipped.
//   - Ages are only seen after the words listed above; "One official,
//     45," is CARDINAL 45.
//   - "pounds" is money (GBP), never weight; "lb" is weight. Currencies
//     not listed (dinars without a country, "Rs") are not read.
//   - Fractions ("a quarter", "two-thirds", "2 1/2"), negative numbers,
//     numbers written with a space or a full stop as thousands separator
//     ("270 000", "270.000") and Roman numerals are not read.
//   - A month name that is also a word ("May 5") is a month when
//     capitalised.
//
// # Speed
//
// One pass over the text, no regular expressions, no allocation per
// token (only the growing mention slices): about 55 MB/s on one core of
// the project's machine (AMD EPYC), BenchmarkFind over the seed corpus
// repeated to 1 MB.
package numbers
