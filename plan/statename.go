package plan

import (
	"strings"

	"github.com/eduplan/eduplan/msg"
)

// stateWords are the words ParseState reads for each state, beyond the
// state's own name: what a bureau types in Chinese, and the English with
// a space or a hyphen instead of the underscore.
var stateWords = map[string]State{
	"not_started": NotStarted, "not started": NotStarted, "not-started": NotStarted, "未开始": NotStarted,
	"in_progress": InProgress, "in progress": InProgress, "in-progress": InProgress, "进行中": InProgress,
	"done": Done, "完成": Done, "已完成": Done,
}

// ParseState reads a state as a person writes it: its name (done,
// in_progress, not_started, in any case, with a space or hyphen for the
// underscore) or its Chinese word (已完成 or 完成, 进行中, 未开始).
func ParseState(s string) (State, error) {
	w := strings.ToLower(strings.Join(strings.Fields(s), " "))
	if st, ok := stateWords[w]; ok {
		return st, nil
	}
	return "", msg.Errorf("未知状态 %q，应为 done（已完成）、in_progress（进行中）或 not_started（未开始）",
		"unknown state %q: use done (已完成), in_progress (进行中) or not_started (未开始)", s)
}
