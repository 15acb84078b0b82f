package reportfmt_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/reportfmt"
	"github.com/eduplan/eduplan/org"
)

func qualityReport() *indicators.Report {
	q := &indicators.DataQuality{File: "r.csv", Encoding: "utf-8",
		Units:    []indicators.UnitCount{{Level: org.School, Kind: org.Kindergarten, Count: 12}},
		Expected: 24, Present: 12, Missing: 12,
		MissingByMarker: []dataset.MarkerCount{{Marker: "--", Count: 12}},
		Districts:       []indicators.DistrictQuality{{ID: "d1", Name: "甲区", Expected: 24, Present: 12, Share: 0.5}}}
	for i := range 12 {
		q.MissingCells = append(q.MissingCells, dataset.MissingCell{File: "r.csv", Row: i + 2, Column: 4, Header: "在园幼儿数",
			Unit: "k" + strconv.Itoa(i), Metric: "enrolled", Text: "--", Marker: "--"})
	}
	return &indicators.Report{Year: 2017, DataQuality: q}
}

// A report read from a file ends in a short data-quality section; the
// summary alone lists every cell.
func TestQualitySection(t *testing.T) {
	var b strings.Builder
	require.NoError(t, reportfmt.WriteTable(&b, qualityReport(), "zh"))
	out := b.String()
	assert.Contains(t, out, "\n数据质量\n  · 文件：r.csv（utf-8）\n  · 单位：幼儿园 12\n  · 应填数据 24 项，已填 12 项（50%），缺 12 项\n  · 标为缺失的格：“--” 12 格\n")
	assert.Contains(t, out, "  各辖市区完整率\n  · 甲区（d1）：应填 24 项，已填 12 项，完整率 50%\n")
	assert.Contains(t, out, "  · r.csv 第11行第4列（在园幼儿数），单位 k9：“--”\n  · ……共 12 条，只列出前 10 条\n")
	assert.NotContains(t, out, "k10")

	b.Reset()
	require.NoError(t, reportfmt.WriteMarkdown(&b, qualityReport(), "en"))
	out = b.String()
	assert.Contains(t, out, "\n## Data quality\n\n- file: r.csv (utf-8)\n")
	assert.Contains(t, out, "**Cells marked missing**\n\n- r.csv line 2, column 4 (在园幼儿数), unit k0: \"--\"\n")

	b.Reset()
	require.NoError(t, reportfmt.WriteQuality(&b, qualityReport().DataQuality, "en", false))
	assert.Contains(t, b.String(), "unit k11")
	assert.True(t, strings.HasPrefix(b.String(), "Data quality\n"))

	rep := qualityReport()
	assert.Same(t, rep.DataQuality, reportfmt.OnlyProblems(rep).DataQuality, "--problems keeps the summary")

	b.Reset()
	require.NoError(t, reportfmt.WriteTable(&b, &indicators.Report{Year: 2017}, "en"))
	assert.NotContains(t, b.String(), "Data quality", "figures from no file have no summary")
}
