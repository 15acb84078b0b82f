package msg

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestVisible(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"西区小学", "西区小学"},
		{"西区\u202E小学", "西区<U+202E>小学"},
		{"\u200Ba\u200Db\u2060", "<U+200B>a<U+200D>b<U+2060>"},
		{"x\u2066y\u2069\u200E\u200F\u061C\uFEFF", "x<U+2066>y<U+2069><U+200E><U+200F><U+061C><U+FEFF>"},
		// Not hidden: visible text, line breaks and the replacement
		// character stay as they are.
		{"a\nb\uFFFD — 中", "a\nb\uFFFD — 中"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Visible(tt.in), "%q", tt.in)
	}
	s := "no hidden character"
	assert.Equal(t, s, Visible(s))
}
