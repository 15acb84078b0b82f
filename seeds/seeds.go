// Package seeds holds the encoded plans the library ships with, embedded in
// the binary, and a sample year of data to try them on.
//
// The seed plan is the Zhenjiang Education Bureau's work priorities for 2017
// (镇江市教育局2017年工作要点) with its appendix task book, encoded whole:
// goals, sections, the 33 tasks with their full text in Chinese and English,
// the task book's 26 items with responsible units, offices, leads and
// deadlines, and every quantitative target as an indicator with its metrics,
// formula and the plan's own wording. The scraped source text is embedded
// beside it, byte for byte, so that every wording can be traced.
//
// The sample year (SampleData) is SYNTHETIC: invented figures for the city,
// its seven districts and a few schools of each kind, internally consistent
// and built to show every assessment status. It is not real statistics.
package seeds

import (
	_ "embed"

	"github.com/eduplan/eduplan/plan"
)

//go:generate go run ./internal/gensample -plan zhenjiang2017.json -o sample2017.json -previous sample2016.json

var (
	//go:embed zhenjiang2017.json
	zhenjiang2017 []byte
	//go:embed zhenjiang2017.txt
	zhenjiang2017Text string
	//go:embed sample2017.json
	sample2017 []byte
	//go:embed sample2016.json
	sample2016 []byte
)

// Zhenjiang2017 returns a fresh copy of the embedded Zhenjiang 2017 plan.
// It is the plan plan.Parse reads from these bytes (a test proves that Parse
// accepts them and gives the same plan), decoded without repeating Parse's
// checks at run time; see decodeEmbedded. Each call decodes anew, so the
// caller may change the plan it gets without affecting later calls.
func Zhenjiang2017() (*plan.Plan, error) { return decodeEmbedded(zhenjiang2017) }

// Default is the plan tools use when none is given: Zhenjiang2017.
func Default() (*plan.Plan, error) { return Zhenjiang2017() }

// SourceText returns the source text the Zhenjiang 2017 plan was encoded
// from, as scraped from the Zhenjiang government portal, byte for byte.
// It keeps the scrape's damage (lost hyphens and punctuation): the plan's
// notes say where an encoded target departs from it and why.
func SourceText() string { return zhenjiang2017Text }

// SampleData returns the raw JSON (eduplan.data/v1) of the synthetic 2017
// sample year. The figures are invented, not real statistics; the file's
// "note" says so too. Read it with dataset.ReadJSON and the plan's fields.
// The slice is a copy.
func SampleData() []byte { return append([]byte(nil), sample2017...) }

// SamplePrevious returns the raw JSON of the synthetic year before the
// sample, 2016, for the same units: with SampleData it makes a series of
// two years, so that a report can show the change since the year before
// and the progress toward the plan's targets. Its figures are invented
// too. The slice is a copy.
func SamplePrevious() []byte { return append([]byte(nil), sample2016...) }

// Zhenjiang2017JSON returns the raw JSON of the embedded plan, as committed.
// The slice is a copy.
func Zhenjiang2017JSON() []byte { return append([]byte(nil), zhenjiang2017...) }
