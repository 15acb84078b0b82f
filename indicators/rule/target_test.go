package rule

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestVocabularyExamples parses the example of every documented row and
// checks that the row is the one reported, and that the row means what its
// Meaning column says.
func TestVocabularyExamples(t *testing.T) {
	require.NotEmpty(t, Vocabulary)
	seen := map[string]bool{}
	for _, row := range Vocabulary {
		t.Run(row.Pattern, func(t *testing.T) {
			assert.False(t, seen[row.Pattern], "duplicate pattern")
			seen[row.Pattern] = true
			assert.Contains(t, []string{SourceDesign, SourceConvention, SourcePlans}, row.Source)
			assert.NotEmpty(t, row.Meaning)
			assert.NotEmpty(t, row.EN)
			if row.Kind == KindRefused {
				_, err := ParseTarget(row.Example)
				require.Error(t, err, "example %q", row.Example)
				assert.Contains(t, err.Error(), "“"+row.Pattern+"”")
				return
			}
			tg, err := ParseTarget(row.Example)
			require.NoError(t, err, "example %q", row.Example)
			assert.Contains(t, tg.Rows, row.Pattern, "example %q", row.Example)
			switch row.Kind {
			case KindComparison:
				want := map[string]Op{"≥": GE, "≤": LE, ">": GT, "<": LT, "=": EQ, "≠": NE}
				sym := strings.Fields(row.Meaning)[0]
				if strings.HasPrefix(row.Meaning, "≥ X or ≤ X") {
					sym = "≥" // ParseTarget knows no direction
				}
				require.Contains(t, want, sym, "meaning %q", row.Meaning)
				assert.Equal(t, want[sym], tg.Op)
				assert.Equal(t, strings.Contains(row.Meaning, "pp"), tg.Points)
			case KindRange:
				assert.Equal(t, Between, tg.Op)
				assert.Less(t, tg.Value, tg.Max)
			case KindMarker:
				assert.Equal(t, strings.HasPrefix(row.Meaning, "aspirational"), tg.Aspirational)
				assert.Equal(t, strings.HasPrefix(row.Meaning, "binding"), tg.Binding)
			case KindUnit:
				assert.NotEmpty(t, tg.Op)
			case KindWhole:
				assert.NotEmpty(t, tg.Op)
				assert.Equal(t, strings.HasPrefix(row.Meaning, "= 0"), tg.Value == 0)
			default:
				t.Fatalf("unknown kind %q", row.Kind)
			}
		})
	}
	// The seed plan's own table (DESIGN.md) must be there, row for row.
	for _, p := range []string{"达X以上", "X以上", "达X", "达到X", "控制在X以内", "X以内", "不超过X", "超X", "超过X",
		"不超过X个百分点", "力争…", "X-Y个"} {
		assert.True(t, seen[p], "DESIGN.md row %q", p)
	}
}

func TestVocabularyIsACopy(t *testing.T) {
	saved := Vocabulary[0].Pattern
	Vocabulary[0].Pattern = "changed"
	defer func() { Vocabulary[0].Pattern = saved }()
	tg, err := ParseTarget(">= 1")
	require.NoError(t, err)
	assert.Equal(t, []string{">= X"}, tg.Rows)
}

func TestParseTarget(t *testing.T) {
	type want struct {
		op           Op
		value, max   float64
		percent      bool
		points       bool
		aspirational bool
		binding      bool
		rows         []string
		counter      string
	}
	tests := []struct {
		in   string
		want want
	}{
		// Symbols.
		{">= 99%", want{op: GE, value: 0.99, percent: true, rows: []string{">= X", "X%"}}},
		{"≥99%", want{op: GE, value: 0.99, percent: true, rows: []string{"≥ X", "X%"}}},
		{"<= 5%", want{op: LE, value: 0.05, percent: true, rows: []string{"<= X", "X%"}}},
		{"≤5%", want{op: LE, value: 0.05, percent: true, rows: []string{"≤ X", "X%"}}},
		{"> 98%", want{op: GT, value: 0.98, percent: true, rows: []string{"> X", "X%"}}},
		{"< 3", want{op: LT, value: 3, rows: []string{"< X"}}},
		{"= 100%", want{op: EQ, value: 1, percent: true, rows: []string{"= X", "X%"}}},
		{"== 100%", want{op: EQ, value: 1, percent: true, rows: []string{"== X", "X%"}}},
		{"≠ 0", want{op: NE, value: 0, rows: []string{"≠ X"}}},
		{"!= 0", want{op: NE, value: 0, rows: []string{"!= X"}}},
		{"> -1.5", want{op: GT, value: -1.5, rows: []string{"> X"}}},
		{"99.2%", want{op: GE, value: 0.992, percent: true, rows: []string{"X", "X%"}}},
		{".5", want{op: GE, value: 0.5, rows: []string{"X"}}},
		// Full-width forms and the ideographic space.
		{"＞＝９９％", want{op: GE, value: 0.99, percent: true, rows: []string{">= X", "X%"}}},
		{"＞　９８．５％", want{op: GT, value: 0.985, percent: true, rows: []string{"> X", "X%"}}},
		{"＜３", want{op: LT, value: 3, rows: []string{"< X"}}},
		{"＝１００％", want{op: EQ, value: 1, percent: true, rows: []string{"= X", "X%"}}},
		{"≧90%", want{op: GE, value: 0.9, percent: true, rows: []string{"≥ X", "X%"}}},
		{"达９９％以上", want{op: GE, value: 0.99, percent: true, rows: []string{"达X以上", "X%"}}},
		// Ranges.
		{"3-4", want{op: Between, value: 3, max: 4, rows: []string{"X-Y"}}},
		{"3-4个", want{op: Between, value: 3, max: 4, rows: []string{"X-Y个", "X+量词"}, counter: "个"}},
		{"3-4所", want{op: Between, value: 3, max: 4, rows: []string{"X-Y", "X+量词"}, counter: "所"}},
		{"3–4", want{op: Between, value: 3, max: 4, rows: []string{"X–Y"}}},
		{"3—4", want{op: Between, value: 3, max: 4, rows: []string{"X—Y"}}},
		{"3~4", want{op: Between, value: 3, max: 4, rows: []string{"X~Y"}}},
		{"3～4", want{op: Between, value: 3, max: 4, rows: []string{"X~Y"}}},
		{"3至4", want{op: Between, value: 3, max: 4, rows: []string{"X至Y"}}},
		{"3到4", want{op: Between, value: 3, max: 4, rows: []string{"X到Y"}}},
		{"3 - 4 个", want{op: Between, value: 3, max: 4, rows: []string{"X-Y个", "X+量词"}, counter: "个"}},
		{"3所至4所", want{op: Between, value: 3, max: 4, rows: []string{"X至Y", "X+量词"}, counter: "所"}},
		{"3%-4%", want{op: Between, value: 0.03, max: 0.04, percent: true, rows: []string{"X-Y", "X%"}}},
		{"3-4%", want{op: Between, value: 0.03, max: 0.04, percent: true, rows: []string{"X-Y", "X%"}}},
		{"3-4万", want{op: Between, value: 30000, max: 40000, rows: []string{"X-Y", "X万"}}},
		{"2-3个百分点", want{op: Between, value: 0.02, max: 0.03, points: true, rows: []string{"X-Y", "X个百分点"}}},
		{"50%左右", want{op: Between, value: 0.475, max: 0.525, percent: true, rows: []string{"X左右", "X%"}}},
		{"40人左右", want{op: Between, value: 38, max: 42, rows: []string{"X左右", "X+量词"}, counter: "人"}},
		// The seed plan's words.
		{"达99%以上", want{op: GE, value: 0.99, percent: true, rows: []string{"达X以上", "X%"}}},
		{"95%以上", want{op: GE, value: 0.95, percent: true, rows: []string{"X以上", "X%"}}},
		{"达85%", want{op: GE, value: 0.85, percent: true, rows: []string{"达X", "X%"}}},
		{"达到90%", want{op: GE, value: 0.9, percent: true, rows: []string{"达到X", "X%"}}},
		{"控制在5%以内", want{op: LE, value: 0.05, percent: true, rows: []string{"控制在X以内", "X%"}}},
		{"5%以内", want{op: LE, value: 0.05, percent: true, rows: []string{"X以内", "X%"}}},
		{"不超过45人", want{op: LE, value: 45, rows: []string{"不超过X", "X+量词"}, counter: "人"}},
		{"超5万人次", want{op: GT, value: 50000, rows: []string{"超X", "X万", "X+量词"}, counter: "人次"}},
		{"超过98%", want{op: GT, value: 0.98, percent: true, rows: []string{"超过X", "X%"}}},
		{"不超过10个百分点", want{op: LE, value: 0.1, points: true, rows: []string{"不超过X个百分点"}}},
		{"不超过10pp", want{op: LE, value: 0.1, points: true, rows: []string{"不超过X", "X pp"}}},
		{"<= 10 pp", want{op: LE, value: 0.1, points: true, rows: []string{"<= X", "X pp"}}},
		{"控制在3个百分点以内", want{op: LE, value: 0.03, points: true, rows: []string{"控制在X以内", "X个百分点"}}},
		{"力争达85%", want{op: GE, value: 0.85, percent: true, aspirational: true, rows: []string{"力争…", "达X", "X%"}}},
		{"力争 85%以上", want{op: GE, value: 0.85, percent: true, aspirational: true, rows: []string{"力争…", "X以上", "X%"}}},
		// Other plans' words.
		{"确保100%", want{op: GE, value: 1, percent: true, binding: true, rows: []string{"确保X", "X", "X%"}}},
		{"确保达95%以上", want{op: GE, value: 0.95, percent: true, binding: true, rows: []string{"确保…达X", "达X以上", "X%"}}},
		{"必须全部", want{op: GE, value: 1, percent: true, binding: true, rows: []string{"必须…", "全部"}}},
		{"全部", want{op: GE, value: 1, percent: true, rows: []string{"全部"}}},
		{"45人以下", want{op: LE, value: 45, rows: []string{"X以下", "X+量词"}, counter: "人"}},
		{"低于3%", want{op: LT, value: 0.03, percent: true, rows: []string{"低于X", "X%"}}},
		{"不少于3所", want{op: GE, value: 3, rows: []string{"不少于X", "X+量词"}, counter: "所"}},
		{"达1.2亿", want{op: GE, value: 1.2e8, rows: []string{"达X", "X亿"}}},
		{"１２０所", want{op: GE, value: 120, rows: []string{"X", "X+量词"}, counter: "所"}},
		{"5 万", want{op: GE, value: 50000, rows: []string{"X", "X万"}}},
		{"≥ 5万人次", want{op: GE, value: 50000, rows: []string{"≥ X", "X万", "X+量词"}, counter: "人次"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			tg, err := ParseTarget(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.in, tg.Text)
			assert.Equal(t, tt.want.op, tg.Op)
			assert.InDelta(t, tt.want.value, tg.Value, 1e-12)
			assert.InDelta(t, tt.want.max, tg.Max, 1e-12)
			assert.Equal(t, tt.want.percent, tg.Percent, "percent")
			assert.Equal(t, tt.want.points, tg.Points, "points")
			assert.Equal(t, tt.want.aspirational, tg.Aspirational, "aspirational")
			assert.Equal(t, tt.want.binding, tg.Binding, "binding")
			assert.Equal(t, tt.want.rows, tg.Rows)
			assert.Equal(t, tt.want.counter, tg.Counter)
		})
	}
}

// A percent written in the plan must be the very double a rate computed
// from counts gives, or 99.2% would not meet 99.2%.
func TestParseTargetPercentIsExact(t *testing.T) {
	tg, err := ParseTarget("≥ 99.2%")
	require.NoError(t, err)
	assert.Equal(t, 992.0/1000, tg.Value)
	assert.True(t, tg.Met(992.0/1000))
}

func TestParseTargetErrors(t *testing.T) {
	tests := []struct {
		in        string
		line, col int
		length    int
		msg       string
	}{
		{"左右吧", 1, 1, 3, `无法理解的目标用语 “左右吧” / target words not understood: "左右吧"`},
		// A number out of range says so, not "words not understood: e400".
		{"≥ 1e400", 1, 3, 5, `数值 1e400 超出可以表示的范围 / the number 1e400 is out of range`},
		{"≥ 1e-400", 1, 3, 6, `the number 1e-400 is out of range`},
		{"达1e400%以上", 1, 2, 5, `the number 1e400 is out of range`},
		{"≥ 1e3", 1, 3, 3, `write the number in full (such as 1000), not in scientific notation 1e3`},
		{"≥ 1E+20", 1, 3, 5, `write the number in full, not in scientific notation 1E+20`},
		{"50%左右吧", 1, 4, 3, `target words not understood: "左右吧"`},
		{"大约达85%", 1, 1, 2, `target words not understood: "大约"`},
		{"达85%为宜吧", 1, 5, 3, `"为宜吧"`},
		{"", 1, 1, 0, "the target is empty"},
		{"   ", 1, 1, 3, "the target is empty"},
		{"力争", 1, 1, 2, "the target has no figure"},
		{">=", 1, 1, 2, "the target has no figure"},
		{"达", 1, 1, 1, "the target has no figure"},
		{"很好", 1, 1, 2, `target words not understood: "很好"`},
		{"力争确保达85%", 1, 1, 4, "both aspirational"},
		{"4-3", 1, 1, 3, "lower end of the range is above the upper end"},
		{"3%-4", 1, 1, 4, "different units"},
		{"3%-4个百分点", 1, 1, 8, "different units"},
		{"5万%", 1, 1, 3, "万/亿 cannot be combined"},
		{"超过85%以上", 1, 1, 7, `the target phrasing "超过85%以上" is not in the vocabulary`},
		{"控制在3-4个", 1, 1, 7, "not in the vocabulary"},
		{"1" + strings.Repeat("0", 400), 1, 1, 401, "the number is too large"},
		{"达85%\n以上吧", 2, 1, 3, `"以上吧"`},
		{"5千人", 1, 2, 2, `target words not understood: "千人"`},
		{"3个省级课程基地", 1, 2, 7, `target words not understood: "个省级课程基地"`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			_, err := ParseTarget(tt.in)
			require.Error(t, err)
			var e *Error
			require.True(t, errors.As(err, &e), "%T", err)
			assert.Equal(t, tt.in, e.Source)
			assert.Equal(t, tt.line, e.Line, "line")
			assert.Equal(t, tt.col, e.Column, "column")
			assert.Equal(t, tt.length, e.Length, "length")
			assert.Contains(t, e.Message.Both(), tt.msg)
			assert.True(t, e.Message.ZH != "" && e.Message.EN != "", "bilingual")
		})
	}
}

func TestParseTargetLimits(t *testing.T) {
	_, err := ParseTarget(strings.Repeat("达", DefaultLimits.MaxLength+1))
	var e *Error
	require.True(t, errors.As(err, &e))
	assert.Contains(t, e.Message.Both(), "too long")
	_, err = ParseTarget("达\xff85%")
	require.True(t, errors.As(err, &e))
	assert.Contains(t, e.Message.Both(), "UTF-8")
	assert.Equal(t, 2, e.Column)
}

func TestMetAndGap(t *testing.T) {
	parse := func(s string) Target {
		tg, err := ParseTarget(s)
		require.NoError(t, err)
		return tg
	}
	tests := []struct {
		target string
		v      float64
		met    bool
		gap    float64
	}{
		{">= 99%", 0.995, true, 0.5},
		{">= 99%", 0.99, true, 0},
		{">= 99%", 0.97, false, -2},
		{"≥ 99.2%", 992.0 / 1000, true, 0},
		{"> 98%", 0.98, false, 0},
		{"> 98%", 0.981, true, 0.1},
		{"<= 5%", 0.05, true, 0},
		{"<= 5%", 0.07, false, 2},
		{"< 3", 3, false, 0},
		{"< 3", 2, true, -1},
		{"= 100%", 1, true, 0},
		{"= 100%", 0.999, false, -0.1},
		{"≠ 0", 0, false, 0},
		{"≠ 0", 2, true, 2},
		{"3-4个", 3, true, 0},
		{"3-4个", 4, true, 0},
		{"3-4个", 3.5, true, 0},
		{"3-4个", 2, false, -1},
		{"3-4个", 6, false, 2},
		{"3%-4%", 0.05, false, 1},
		{"不超过10个百分点", 0.08, true, -2},
		{"不超过10个百分点", 0.125, false, 2.5},
		{"不超过10个百分点", 0.1, true, 0},
		{"50%左右", 0.48, true, 0},
		{"50%左右", 0.45, false, -2.5},
		{"超5万人次", 50001, true, 1},
		{"达1.2亿", 1.1e8, false, -1e7},
	}
	for _, tt := range tests {
		tg := parse(tt.target)
		assert.Equal(t, tt.met, tg.Met(tt.v), "%s Met(%v)", tt.target, tt.v)
		assert.Equal(t, tt.gap, tg.Gap(tt.v), "%s Gap(%v)", tt.target, tt.v)
	}
	tg := parse(">= 1")
	assert.False(t, tg.Met(math.NaN()))
	assert.False(t, tg.Met(math.Inf(1)))
	assert.True(t, Target{}.Met(5), "no target, nothing to meet")
	assert.Equal(t, 0.0, Target{}.Gap(5))
	assert.False(t, math.Signbit(parse(">= 99%").Gap(0.99)), "no negative zero")
}

func TestFormat(t *testing.T) {
	tests := []struct{ in, zh, en string }{
		{">= 99%", "≥ 99%", "≥ 99%"},
		{"达99.2%以上", "≥ 99.2%", "≥ 99.2%"},
		{"控制在5%以内", "≤ 5%", "≤ 5%"},
		{"不超过10个百分点", "≤ 10个百分点", "≤ 10 pp"},
		{"<= 10pp", "≤ 10个百分点", "≤ 10 pp"},
		{"超过98%", "> 98%", "> 98%"},
		{"< 3", "< 3", "< 3"},
		{"= 100%", "= 100%", "= 100%"},
		{"≠ 0", "≠ 0", "≠ 0"},
		{"3-4个", "3–4", "3–4"},
		{"3%~4%", "3%–4%", "3%–4%"},
		{"2-3个百分点", "2–3个百分点", "2–3 pp"},
		{"超5万人次", "> 50000", "> 50000"},
		{"全部", "≥ 100%", "≥ 100%"},
	}
	for _, tt := range tests {
		tg, err := ParseTarget(tt.in)
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.zh, tg.Format("zh"), tt.in)
		assert.Equal(t, tt.en, tg.Format("en"), tt.in)
	}
	assert.Equal(t, "", Target{}.Format("zh"))
}

func TestFormatNumber(t *testing.T) {
	assert.Equal(t, "99.2", FormatNumber(0.992*100))
	assert.Equal(t, "0", FormatNumber(math.Copysign(0, -1)))
	assert.Equal(t, "50000", FormatNumber(5e4))
	assert.Equal(t, "0.001", FormatNumber(0.001))
	assert.Equal(t, "NaN", FormatNumber(math.NaN()))
}

func TestErrorSnippet(t *testing.T) {
	_, err := ParseTarget("达85%\n以上吧")
	require.Error(t, err)
	// Line 2, under "以上吧": three Chinese characters are six columns.
	assert.Equal(t, "2:1: 无法理解的目标用语 “以上吧” / target words not understood: \"以上吧\"\n | 以上吧\n | ^^^^^^", err.Error())
	_, err = ParseTarget("a达85%")
	require.Error(t, err)
	assert.Equal(t, "1:1: 无法理解的目标用语 “a” / target words not understood: \"a\"\n | a达85%\n | ^", err.Error())
}
