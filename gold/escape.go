package gold

import "strings"

// formulaStart holds the characters that make a spreadsheet read a cell
// as a formula (OWASP's CSV injection list), and the quote that escapes
// them.
const formulaStart = "=+-@\t\r'"

// EscapeCell returns s as a CSV cell that a spreadsheet shows as text: a
// cell starting with =, +, -, @, tab or carriage return gets a leading
// single quote, as OWASP advises against CSV injection, and so does one
// already starting with a quote, so that [UnescapeCell] can undo it
// exactly. Other cells are unchanged.
func EscapeCell(s string) string {
	if s != "" && strings.IndexByte(formulaStart, s[0]) >= 0 {
		return "'" + s
	}
	return s
}

// UnescapeCell undoes [EscapeCell]: UnescapeCell(EscapeCell(s)) == s for
// every s. It also takes the quote off before a line feed: encoding/csv
// drops the carriage return of a CRLF inside a quoted field, so an escaped
// "\r\n..." reads back as "'\n...", which only EscapeCell can have made.
func UnescapeCell(s string) string {
	if len(s) >= 2 && s[0] == '\'' && (strings.IndexByte(formulaStart, s[1]) >= 0 || s[1] == '\n') {
		return s[1:]
	}
	return s
}
