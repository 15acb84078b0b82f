package msg_test

import (
	"fmt"

	"github.com/eduplan/eduplan/msg"
)

// An error made once in both languages, shown to each reader in theirs.
func ExampleIn() {
	err := msg.Wrap(msg.Errorf("第 %d 行：%q 不是数字", "line %d: %q is not a number", 12, "九十"),
		"读取 2017.csv", "reading 2017.csv")
	fmt.Println(msg.In(err, "zh"))
	fmt.Println(msg.In(err, "en"))
	// Output:
	// 读取 2017.csv：第 12 行："九十" 不是数字
	// reading 2017.csv: line 12: "九十" is not a number
}

// Every problem of an input at once, each with where it is.
func ExampleProblems() {
	var ps msg.Problems
	ps.Add("indicators[2].target", "无法理解的目标用语 %q", "target wording not understood: %q", "大约95%")
	ps.Add("metrics[0].unit", "未知的计量单位 %q", "unknown unit %q", "percnt")
	fmt.Println(ps.In("en"))
	// Output:
	// indicators[2].target: target wording not understood: "大约95%"
	// metrics[0].unit: unknown unit "percnt"
}
