package msg_test

import (
	"errors"
	"fmt"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/msg"
)

func TestTextIn(t *testing.T) {
	for _, tc := range []struct {
		text       msg.Text
		lang, want string
	}{
		{msg.T("达标", "met"), "zh", "达标"},
		{msg.T("达标", "met"), "en", "met"},
		{msg.T("达标", ""), "en", "达标"}, // no English: the plan's own words
		{msg.T("达标", "met"), "", "达标"},
		{msg.T("达标", "met"), "fr", "达标"},
	} {
		assert.Equal(t, tc.want, tc.text.In(tc.lang), "%v in %q", tc.text, tc.lang)
	}
}

func TestErrorsRenderInOneLanguage(t *testing.T) {
	inner := msg.Errorf("第 %d 行不是数字", "line %d is not a number", 3)
	outer := msg.Wrap(inner, "读取 a.csv", "reading a.csv")
	assert.Equal(t, "读取 a.csv：第 3 行不是数字", msg.In(outer, "zh"))
	assert.Equal(t, "reading a.csv: line 3 is not a number", msg.In(outer, "en"))
	assert.Equal(t, "读取 a.csv / reading a.csv: 第 3 行不是数字 / line 3 is not a number", outer.Error())
	assert.ErrorIs(t, msg.Wrap(io.ErrUnexpectedEOF, "读取", "reading"), io.ErrUnexpectedEOF)

	// An argument that is an error is rendered in each language.
	e := msg.Errorf("无法读取：%v", "cannot read: %v", inner)
	assert.Equal(t, "cannot read: line 3 is not a number", msg.In(e, "en"))

	// Joined errors, one per line; a foreign error as it is.
	j := errors.Join(inner, io.EOF)
	assert.Equal(t, "line 3 is not a number\nEOF", msg.In(j, "en"))
	assert.Equal(t, "EOF", msg.In(io.EOF, "en"))
	assert.Equal(t, "", msg.In(nil, "en"))
	// A plain wrapper around a localized error keeps its own wording.
	w := fmt.Errorf("context: %w", inner)
	assert.Equal(t, w.Error(), msg.In(w, "en"))
}

func TestProblems(t *testing.T) {
	var ps msg.Problems
	require.NoError(t, ps.Err())
	ps.Add("metrics[0].id", "编号 %q 重复", "duplicate id %q", "a")
	ps.AddText("", msg.T("缺少编号", "missing id"))
	require.Error(t, ps.Err())
	assert.Equal(t, "metrics[0].id: duplicate id \"a\"\nmissing id", ps.In("en"))
	assert.Equal(t, "metrics[0].id: 编号 \"a\" 重复\n缺少编号", ps.In("zh"))
	assert.Equal(t, "metrics[0].id: 编号 \"a\" 重复 / duplicate id \"a\"\n缺少编号 / missing id", ps.Error())
	var err error = ps
	assert.Equal(t, ps.In("en"), msg.In(err, "en"))
}

func TestSplit(t *testing.T) {
	assert.Equal(t, msg.T("未达标", "not met"), msg.Split("未达标 / not met"))
	assert.Equal(t, msg.T("未达标", ""), msg.Split("未达标"))
}
