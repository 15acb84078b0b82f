package main

import (
	"bytes"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The README shows this program; the two must not drift apart.
func TestREADMEShowsThisProgram(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	m := regexp.MustCompile("(?s)## Go API\n\n```go\n(.*?)```").FindSubmatch(readme)
	require.NotNil(t, m, "README has a Go API section with a go block")
	src, err := os.ReadFile("main.go")
	require.NoError(t, err)
	body := string(src[strings.Index(string(src), "package main"):])
	assert.Equal(t, string(m[1]), body)
}

func TestQuickstartPrintsTheCitysMissedTargets(t *testing.T) {
	r, w, err := os.Pipe()
	require.NoError(t, err)
	stdout := os.Stdout
	os.Stdout = w
	main()
	os.Stdout = stdout
	require.NoError(t, w.Close())
	var out bytes.Buffer
	_, err = io.Copy(&out, r)
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	require.NotEmpty(t, lines)
	m := regexp.MustCompile(`^镇江市: binding \d+ met, (\d+) not met; aspirational \d+ met, (\d+) not met$`).FindStringSubmatch(lines[0])
	require.NotNil(t, m, lines[0])
	require.NotNil(t, m[2])
	n := regexp.MustCompile(`^binding targets missed in the city, its districts and schools: (\d+)$`).FindStringSubmatch(lines[1])
	require.NotNil(t, n, lines[1])
	missed, _ := strconv.Atoi(n[1])
	assert.Len(t, lines[2:], missed, "one line per binding target missed")
	cityNotMet, _ := strconv.Atoi(m[1])
	assert.Equal(t, cityNotMet, strings.Count(out.String(), "\n  镇江市(zhenjiang)："), "the city's own lines agree with its summary")
	assert.Contains(t, out.String(), "辖市区之间优质普惠学前教育资源差距(quality_preschool_district_gap) 未达标：数值 12.73个百分点，目标 ≤ 10个百分点，差距 +2.73个百分点，差于目标（约束性）")
}
