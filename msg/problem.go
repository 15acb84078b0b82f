package msg

import "strings"

// Problem is one thing wrong with a plan, a catalogue or a data file, with
// where it is: a JSON path such as "sections[2].tasks[4].indicators[1]" or a
// file position such as "data.csv:12:4".
type Problem struct {
	Path    string `json:"path"`
	Message Text   `json:"message"`
}

// String is the problem in both languages.
func (p Problem) String() string { return p.render(p.Message.Both()) }

// In is the problem in one language.
func (p Problem) In(lang string) string { return p.render(p.Message.In(lang)) }

func (p Problem) render(m string) string {
	if p.Path == "" {
		return m
	}
	return p.Path + ": " + m
}

// Problems is every problem found in one input. Loading reports all of them
// at once rather than stopping at the first.
type Problems []Problem

// Error lists the problems one per line, in both languages.
func (ps Problems) Error() string {
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.String())
	}
	return b.String()
}

// In lists the problems one per line, in one language.
func (ps Problems) In(lang string) string {
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.In(lang))
	}
	return b.String()
}

// Add records a problem at path, its wording formatted in both languages
// with the same arguments.
func (ps *Problems) Add(path, zh, en string, args ...any) {
	*ps = append(*ps, Problem{Path: path, Message: Textf(zh, en, args...)})
}

// AddText records a problem at path.
func (ps *Problems) AddText(path string, t Text) {
	*ps = append(*ps, Problem{Path: path, Message: t})
}

// Err returns ps as an error, or nil when there are none.
func (ps Problems) Err() error {
	if len(ps) == 0 {
		return nil
	}
	return ps
}
