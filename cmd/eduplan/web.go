package main

import (
	"bytes"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/eduplan/eduplan/plan/lint"
	"github.com/eduplan/eduplan/wasm/webbuild"
)

var serveHelp = cmdHelp{
	usage: "eduplan serve [--addr 127.0.0.1:8080] [--out DIR] [--plan FILE]",
	about: [2]string{
		`在本机启动浏览器自评页面并打印地址；按 Ctrl-C 停止。页面是同一套 Go 代码编译的
WebAssembly，数据只在浏览器里计算，不离开本机。--plan 让页面打开时使用该计划文件
（先按 eduplan lint 检查，有问题则拒绝）而不是内置计划。发布版 eduplan 自带页面；
从源码运行时先编译页面（需要 Go 工具链，在 eduplan 源码目录内运行）。--out 指定已
构建好的文件夹（缺文件或给了 --plan 时先构建到该文件夹）。`,
		`Serve the browser self-assessment page on this machine and print its address; Ctrl-C
stops it. The page is the same Go code compiled to WebAssembly: figures are assessed in
the browser and never leave the machine. --plan makes the page open with that plan file
(checked first as eduplan lint does, and refused when it has problems) instead of the
embedded plan. A release build of eduplan carries the page; run from the source, it
compiles the page first (it needs the Go toolchain and must run inside the eduplan
source tree). --out serves a folder built before (building into it first when files
are missing or --plan is given).`,
	},
	examples: []example{
		{"eduplan serve", "然后在浏览器打开打印出的地址", "then open the printed address in a browser"},
		{"eduplan serve --addr 127.0.0.1:0", "任选一个空闲端口", "pick any free port"},
		{"eduplan serve --plan myplan.json", "页面使用本局的计划", "the page holds the bureau's own plan"},
	},
}

var buildWebHelp = cmdHelp{
	usage: "eduplan build-web [--out DIR] [--single FILE] [--plan FILE]",
	about: [2]string{
		`生成浏览器页面。--out 写出静态文件夹（index.html、app.js、style.css、wasm_exec.js、
main.wasm），可放到任何网页服务器上；--single 写出一个自包含的 HTML 文件，直接双击
打开（file://）即可使用，适合通过邮件发给各学校。两个都不给时写出文件夹 web。
--plan 把该计划文件放进页面，页面打开时使用它（页首显示其标题、发布单位和年度）而不是
内置计划；计划先按 eduplan lint 检查，有问题则列出全部问题并退出（状态 2），不写任何文件。
所有文件整体写入：构建成功后才替换原有文件。发布版 eduplan 自带页面，无需 Go 和源码；
从源码运行时需要 Go 工具链，在 eduplan 源码目录内运行。`,
		`Build the browser page. --out writes a static folder (index.html, app.js, style.css,
wasm_exec.js, main.wasm) for any web server; --single writes one self-contained HTML file
that works when opened from disk (file://), the way to mail the page to every school.
With neither, the folder web is written. --plan puts that plan file in the page, which
opens with it (its title, issuer and year at the top) instead of the embedded plan; the
plan is checked first as eduplan lint does, and one with problems is refused with all of
them listed (exit status 2), nothing written. Files are written whole: existing ones are
replaced only after the build succeeds. A release build of eduplan carries the page and
needs neither Go nor the source; run from the source, it needs the Go toolchain, inside
the eduplan source tree.`,
	},
	examples: []example{
		{"eduplan build-web --out site", "静态文件夹", "a static folder"},
		{"eduplan build-web --single eduplan.html", "单个 HTML 文件", "one HTML file"},
		{"eduplan build-web --plan myplan.json --single myplan.html", "带本局计划的单个文件，可邮寄给各学校", "one file with the bureau's own plan, to mail to every school"},
	},
}

func runServe(e *env, args []string) int {
	fs := e.newFlags("serve")
	addr := fs.String("addr", "127.0.0.1:8080", e.t("监听地址", "address to listen on"))
	out := fs.String("out", "", e.t("服务该文件夹（缺文件或给了 --plan 时先构建到这里）；默认临时文件夹", "serve this folder (building into it when files are missing or --plan is given); a temporary folder by default"))
	planFile := fs.String("plan", "", e.t("页面使用的计划文件（JSON）；默认为内置计划", "plan file (JSON) the page holds; the embedded plan by default"))
	pos, code, done := e.parse(fs, serveHelp, args)
	if done {
		return code
	}
	if len(pos) > 0 {
		return e.usageError("serve", e.t("多余的参数：", "unexpected arguments: ")+strings.Join(pos, " "))
	}
	opt := webbuild.Options{OutDir: *out, Stderr: e.stderr}
	if *planFile != "" {
		p, code := e.pagePlan("serve", *planFile)
		if p == nil {
			return code
		}
		opt.Plan = p
	}
	ctx, stop := signal.NotifyContext(e.ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	if (*out == "" || opt.Plan != nil) && !webbuild.Embedded() {
		fmt.Fprintln(e.stderr, e.t("正在编译页面……", "compiling the page…"))
	}
	err := webbuild.Serve(ctx, *addr, opt, func(url string) {
		fmt.Fprintf(e.stdout, "%s%s\n", e.t("页面地址：", "Page: "), url)
		fmt.Fprintln(e.stderr, e.t("按 Ctrl-C 停止。", "Press Ctrl-C to stop."))
	})
	if err != nil {
		fix := e.t(
			"地址被占用时换一个 --addr（如 127.0.0.1:0 任选端口）；编译失败时请在 eduplan 源码目录内运行并确认已安装 Go。",
			"if the address is in use, choose another --addr (127.0.0.1:0 picks a free port); if compiling failed, run inside the eduplan source tree with Go installed.")
		if webbuild.Embedded() {
			fix = e.t("地址被占用时换一个 --addr（如 127.0.0.1:0 任选端口）；给了 --out 时确认该文件夹可写。",
				"if the address is in use, choose another --addr (127.0.0.1:0 picks a free port); with --out, make sure the folder is writable.")
		}
		return e.inputError("serve", e.say(err), fix)
	}
	return exitOK
}

func runBuildWeb(e *env, args []string) int {
	fs := e.newFlags("build-web")
	out := fs.String("out", "web", e.t("静态文件夹", "static folder"))
	single := fs.String("single", "", e.t("单个自包含 HTML 文件", "one self-contained HTML file"))
	planFile := fs.String("plan", "", e.t("页面使用的计划文件（JSON）；默认为内置计划", "plan file (JSON) the page holds; the embedded plan by default"))
	pos, code, done := e.parse(fs, buildWebHelp, args)
	if done {
		return code
	}
	if len(pos) > 0 {
		return e.usageError("build-web", e.t("多余的参数：", "unexpected arguments: ")+strings.Join(pos, " "))
	}
	opt := webbuild.Options{OutDir: *out, Stderr: e.stderr}
	if *planFile != "" {
		p, code := e.pagePlan("build-web", *planFile)
		if p == nil {
			return code
		}
		opt.Plan = p
	}
	ctx, stop := signal.NotifyContext(e.ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	fix := e.t("请在 eduplan 源码目录内运行，并确认已安装 Go；输出位置须可写。",
		"run inside the eduplan source tree with Go installed, and make sure the output location is writable.")
	if webbuild.Embedded() {
		fix = e.t("确认输出位置可写。", "make sure the output location is writable.")
	}
	static := *single == "" || isSet(fs, "out")
	if static {
		if err := webbuild.BuildStatic(ctx, opt); err != nil {
			return e.inputError("build-web", e.say(err), fix)
		}
		fmt.Fprintf(e.stdout, "%s%s\n", e.t("已写出文件夹：", "Wrote the folder: "), *out)
	}
	if *single != "" {
		if err := webbuild.BuildSingleFile(ctx, opt, *single); err != nil {
			return e.inputError("build-web", e.say(err), fix)
		}
		fmt.Fprintf(e.stdout, "%s%s\n", e.t("已写出文件：", "Wrote the file: "), *single)
	}
	return exitOK
}

// pagePlan checks a plan file as eduplan lint does (loading, validation,
// every rule compiled) and returns it for the page to carry. A plan with
// problems is refused with all of them listed; lint's warnings are shown
// and do not stop the build. On failure it returns nil and the exit status.
func (e *env) pagePlan(cmd, path string) (*webbuild.Plan, int) {
	l, code := e.loadPlan(cmd, path)
	if l == nil {
		return nil, code
	}
	for _, w := range lint.Warnings(l.plan) {
		fmt.Fprintf(e.stderr, "%s%s: %s\n", e.t("注意：", "warning: "), path, w.In(e.lang))
	}
	// The page gets the plan as checked, saved again (Load(Save(p)) gives
	// the same plan): not the file read a second time, which might have
	// changed since.
	var buf bytes.Buffer
	if err := l.plan.Save(&buf); err != nil {
		return nil, e.inputError(cmd, e.say(err), "")
	}
	p := l.plan
	return &webbuild.Plan{Name: filepath.Base(path), JSON: buf.Bytes(), Title: p.Title, Issuer: p.Issuer, Year: p.Year}, exitOK
}
