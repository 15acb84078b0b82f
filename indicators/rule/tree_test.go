//go:build !js

package rule

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func treeText(n *Node) string {
	switch n.Op {
	case "const":
		return fmt.Sprint(n.Value)
	case "var":
		return n.ID
	case "agg":
		return fmt.Sprintf("agg%d", n.Agg)
	}
	var args []string
	for _, a := range n.Args {
		args = append(args, treeText(a))
	}
	return n.Op + "(" + strings.Join(args, ",") + ")"
}

// The tree rebuilt from the instructions is the formula as written, slots
// reused or not.
func TestTree(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"a", "a"},
		{"3", "3"},
		{"a / b", "/(a,b)"},
		{"(a + b) * (c - d) / (e + f)", "/(*(+(a,b),-(c,d)),+(e,f))"},
		{"-a ** 2", "neg(**(a,2))"},
		{"a > 1 ? b : c ?? d", "cond(>(a,1),b,??(c,d))"},
		{"min(a, b, c) + abs(d)", "+(min(min(a,b),c),abs(d))"},
		{"spread(a / b) + cv(c, d) - sum(e)", "-(+(agg0,agg1),agg2)"},
		{"count(a > 1, b > 2)", "+(cond(>(a,1),1,0),cond(>(b,2),1,0))"},
		{"!(a > 1) && b < 2 || c == 3 && d != 4", "||(&&(not(>(a,1)),<(b,2)),&&(==(c,3),!=(d,4)))"},
		{"a >= 1 && a <= 2", "&&(>=(a,1),<=(a,2))"},
		{"99% - a", "-(0.99,a)"},
	} {
		p, err := CompileFormula(c.src, nil, DefaultLimits)
		require.NoError(t, err, c.src)
		assert.Equal(t, c.want, treeText(p.Tree()), c.src)
	}
}
