package reportfmt

import (
	"bufio"
	"io"
	"strconv"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/view"
	"github.com/eduplan/eduplan/msg"
)

// shortList is how many missing cells and warnings a report's data-quality
// section lists; the summary alone (WriteQuality) lists them all.
const shortList = 10

// WriteQuality writes a data file's quality summary as text for a
// terminal: its counts, each district's completeness, every cell marked
// missing and every warning (as many as the summary lists). markdown writes
// it as a Markdown section instead.
func WriteQuality(w io.Writer, q *indicators.DataQuality, lang string, markdown bool) error {
	bw := bufio.NewWriter(w)
	writeQuality(bw, view.QualityOf(q), lang, markdown, -1)
	return bw.Flush()
}

// writeQuality writes the section; limit caps the lists (-1: no cap).
func writeQuality(w *bufio.Writer, v *view.Quality, lang string, markdown bool, limit int) {
	if v == nil {
		return
	}
	line := func(prefix, s string) {
		if markdown {
			s = mdEscape(s)
		}
		w.WriteString(prefix + s + "\n")
	}
	list := func(head msg.Text, items []msg.Text) {
		if len(items) == 0 {
			return
		}
		w.WriteString("\n")
		if markdown {
			w.WriteString("**" + mdEscape(head.In(lang)) + "**\n\n")
		} else {
			w.WriteString("  " + head.In(lang) + "\n")
		}
		for i, it := range items {
			if limit >= 0 && i == limit && len(items) > limit+1 {
				n, k := strconv.Itoa(len(items)), strconv.Itoa(limit)
				line(bullet(markdown), msg.T("……共 "+n+" 条，只列出前 "+k+" 条", "… "+n+" in all, the first "+k+" shown").In(lang))
				break
			}
			line(bullet(markdown), it.In(lang))
		}
	}
	if markdown {
		w.WriteString("\n## " + mdEscape(v.Title.In(lang)) + "\n\n")
	} else {
		w.WriteString(v.Title.In(lang) + "\n")
	}
	for _, l := range v.Lines {
		line(bullet(markdown), l.In(lang))
	}
	list(v.DistrictsHead, v.Districts)
	list(v.MissingHead, v.Missing)
	list(v.WarningsHead, v.Warnings)
}

func bullet(markdown bool) string {
	if markdown {
		return "- "
	}
	return "  · "
}
