package main

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	// PostgreSQL's driver: pure Go, so the command stays one static
	// binary without cgo.
	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/sqlgen"
	"github.com/eduplan/eduplan/indicators/sqlrun"
	"github.com/eduplan/eduplan/internal/duckproc"
)

// dbTimeout bounds how long check waits for a database to answer the
// first time: an address that leads nowhere fails rather than hangs.
const dbTimeout = 15 * time.Second

// readMapping reads the mapping file for cmd.
func (e *env) readMapping(cmd, path string) (*sqlgen.Mapping, int) {
	if path == "" {
		return nil, e.usageError(cmd, e.t("请用 --mapping 给出映射文件", "name the mapping file with --mapping"))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, e.inputError(cmd, e.say(err), e.t("确认文件路径正确、文件可读。", "check that the path is right and the file readable."))
	}
	defer f.Close()
	m, err := sqlgen.ReadMapping(f)
	if err != nil {
		return nil, e.inputError(cmd, path+": "+e.say(err), "")
	}
	return m, 0
}

// refused names the plan's indicators the SQL back end cannot translate.
func (e *env) refused(cmd string, l *loaded) int {
	if err := sqlgen.Refused(l.cat); err != nil {
		name := l.file
		if name == "" {
			name = e.t("内置计划", "the embedded plan")
		}
		return e.inputError(cmd, e.say(prefixProblems(name, err)), "")
	}
	return 0
}

// openDB opens the database an address names: postgres:// or
// postgresql:// through pgx, duckdb:FILE through the DuckDB helper
// (internal/duckproc).
func (e *env) openDB(addr string) (*sql.DB, sqlgen.Dialect, int) {
	lower := strings.ToLower(addr)
	switch {
	case strings.HasPrefix(lower, "postgres://"), strings.HasPrefix(lower, "postgresql://"):
		db, err := sql.Open("pgx", addr)
		if err != nil {
			return nil, sqlgen.Dialect{}, e.inputError("check", e.t("无法打开数据库："+err.Error(), "cannot open the database: "+err.Error()), "")
		}
		return db, sqlgen.Postgres, 0
	case strings.HasPrefix(lower, "duckdb:"):
		file := addr[len("duckdb:"):]
		if file == "" {
			return nil, sqlgen.Dialect{}, e.usageError("check", e.t("--db duckdb: 后面应是 DuckDB 数据库文件，如 duckdb:figures.duckdb", "--db duckdb: needs a DuckDB database file after it, such as duckdb:figures.duckdb"))
		}
		helper, err := duckproc.Find()
		if err != nil {
			return nil, sqlgen.Dialect{}, e.inputError("check", e.say(err), e.t(
				"DuckDB 的驱动需要 cgo，不在 eduplan 本身之中：在仓库中运行 (cd cmd/eduplan-duckdb && go build)，把生成的 eduplan-duckdb 放在 PATH 上或 eduplan 旁边，或用环境变量 "+duckproc.Env+" 指出它的路径。",
				"DuckDB's driver needs cgo and is not part of eduplan itself: in the repository, run (cd cmd/eduplan-duckdb && go build) and put the eduplan-duckdb it makes on PATH or beside eduplan, or name its path in "+duckproc.Env+"."))
		}
		db := sql.OpenDB(duckproc.Connector(helper, file, false))
		// One helper process: DuckDB lets one process at a time open a file.
		db.SetMaxOpenConns(1)
		return db, sqlgen.DuckDB, 0
	}
	return nil, sqlgen.Dialect{}, e.usageError("check", e.t(
		fmt.Sprintf("--db 应为 postgres://… 或 duckdb:文件，而不是 %q", addr),
		fmt.Sprintf("--db must be postgres://… or duckdb:FILE, not %q", addr)))
}

// assessDB runs the plan's SQL on the database at addr and returns the
// report of its rows, as assess does of a file's figures.
func (e *env) assessDB(l *loaded, addr, mappingFile string, year int, opt indicators.Options) (*indicators.Stream, *progress, int) {
	m, code := e.readMapping("check", mappingFile)
	if m == nil {
		return nil, nil, code
	}
	if code := e.refused("check", l); code != 0 {
		return nil, nil, code
	}
	db, d, code := e.openDB(addr)
	if db == nil {
		return nil, nil, code
	}
	defer db.Close()
	// The mapping is checked against the plan before the database is
	// asked anything: its problems are the same wherever it points.
	if _, err := sqlgen.Generate(l.cat, m, d); err != nil {
		return nil, nil, e.inputError("check", mappingFile+": "+e.say(err), "")
	}
	ctx, cancel := context.WithTimeout(e.ctx, dbTimeout)
	err := db.PingContext(ctx)
	cancel()
	if err != nil {
		fix := e.t("确认数据库已启动，地址、用户和密码正确。", "check that the database is running and the address, user and password are right.")
		if d.Name == sqlgen.DuckDB.Name {
			fix = e.t("确认 DuckDB 数据库文件的路径正确、文件可读。", "check that the DuckDB database file's path is right and the file readable.")
		}
		return nil, nil, e.inputError("check", e.t("无法连接数据库 "+redact(addr)+"："+err.Error(), "cannot reach the database "+redact(addr)+": "+err.Error()), fix)
	}
	if year == 0 {
		year = l.plan.Year
	}
	p := e.progress(0, e.t("评估", "assessing"))
	p.stage(e.t("数据库计算中……", "the database is computing…"))
	ev, err := sqlrun.Evaluate(e.ctx, db, l.cat, m, d, year)
	var s *indicators.Stream
	if err == nil {
		s, err = ev.Stream(opt)
	}
	if err != nil {
		p.done()
		return nil, nil, e.inputError("check", mappingFile+": "+e.say(err), "")
	}
	// The SQL back end refuses per-unit targets, whose warnings are the
	// evaluation's own: every warning here is about the database's rows.
	if ws := s.Header().Warnings; len(ws) > 0 {
		fmt.Fprintf(e.stderr, "eduplan check: %s\n", e.t(fmt.Sprintf("注意：%d 条关于数据库的提醒：", len(ws)), fmt.Sprintf("note: %d warning(s) about the database:", len(ws))))
		for _, w := range ws {
			fmt.Fprintf(e.stderr, "  %s\n", w.In(e.lang))
		}
	}
	s.Header().Plan = l.plan.ID
	return s, p, 0
}

// redact leaves the password out of a database address shown in a
// message.
func redact(addr string) string {
	at := strings.LastIndex(addr, "@")
	scheme := strings.Index(addr, "://")
	if at < 0 || scheme < 0 || at < scheme {
		return addr
	}
	userinfo := addr[scheme+3 : at]
	if i := strings.Index(userinfo, ":"); i >= 0 {
		return addr[:scheme+3] + userinfo[:i] + ":***" + addr[at:]
	}
	return addr
}

// dbUsage refuses what cannot go with --db: a data file, the sample,
// the options about reading a file, and the sum of the units below where
// a parent reported its own figure (the SQL uses the parent's own).
func (e *env) dbUsage(fs *flag.FlagSet, addr, mapping string, pos []string) int {
	switch {
	case addr == "":
		return e.usageError("check", e.t("--mapping 只与 --db 同用", "--mapping goes with --db only"))
	case mapping == "":
		return e.usageError("check", e.t("--db 需要 --mapping 给出映射文件", "--db needs the mapping file, named with --mapping"))
	case len(pos) > 0:
		return e.usageError("check", e.t("--db 与数据文件只能选一个", "give either --db or a data file, not both"))
	}
	for _, name := range []string{"sample", "sheet", "quality", "max-bytes"} {
		if isSet(fs, name) {
			return e.usageError("check", e.t("--"+name+" 不能与 --db 同用", "--"+name+" cannot go with --db"))
		}
	}
	if isSet(fs, "parent-figures") {
		if v := fs.Lookup("parent-figures").Value.String(); v != string(indicators.ParentOwn) {
			return e.usageError("check", e.t(
				"--db 的 SQL 采用上级单位自己填报的数据（--parent-figures own），尚不支持 --parent-figures "+v,
				"the SQL of --db uses a parent's own figures (--parent-figures own) and does not support --parent-figures "+v+" yet"))
		}
	}
	return 0
}
