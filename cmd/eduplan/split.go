package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/dataset/xlsx"
	"github.com/eduplan/eduplan/internal/safefile"
	"github.com/eduplan/eduplan/org"
)

// splitTemplates writes one prefilled template per unit of the level and
// kind asked (template --split DIR): the unit's row with the rows of the
// units above it (a parent must be in a file for it to read back), the
// year and the plan's id on every row, so that the return a school mails
// back says who it is from and for which plan. A file already in DIR is
// never replaced: it may be a return a school has filled in.
func (e *env) splitTemplates(dir string, l *loaded, units []dataset.OrgUnit, level org.Level, kind org.Kind,
	fields []dataset.Field, names func(dataset.Field) string, enc dataset.Encoding, format string) int {
	index := map[string]int{}
	for i, u := range units {
		index[u.ID] = i
	}
	type file struct {
		name  string
		units []dataset.OrgUnit
	}
	var files []file
	seen := map[string]string{}
	for _, u := range units {
		if u.Level != level || (kind != "" && u.Kind != kind) {
			continue
		}
		chain := []dataset.OrgUnit{u}
		for p := u.Parent; p != ""; {
			i, ok := index[p]
			if !ok {
				break
			}
			chain = append([]dataset.OrgUnit{units[i]}, chain...)
			p = units[i].Parent
		}
		name := splitName(u) + "." + format
		if prev, dup := seen[strings.ToLower(name)]; dup {
			return e.inputError("template", e.t(
				fmt.Sprintf("单位 %s 和 %s 的文件名相同（%s）", prev, u.ID, name),
				fmt.Sprintf("units %s and %s would have the same file name (%s)", prev, u.ID, name)),
				e.t("改正单位名单中的代码。", "correct the ids in the list of units."))
		}
		seen[strings.ToLower(name)] = u.ID
		files = append(files, file{name, chain})
	}
	if len(files) == 0 {
		return e.inputError("template", e.t(
			fmt.Sprintf("单位名单中没有%s，没有写出文件", unitDesc(level, kind, "zh")),
			fmt.Sprintf("the list of units has no %s; no file written", unitDesc(level, kind, "en"))),
			e.t("换一个 --kind 或 --level，或检查 --units 文件。", "choose another --kind or --level, or check the --units file."))
	}
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		return e.inputError("template", e.t(fmt.Sprintf("--split %s 不是文件夹", dir), fmt.Sprintf("--split %s is not a folder", dir)),
			e.t("--split 请给出一个文件夹（不存在时会新建）。", "give --split a folder (created when missing)."))
	}
	var exist []string
	for _, f := range files {
		if _, err := os.Lstat(filepath.Join(dir, f.name)); !errors.Is(err, fs.ErrNotExist) {
			exist = append(exist, f.name)
		}
	}
	if len(exist) > 0 {
		more := ""
		if len(exist) > 5 {
			more = e.t(fmt.Sprintf(" 等 %d 个", len(exist)), fmt.Sprintf(" and %d more", len(exist)-5))
			exist = exist[:5]
		}
		return e.inputError("template", e.t(
			fmt.Sprintf("文件夹 %s 中已有 %s%s：不会覆盖（可能是已填好的报表）", dir, strings.Join(exist, "、"), more),
			fmt.Sprintf("the folder %s already holds %s%s: eduplan does not replace them (they may be filled-in returns)", dir, strings.Join(exist, ", "), more)),
			e.t("换一个空文件夹，或先移走这些文件。", "choose an empty folder, or move those files away first."))
	}
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return e.inputError("template", e.say(err), e.t("确认文件夹可以创建。", "check that the folder can be created."))
	}
	st := dataset.Stamp{Year: l.plan.Year, Plan: l.plan.ID, Levels: l.plan.Levels}
	for _, f := range files {
		var b bytes.Buffer
		var err error
		if format == "xlsx" {
			err = xlsx.WriteStampedTemplate(&b, f.units, fields, names, e.lang, st)
		} else {
			err = dataset.StampedTemplate(&b, f.units, fields, names, enc, e.lang, st)
		}
		if err == nil {
			err = safefile.WriteFile(filepath.Join(dir, f.name), b.Bytes())
		}
		if err != nil {
			return e.inputError("template", f.name+": "+e.say(err), e.t(
				"之前的文件已写出；改正后换一个空文件夹重新运行。", "the files before it were written; correct this and run again into an empty folder."))
		}
		fmt.Fprintln(e.stdout, filepath.Join(dir, f.name))
	}
	fmt.Fprintf(e.stderr, "eduplan template: %s\n", e.t(
		fmt.Sprintf("已为 %d 个单位各写出一个预填文件到 %s（计划 %s，%d 年）", len(files), dir, l.plan.ID, l.plan.Year),
		fmt.Sprintf("wrote a prefilled file for each of %d units to %s (plan %s, %d)", len(files), dir, l.plan.ID, l.plan.Year)))
	return 0
}

// splitName is a unit's file name without extension, "k01-东区实验幼儿园":
// its code first, so that files sort by code, and its name so a person
// finds their own; characters no file system takes become _.
func splitName(u dataset.OrgUnit) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < 0x20 {
			return '_'
		}
		return r
	}, strings.TrimSpace(u.ID)+"-"+strings.TrimSpace(u.Name))
}
