package main

import (
	"context"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

// The README's whole trip, its commands run in order as written, with
// step 3 played by filling in 18 of the 20 prefilled workbooks (the
// browser test plays it in the page): collect ends as the README shows,
// naming the two schools that did not return, and check reports on both
// districts and the city.
func TestREADMEWholeTrip(t *testing.T) {
	text := readme(t)
	i := strings.Index(text, "#### The whole trip with a bureau's own plan")
	require.Positive(t, i, "the README has the section")
	section := text[i:]
	section = section[:strings.Index(section, "\n### ")]
	block := regexp.MustCompile("(?s)```sh\n(.*?)```").FindStringSubmatch(section)
	require.NotNil(t, block)
	shown := regexp.MustCompile("(?s)```text\n(.*?)```").FindStringSubmatch(section)
	require.NotNil(t, shown, "the section shows what collect says")

	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	t.Chdir(root)
	out := t.TempDir()
	moved := map[string]string{}
	var ran []string
	for _, line := range strings.Split(block[1], "\n") {
		line, _, _ = strings.Cut(line, "#")
		args := strings.Fields(line)
		if len(args) < 4 || args[2] != "./cmd/eduplan" {
			continue
		}
		args = args[3:]
		if args[0] == "build-web" {
			continue // built and opened in Chromium by TestWholeTrip
		}
		for k := range args {
			if k > 0 && (args[k-1] == "-o" || args[k-1] == "--split") {
				moved[args[k]] = filepath.Join(out, args[k])
				args[k] = moved[args[k]]
			} else if to, ok := moved[args[k]]; ok {
				args[k] = to
			}
		}
		var stdout, stderr syncBuffer
		e := &env{ctx: context.Background(), stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr,
			lang: "zh", now: func() time.Time { return time.Date(2017, 7, 1, 0, 0, 0, 0, time.UTC) }}
		code := e.main(args)
		ran = append(ran, args[0])
		switch args[0] {
		case "template":
			require.Equal(t, exitOK, code, stderr.String())
			files := strings.Fields(stdout.String())
			require.Len(t, files, 20)
			fillWorkbooks(t, files)
		case "collect":
			require.Equal(t, exitFail, code, "some schools did not return: %s", stderr.String())
			assert.Contains(t, stderr.String(), shown[1])
			assert.Contains(t, stderr.String(), "汇总了 20 个文件，23 个单位")
		case "check":
			assert.Contains(t, []int{exitOK, exitFail}, code, stderr.String())
			for _, unit := range []string{"庐阳区", "青阳县", "示例市（合成汇总）"} {
				assert.Contains(t, stdout.String(), unit)
			}
			assert.Contains(t, stdout.String(), "生均教学仪器设备值校际差异系数")
		}
	}
	assert.Equal(t, []string{"template", "collect", "check"}, ran)
}

// fillWorkbooks fills in the school's row of each prefilled workbook but
// those of ly-10 and qy-10, as the schools that returned did.
func fillWorkbooks(t *testing.T, files []string) {
	t.Helper()
	for n, path := range files {
		base := filepath.Base(path)
		if strings.HasPrefix(base, "ly-10-") || strings.HasPrefix(base, "qy-10-") {
			continue
		}
		f, err := excelize.OpenFile(path)
		require.NoError(t, err)
		sheet := f.GetSheetName(0)
		rows, err := f.GetRows(sheet)
		require.NoError(t, err)
		for j, h := range rows[0] {
			v := 0
			switch {
			case strings.HasPrefix(h, "在校生数"):
				v = 100 + 10*n
			case strings.HasPrefix(h, "生均教学仪器设备值"):
				v = 2000 + 50*n
			default:
				continue
			}
			cell, err := excelize.CoordinatesToCellName(j+1, len(rows))
			require.NoError(t, err)
			require.NoError(t, f.SetCellValue(sheet, cell, v))
		}
		require.NoError(t, f.Save())
		require.NoError(t, f.Close())
	}
}
