package webbuild

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"strconv"
	"strings"

	"github.com/eduplan/eduplan/msg"
)

// Plan is a plan the page carries in place of the seed embedded in its wasm.
//
// The wasm is the same for every plan: the plan travels as a JSON data block
// in index.html (and so inside the single file), which the page hands to Go
// at start-up instead of loading the seed. So a page for another plan needs
// no compiler, only the plan file, and costs no wasm bytes.
type Plan struct {
	// Name is the plan file's name as the page shows it, such as "plan.json".
	Name string
	// JSON is the plan file, as the caller checked it (eduplan lint does).
	// The page reads it with plan.Parse, as it reads a plan the user opens.
	JSON []byte
	// Title, Issuer and Year name the plan at the top of the page before the
	// wasm has started, and in the browser's tab and bookmarks.
	Title, Issuer msg.Text
	Year          int
}

// planBlockID is the id of the data block holding the carried plan; app.js
// reads it.
const planBlockID = "eduplan-plan"

// The parts of index.html that name the plan. They are filled in when the
// page carries a plan, and must then appear exactly once.
const (
	titleOpen  = "<title>"
	titleClose = "</title>"
	h1Open     = `<h1 id="plan-title">`
	h1Close    = "</h1>"
	metaOpen   = `<p class="plan-meta" id="plan-meta">`
	metaClose  = "</p>"
)

// withPlan returns index.html carrying the plan p: a data block before the
// page's scripts, and the plan's title, issuer and year in the markup.
func withPlan(index []byte, p *Plan) ([]byte, error) {
	if !json.Valid(p.JSON) {
		return nil, fmt.Errorf("webbuild: the plan %s is not valid JSON", p.Name)
	}
	// HTMLEscape writes <, > and & as \u escapes, which mean the same in
	// JSON strings and cannot occur elsewhere in valid JSON: the block then
	// holds no "</script" or "<!--" whatever the plan's texts say.
	var esc bytes.Buffer
	json.HTMLEscape(&esc, bytes.TrimPrefix(p.JSON, []byte("\ufeff")))
	block := `<script type="application/json" id="` + planBlockID + `" data-name="` + html.EscapeString(p.Name) + `">` +
		esc.String() + "</script>\n"

	page := string(index)
	if n := strings.Count(page, glueTag); n != 1 {
		return nil, fmt.Errorf("webbuild: index.html must contain %s exactly once, found %d", glueTag, n)
	}
	i := strings.Index(page, glueTag)
	page = page[:i] + block + page[i:]

	title := zhFirst(p.Title)
	meta := zhFirst(p.Issuer)
	if p.Year != 0 {
		meta += " · " + strconv.Itoa(p.Year)
	}
	var err error
	for _, r := range []struct{ open, close, text string }{
		{titleOpen, titleClose, title},
		{h1Open, h1Close, title},
		{metaOpen, metaClose, meta},
	} {
		if page, err = replaceInner(page, r.open, r.close, html.EscapeString(r.text)); err != nil {
			return nil, err
		}
	}
	return []byte(page), nil
}

// replaceInner replaces what lies between open and the next close.
func replaceInner(page, open, close, with string) (string, error) {
	if n := strings.Count(page, open); n != 1 {
		return "", fmt.Errorf("webbuild: index.html must contain %s exactly once, found %d", open, n)
	}
	i := strings.Index(page, open) + len(open)
	j := strings.Index(page[i:], close)
	if j < 0 {
		return "", fmt.Errorf("webbuild: index.html: %s is not closed by %s", open, close)
	}
	return page[:i] + with + page[i+j:], nil
}

// zhFirst is the Chinese text, the page's first language, or the English
// one when the plan has no Chinese.
func zhFirst(t msg.Text) string {
	if t.ZH != "" {
		return t.ZH
	}
	return t.EN
}
