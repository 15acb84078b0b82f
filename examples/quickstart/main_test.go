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
	notMet, _ := strconv.Atoi(m[1])
	aspNotMet, _ := strconv.Atoi(m[2])
	assert.Len(t, lines[1:], notMet+aspNotMet, "one line per target not met, binding or aspirational")
	assert.Contains(t, out.String(), "辖市区之间优质普惠学前教育资源差距 (binding): 12.73个百分点, target ≤ 10个百分点, gap +2.73个百分点")
}
