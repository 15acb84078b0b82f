// eduplan self-assessment page.
//
// The assessment itself runs in Go compiled to WebAssembly (globalThis.eduplan,
// see wasm/main.go); this file only draws the page and keeps what the user
// typed in localStorage. Three rules hold everywhere below:
//   - every string that comes from a plan or a data file reaches the page
//     through text nodes (h() turns strings into text nodes); nothing is ever
//     assigned to innerHTML;
//   - text shown (text nodes, titles, labels) passes through visible(), so a
//     bidirectional control or a zero-width character reads <U+202E>, as in
//     the command's output, instead of reordering or hiding what follows;
//   - the page talks to no one: no fetch except its own main.wasm.
'use strict';

(() => {
  const STORE_KEY = 'eduplan.v1';

  // ---------------------------------------------------------------- strings

  const I18N = {
    zh: {
      'app.kicker': '教育工作要点 · 自评工具',
      'app.print': '打印 / 存为 PDF',
      'app.reset': '重新开始',
      'app.privacy': '所有数据只在本机浏览器中处理和保存，不会上传到任何服务器。',
      'app.foot': 'eduplan · 离线运行的 WebAssembly 页面，评估规则与命令行工具完全相同',
      'app.lang': 'English',
      'app.loading': '正在加载评估引擎…',
      'app.bootFailed': '评估引擎加载失败。',
      'app.bootHintFile': '从本地磁盘打开时请使用“单文件版”页面（eduplan build-web 生成的 .html），或运行 eduplan serve 后用浏览器打开它给出的地址。',
      'app.bootHintOld': '请使用较新版本的 Chrome、Edge 或 Firefox 浏览器。',
      'app.internal': '程序内部错误',
      'app.failed': '操作未完成：',
      'app.close': '关闭',
      'app.notText': '文件既不是 UTF-8 也不是 GBK 编码的文本（是否为 Excel 工作簿？请在 Excel 中“另存为”CSV UTF-8）',
      'app.badLine': '第{0}行不是 UTF-8，而前面各行是 UTF-8 的中文：这一行可能是从 GBK 文件粘贴的；请在 Excel 中把整个文件另存为“CSV UTF-8”',
      'app.saveFailed': '浏览器存储空间不足，导入的文件未能保存（刷新后需重新导入）。',
      'tab.assess': '自评',
      'tab.import': '导入',
      'tab.tasks': '任务书',
      'tab.rules': '规则',
      'confirm.reset': '“重新开始”会清除本页保存的全部内容：填报的数字、单位类型、任务状态、导入的文件和打开的计划。确定吗？',
      'confirm.yes': '确定清除',
      'confirm.no': '取消',
      'plan.current': '当前计划：',
      'plan.open': '打开其他计划文件…',
      'plan.default': '使用内置计划',
      'plan.errors': '计划文件“{0}”有以下问题，未能打开：',
      'plan.loaded': '已打开计划文件“{0}”。',
      'plan.meta': '{0} · {1}年 · 发布于 {2}',
      'unit.type': '单位类型',
      'unit.name': '单位名称',
      'unit.namePh': '例如：镇江市某某小学',
      'unit.code': '本单位代码',
      'unit.parentCode': '上级单位代码',
      'unit.parentName': '上级单位名称',
      'unit.idHint': '导出本单位数据时写入，供教育局汇总；打开教育局发来的预填文件会自动填写。',
      'unit.school': '学校',
      'unit.district': '辖市区（县）',
      'unit.city': '全市',
      'form.title': '填报数据',
      'form.intro': '只需填写与本单位适用指标有关的数据。留空表示“暂无数据”（不会当作 0）。百分比直接填百分数，如 99.2。',
      'form.none': '这个计划对此类单位没有需要填报的数据。',
      'form.noPlace': '其他指标',
      'form.uses': '用于：',
      'form.feeds': '上报后用于辖市区或全市的指标：',
      'form.alsoAbove': '另见上方：',
      'res.title': '自评结果',
      'res.binding': '约束性目标',
      'res.aspirational': '预期性目标（力争）',
      'res.reference': '仅供参考（计划对全市或辖市区提出的目标）',
      'res.none': '没有适用于此类单位的指标。',
      'res.feedsOnly': '此类单位没有自己的指标：填写的数据汇总后用于辖市区和全市的指标。可用“导出本单位数据”把数据交给辖市区汇总。',
      'res.feedsInto': '本单位填写的数据计入辖市区和全市的这些指标：',
      'res.status': '状态',
      'res.indicator': '指标',
      'res.value': '数值',
      'res.target': '目标',
      'res.gap': '差距',
      'res.task': '出处',
      'res.wording': '原文：',
      'res.chart': '数值与目标对比',
      'res.chartNone': '填写数据后，这里会画出各指标数值与目标的对比。',
      'res.target.line': '目标',
      'res.reported': '（直接填报）',
      'res.inputs': '计算依据：',
      'res.printedAt': '打印日期：{0}',
      'res.figures': '填报数据',
      'nature.binding': '约束性',
      'nature.aspirational': '预期性',
      'exp.title': '导出',
      'exp.reportJSON': '导出报告（JSON）',
      'exp.reportCSV': '导出报告（CSV，可用 Excel 打开）',
      'exp.figures': '导出本单位数据（CSV）',
      'exp.template': '下载填报模板（CSV）',
      'imp.title': '导入数据文件',
      'imp.intro': '可导入 Excel 工作簿（.xlsx，Excel 或 WPS 保存的均可）、CSV（GBK 或 UTF-8 编码均可）或 JSON 文件。只含一个单位的文件会填入“自评”表；含多所学校的区县文件会显示学校×指标汇总、区县重新计算的结果和跨单位检查。',
      'imp.choose': '选择文件（可多选）…',
      'imp.templateFor': '模板单位类型',
      'imp.read': '已读取“{0}”（{1}）：{2} 个单位。',
      'imp.readYears': '已读取“{0}”（{1}）：{2} 个单位，{3}年的数据。以下评估最后一年，并画出各年的趋势。',
      'imp.trends': '各校历年趋势',
      'imp.trendsMore': '（仅画出前 {0} 所学校）',
      'res.change': '比上年',
      'res.previous': '上年',
      'res.completion': '完成度',
      'res.progress': '进度',
      'res.trend': '趋势',
      'trend.legend': '实线：各年数值；虚线：目标；空心圆：基期',
      'trend.target': '目标',
      'trend.baseline': '基期',
      'imp.single': '已读取“{0}”，数据已填入“自评”表。',
      'imp.errors': '文件中有 {0} 处问题：',
      'imp.warnings': '以下 {0} 处数据已按原样读取，但可能填错：',
      'imp.errFile': '文件',
      'imp.errRow': '行',
      'imp.errCol': '列',
      'imp.errHeader': '列名',
      'imp.errText': '内容',
      'imp.errReason': '原因',
      'imp.failed': '无法读取文件“{0}”：',
      'imp.encoding': '编码',
      'imp.drop': '一次选择（或拖到这里）多个报表，即按 eduplan collect 的规则汇总：相同的重复照收，不一致的拒绝并指出两个文件。',
      'imp.list': '应交单位名单（可选）…',
      'imp.listNone': '未给名单：不列出没有交回的单位。',
      'imp.listName': '名单：“{0}”',
      'imp.listExpect': '应交的单位',
      'imp.listAll': '名单中所有需要填报的单位',
      'imp.listClear': '移除名单',
      'imp.collectFailed': '报表未汇总：',
      'imp.collectDownload': '下载汇总数据（CSV）',
      'imp.collectFiles': '各文件取了什么',
      'imp.sheet': '工作表',
      'imp.errSheet': '表',
      'imp.clear': '清除导入的文件',
      'imp.parents': '汇总单位的结果（由下级数据重新计算，比率不做平均）',
      'imp.schools': '学校 × 指标',
      'imp.checks': '跨单位检查',
      'val.title': '数据校验规则',
      'val.none': '没有违反任何校验规则。',
      'val.more': '只列出前 {0} 项。',
      'val.moreRows': '再显示 {0} 项（已显示 {1} / {2}）',
      'val.printMore': '打印只列出前 {0} 项（共 {1} 项），全部见页面。',
      'imp.checksNone': '这个文件没有涉及跨单位比较的指标，或缺少下级单位。',
      'imp.school': '学校',
      'imp.kind': '类型',
      'imp.parent': '所属',
      'imp.summary': '达标 / 未达标 / 缺数据',
      'imp.reference': '参考',
      'imp.children': '各下级单位的数值',
      'imp.exportJSON': '导出全部报告（JSON）',
      'imp.exportCSV': '导出全部报告（CSV）',
      'imp.timing': '评估用时 {0} 毫秒',
      'prog.read': '正在读取 {0}…',
      'prog.assess': '正在评估 {0} 个单位…',
      'imp.moreRows': '再显示 {0} 所（已显示 {1} / {2}）',
      'imp.more': '（仅显示前 {0} 行，导出报告可看全部）',
      'imp.parentFigures': '上级单位的数据与下属单位合计不一致时采用',
      'imp.parentOwn': '本单位填报',
      'imp.parentSum': '下属单位合计',
      'imp.hierarchy': '上下级数据不一致（{0} 处）',
      'imp.hierarchyIntro': '这些上级单位自己填报的数据与下属单位的合计不同；表中“采用”一列是评估所用的数据，可在上方切换。',
      'imp.hUnit': '单位',
      'imp.hFigure': '数据项',
      'imp.hOwn': '本单位填报',
      'imp.hSum': '下属单位合计',
      'imp.hChildren': '下属单位数',
      'imp.hDiff': '相差',
      'imp.hUsed': '采用',
      'task.title': '任务书',
      'task.asOf': '截至日期',
      'task.office': '责任处室',
      'task.lead': '牵头领导',
      'task.all': '全部',
      'task.overdueOnly': '只看逾期',
      'task.count': '共 {0} 项，其中逾期 {1} 项，{2}',
      'task.asOfGiven': '截至 {0}',
      'task.asOfDefault': '截至 {0}（{1}；可在“截至日期”改选其他日期）',
      'task.asOfReset': '用默认日期',
      'task.item': '条目',
      'task.content': '工作内容',
      'task.units': '责任单位',
      'task.deadline': '完成时限',
      'task.state': '状态',
      'task.due': '到期 {0}',
      'task.ongoing': '长期',
      'task.noDeadline': '未写时限',
      'task.overdue': '逾期 {0} 天',
      'task.export': '导出状态（JSON）',
      'task.import': '导入状态（JSON）…',
      'task.imported': '已导入状态文件“{0}”。',
      'task.importFailed': '状态文件“{0}”有问题，未导入：',
      'task.stateNote': '设置状态时按所选“截至日期”记录。',
      'task.none': '这个计划没有任务书，或没有符合筛选条件的条目。',
      'state.not_started': '未开始',
      'state.in_progress': '进行中',
      'state.done': '已完成',
      'rule.title': '试一条自己的规则',
      'rule.intro': '输入公式，可带目标，例如：体质健康测试合格学生数 / 参加体质健康测试学生数 >= 95%　或　择校生数 / 义务教育招生数 控制在5%以内。按“自评”页当前填写的数据计算。',
      'rule.names': '可用的数据项名称（点击插入）：',
      'rule.ok': '结果',
      'rule.errAt': '第 {0} 行第 {1} 列：',
      'rule.empty': '在上面输入一条规则。',
      'rule.examples': '计划中的例子（点一下即填入并试算）：',
      'rule.targetAlone': '只有目标，没有公式：',
      'rule.targetHint': '在目标前写上公式（如上面的例子），就能按本单位的数据检查。',
      'rule.list': '全部指标',
      'rule.formula': '公式',
      'rule.applies': '适用于',
      'rule.note': '说明：',
      'dl.report': '自评报告',
      'dl.figures': '填报数据',
      'dl.template': '填报模板',
      'dl.statuses': '任务状态',
      'dl.district': '汇总报告',
      'a11y.views': '视图',
      'a11y.legend': '图例：',
    },
    en: {
      'app.kicker': 'Education work plan · self-assessment',
      'app.print': 'Print / save as PDF',
      'app.reset': 'Start over',
      'app.privacy': 'Everything stays in this browser on this computer: nothing is uploaded to any server.',
      'app.foot': 'eduplan · an offline WebAssembly page; the rules are exactly those of the command-line tool',
      'app.lang': '中文',
      'app.loading': 'Loading the assessment engine…',
      'app.bootFailed': 'The assessment engine could not be loaded.',
      'app.bootHintFile': 'To open the page from disk use the single-file page (the .html written by eduplan build-web), or run eduplan serve and open the address it prints.',
      'app.bootHintOld': 'Please use a recent Chrome, Edge or Firefox.',
      'app.internal': 'Internal error',
      'app.failed': 'Not done:',
      'app.close': 'Close',
      'app.notText': 'the file is neither UTF-8 nor GBK text (an Excel workbook? use Save as → CSV UTF-8 in Excel)',
      'app.badLine': 'line {0} is not UTF-8 although the lines before it are Chinese in UTF-8: it was probably pasted from a GBK file; save the whole file from Excel as “CSV UTF-8”',
      'app.saveFailed': 'The browser storage is full: the imported file was not kept (import it again after a reload).',
      'tab.assess': 'Self-assessment',
      'tab.import': 'Import',
      'tab.tasks': 'Task book',
      'tab.rules': 'Rules',
      'confirm.reset': 'Start over clears everything this page has kept: the figures typed, the unit type, task statuses, imported files and the plan opened. Are you sure?',
      'confirm.yes': 'Clear everything',
      'confirm.no': 'Cancel',
      'plan.current': 'Plan: ',
      'plan.open': 'Open another plan file…',
      'plan.default': 'Use the built-in plan',
      'plan.errors': 'The plan file “{0}” has these problems and was not opened:',
      'plan.loaded': 'Opened the plan file “{0}”.',
      'plan.meta': '{0} · {1} · published {2}',
      'unit.type': 'Kind of unit',
      'unit.name': 'Name of the unit',
      'unit.namePh': 'e.g. Zhenjiang No. 1 Primary School',
      'unit.code': 'Code of the unit',
      'unit.parentCode': 'Code of the parent unit',
      'unit.parentName': 'Name of the parent unit',
      'unit.idHint': 'Written into the exported figures so that the bureau can collect them; opening the prefilled file the bureau sent fills these in.',
      'unit.school': 'Schools',
      'unit.district': 'District or county',
      'unit.city': 'The whole city',
      'form.title': 'Figures',
      'form.intro': 'Enter only the figures the indicators for your kind of unit need. An empty field means “no figure yet” (never zero). Type percentages as percents: 99.2 for 99.2%.',
      'form.none': 'This plan asks no figures of this kind of unit.',
      'form.noPlace': 'Other indicators',
      'form.uses': 'Used by: ',
      'form.feeds': 'Reported for the indicators of the district or city: ',
      'form.alsoAbove': 'Also uses (above): ',
      'res.title': 'Self-assessment',
      'res.binding': 'Binding targets',
      'res.aspirational': 'Aspirational targets (strive for)',
      'res.reference': 'For reference only (targets the plan sets for the city or districts)',
      'res.none': 'No indicator applies to this kind of unit.',
      'res.feedsOnly': 'This kind of unit has no indicator of its own: its figures are summed into the district’s and the city’s indicators. Use “Export this unit’s figures” to hand them to the district.',
      'res.feedsInto': 'The figures this unit enters count towards these indicators of the district and the city:',
      'res.status': 'Status',
      'res.indicator': 'Indicator',
      'res.value': 'Value',
      'res.target': 'Target',
      'res.gap': 'Gap',
      'res.task': 'Where',
      'res.wording': 'Plan text: ',
      'res.chart': 'Values against targets',
      'res.chartNone': 'Once figures are entered, each indicator’s value is drawn here against its target.',
      'res.target.line': 'target',
      'res.reported': ' (reported)',
      'res.inputs': 'From: ',
      'res.printedAt': 'Printed on {0}',
      'res.figures': 'Figures entered',
      'nature.binding': 'binding',
      'nature.aspirational': 'aspirational',
      'exp.title': 'Export',
      'exp.reportJSON': 'Export report (JSON)',
      'exp.reportCSV': 'Export report (CSV for Excel)',
      'exp.figures': 'Export this unit’s figures (CSV)',
      'exp.template': 'Download data-entry template (CSV)',
      'imp.title': 'Import a data file',
      'imp.intro': 'An Excel workbook (.xlsx, saved by Excel or WPS), CSV (GBK or UTF-8 both work) or JSON. A file with one unit fills the self-assessment form; a district file with many schools shows schools × indicators, the district’s recomputed result and the cross-unit checks.',
      'imp.choose': 'Choose files…',
      'imp.templateFor': 'Template for',
      'imp.read': 'Read “{0}” ({1}): {2} units.',
      'imp.readYears': 'Read “{0}” ({1}): {2} units, figures of {3}. The last year is assessed below, with each year’s trend.',
      'imp.trends': 'Each school’s trend',
      'imp.trendsMore': '(the first {0} schools drawn)',
      'res.change': 'Change',
      'res.previous': 'previous year',
      'res.completion': 'Completion',
      'res.progress': 'Progress',
      'res.trend': 'Trend',
      'trend.legend': 'Line: the value each year; dashed: the target; hollow circle: the baseline',
      'trend.target': 'target',
      'trend.baseline': 'baseline',
      'imp.single': 'Read “{0}”: the figures are now in the self-assessment form.',
      'imp.errors': '{0} problems in the file:',
      'imp.warnings': '{0} figure(s) were read as written but look mistyped:',
      'imp.errFile': 'File',
      'imp.errRow': 'Row',
      'imp.errCol': 'Col.',
      'imp.errHeader': 'Header',
      'imp.errText': 'Cell',
      'imp.errReason': 'Reason',
      'imp.failed': 'Could not read “{0}”:',
      'imp.encoding': 'encoding',
      'imp.drop': 'Choose (or drop here) several returns at once to merge them as eduplan collect does: identical duplicates are taken, conflicting ones refused naming both files.',
      'imp.list': 'List of units expected to return (optional)…',
      'imp.listNone': 'No list: the units that did not return are not named.',
      'imp.listName': 'List: “{0}”',
      'imp.listExpect': 'Expected',
      'imp.listAll': 'every unit of the list that enters figures',
      'imp.listClear': 'Remove the list',
      'imp.collectFailed': 'The returns were not merged:',
      'imp.collectDownload': 'Download the merged data (CSV)',
      'imp.collectFiles': 'What each file gave',
      'imp.sheet': 'sheet',
      'imp.errSheet': 'sheet',
      'imp.clear': 'Clear the imported file',
      'imp.parents': 'Results of the aggregate units (recomputed from the figures below; rates are never averaged)',
      'imp.schools': 'Schools × indicators',
      'imp.checks': 'Cross-unit checks',
      'val.title': 'Validation rules',
      'val.none': 'No validation rule is broken.',
      'val.more': 'Only the first {0} are listed.',
      'val.moreRows': 'Show {0} more (shown {1} of {2})',
      'val.printMore': 'The print lists the first {0} of {1}; the page shows them all.',
      'imp.checksNone': 'No indicator of this file compares units, or the units have no children.',
      'imp.school': 'School',
      'imp.kind': 'Kind',
      'imp.parent': 'Belongs to',
      'imp.summary': 'met / not met / no data',
      'imp.reference': 'for reference',
      'imp.children': 'Value of each child unit',
      'imp.exportJSON': 'Export all reports (JSON)',
      'imp.exportCSV': 'Export all reports (CSV)',
      'imp.timing': 'assessed in {0} ms',
      'prog.read': 'Reading {0}…',
      'prog.assess': 'Assessing {0} units…',
      'imp.moreRows': 'Show {0} more (shown {1} of {2})',
      'imp.more': '(first {0} rows shown; export the report for all)',
      'imp.parentFigures': 'Where a parent’s own figure differs from its units’ sum, use',
      'imp.parentOwn': 'the unit’s own figure',
      'imp.parentSum': 'the sum of the units below',
      'imp.hierarchy': 'Parent figures that differ from the sum of their units ({0})',
      'imp.hierarchyIntro': 'These parent units reported figures of their own that differ from the sum of their units below; “Used” is the figure the assessment used, as chosen above.',
      'imp.hUnit': 'Unit',
      'imp.hFigure': 'Figure',
      'imp.hOwn': 'Own',
      'imp.hSum': 'Units’ sum',
      'imp.hChildren': 'Units',
      'imp.hDiff': 'Difference',
      'imp.hUsed': 'Used',
      'task.title': 'Task book',
      'task.asOf': 'As of',
      'task.office': 'Office',
      'task.lead': 'Lead',
      'task.all': 'All',
      'task.overdueOnly': 'Overdue only',
      'task.count': '{0} items, {1} overdue, {2}',
      'task.asOfGiven': 'as of {0}',
      'task.asOfDefault': 'as of {0} ({1}; pick another date under “As of”)',
      'task.asOfReset': 'Default date',
      'task.item': 'Item',
      'task.content': 'Work',
      'task.units': 'Responsible units',
      'task.deadline': 'Deadline',
      'task.state': 'Status',
      'task.due': 'due {0}',
      'task.ongoing': 'ongoing',
      'task.noDeadline': 'no deadline',
      'task.overdue': '{0} days overdue',
      'task.export': 'Export statuses (JSON)',
      'task.import': 'Import statuses (JSON)…',
      'task.imported': 'Imported the status file “{0}”.',
      'task.importFailed': 'The status file “{0}” has problems and was not imported:',
      'task.stateNote': 'A status set here is recorded on the chosen “as of” date.',
      'task.none': 'This plan has no task book, or no item matches the filter.',
      'state.not_started': 'not started',
      'state.in_progress': 'in progress',
      'state.done': 'done',
      'rule.title': 'Try a rule of your own',
      'rule.intro': 'Type a formula, optionally with a target, e.g. 体质健康测试合格学生数 / 参加体质健康测试学生数 >= 95%  or  择校生数 / 义务教育招生数 控制在5%以内. It is computed on the figures in the self-assessment form.',
      'rule.names': 'Names you can use (click to insert):',
      'rule.ok': 'Result',
      'rule.errAt': 'Line {0}, column {1}: ',
      'rule.empty': 'Type a rule above.',
      'rule.examples': 'Examples from the plan (one click fills the box and tries it):',
      'rule.targetAlone': 'A target with no formula: ',
      'rule.targetHint': 'Write a formula before the target (as in the examples above) to check it against the unit’s figures.',
      'rule.list': 'Every indicator',
      'rule.formula': 'Formula',
      'rule.applies': 'Applies to',
      'rule.note': 'Note: ',
      'dl.report': 'self-assessment',
      'dl.figures': 'figures',
      'dl.template': 'template',
      'dl.statuses': 'task-statuses',
      'dl.district': 'reports',
      'a11y.views': 'Views',
      'a11y.legend': 'Key: ',
    },
  };

  // ------------------------------------------------------------------ state

  const DEFAULTS = () => ({
    v: 1,
    lang: 'zh',
    view: 'assess',
    plan: null, // {name, text} of a plan file the user opened
    unitType: '',
    unitName: '',
    // Who the unit is, for the return 导出本单位数据 writes: its code, its
    // parent's code and name, and the rows above it from a prefilled file.
    unitCode: '',
    parentCode: '',
    parentName: '',
    above: [],
    figures: {}, // plan id → metric id → text as typed
    statuses: {}, // plan id → status book
    asOf: '', // '' means the library's default: today, but no later than the end of the plan's year
    office: '',
    lead: '',
    overdueOnly: false,
    ruleSrc: '',
    file: null, // {name, text, encoding} of the last imported data file
    parentFigures: 'own', // 'own' or 'sum': see indicators.ParentFigures
    unitList: null, // {name, text|cells} of the units expected to return
    listExpect: '', // which of them: '' all, or a unit type's key
  });

  let S = loadState();
  let api = null; // globalThis.eduplan once the wasm runs
  let PLAN = null; // plan summary from Go
  let notice = null; // {kind, text, errors} shown on the import view
  let planNotice = null;
  let taskNotice = null;
  let flash = null; // {text, errors, dataErrors}: a failure shown above any view
  // The browser benchmark reads these timings (milliseconds since the
  // navigation started); nothing else does.
  const timing = { firstAssessmentMs: null };
  timing.scriptMs = performance.now();

  function loadState() {
    try {
      const raw = localStorage.getItem(STORE_KEY);
      if (raw) {
        const s = JSON.parse(raw);
        if (s && s.v === 1) return Object.assign(DEFAULTS(), s);
      }
    } catch (e) {
      // A corrupt entry is replaced on the next save.
    }
    return DEFAULTS();
  }

  function save() {
    try {
      localStorage.setItem(STORE_KEY, JSON.stringify(S));
    } catch (e) {
      // The imported file and the list of units are the only large
      // parts: drop them and keep the rest.
      if (S.file || S.unitList) {
        S.file = null;
        S.unitList = null;
        try {
          localStorage.setItem(STORE_KEY, JSON.stringify(S));
        } catch (e2) { /* nothing more to drop */ }
        notice = { kind: 'warn', text: () => t('app.saveFailed') };
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  function t(key, ...args) {
    let s = (I18N[S.lang] && I18N[S.lang][key]) || I18N.zh[key] || key;
    args.forEach((a, i) => { s = s.split('{' + i + '}').join(String(a)); });
    return s;
  }

  // levelLabel names a level above the schools as the unit picker does (the
  // library names each level's unit type: 全市, 辖市区（县）, or the plan's
  // own name for a level it declares); the schools, or a level with nothing
  // to enter, by the page's words or the level's id.
  function levelLabel(level) {
    const u = level !== 'school' && PLAN && PLAN.unitTypes.find((x) => x.level === level && !x.kind);
    if (u) return tx(u.name);
    return I18N.zh['unit.' + level] ? t('unit.' + level) : level;
  }

  // say gives a notice's text in the current language: notices keep a
  // function, so that one shown before a language switch follows it.
  function say(text) {
    return typeof text === 'function' ? text() : text;
  }

  // statusName is the library's name of a status, in the page's language.
  function statusName(status) {
    const names = PLAN && PLAN.statuses;
    return names && names[status] ? tx(names[status]) : status;
  }

  // tx picks a text ({zh, en}: a plan's name, an error's message or a
  // cell's reason) in the page's language; a plain string is shown as it is.
  function tx(text) {
    if (text == null) return '';
    if (typeof text === 'string') return text;
    if (typeof text === 'function') return text();
    return (S.lang === 'en' && text.en) ? text.en : (text.zh || text.en || '');
  }

  // HIDDEN matches the characters msg.Hidden names in Go: bidirectional
  // marks, embeddings, overrides and isolates, zero-width spaces and
  // joiners, the word joiner and a byte order mark inside text.
  const HIDDEN = /[\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;

  // visible shows each HIDDEN character escaped, <U+202E>, as msg.Visible
  // does: one could make a name read as another. Only text shown is
  // escaped; input values and exported files keep the characters.
  function visible(s) {
    return String(s).replace(HIDDEN, (c) => '<U+' + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0') + '>');
  }

  // READ_ATTRS are the attributes a person reads.
  const READ_ATTRS = new Set(['title', 'aria-label', 'placeholder', 'alt']);

  // setText sets an element's text as h() would: escaped by visible().
  function setText(el, s) {
    el.textContent = visible(s);
  }

  // h builds an element. Strings and numbers among the children become
  // text nodes, so data can never turn into markup.
  function h(tag, attrs, ...kids) {
    const el = document.createElement(tag);
    setAttrs(el, attrs);
    append(el, kids);
    return el;
  }

  const SVGNS = 'http://www.w3.org/2000/svg';
  function s(tag, attrs, ...kids) {
    const el = document.createElementNS(SVGNS, tag);
    setAttrs(el, attrs);
    append(el, kids);
    return el;
  }

  function setAttrs(el, attrs) {
    if (!attrs) return;
    for (const [k, v] of Object.entries(attrs)) {
      if (v == null || v === false) continue;
      if (k.startsWith('on') && typeof v === 'function') {
        el.addEventListener(k.slice(2), v);
      } else if (k === 'class') {
        el.setAttribute('class', v);
      } else if (k === 'text') {
        setText(el, v);
      } else if (k === 'value' || k === 'checked' || k === 'selected' || k === 'disabled') {
        el[k] = v;
      } else if (READ_ATTRS.has(k)) {
        // A title or a label is read as text is; an id or a data-
        // attribute is looked up, and keeps the characters.
        el.setAttribute(k, visible(v));
      } else {
        el.setAttribute(k, v === true ? '' : String(v));
      }
    }
  }

  function append(el, kids) {
    for (const k of kids) {
      if (k == null || k === false) continue;
      if (Array.isArray(k)) append(el, k);
      else if (k instanceof Node) el.appendChild(k);
      else el.appendChild(document.createTextNode(visible(k)));
    }
  }

  const $ = (sel, root) => (root || document).querySelector(sel);

  // call runs one Go function. Go never panics across the boundary (it
  // answers {ok:false}), but a dead runtime throws: that becomes an error
  // too, so the page always gets an answer.
  function call(name, arg) {
    try {
      if (!api || typeof api[name] !== 'function') throw new Error('eduplan.' + name + ' is not available');
      const a = arg === undefined ? undefined : (typeof arg === 'string' ? arg : JSON.stringify(arg));
      return JSON.parse(a === undefined ? api[name]() : api[name](a));
    } catch (e) {
      return { ok: false, errors: [{ path: '', message: t('app.internal') + ': ' + (e && e.message ? e.message : String(e)) }] };
    }
  }

  function today() {
    const d = new Date();
    const p = (n) => String(n).padStart(2, '0');
    return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate());
  }

  function download(filename, text, mime, bom) {
    const parts = bom && !text.startsWith('\ufeff') ? ['\ufeff', text] : [text];
    const url = URL.createObjectURL(new Blob(parts, { type: mime }));
    const a = h('a', { href: url, download: filename, hidden: true });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  // saveExport downloads what an export function returned.
  function saveExport(res) {
    if (!res.ok) {
      alertErrors(res);
      return;
    }
    const csv = res.filename.endsWith('.csv');
    download(res.filename, res.text, csv ? 'text/csv;charset=utf-8' : 'application/json;charset=utf-8', csv);
  }

  // alertErrors shows a failed call's problems above whichever view is open.
  function alertErrors(res, text) {
    flash = { text: text || (() => t('app.failed')), errors: res.errors || [], dataErrors: res.dataErrors };
    render();
  }

  // decodeText reads a data file the way Chinese Windows writes it: a BOM
  // says UTF-8 or UTF-16; otherwise strict UTF-8, and GB18030 (a superset of
  // GBK) when that fails. Decoding here keeps the decoder out of the wasm.
  function decodeText(buf) {
    const b = new Uint8Array(buf);
    if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
      return { text: new TextDecoder('utf-8').decode(b.subarray(3)), encoding: 'UTF-8 (BOM)' };
    }
    if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) {
      return { text: new TextDecoder('utf-16le').decode(b.subarray(2)), encoding: 'UTF-16LE' };
    }
    if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
      return { text: new TextDecoder('utf-16be').decode(b.subarray(2)), encoding: 'UTF-16BE' };
    }
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(b), encoding: 'UTF-8' };
    } catch (e) { /* not UTF-8: try GBK */ }
    // Chinese in UTF-8 before the first line that is not: a UTF-8 file with
    // a line pasted from a GBK one, which read as GBK would garble the rest.
    const line = badUTF8Line(b);
    if (line.n > 1 && /[\u3400-\u9fff]/.test(line.before)) {
      const err = new Error(t('app.badLine', line.n));
      err.key = 'app.badLine';
      err.args = [line.n];
      throw err;
    }
    try {
      return { text: new TextDecoder('gb18030', { fatal: true }).decode(b), encoding: 'GB18030/GBK' };
    } catch (e) {
      // Neither: a file with holes in it must not pass as text. The key
      // lets the message follow a switch of language.
      const err = new Error(t('app.notText'));
      err.key = 'app.notText';
      throw err;
    }
  }

  // badUTF8Line finds the first line of b that is not UTF-8 (n, from 1)
  // and the text of the lines before it.
  function badUTF8Line(b) {
    const dec = new TextDecoder('utf-8', { fatal: true });
    let from = 0;
    for (let n = 1; from <= b.length; n++) {
      let to = b.indexOf(10, from);
      if (to < 0) to = b.length;
      try {
        dec.decode(b.subarray(from, to));
      } catch (e) {
        return { n, before: new TextDecoder('utf-8').decode(b.subarray(0, from)) };
      }
      from = to + 1;
    }
    return { n: 0, before: '' };
  }

  // workbookBytes: an .xlsx (a zip), or an old .xls or a password-protected
  // workbook (an OLE container), which xlsx.js explains it cannot read.
  function workbookBytes(buf) {
    const b = new Uint8Array(buf, 0, Math.min(buf.byteLength, 8));
    return globalThis.eduplanXlsx && (eduplanXlsx.isWorkbook(b) || eduplanXlsx.isOldWorkbook(b));
  }

  // The last workbook read, kept in memory (not in localStorage) so that
  // another of its sheets can be chosen.
  let workbook = null;

  // readWorkbook reads one sheet (the first visible one when sheet is
  // empty) into cells with xlsx.js; Go reads the cells (importData).
  async function readWorkbook(name, buf, sheet) {
    const res = await eduplanXlsx.readSheet(buf, name, sheet);
    workbook = { name, buf, sheets: res.sheets };
    return { name, cells: res.rows, sheet: res.sheet };
  }

  // readFile reads the file chosen in input as text or, when workbooks is
  // set (data files), a workbook's first visible sheet as cells; a file that
  // cannot be read is reported above the view and gives null.
  async function readFile(input, workbooks) {
    const f = input.files && input.files[0];
    input.value = '';
    if (!f) return null;
    try {
      return await readOne(f, workbooks);
    } catch (e) {
      flash = { text: () => t('imp.failed', f.name), errors: [{ path: '', message: readError(e) }] };
      render();
      return null;
    }
  }

  // readOne reads a File as readFile does; it throws when it cannot.
  async function readOne(f, workbooks) {
    const buf = await f.arrayBuffer();
    if (workbooks && workbookBytes(buf)) return await readWorkbook(f.name, buf, '');
    return { name: f.name, ...decodeText(buf) };
  }

  // readError is why a file could not be read, as a text that follows a
  // switch of language where it can.
  function readError(e) {
    return e && e.key ? () => t(e.key, ...(e.args || [])) : (e && e.text ? e.text : (e && e.message ? e.message : String(e)));
  }

  function planID() { return PLAN ? PLAN.id : ''; }
  function figures() {
    const id = planID();
    if (!S.figures[id]) S.figures[id] = {};
    return S.figures[id];
  }
  function unitType() {
    const types = PLAN ? PLAN.unitTypes : [];
    // Until the user picks, the first kind of unit that has indicators of
    // its own: a first look should show an assessment.
    return types.find((u) => u.key === S.unitType) || types.find((u) => u.indicators > 0) || types[0] ||
      { key: '', level: 'school', kind: '', indicators: 0 };
  }
  function unitArgs() {
    const u = unitType();
    return { level: u.level, kind: u.kind, name: S.unitName, figures: figures(),
      identity: { id: S.unitCode || '', parent: S.parentCode || '', parentName: S.parentName || '', ancestors: S.above || [] } };
  }

  function statusBadge(status) {
    return h('span', { class: 'badge st-' + status }, statusName(status));
  }

  function errorList(errors) {
    return h('ul', { class: 'errors' }, (errors || []).map((e) =>
      h('li', null, e.path ? h('code', null, e.path) : null, e.path ? ' ' : null, tx(e.message))));
  }

  // problems shows whatever a failed call reports: plan or request problems
  // with their JSON paths, and rejected cells of a data file.
  function problems(res) {
    return [
      res.errors && res.errors.length ? errorList(res.errors) : null,
      res.dataErrors && res.dataErrors.length ? dataErrors(res.dataErrors) : null,
    ];
  }

  // ---------------------------------------------------------- accessibility
  // What a keyboard or a screen reader needs beyond what is drawn (WCAG 2.1
  // AA, the level GB/T 37668-2019 asks of government sites): a symbol next
  // to every status colour, a live region that says what a change did, the
  // tab list's arrow keys, fields tied to their errors, boxes that scroll.

  // A status's symbol, so that colour is never the only sign of it (WCAG
  // 1.4.1). A matrix cell and a legend entry draw theirs in CSS (.cell
  // ::before, the same symbols), which costs a district of 2,000 schools no
  // element; the chart draws it from here.
  const STATUS_SYMBOLS = { met: '✓', not_met: '✗', no_data: '?', not_computable: '!', not_applicable: '–', no_target: '○', reference: '◇' };

  // statusLegend names each symbol of the matrix with the library's words.
  function statusLegend(id) {
    const item = (cls, st, name) => h('li', { class: 'cell ' + cls, 'data-status': st }, name);
    return h('div', { class: 'legend-wrap', id },
      h('span', { class: 'legend-head', id: id + '-head' }, t('a11y.legend')),
      h('ul', { class: 'legend', 'aria-labelledby': id + '-head' },
        ['met', 'not_met', 'no_data', 'not_computable'].map((st) => item('st-' + st, st, statusName(st))),
        item('st-reference', 'reference', t('imp.reference')),
        item('na', 'not_applicable', statusName('not_applicable'))));
  }

  // matrixCell is one school × indicator cell: its symbol (in CSS), then its
  // value or, with no value, the status in words; a screen reader is told
  // the status with the value. An indicator that does not apply to the
  // school is a cell with its symbol too.
  function matrixCell(c) {
    if (!c) return h('td', { class: 'cell na', 'aria-label': statusName('not_applicable') });
    const name = c.statusText ? tx(c.statusText) : statusName(c.status);
    const value = tx(c.valueText);
    return h('td', { class: 'cell ' + stClass(c), 'data-status': c.status, 'data-reference': c.reference ? 'true' : null, title: name,
      'aria-label': value ? name + ' ' + value : null }, value || name);
  }

  // announce says a short text through the page's one live region: the
  // results after a figure changed, the outcome of an import. The same text
  // twice is said once, unless again is set (the same file imported twice).
  let announced = '';
  function announce(text, again) {
    const el = $('#announce');
    if (!el || !text || (text === announced && !again)) return;
    announced = text;
    el.textContent = '';
    // A region emptied and filled in one task may be read as unchanged.
    setTimeout(() => { if (announced === text) el.textContent = text; }, again ? 50 : 0);
  }

  // announceResults says a unit's counts by status, as the summary shows them.
  function announceResults(unit) {
    const n = (k) => (k.binding || 0) + (k.aspirational || 0) + (k.reference || 0);
    const counts = (unit.tallies || []).filter((k) => k.status !== 'not_applicable' && n(k) > 0);
    announce(t('res.title') + (S.lang === 'en' ? ': ' : '：') + counts.map((k) => tx(k.name) + ' ' + n(k)).join(sep()));
  }

  // markFields shows each field's error or warning under it and ties the
  // two together for a screen reader (aria-invalid, aria-describedby is set
  // when the field is drawn). A text that has not changed is left alone so
  // that its alert is not said again at every key.
  function markFields(res) {
    const bad = (res && res.fieldErrors) || {};
    const warned = (res && res.fieldWarnings) || {};
    document.querySelectorAll('.field[data-metric]').forEach((f) => {
      const id = f.dataset.metric;
      const msg = bad[id] || warned[id];
      const text = msg ? visible(tx(msg)) : '';
      const err = document.getElementById('err-' + id);
      if (err && err.textContent !== text) err.textContent = text;
      f.classList.toggle('invalid', !!bad[id]);
      f.classList.toggle('warned', !bad[id] && !!warned[id]);
      const input = $('input', f);
      if (input && bad[id]) input.setAttribute('aria-invalid', 'true');
      else if (input) input.removeAttribute('aria-invalid');
    });
  }

  // scrollBox holds a table wider or longer than the screen: it scrolls on
  // its own, and the keyboard can reach it to scroll it (WCAG 2.1.1).
  function scrollBox(label, child) {
    return h('div', { class: 'scroll', role: 'region', tabindex: '0', 'aria-label': label }, child);
  }

  // wireTabKeys gives the tab list the keys of the ARIA tabs pattern: the
  // chosen tab is the one Tab stop, the arrows, Home and End move between
  // tabs and open the one they land on.
  function wireTabKeys() {
    const tabs = [...document.querySelectorAll('#tabs [role=tab]')];
    $('#tabs').addEventListener('keydown', (ev) => {
      const i = tabs.indexOf(document.activeElement);
      const j = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[ev.key];
      if (i < 0 || j === undefined) return;
      ev.preventDefault();
      const next = tabs[(j + tabs.length) % tabs.length];
      next.focus();
      next.click();
    });
  }

  // ---------------------------------------------------------------- boot

  async function startWasm() {
    if (typeof Go !== 'function' || typeof WebAssembly !== 'object') throw new Error(t('app.bootHintOld'));
    const go = new Go();
    let instance;
    const inline = document.getElementById('eduplan-wasm');
    if (inline) {
      // Single-file page: the wasm is gzipped and base64-encoded inline.
      const bin = atob(inline.textContent.trim());
      const gz = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) gz[i] = bin.charCodeAt(i);
      const stream = new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip'));
      const buf = await new Response(stream).arrayBuffer();
      instance = (await WebAssembly.instantiate(buf, go.importObject)).instance;
    } else {
      if (location.protocol === 'file:') throw new Error(t('app.bootHintFile'));
      // Streaming compiles while the file downloads; it needs the server to
      // say application/wasm, so a plain download is the fallback.
      try {
        instance = (await WebAssembly.instantiateStreaming(fetch('main.wasm'), go.importObject)).instance;
      } catch (e) {
        const resp = await fetch('main.wasm');
        if (!resp.ok) throw new Error('main.wasm: HTTP ' + resp.status);
        instance = (await WebAssembly.instantiate(await resp.arrayBuffer(), go.importObject)).instance;
      }
    }
    timing.compiledMs = performance.now();
    go.run(instance);
    timing.startedMs = performance.now();
    if (!globalThis.eduplan) throw new Error('eduplan did not start');
    api = globalThis.eduplan;
  }

  // The plan this page carries (eduplan build-web --plan): a JSON data block
  // in the page, opened in place of the seed built into the wasm.
  function carriedPlan() {
    const el = document.getElementById('eduplan-plan');
    return el ? { name: el.dataset.name || 'plan.json', text: el.textContent } : null;
  }

  // Names the page's own plan: '' for the seed, else a hash of the carried
  // text. Pages opened from disk share one localStorage, so a plan opened
  // by hand in last year's mailed page must not hide the plan of the page
  // mailed this year: a plan opened by hand counts only in pages that carry
  // the plan it was opened over.
  function ownPlanKey() {
    const c = carriedPlan();
    if (!c) return '';
    let h = 0x811c9dc5;
    for (let i = 0; i < c.text.length; i++) {
      h ^= c.text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(16) + ':' + c.text.length;
  }

  function loadPlan() {
    planNotice = null;
    if (S.plan && (S.plan.over || '') === ownPlanKey()) {
      const res = call('loadPlan', S.plan.text);
      if (res.ok) {
        PLAN = res.plan;
        return;
      }
      planNotice = { name: S.plan.name, errors: res.errors };
      S.plan = null;
    } else if (S.plan) {
      // Opened over another page's plan: this page's own comes first.
      S.plan = null;
      S.unitType = '';
    }
    const carried = carriedPlan();
    if (carried) {
      const res = call('loadPlan', carried.text);
      if (res.ok) {
        PLAN = res.plan;
        return;
      }
      // Linted when the page was built, so only a page edited by hand gets
      // here: say so, and fall back on the seed.
      planNotice = { name: carried.name, errors: res.errors };
    }
    const res = call('loadDefault');
    if (!res.ok) throw new Error((res.errors || []).map((e) => tx(e.message)).join('\n'));
    PLAN = res.plan;
  }

  // importArg is what importData is given for a file read by readFile.
  function importArg(f) {
    return f.cells ? { name: f.name, cells: f.cells, sheet: f.sheet } : { name: f.name, text: f.text, encoding: f.encoding };
  }

  // The imported data file is kept as text (a workbook as its sheet's
  // cells); Go reads it again after a reload.
  function reloadFile() {
    if (!S.file) return;
    const res = call('importData', importArg(S.file));
    if (!res.ok || res.single) S.file = null;
  }

  async function boot() {
    document.documentElement.lang = S.lang === 'en' ? 'en' : 'zh-CN';
    staticText();
    $('#boot-text').textContent = t('app.loading');
    try {
      await startWasm();
      loadPlan();
      timing.planMs = performance.now();
      reloadFile();
    } catch (e) {
      const boot = $('#boot');
      boot.replaceChildren(h('div', { class: 'notice error' },
        h('strong', null, t('app.bootFailed')), h('p', null, e && e.message ? e.message : String(e))));
      document.body.dataset.state = 'failed';
      return;
    }
    $('#boot').hidden = true;
    wireChrome();
    render();
    document.body.dataset.state = 'ready';
    warmUp(WARM_ROUNDS);
  }

  // WARM_ROUNDS is how many times, when idle after the first assessment,
  // the page has Go import and assess a small made-up district
  // (eduplan.warm, which keeps nothing): the browser runs WebAssembly with a
  // quick compiler first and optimises a function only once it has run a
  // while, and the first file of 10,000 schools a user imported took twice
  // as long as the second. Once a file is imported the code is warm and
  // the rounds left are dropped. The benchmark reads timing.warmedMs.
  const WARM_ROUNDS = 3;

  function warmUp(left) {
    if (left <= 0 || timing.lastImport) {
      timing.warmedMs = performance.now();
      return;
    }
    const idle = typeof requestIdleCallback === 'function' ? requestIdleCallback : (f) => setTimeout(f, 100);
    idle(() => {
      if (!timing.lastImport) call('warm');
      warmUp(left - 1);
    }, { timeout: 3000 });
  }

  // ---------------------------------------------------------------- chrome

  function staticText() {
    document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
    document.querySelectorAll('[data-i18n-label]').forEach((el) => { el.setAttribute('aria-label', t(el.dataset.i18nLabel)); });
    const lang = $('#btn-lang');
    lang.textContent = t('app.lang');
    lang.lang = S.lang === 'en' ? 'zh-CN' : 'en';
    document.title = visible((PLAN ? tx(PLAN.title) + ' · ' : '') + t('app.kicker'));
  }

  function wireChrome() {
    $('#btn-lang').addEventListener('click', () => {
      S.lang = S.lang === 'en' ? 'zh' : 'en';
      document.documentElement.lang = S.lang === 'en' ? 'en' : 'zh-CN';
      save();
      render();
    });
    $('#btn-print').addEventListener('click', () => window.print());
    // A folded block would print folded: unfold all for the printout.
    window.addEventListener('beforeprint', () => {
      document.querySelectorAll('details:not([open])').forEach((d) => { d.open = true; d.dataset.folded = '1'; });
    });
    window.addEventListener('afterprint', () => {
      document.querySelectorAll('details[data-folded]').forEach((d) => { d.open = false; delete d.dataset.folded; });
    });
    $('#btn-reset').addEventListener('click', () => {
      $('#confirm-text').textContent = t('confirm.reset');
      $('#confirm-bar').hidden = false;
      $('#confirm-no').focus();
    });
    $('#confirm-no').addEventListener('click', () => { $('#confirm-bar').hidden = true; });
    $('#confirm-yes').addEventListener('click', () => {
      $('#confirm-bar').hidden = true;
      try { localStorage.removeItem(STORE_KEY); } catch (e) { /* already gone */ }
      const lang = S.lang;
      S = DEFAULTS();
      S.lang = lang; // the language is how the user reads, not data
      notice = null;
      planNotice = null;
      taskNotice = null;
      flash = null;
      call('clearData');
      loadPlan();
      save();
      render();
    });
    wireTabKeys();
    document.querySelectorAll('#tabs [data-view]').forEach((b) => {
      b.addEventListener('click', () => {
        S.view = b.dataset.view;
        save();
        render();
      });
    });
    $('#plan-file').addEventListener('change', async (ev) => {
      const f = await readFile(ev.target);
      if (!f) return;
      // Go keeps the current plan when the new one does not load.
      const res = call('loadPlan', f.text);
      if (!res.ok) {
        planNotice = { name: f.name, errors: res.errors };
      } else {
        PLAN = res.plan;
        S.plan = { name: f.name, text: f.text, over: ownPlanKey() };
        planNotice = { name: f.name, ok: true };
        S.unitType = '';
        reloadFile();
      }
      save();
      render();
      announce(t(planNotice.ok ? 'plan.loaded' : 'plan.errors', f.name), true);
    });
    $('#plan-default').addEventListener('click', () => {
      S.plan = null;
      S.unitType = '';
      loadPlan();
      reloadFile();
      save();
      render();
    });
  }

  function render() {
    staticText();
    setText($('#plan-title'), tx(PLAN.title));
    setText($('#plan-meta'), t('plan.meta', tx(PLAN.issuer), PLAN.year, PLAN.published || '—'));
    setText($('#plan-name'), tx(PLAN.title) + (S.plan ? ' (' + S.plan.name + ')' : ''));
    const pe = $('#plan-errors');
    pe.replaceChildren();
    if (planNotice && planNotice.ok) {
      pe.appendChild(h('div', { class: 'notice ok' }, t('plan.loaded', planNotice.name)));
    } else if (planNotice) {
      pe.appendChild(h('div', { class: 'notice error', id: 'plan-error' },
        h('strong', null, t('plan.errors', planNotice.name)), errorList(planNotice.errors)));
    }
    const fl = $('#flash');
    fl.replaceChildren();
    if (flash) {
      fl.appendChild(h('div', { class: 'notice error', id: 'flash-notice' },
        h('button', { type: 'button', class: 'close', 'aria-label': t('app.close'), onclick: () => { flash = null; render(); } }, '×'),
        h('strong', null, say(flash.text)), problems(flash)));
    }
    const views = ['assess', 'import', 'tasks', 'rules'];
    if (!views.includes(S.view)) S.view = 'assess';
    document.querySelectorAll('#tabs [data-view]').forEach((b) => {
      b.setAttribute('aria-selected', String(b.dataset.view === S.view));
      b.tabIndex = b.dataset.view === S.view ? 0 : -1;
    });
    for (const v of views) {
      const sec = $('#view-' + v);
      sec.hidden = v !== S.view;
      if (v === S.view) ({ assess: renderAssess, import: renderImport, tasks: renderTasks, rules: renderRules })[v](sec);
      else sec.replaceChildren();
    }
    document.body.dataset.view = S.view;
  }

  // ---------------------------------------------------------------- 自评

  function unitPicker(onChange) {
    // Levels in the order the library lists the unit types: schools, then
    // each level up, however many the plan declares.
    const groups = {}, levels = [];
    for (const u of PLAN.unitTypes) {
      if (!groups[u.level]) { groups[u.level] = []; levels.push(u.level); }
      groups[u.level].push(u);
    }
    const sel = h('select', { id: 'unit-type', onchange: (ev) => { S.unitType = ev.target.value; save(); onChange(); } },
      levels.map((l) =>
        h('optgroup', { label: levelLabel(l) }, groups[l].map((u) =>
          h('option', { value: u.key, selected: u.key === unitType().key }, tx(u.name))))));
    return sel;
  }

  // idField is one of the unit's identity fields. A name typed for the
  // parent replaces the rows a prefilled file gave above the unit.
  function idField(id, label, key) {
    return h('div', { class: 'field-row' },
      h('label', { for: id }, t(label)),
      h('input', { id, type: 'text', value: S[key] || '', autocomplete: 'off',
        oninput: (ev) => { S[key] = ev.target.value.trim(); if (key === 'parentName') S.above = []; save(); } }));
  }

  function renderAssess(sec) {
    const u = unitType();
    if (S.unitType !== u.key) S.unitType = u.key;
    const form = call('form', { level: u.level, kind: u.kind });
    const left = h('div', { class: 'col-form' });
    const right = h('div', { class: 'col-results', id: 'results' });
    sec.replaceChildren(h('div', { class: 'two-col' }, left, right));

    left.appendChild(h('div', { class: 'card unit-card' },
      h('div', { class: 'field-row' },
        h('label', { for: 'unit-type' }, t('unit.type')), unitPicker(() => render())),
      h('div', { class: 'field-row' },
        h('label', { for: 'unit-name' }, t('unit.name')),
        h('input', { id: 'unit-name', type: 'text', value: S.unitName, placeholder: t('unit.namePh'), autocomplete: 'organization',
          oninput: (ev) => { S.unitName = ev.target.value; save(); updateResults(); } })),
      idField('unit-code', 'unit.code', 'unitCode'),
      idField('parent-code', 'unit.parentCode', 'parentCode'),
      idField('parent-name', 'unit.parentName', 'parentName'),
      h('p', { class: 'muted' }, t('unit.idHint'))));

    if (notice && notice.kind === 'ok' && notice.single) {
      // Said once, where the imported figures landed.
      left.appendChild(h('div', { class: 'notice ok', id: 'assess-notice' }, say(notice.text)));
      notice = null;
    }
    left.appendChild(h('h2', null, t('form.title')));
    left.appendChild(h('p', { class: 'intro' }, t('form.intro')));
    if (!form.ok) {
      left.appendChild(h('div', { class: 'notice error' }, problems(form)));
      return;
    }
    if (form.groups.length === 0) left.appendChild(h('p', { class: 'muted' }, t('form.none')));
    const figs = figures();
    for (const g of form.groups) {
      const fs = h('fieldset', { class: 'group' },
        h('legend', null, g.place ? [h('span', { class: 'place-label' }, tx(g.place.label)), ' ', tx(g.place.title)] : t('form.noPlace')));
      if (g.indicators.length) fs.appendChild(h('p', { class: 'uses' }, t('form.uses'), g.indicators.map((i, k) => [k ? sep() : '', tx(i.name)])));
      if (g.feeds && g.feeds.length) fs.appendChild(h('p', { class: 'uses feeds' }, t('form.feeds'), g.feeds.map((i, k) => [k ? sep() : '', tx(i.name)])));
      for (const m of g.metrics) {
        const id = 'f-' + m.id;
        const unitText = m.percent ? '%' : tx(m.unitText);
        fs.appendChild(h('div', { class: 'field', 'data-metric': m.id },
          h('label', { for: id }, tx(m.name)),
          h('div', { class: 'input-unit' },
            h('input', { id, type: 'text', inputmode: 'decimal', autocomplete: 'off', spellcheck: 'false',
              'data-metric': m.id, value: figs[m.id] || '',
              'aria-describedby': (m.hint && tx(m.hint) ? 'hint-' + m.id + ' ' : '') + 'err-' + m.id,
              oninput: (ev) => {
                const v = ev.target.value;
                if (v.trim() === '') delete figs[m.id]; else figs[m.id] = v;
                save();
                updateResults();
              } }),
            unitText ? h('span', { class: 'unit' }, unitText) : null),
          m.hint && tx(m.hint) ? h('p', { class: 'hint', id: 'hint-' + m.id }, tx(m.hint)) : null,
          h('p', { class: 'field-error', id: 'err-' + m.id, role: 'alert' })));
      }
      if (g.shared && g.shared.length) {
        fs.appendChild(h('p', { class: 'uses' }, t('form.alsoAbove'), g.shared.map((m, k) => [k ? sep() : '', tx(m.name)])));
      }
      left.appendChild(fs);
    }
    updateResults();
  }

  function updateResults() {
    const box = $('#results');
    if (!box) return;
    const res = call('assess', unitArgs());
    // A figure that reads but looks mistyped (a fraction in a percent field)
    // is used as typed, with the reason shown under it.
    markFields(res.ok ? res : null);
    if (!res.ok) {
      box.replaceChildren(h('div', { class: 'notice error' }, problems(res)));
      return;
    }
    if (timing.firstAssessmentMs == null) timing.firstAssessmentMs = performance.now();
    const u = unitType();
    const results = res.report.results;
    box.replaceChildren();
    const printHead = h('div', { class: 'print-only print-head' },
      h('h2', null, (S.unitName || tx(u.name)) + ' · ' + t('res.title')),
      h('p', null, tx(u.name) + ' · ' + t('res.printedAt', today())));
    if (!results.length) {
      // Nothing to assess for this kind of unit: say why, and offer what it
      // can do with its figures. Its printout is the figures it reports.
      append(box, [printHead, h('h2', { class: 'no-print' }, t('res.title')),
        h('p', { class: 'muted', id: 'feeds-only' }, t(u.indicators ? 'res.none' : 'res.feedsOnly')),
        // Which indicators above its figures count towards, named by the library.
        (!u.indicators && u.feeds && u.feeds.length) ? h('div', { id: 'feeds-into' },
          h('p', null, t('res.feedsInto')),
          h('ul', null, u.feeds.map(f => h('li', null, tx(f))))) : null,
        validationBlock(res.validation),
        exportBar(false),
        figuresForPrint()]);
      return;
    }
    append(box, [
      printHead,
      h('h2', { class: 'no-print' }, t('res.title')),
      summaryBlock(res.report),
      exportBar(true),
      resultsTable(results),
      validationBlock(res.validation),
      chart(results),
      figuresForPrint()]);
    announceResults(res.report);
  }

  // validationBlock shows the plan's validation rules on the figures: the
  // counts, then each rule broken (or not computable) with both sides and by
  // how much. Rules skipped for missing figures are only counted: a form
  // half typed would list nearly all of them. Every text is Go's.
  // more(offset, count), when given, fetches the checks past those v
  // holds: a district's assessment sends its first FIRST_ROWS (fileChecks).
  function validationBlock(v, more) {
    if (!v) return null;
    const shown = v.checks.filter((c) => c.status !== 'skipped');
    const listed = v.listed == null ? shown.length : v.listed;
    const box = h('div', { class: 'card validation', id: 'validation', 'data-violated': String(v.counts.violated || 0) },
      h('h2', null, t('val.title')),
      h('p', { class: 'muted', id: 'validation-summary' }, tx(v.summary)));
    if (!shown.length) box.appendChild(h('p', { class: 'muted', id: 'validation-none' }, t('val.none')));
    // FIRST_ROWS are drawn at once, the rest in steps as the schools are:
    // 2,000 rule lines drawn at once held up the district's results. A
    // print lists only the first PRINT_ROWS, always among them.
    const row = (c, i) => h('div', { class: 'check vcheck' + (i >= PRINT_ROWS ? ' print-skip' : ''), 'data-rule': c.rule, 'data-unit': c.unit, 'data-status': c.status },
      h('span', { class: 'badge ' + (c.status === 'violated' ? 'st-not_met' : 'st-not_computable') }, tx(c.text.status)), ' ',
      h('span', { class: 'muted' }, tx(c.text.importance)), ' ',
      h('span', { class: 'vline' }, tx(c.text.line)));
    const list = h('div', { class: 'vlist', tabindex: '-1' }, shown.slice(0, FIRST_ROWS).map(row));
    box.appendChild(list);
    const upTo = Math.min(more ? listed : shown.length, MAX_ROWS);
    const rowsAt = (offset, n) => {
      if (more && shown.length < offset + n) shown.push(...more(shown.length, offset + n - shown.length));
      return shown.slice(offset, offset + n).map((c, k) => row(c, offset + k));
    };
    const button = inSteps(list, Math.min(FIRST_ROWS, upTo), upTo, 'validation-more', 'val.moreRows', rowsAt).button;
    if (button) box.appendChild(button);
    // Go says how many checks it lists; the page shows the first MAX_ROWS.
    if (listed > MAX_ROWS) box.appendChild(h('p', { class: 'muted' }, t('val.more', MAX_ROWS)));
    if (listed > PRINT_ROWS) box.appendChild(h('p', { class: 'muted print-only', id: 'validation-print-more' }, t('val.printMore', PRINT_ROWS, listed)));
    return box;
  }

  // summaryBlock counts a unit's results by status, binding and
  // aspirational targets apart, with the status names Go gave; the results
  // shown for reference (a target the plan sets for the city) on a row of
  // their own, when there are any, never among 未达标.
  function summaryBlock(unit) {
    const all = (unit.tallies || []).filter((k) => k.status !== 'not_applicable');
    const tallies = all.filter((k) => k.status !== 'reference');
    const ref = all.find((k) => k.status === 'reference');
    const cell = (k, n) => h('span', { class: 'sum-cell st-' + k.status, 'data-count': k.status },
      h('span', { class: 'sum-n' }, String(n || 0)), h('span', { class: 'sum-k' }, tx(k.name)));
    const row = (label, nature) => h('div', { class: 'sum-row ' + nature },
      h('span', { class: 'sum-label' }, label),
      tallies.map((k) => cell(k, k[nature])));
    return h('div', { class: 'summary', id: 'summary' },
      row(t('res.binding'), 'binding'),
      row(t('res.aspirational'), 'aspirational'),
      ref ? h('div', { class: 'sum-row reference' }, h('span', { class: 'sum-label' }, t('res.reference')), cell(ref, ref.reference)) : null);
  }

  function exportBar(reports) {
    const args = () => Object.assign(unitArgs(), { lang: S.lang, source: 'form' });
    return h('div', { class: 'export-bar no-print' },
      reports ? [
        h('button', { type: 'button', class: 'btn', id: 'exp-json',
          onclick: () => saveExport(call('exportReport', Object.assign(args(), { format: 'json' }))) }, t('exp.reportJSON')),
        h('button', { type: 'button', class: 'btn', id: 'exp-csv',
          onclick: () => saveExport(call('exportReport', Object.assign(args(), { format: 'csv' }))) }, t('exp.reportCSV'))] : null,
      h('button', { type: 'button', class: 'btn', id: 'exp-figures',
        onclick: () => saveExport(call('exportFigures', args())) }, t('exp.figures')),
      h('button', { type: 'button', class: 'btn', id: 'exp-template',
        onclick: () => saveExport(call('template', Object.assign(unitArgs(), { lang: S.lang }))) }, t('exp.template')));
  }

  // The texts of a result (value, target, gap, status, nature) come from Go
  // (package indicators/view), in both languages: the page formats no
  // number itself, so it reads as the command line and the exports do.

  // valueOf is a result's value, or an aggregate's, in the page's language.
  function valueOf(r) {
    return r.text ? tx(r.text.value) : tx(r.valueText);
  }

  function gapText(r) {
    return r.text ? tx(r.text.gap) : '';
  }

  function targetOf(r) {
    return r.text ? tx(r.text.target) : '';
  }

  // stClass is the class a result's status is drawn with: a result shown
  // for reference has its own, whatever it shows, so that no colour reads
  // it as 未达标.
  function stClass(r) {
    return 'st-' + (r.reference ? 'reference' : r.status);
  }

  // resultBadge is a result's status with the name Go gave it.
  function resultBadge(r) {
    return h('span', { class: 'badge ' + stClass(r) }, r.text ? tx(r.text.status) : statusName(r.status));
  }

  function resultsTable(results, opts) {
    opts = opts || {};
    if (!results.length) return h('p', { class: 'muted' }, t('res.none'));
    return scrollBox(t('res.title'), h('table', { class: 'results', id: opts.id || 'results-table' },
      h('caption', { class: 'gap-legend' }, tx(PLAN.gapLegend)),
      h('thead', null, h('tr', null,
        h('th', { class: 'c-status' }, t('res.status')),
        h('th', null, t('res.indicator')),
        h('th', { class: 'num' }, t('res.value')),
        h('th', { class: 'num' }, t('res.target')),
        h('th', { class: 'num' }, t('res.gap')),
        opts.trend ? [h('th', { class: 'num' }, t('res.change')), h('th', { class: 'num' }, t('res.completion')),
          h('th', null, t('res.progress')), h('th', null, t('res.trend'))] : null)),
      h('tbody', null, results.map((r) => h('tr', { 'data-indicator': r.indicator, 'data-status': r.status, 'data-reference': r.reference ? 'true' : null, class: 'row-' + r.status + (r.reference ? ' row-reference' : '') },
        h('td', { class: 'c-status' }, resultBadge(r), h('div', { class: 'nature' }, tx(r.text.nature))),
        h('td', { class: 'c-ind' },
          h('div', { class: 'ind-name' }, tx(r.name), r.origin === 'reported' ? h('span', { class: 'muted' }, t('res.reported')) : null),
          r.wording ? h('div', { class: 'wording' }, t('res.wording'), '“', r.wording, '”') : null,
          (r.places || []).length ? h('div', { class: 'places' }, r.places.map((p, k) => [k ? sep(true) : '', tx(p.label)])) : null,
          r.reason ? h('div', { class: 'reason' }, tx(r.reason)) : null,
          (r.warnings || []).map((w) => h('div', { class: 'warning' }, tx(w))),
          ((r.text && r.text.figureNotes) || []).map((n) => h('div', { class: 'warning figure-note' }, tx(n))),
          opts.inputs && (r.inputs || []).length ? h('div', { class: 'inputs' }, t('res.inputs'),
            r.inputs.map((i, k) => [k ? sep(true) : '', tx(i.name), ' = ', i.valueText || '—'])) : null),
        h('td', { class: 'num c-value' }, valueOf(r) || '—'),
        h('td', { class: 'num c-target' }, targetOf(r),
          r.text && r.text.targetNote && tx(r.text.targetNote) ? h('div', { class: 'muted own-target' }, tx(r.text.targetNote)) : null),
        h('td', { class: 'num c-gap' }, gapText(r) || '—'),
        opts.trend ? trendCells(opts.trend(r.indicator), tx(r.name)) : null)))));
  }

  // trendCells are the columns a result gains from a file of several
  // years: the change since the year before, completion, progress (texts
  // from Go, view.OfTrend) and the trend drawn.
  function trendCells(line, name) {
    if (!line) return [h('td', { class: 'num c-change' }, '—'), h('td', { class: 'num c-completion' }, '—'), h('td', { class: 'c-progress' }, '—'), h('td', { class: 'c-trend' }, '—')];
    return [
      h('td', { class: 'num c-change', title: t('res.previous') + ' ' + tx(line.text.Previous) }, tx(line.text.Change)),
      h('td', { class: 'num c-completion' }, tx(line.text.Completion)),
      h('td', { class: 'c-progress' }, line.progress ? h('span', { class: 'progress pg-' + line.progress }, tx(line.text.Progress)) : tx(line.text.Progress)),
      h('td', { class: 'c-trend' }, trendSVG(line, name))];
  }

  // trendSVG draws one indicator of one unit across the years: a line
  // through each year's value, the target as a dashed line across, the
  // baseline as a hollow circle. The years run from the earliest of the
  // data and the baseline to the latest of the data and the target year;
  // the values from the least to the greatest of values, baseline and
  // target, a tenth more on each side. Drawn here, as the bar chart is,
  // and printed as drawn.
  function trendSVG(line, name) {
    const W = 132, H = 44, L = 5, R = 5, T = 5, B = 5;
    const pts = line.points;
    // No value in any year: nothing to draw a target against.
    if (!pts.length) return '—';
    const extra = [line.baseline, line.target].filter(Boolean);
    const years = pts.map((p) => p.year).concat(extra.map((p) => p.year));
    const vals = pts.map((p) => p.value).concat(extra.map((p) => p.value));
    const y0 = Math.min(...years), y1 = Math.max(...years);
    let lo = Math.min(...vals), hi = Math.max(...vals);
    if (hi === lo) {
      const d = Math.abs(hi) * 0.1 || 1;
      lo -= d;
      hi += d;
    }
    const pad = (hi - lo) / 10;
    lo -= pad;
    hi += pad;
    const r2 = (n) => Math.round(n * 100) / 100;
    const x = (yr) => r2(y1 === y0 ? W / 2 : L + (yr - y0) / (y1 - y0) * (W - L - R));
    const y = (v) => r2(T + (hi - v) / (hi - lo) * (H - T - B));
    const comma = S.lang === 'en' ? '; ' : '；';
    const label = name + (S.lang === 'en' ? ': ' : '：') + pts.map((p) => p.year + ' ' + tx(p.text)).join(comma) +
      (line.target ? comma + t('trend.target') + ' ' + tx(line.target.text) : '') +
      (line.baseline ? comma + t('trend.baseline') + ' ' + tx(line.baseline.text) : '');
    const svgEl = s('svg', { viewBox: '0 0 ' + W + ' ' + H, width: W, height: H, role: 'img', 'aria-label': label, class: 'trend',
      'data-unit': line.unit, 'data-indicator': line.indicator });
    svgEl.appendChild(s('title', null, label));
    if (line.target) {
      svgEl.appendChild(s('line', { x1: L, x2: W - R, y1: y(line.target.value), y2: y(line.target.value), class: 'trend-target',
        'data-year': line.target.year, 'data-value': line.target.value }));
    }
    if (pts.length > 1) {
      svgEl.appendChild(s('polyline', { points: pts.map((p) => x(p.year) + ',' + y(p.value)).join(' '), class: 'trend-line' }));
    }
    if (line.baseline) {
      svgEl.appendChild(s('circle', { cx: x(line.baseline.year), cy: y(line.baseline.value), r: 3.5, class: 'trend-baseline',
        'data-year': line.baseline.year, 'data-value': line.baseline.value }));
    }
    for (const p of pts) {
      svgEl.appendChild(s('circle', { cx: x(p.year), cy: y(p.value), r: 2.5, class: 'trend-point', 'data-year': p.year, 'data-value': p.value },
        s('title', null, p.year + ' ' + tx(p.text))));
    }
    return svgEl;
  }

  // chart draws each indicator's value as a bar against its target, on a
  // scale of its own (a percent from 0 to 100%, a count from 0 to a little
  // past the larger of value and target). Drawn here: a chart library would
  // cost more bytes than this whole page.
  function chart(results) {
    const rows = results.filter((r) => r.value != null && r.target && r.target.op);
    const wrap = h('div', { class: 'chart-wrap', id: 'chart' }, h('h3', null, t('res.chart')));
    if (!rows.length) {
      wrap.appendChild(h('p', { class: 'muted' }, t('res.chartNone')));
      return wrap;
    }
    const W = 680, labelW = 200, barX = labelW + 10, barW = W - barX - 150, rowH = 34;
    const H = rows.length * rowH + 24;
    const svgEl = s('svg', { viewBox: '0 0 ' + W + ' ' + H, width: '100%', role: 'img', 'aria-label': t('res.chart'), class: 'chart' });
    rows.forEach((r, i) => {
      const y = 10 + i * rowH;
      const lo = r.target.value;
      const hi = r.target.max != null ? r.target.max : lo;
      // Half as much again as the larger of value and bound, so that both
      // are readable; a percent never needs more than 100% unless it is
      // over it (a gross enrolment rate may be).
      let max = Math.max(r.value, hi, 1e-9) * 1.5;
      if (r.unit === 'percent' && !r.target.points) max = Math.max(Math.min(max, 1), r.value * 1.05, hi * 1.05);
      const x = (v) => barX + Math.max(0, Math.min(1, v / max)) * barW;
      const name = tx(r.name);
      const g = s('g', { class: 'bar ' + stClass(r), 'data-indicator': r.indicator });
      g.appendChild(s('title', null, name + ': ' + valueOf(r) + ' (' + t('res.target') + ' ' + targetOf(r) + ')'));
      g.appendChild(s('text', { x: labelW, y: y + 15, 'text-anchor': 'end', class: 'bar-label' }, clip(name, 30)));
      g.appendChild(s('rect', { x: barX, y: y + 3, width: barW, height: 16, class: 'track' }));
      g.appendChild(s('rect', { x: barX, y: y + 3, width: Math.max(1, x(r.value) - barX), height: 16, class: 'fill' }));
      if (r.target.op === 'between') {
        g.appendChild(s('rect', { x: x(lo), y: y, width: Math.max(2, x(hi) - x(lo)), height: 22, class: 'target-band' }));
      } else {
        g.appendChild(s('line', { x1: x(lo), x2: x(lo), y1: y - 1, y2: y + 23, class: 'target-line' }));
      }
      g.appendChild(s('text', { x: barX + barW + 8, y: y + 15, class: 'bar-value' },
        s('tspan', { class: 'sym' }, STATUS_SYMBOLS[r.reference ? 'reference' : r.status] || ''), s('tspan', { class: 'v', dx: 4 }, valueOf(r)), s('tspan', { dx: 6 }, '/ ' + targetOf(r))));
      svgEl.appendChild(g);
    });
    svgEl.appendChild(s('line', { x1: barX, x2: barX + 14, y1: H - 8, y2: H - 8, class: 'target-line legend' }));
    svgEl.appendChild(s('text', { x: barX + 20, y: H - 4, class: 'bar-legend' }, t('res.target.line')));
    wrap.appendChild(svgEl);
    return wrap;
  }

  // clip shortens a label to about n columns; a Chinese character takes two.
  function clip(text, n) {
    let w = 0;
    const out = [];
    for (const ch of text) {
      w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
      if (w > n) return out.join('') + '…';
      out.push(ch);
    }
    return text;
  }

  // sep is the separator of a list in the page's language: 、 or ；in
  // Chinese, a comma or semicolon in English.
  function sep(strong) {
    if (S.lang === 'en') return strong ? '; ' : ', ';
    return strong ? '；' : '、';
  }

  function figuresForPrint() {
    const figs = figures();
    const rows = [];
    document.querySelectorAll('.field[data-metric]').forEach((f) => {
      const id = f.dataset.metric;
      if (figs[id] == null) return;
      const unit = $('.unit', f);
      rows.push(h('tr', null, h('td', null, $('label', f).textContent), h('td', { class: 'num' }, figs[id] + (unit ? ' ' + unit.textContent : ''))));
    });
    if (!rows.length) return null;
    return h('div', { class: 'print-only' }, h('h3', null, t('res.figures')), h('table', { class: 'results' }, h('tbody', null, rows)));
  }

  // ---------------------------------------------------------------- 导入

  function renderImport(sec) {
    const u = unitType();
    sec.replaceChildren();
    sec.appendChild(h('div', { class: 'card' },
      h('h2', null, t('imp.title')),
      h('p', { class: 'intro' }, t('imp.intro')),
      h('div', { class: 'import-bar no-print' },
        h('label', { class: 'btn btn-primary file-btn' }, t('imp.choose'),
          h('input', { type: 'file', id: 'data-file', multiple: true, accept: DATA_ACCEPT, onchange: onDataFile })),
        h('span', { class: 'sep' }),
        h('label', { for: 'unit-type' }, t('imp.templateFor')), unitPicker(() => render()),
        h('button', { type: 'button', class: 'btn', id: 'imp-template',
          onclick: () => saveExport(call('template', Object.assign(unitArgs(), { lang: S.lang }))) }, t('exp.template'))),
      h('p', { class: 'muted', id: 'drop-hint' }, t('imp.drop')),
      listBar()));
    wireDrop(sec.firstChild);
    if (notice) {
      sec.appendChild(h('div', { class: 'notice ' + notice.kind, id: 'import-notice' },
        h('strong', null, say(notice.text)),
        notice.sheets ? h('p', { class: 'no-print' }, h('label', { for: 'import-sheet' }, t('imp.sheet') + ' '),
          h('select', { id: 'import-sheet', onchange: onSheet },
            notice.sheets.list.map((n) => h('option', { value: n, selected: n === notice.sheets.current }, n)))) : null,
        problems(notice),
        notice.collected ? collectedBlock(notice.collected) : null));
      if (notice.warnings) {
        sec.appendChild(h('div', { class: 'notice warn', id: 'import-warnings' },
          h('strong', null, t('imp.warnings', notice.warnings.length)), dataErrors(notice.warnings)));
      }
      if (notice.quality) sec.appendChild(qualityCard(notice.quality));
    }
    if (S.file) districtView(sec);
  }

  // qualityCard shows a data file's quality summary: its counts, each
  // district's completeness and the cells marked missing. The warnings are
  // listed above it with their cells already.
  function qualityCard(q) {
    const list = (id, head, items) => (items && items.length
      ? h('div', { id }, h('h3', null, tx(head)), h('ul', null, items.map((x) => h('li', null, tx(x)))))
      : null);
    return h('div', { class: 'card', id: 'import-quality' },
      h('h2', null, tx(q.title)),
      h('ul', { id: 'quality-lines' }, q.lines.map((x) => h('li', null, tx(x)))),
      list('quality-districts', q.districtsHead, q.districts),
      list('quality-missing', q.missingHead, q.missing));
  }

  function dataErrors(errs) {
    return h('table', { class: 'errtable', id: 'data-errors' },
      h('thead', null, h('tr', null, ['imp.errFile', 'imp.errRow', 'imp.errCol', 'imp.errHeader', 'imp.errText', 'imp.errReason'].map((k) => h('th', null, t(k))))),
      h('tbody', null, errs.map((e) => h('tr', null,
        h('td', null, e.sheet ? (e.file || '') + ' ' + t('imp.errSheet') + ' ' + e.sheet : (e.file || '')), h('td', { class: 'num' }, e.row || ''), h('td', { class: 'num' }, e.path ? e.path : (e.column ? colName(e.column) : '')),
        h('td', null, e.header || ''), h('td', null, e.text != null && e.text !== '' ? '“' + e.text + '”' : ''), h('td', null, tx(e.reason))))));
  }

  // colName writes a CSV column as a spreadsheet does: 1 → A, 28 → AB.
  function colName(n) {
    let out = '';
    for (; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    return out;
  }

  const DATA_ACCEPT = '.xlsx,.xlsm,.xls,.csv,.json,.txt,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

  async function onDataFile(ev) {
    const input = ev.target;
    const files = Array.from(input.files || []);
    if (files.length > 1) {
      input.value = '';
      collectFiles(files);
      return;
    }
    const f = await readFile(input, true);
    if (!f) return;
    importFile(f);
  }

  // wireDrop lets files be dropped on the import card: one is imported,
  // several are collected.
  function wireDrop(card) {
    card.addEventListener('dragover', (ev) => { ev.preventDefault(); card.classList.add('dropping'); });
    card.addEventListener('dragleave', () => card.classList.remove('dropping'));
    card.addEventListener('drop', async (ev) => {
      ev.preventDefault();
      card.classList.remove('dropping');
      const files = Array.from((ev.dataTransfer && ev.dataTransfer.files) || []);
      if (files.length > 1) {
        collectFiles(files);
      } else if (files.length === 1) {
        try {
          importFile(await readOne(files[0], true));
        } catch (e) {
          flash = { text: () => t('imp.failed', files[0].name), errors: [{ path: '', message: readError(e) }] };
          render();
        }
      }
    });
  }

  // listBar chooses the list of units expected to return, and which of
  // them are expected (all that enter figures, or one kind).
  function listBar() {
    const l = S.unitList;
    return h('div', { class: 'import-bar no-print', id: 'list-bar' },
      h('label', { class: 'btn file-btn' }, t('imp.list'),
        h('input', { type: 'file', id: 'list-file', accept: DATA_ACCEPT, onchange: onListFile })),
      h('span', { id: 'list-name', class: 'muted' }, l ? t('imp.listName', l.name) : t('imp.listNone')),
      l ? [h('label', { for: 'list-expect' }, t('imp.listExpect')),
        h('select', { id: 'list-expect', onchange: (ev) => { S.listExpect = ev.target.value; save(); } },
          h('option', { value: '' }, t('imp.listAll')),
          PLAN.unitTypes.map((u) => h('option', { value: u.key, selected: u.key === S.listExpect }, tx(u.name)))),
        h('button', { type: 'button', class: 'btn btn-small', id: 'list-clear', onclick: () => { S.unitList = null; save(); render(); } }, t('imp.listClear'))] : null);
  }

  async function onListFile(ev) {
    const f = await readFile(ev.target, true);
    if (!f) return;
    S.unitList = f;
    save();
    render();
  }

  // collectFiles reads every file and merges them in Go (collect.Merge,
  // the code of eduplan collect); the merged data is then the imported
  // file. Files that cannot be read are all named, and nothing is merged.
  async function collectFiles(files) {
    const read = [];
    const errors = [];
    for (const f of files) {
      try {
        read.push(importArg(await readOne(f, true)));
      } catch (e) {
        const why = readError(e);
        errors.push({ path: '', message: () => f.name + (S.lang === 'en' ? ': ' : '：') + tx(why) });
      }
    }
    if (errors.length) {
      notice = { kind: 'error', text: () => t('imp.collectFailed'), errors };
      render();
      announce(say(notice.text), true);
      return;
    }
    const expect = (S.listExpect || '').split('/');
    const res = call('collectFiles', { files: read, list: S.unitList ? importArg(S.unitList) : null,
      level: expect[0] || '', kind: expect[1] || '', lang: S.lang });
    if (!res.ok) {
      notice = { kind: 'error', text: () => t('imp.collectFailed'), errors: res.errors, dataErrors: res.dataErrors };
      render();
      announce(say(notice.text), true);
      return;
    }
    S.file = { name: res.merged.filename, text: res.merged.text, encoding: 'UTF-8' };
    notice = { kind: res.missing && res.missing.length ? 'warn' : 'ok', text: () => tx(res.headline), collected: res };
    if (res.quality) notice.quality = res.quality;
    save();
    render();
    announce(tx(res.headline), true);
  }

  // collectedBlock says what each file gave and which units of the list
  // did not return, in the library's words.
  function collectedBlock(res) {
    const units = (id, head, list) => (head && (head.zh || head.en)
      ? h('div', { id }, h('p', null, h('strong', null, tx(head))),
        list && list.length ? h('ul', null, list.map((u) => h('li', { 'data-unit': u.id }, u.id + ' ' + (u.name || '')))) : null)
      : null);
    return h('div', { id: 'collected' },
      // Hundreds of schools' files scroll in a box of their own.
      h('div', { class: 'scroll files-box', role: 'region', tabindex: '0', 'aria-label': t('imp.collectFiles') },
        h('ul', { id: 'collect-files' }, res.files.map((x) => h('li', null, tx(x))))),
      units('collect-missing', res.missingHead, res.missing),
      units('collect-unexpected', res.unexpectedHead, res.unexpected),
      h('p', { class: 'no-print' }, h('button', { type: 'button', class: 'btn', id: 'collect-download',
        onclick: () => download(res.merged.filename, res.merged.text, 'text/csv;charset=utf-8', true) }, t('imp.collectDownload'))));
  }

  // onSheet reads another sheet of the workbook last imported.
  async function onSheet(ev) {
    if (!workbook) return;
    try {
      importFile(await readWorkbook(workbook.name, workbook.buf, ev.target.value));
    } catch (e) {
      notice = { kind: 'error', text: () => t('imp.failed', workbook.name), errors: [{ path: '', message: e && e.text ? e.text : String(e) }] };
      render();
    }
  }

  // sheetChoice: the sheets a workbook of several offers, for a picker in
  // the notice (a first sheet of instructions is common).
  function sheetChoice(f) {
    if (!f.cells || !workbook || workbook.name !== f.name || workbook.sheets.length < 2) return null;
    return { list: workbook.sheets, current: f.sheet };
  }

  // BIG_FILE is the size (characters of text, or cells) from which an
  // import goes in stages, the page drawn and input answered between them,
  // with its progress shown: a district of 10,000 schools takes seconds
  // on a slow machine, and a tab frozen that long looks dead. Smaller files
  // import at once, as they always did.
  const BIG_FILE = 200000;

  function fileSize(f) {
    return f.cells ? f.cells.reduce((n, r) => n + r.length, 0) : (f.text || '').length;
  }

  // breathe lets the browser draw and answer input before the next stage:
  // a frame, or a moment when frames are not drawn (a hidden tab).
  function breathe() {
    return new Promise((resolve) => {
      let done = false;
      const go = () => { if (!done) { done = true; setTimeout(resolve, 0); } };
      requestAnimationFrame(go);
      setTimeout(go, 50);
    });
  }

  // progress shows where a long import is in the status line (#progress,
  // a live region): a text and how far along, 0 to 1; null hides it.
  function progress(text, part) {
    const box = $('#progress');
    if (!box) return;
    if (text == null) {
      box.hidden = true;
      box.replaceChildren();
      return;
    }
    box.hidden = false;
    box.replaceChildren(h('span', { id: 'progress-text' }, text), ' ',
      h('progress', { id: 'progress-bar', max: '100', value: String(Math.round(100 * part)), 'aria-label': text }));
  }

  // importFile imports a file read by readFile: text, or a sheet's cells.
  // A big file goes in stages (BIG_FILE); the promise settles when the
  // file is read, assessed and drawn.
  async function importFile(f) {
    const name = f.name;
    const big = fileSize(f) >= BIG_FILE;
    // The benchmark reads each stage's end (ms since the import began).
    const t0 = performance.now();
    const mark = {};
    timing.lastImport = mark;
    if (big) {
      progress(t('prog.read', name), 0.05);
      await breathe();
    }
    mark.waitMs = performance.now() - t0;
    const res = call('importData', importArg(f));
    mark.readMs = performance.now() - t0;
    if (big) {
      if (res.ok && !res.single) {
        progress(t('prog.assess', res.units), 0.35);
        await breathe();
      } else {
        progress(null);
      }
    }
    if (!res.ok) {
      notice = { kind: 'error', text: () => t('imp.failed', name), errors: res.errors, dataErrors: res.dataErrors, sheets: sheetChoice(f) };
      S.file = null;
      save();
      render();
      announce(say(notice.text), true);
      return;
    }
    if (res.single) {
      // One unit: its figures go into the self-assessment form.
      const key = res.unit.level + '/' + (res.unit.kind || '');
      if (PLAN.unitTypes.some((x) => x.key === key)) S.unitType = key;
      if (res.unit.name) S.unitName = res.unit.name;
      // A prefilled file (or a return) says who the unit is.
      if (res.unit.id && res.unit.id !== 'unit') {
        S.unitCode = res.unit.id;
        S.parentCode = res.unit.parent || '';
        S.above = res.above || [];
        const p = S.above.find((a) => a.id === S.parentCode);
        S.parentName = p ? p.name : '';
      }
      S.figures[planID()] = res.figures;
      S.file = null;
      notice = { kind: 'ok', text: () => t('imp.single', name), single: true };
      S.view = 'assess';
    } else {
      S.file = f;
      const how = () => f.cells ? t('imp.sheet') + ' ' + f.sheet : t('imp.encoding') + ' ' + f.encoding;
      const years = (res.years || []).join(S.lang === 'en' ? ', ' : '、');
      notice = { kind: 'ok', text: years ? () => t('imp.readYears', name, how(), res.units, years) : () => t('imp.read', name, how(), res.units) };
    }
    // Figures read as written that look mistyped stay listed under the
    // notice, with their cells, until the next import.
    if (res.warnings && res.warnings.length) notice.warnings = res.warnings;
    if (res.quality) notice.quality = res.quality;
    notice.sheets = sheetChoice(f);
    // Taken now: the form shows a single unit's notice once and drops it.
    const said = say(notice.text);
    save();
    mark.savedMs = performance.now() - t0;
    render();
    mark.shownMs = performance.now() - t0;
    announce(said, true);
    if (big) progress(null);
  }

  const MAX_ROWS = 2000;
  // PRINT_ROWS is how many broken rules a print lists: a district's print
  // is its summary and its schools a line each, not thousands of rule
  // lines before them (the page and the exports keep every one).
  const PRINT_ROWS = 30;

  function districtView(sec) {
    const t0 = performance.now();
    const res = call('assessFile', { lang: S.lang, parentFigures: S.parentFigures, rows: FIRST_ROWS });
    const ms = Math.round(performance.now() - t0);
    if (timing.lastImport) timing.lastImport.assessMs = performance.now() - t0;
    if (!res.ok) {
      sec.appendChild(h('div', { class: 'notice error' }, problems(res)));
      return;
    }
    sec.appendChild(h('div', { class: 'export-bar no-print' },
      h('span', { class: 'muted', id: 'assess-ms', 'data-ms': String(ms) }, t('imp.timing', ms)),
      h('label', { class: 'ctl', for: 'parent-figures' }, t('imp.parentFigures'), ' ',
        h('select', { id: 'parent-figures', onchange: (ev) => { S.parentFigures = ev.target.value; save(); render(); } },
          ['own', 'sum'].map((v) => h('option', { value: v, selected: v === res.parentFigures }, t(v === 'own' ? 'imp.parentOwn' : 'imp.parentSum'))))),
      h('button', { type: 'button', class: 'btn', id: 'file-json', onclick: () => saveExport(call('exportReport', { source: 'file', format: 'json', lang: S.lang, parentFigures: S.parentFigures })) }, t('imp.exportJSON')),
      h('button', { type: 'button', class: 'btn', id: 'file-csv', onclick: () => saveExport(call('exportReport', { source: 'file', format: 'csv', lang: S.lang, parentFigures: S.parentFigures })) }, t('imp.exportCSV')),
      h('button', { type: 'button', class: 'btn', id: 'file-clear', onclick: () => { S.file = null; notice = null; call('clearData'); save(); render(); } }, t('imp.clear'))));

    if ((res.warnings || []).length) {
      sec.appendChild(h('div', { class: 'notice warn', id: 'file-warnings' }, res.warnings.map((w) => h('p', null, tx(w)))));
    }
    if ((res.hierarchy || []).length) {
      sec.appendChild(h('div', { id: 'hierarchy', class: 'card' },
        h('h2', null, t('imp.hierarchy', res.hierarchy.length)),
        h('p', { class: 'muted' }, t('imp.hierarchyIntro')),
        scrollBox(t('imp.hierarchy', res.hierarchy.length), h('table', { class: 'errtable', id: 'hierarchy-table' },
          h('thead', null, h('tr', null, ['imp.hUnit', 'imp.hFigure', 'imp.hOwn', 'imp.hSum', 'imp.hChildren', 'imp.hDiff', 'imp.hUsed'].map((k) => h('th', null, t(k))))),
          h('tbody', null, res.hierarchy.map((m) => h('tr', { 'data-unit': m.unit.id, 'data-metric': m.metric },
            h('td', null, m.unit.name || m.unit.id), h('td', null, tx(m.text.name) || m.metric),
            h('td', { class: 'num' }, m.text.own), h('td', { class: 'num' }, m.text.childrenSum),
            h('td', { class: 'num' }, String(m.children)), h('td', { class: 'num' }, m.text.difference),
            h('td', null, tx(m.text.used)))))))));
    }
    const checks = h('div', { id: 'checks', class: 'card' }, h('h2', null, t('imp.checks')));
    if (!res.checks.length) checks.appendChild(h('p', { class: 'muted' }, t('imp.checksNone')));
    for (const c of res.checks) {
      const r = c.result;
      checks.appendChild(h('div', { class: 'check', 'data-indicator': r.indicator, 'data-status': r.status },
        h('div', { class: 'check-head' }, resultBadge(r), ' ', h('strong', null, tx(r.name)), ' · ', c.unit.name || c.unit.id,
          ' · ', t('res.value'), ' ', valueOf(r) || '—', ' · ', t('res.target'), ' ', targetOf(r)),
        r.wording ? h('div', { class: 'wording' }, t('res.wording'), '“', r.wording, '”') : null,
        (r.aggregates || []).map((a) => h('div', { class: 'agg' },
          h('code', null, a.func + '(' + a.of + ')'), ' = ', valueOf(a) || '—', ' · ', t('imp.children'), S.lang === 'en' ? ': ' : '：',
          a.children.map((ch, k) => [k ? sep() : '', ch.name || ch.unit, ' ', ch.valueText || statusName({ missing: 'no_data' }[ch.state] || ch.state)])))));
    }
    sec.appendChild(checks);
    const vb = validationBlock(res.validation, (offset, rows) => {
      const r = call('fileChecks', { offset, rows });
      return r.ok ? r.checks : [];
    });
    if (vb) sec.appendChild(vb);
    // A file of several years: each unit's indicators across them.
    const lines = new Map((res.trends || []).map((l) => [l.unit + '\u0000' + l.indicator, l]));
    const trendOf = res.trends ? (unit) => (ind) => lines.get(unit + '\u0000' + ind) : () => null;
    const parents = h('div', { id: 'parents' }, h('h2', null, t('imp.parents')));
    // One block per district (and the city); the first open, the others
    // folded so that a city file of seven districts stays readable.
    res.parents.forEach((p, i) => {
      // Chromium opens every <details> to print it: .folded keeps what
      // the user folded out of the print (style.css), so that a district's
      // print is the summaries and the schools, not every district in full.
      parents.appendChild(h('details', { class: 'card parent' + (i === 0 ? '' : ' folded'), 'data-unit': p.unit.id, open: i === 0,
        ontoggle: (ev) => ev.target.classList.toggle('folded', !ev.target.open) },
        h('summary', null, h('strong', null, p.unit.name || p.unit.id), ' ', h('span', { class: 'muted' }, levelLabel(p.unit.level)),
          h('span', { class: 'mini' }, p.tallies.filter((k) => ['met', 'not_met', 'no_data'].includes(k.status)).map((k) =>
            h('span', { class: 'badge st-' + k.status }, tx(k.name) + ' ' + (k.binding + k.aspirational))))),
        summaryBlock(p), resultsTable(p.results, { inputs: true, id: 'parent-' + p.unit.id, trend: trendOf(p.unit.id) }),
        res.trends ? h('p', { class: 'muted trend-legend' }, t('trend.legend')) : null));
    });
    sec.appendChild(parents);


    const cols = res.columns;
    const table = h('table', { class: 'matrix', id: 'matrix' },
      h('thead', null, h('tr', null, h('th', null, t('imp.school')), h('th', null, t('imp.kind')), h('th', null, t('imp.parent')), h('th', null, t('imp.summary')),
        cols.map((c) => h('th', { title: tx(c.name) }, tx(c.short || c.name))))));
    const body = h('tbody');
    const count = res.schoolCount == null ? res.schools.length : res.schoolCount;
    res.schools.slice(0, MAX_ROWS).forEach((row) => body.appendChild(schoolRow(row)));
    table.appendChild(body);
    const more = moreRows(body, res.schools.length, Math.min(count, MAX_ROWS));
    sec.appendChild(h('div', { class: 'card' }, h('h2', null, t('imp.schools'), ' ', h('span', { class: 'muted' }, '(' + count + ')')),
      count > MAX_ROWS ? h('p', { class: 'muted' }, t('imp.more', MAX_ROWS)) : null,
      statusLegend('matrix-legend'),
      scrollBox(t('imp.schools'), table), more));
    if (res.trends && res.schools.length) sec.appendChild(schoolTrends(res, cols, lines));
  }

  // FIRST_ROWS schools are drawn with the district's assessment; the rest
  // (up to MAX_ROWS) ROWS_STEP at a time as the list is scrolled to its end
  // or its button pressed, and all at once before a print: Go writes, the
  // page parses and draws only what is shown. Drawing 2,000 rows of a
  // 10,000-school district at once took seconds, most of it table layout.
  const FIRST_ROWS = 200;
  const ROWS_STEP = 400;
  // fillNow draws the rest of the schools table on the page, if any.
  let fillNow = null;

  function schoolRow(row) {
    return h('tr', { 'data-unit': row.unit.id },
      h('th', { scope: 'row' }, row.unit.name || row.unit.id),
      h('td', null, tx(row.kindName) || row.unit.kind || ''),
      h('td', null, row.parentName || row.unit.parent || ''),
      h('td', { class: 'num' }, row.counts.met + ' / ' + row.counts.not_met + ' / ' + row.counts.no_data,
        row.reference ? h('div', { class: 'muted ref-count' }, t('imp.reference') + ' ' + row.reference) : null),
      row.cells.map(matrixCell));
  }

  // moreRows gives the button that draws the rows from..to of the schools
  // table into body, ROWS_STEP at a time; null when every row is drawn.
  function moreRows(body, from, to) {
    const s = inSteps(body, from, to, 'matrix-more', 'imp.moreRows', (offset, rows) => {
      const res = call('fileSchools', { offset, rows });
      return res.ok ? res.schools.map(schoolRow) : [];
    });
    fillNow = s.button ? s.fill : null;
    return s.button;
  }

  // inSteps draws the rows from..to into body ROWS_STEP at a time, as its
  // button is pressed or the last row drawn comes into view (in its box or
  // the page), from rowsAt(offset, count), the rows' nodes; fill draws all
  // that are left. The button is null when every row is drawn: tables of
  // thousands of rows took seconds to lay out at once.
  function inSteps(body, from, to, id, labelKey, rowsAt) {
    let next = from;
    const button = from < to ? h('button', { type: 'button', class: 'btn btn-small no-print', id }) : null;
    const label = () => setText(button, t(labelKey, Math.min(ROWS_STEP, to - next), next, to));
    let seen = null;
    const step = (limit) => {
      if (!body.isConnected || next >= to) return;
      const rows = rowsAt(next, Math.min(limit, to - next));
      if (!rows.length) {
        next = to;
      } else {
        const frag = document.createDocumentFragment();
        rows.forEach((r) => frag.appendChild(r));
        body.appendChild(frag);
        next += rows.length;
      }
      if (next < to) {
        label();
        watchEnd();
        return;
      }
      if (seen) seen.disconnect();
      const focused = document.activeElement === button;
      button.remove();
      if (focused) (body.closest('.scroll') || body).focus();
    };
    const fill = () => step(to - next);
    if (!button) return { button, fill };
    button.addEventListener('click', () => step(ROWS_STEP));
    label();
    const watchEnd = () => {
      if (!seen) return;
      seen.disconnect();
      if (body.lastElementChild) seen.observe(body.lastElementChild);
    };
    if (typeof IntersectionObserver === 'function') {
      seen = new IntersectionObserver((entries) => { if (entries.some((e) => e.isIntersecting)) setTimeout(() => step(ROWS_STEP), 0); });
      watchEnd();
    }
    return { button, fill };
  }
  // A print lists every school drawn, as the page did before it drew them
  // in steps.
  window.addEventListener('beforeprint', () => { if (fillNow) fillNow(); });

  const MAX_TREND_ROWS = 200;

  // schoolTrends is each school's trend, indicator by indicator, for a
  // district file of several years.
  function schoolTrends(res, cols, lines) {
    const table = h('table', { class: 'matrix trend-matrix', id: 'trend-matrix' },
      h('thead', null, h('tr', null, h('th', null, t('imp.school')), cols.map((c) => h('th', { title: tx(c.name) }, tx(c.short || c.name))))),
      h('tbody', null, res.schools.slice(0, MAX_TREND_ROWS).map((row) => h('tr', { 'data-unit': row.unit.id },
        h('th', { scope: 'row' }, row.unit.name || row.unit.id),
        cols.map((c) => {
          const l = lines.get(row.unit.id + '\u0000' + c.id);
          return h('td', { class: 'c-trend' }, l ? trendSVG(l, (row.unit.name || row.unit.id) + ' · ' + tx(c.name)) : '—');
        })))));
    return h('div', { class: 'card', id: 'school-trends' }, h('h2', null, t('imp.trends')),
      res.schools.length > MAX_TREND_ROWS ? h('p', { class: 'muted' }, t('imp.trendsMore', MAX_TREND_ROWS)) : null,
      h('p', { class: 'muted trend-legend' }, t('trend.legend')),
      scrollBox(t('imp.trends'), table));
  }

  // ---------------------------------------------------------------- 任务书

  function book() {
    return S.statuses[planID()] || null;
  }

  function renderTasks(sec) {
    // The default date comes from Go (plan.DefaultAsOf) with its reason;
    // the page only supplies the browser's today.
    const res = call('schedule', { asOf: S.asOf, today: today(), office: S.office, lead: S.lead, overdueOnly: S.overdueOnly, book: book() });
    sec.replaceChildren();
    if (!res.ok) {
      sec.appendChild(h('div', { class: 'notice error' }, problems(res)));
      return;
    }
    const asOf = res.asOf;
    const why = tx(res.asOfWhy);
    const pick = (id, label, value, opts, onset) => h('label', { class: 'ctl' }, label,
      h('select', { id, onchange: (ev) => { onset(ev.target.value); save(); render(); } },
        h('option', { value: '' }, t('task.all')),
        opts.map((o) => h('option', { value: o, selected: o === value }, o))));
    sec.appendChild(h('div', { class: 'card' },
      h('h2', null, t('task.title')),
      h('div', { class: 'task-bar no-print' },
        h('label', { class: 'ctl' }, t('task.asOf'),
          h('input', { type: 'date', id: 'as-of', value: asOf, onchange: (ev) => { S.asOf = ev.target.value; save(); render(); } })),
        S.asOf ? h('button', { type: 'button', class: 'btn', id: 'as-of-default', onclick: () => { S.asOf = ''; save(); render(); } }, t('task.asOfReset')) : null,
        pick('office', t('task.office'), S.office, res.offices, (v) => { S.office = v; }),
        pick('lead', t('task.lead'), S.lead, res.leads, (v) => { S.lead = v; }),
        h('label', { class: 'ctl check' }, h('input', { type: 'checkbox', id: 'overdue-only', checked: S.overdueOnly,
          onchange: (ev) => { S.overdueOnly = ev.target.checked; save(); render(); } }), t('task.overdueOnly')),
        h('span', { class: 'sep' }),
        h('button', { type: 'button', class: 'btn', id: 'status-export',
          onclick: () => saveExport(call('exportStatuses', { book: book() })) }, t('task.export')),
        h('label', { class: 'btn file-btn' }, t('task.import'),
          h('input', { type: 'file', id: 'status-file', accept: '.json,application/json', onchange: onStatusFile }))),
      h('p', { class: 'count', id: 'task-count' }, t('task.count', res.total, res.overdue, why ? t('task.asOfDefault', asOf, why) : t('task.asOfGiven', asOf)), ' ', h('span', { class: 'muted' }, t('task.stateNote')))));
    if (taskNotice) {
      sec.appendChild(h('div', { class: 'notice ' + (taskNotice.errors ? 'error' : 'ok') }, h('strong', null, say(taskNotice.text)),
        taskNotice.errors ? errorList(taskNotice.errors) : null));
    }
    if (!res.entries.length) {
      sec.appendChild(h('p', { class: 'muted' }, t('task.none')));
      return;
    }
    sec.appendChild(scrollBox(t('task.title'), h('table', { class: 'tasks', id: 'task-table' },
      h('thead', null, h('tr', null, ['task.item', 'task.content', 'task.units', 'task.office', 'task.lead', 'task.deadline', 'task.state'].map((k) => h('th', null, t(k))))),
      h('tbody', null, res.entries.map((e) => h('tr', { 'data-item': e.id, class: e.overdue ? 'overdue' : (e.state === 'done' ? 'done' : '') },
        h('td', { class: 'c-item' }, tx(e.label)),
        h('td', { class: 'c-content' }, tx(e.content)),
        h('td', null, tx(e.units)),
        h('td', { class: 'c-office' }, tx(e.office)),
        h('td', { class: 'c-office' }, tx(e.leads)),
        h('td', { class: 'c-deadline' }, tx(e.deadlineText),
          e.deadline ? h('div', { class: 'muted' }, e.deadline.ongoing ? t('task.ongoing') : t('task.due', e.deadline.due)) : (tx(e.deadlineText) ? null : h('div', { class: 'muted' }, t('task.noDeadline'))),
          e.deadlineError ? h('div', { class: 'warning' }, tx(e.deadlineError)) : null,
          e.overdue ? h('div', { class: 'late' }, t('task.overdue', e.daysLate)) : null),
        h('td', { class: 'c-state' }, h('select', { 'data-item': e.id, 'aria-label': t('task.state'),
          onchange: (ev) => setState(e.id, ev.target.value, asOf) },
          res.states.map((st) => h('option', { value: st, selected: st === e.state }, t('state.' + st)))))))))));
  }

  function setState(item, state, asOf) {
    const res = call('setStatus', { book: book(), item, state, date: asOf });
    if (!res.ok) {
      taskNotice = { text: () => t('app.internal'), errors: res.errors };
    } else {
      S.statuses[planID()] = res.book;
      taskNotice = null;
    }
    save();
    render();
  }

  async function onStatusFile(ev) {
    const f = await readFile(ev.target);
    if (!f) return;
    const res = call('importStatuses', f.text);
    if (!res.ok) {
      taskNotice = { text: () => t('task.importFailed', f.name), errors: res.errors };
    } else {
      S.statuses[planID()] = res.book;
      taskNotice = { text: () => t('task.imported', f.name) };
    }
    save();
    render();
    announce(say(taskNotice.text), true);
  }

  // ---------------------------------------------------------------- 规则

  function renderRules(sec) {
    sec.replaceChildren();
    const ta = h('textarea', { id: 'rule-src', rows: 3, spellcheck: 'false', value: S.ruleSrc,
      'aria-labelledby': 'rule-title', 'aria-describedby': 'rule-intro',
      oninput: (ev) => { S.ruleSrc = ev.target.value; save(); updateRule(); } });
    const names = h('details', { class: 'names' }, h('summary', null, t('rule.names')),
      PLAN.metrics.map((m) => h('button', { type: 'button', class: 'chip', onclick: () => {
        const pos = ta.selectionStart != null ? ta.selectionStart : ta.value.length;
        ta.value = ta.value.slice(0, pos) + m.name.zh + ta.value.slice(ta.selectionEnd != null ? ta.selectionEnd : pos);
        ta.focus();
        ta.selectionStart = ta.selectionEnd = pos + m.name.zh.length;
        S.ruleSrc = ta.value;
        save();
        updateRule();
      } }, m.name.zh)));
    const examples = h('div', { class: 'examples', id: 'rule-examples' }, h('span', { class: 'muted small' }, t('rule.examples')), ' ',
      ruleExamples().map((src) => h('button', { type: 'button', class: 'chip example', onclick: () => {
        ta.value = src;
        S.ruleSrc = src;
        save();
        updateRule();
        ta.focus();
      } }, src)));
    sec.appendChild(h('div', { class: 'card rule-card no-print' },
      h('h2', { id: 'rule-title' }, t('rule.title')), h('p', { class: 'intro', id: 'rule-intro' }, t('rule.intro')), examples, ta,
      h('div', { id: 'rule-out', class: 'rule-out', 'aria-live': 'polite' }), names));
    updateRule();

    sec.appendChild(h('h2', null, t('rule.list')));
    sec.appendChild(scrollBox(t('rule.list'), h('table', { class: 'rules', id: 'rules-table' },
      h('thead', null, h('tr', null, h('th', null, t('res.indicator')), h('th', null, t('rule.formula')), h('th', null, t('res.target')),
        h('th', null, t('rule.applies')), h('th', null, t('res.task')))),
      h('tbody', null, PLAN.indicators.map((ind) => h('tr', { 'data-indicator': ind.id },
        h('td', null, h('div', { class: 'ind-name' }, tx(ind.name)), h('div', { class: 'nature' }, t('nature.' + ind.nature)),
          ind.note ? h('div', { class: 'muted small' }, t('rule.note'), ind.note) : null),
        h('td', null, h('code', { class: 'formula' }, tx(ind.formulaText) || ind.formula)),
        h('td', null, h('div', null, tx(ind.targetText)),
          (ind.unitTargets || []).map((u) => h('div', { class: 'unit-target' }, u.units.join(S.lang === 'en' ? ', ' : '、'), S.lang === 'en' ? ': ' : '：', tx(u.targetText) || u.target)),
          h('div', { class: 'wording' }, '“', ind.wording, '”')),
        h('td', null, tx(ind.appliesText)),
        h('td', null, (ind.places || []).map((p, k) => [k ? sep(true) : '', tx(p.label)]))))))));
  }

  // ruleExamples are rules written from the plan's own indicators: three
  // formulas with their targets as the plan words them, a target alone and
  // a formula alone, so that each kind of text the box reads is one click
  // away. A name the box cannot read as typed (3-5岁适龄人口 begins with a
  // number) rules its formula out: the box itself says which read.
  function ruleExamples() {
    const out = [];
    const seen = new Set();
    let gap = null;
    const reads = (src) => !call('tryRule', Object.assign(unitArgs(), { src })).ruleError;
    for (const ind of PLAN.indicators) {
      const f = (ind.formulaText && ind.formulaText.zh) || '';
      if (!ind.target || !f) continue;
      if (ind.aggregate) {
        if (!gap && reads(ind.target)) gap = ind.target;
        continue;
      }
      if (out.length < 3 && f.includes('/') && !seen.has(ind.target) && reads(f + ' ' + ind.target)) {
        seen.add(ind.target);
        out.push({ f, target: ind.target });
      }
    }
    const list = out.map((e) => e.f + ' ' + e.target);
    if (gap) list.push(gap);
    if (out.length) list.push(out[0].f);
    return list;
  }

  function updateRule() {
    const out = $('#rule-out');
    if (!out) return;
    const src = S.ruleSrc || '';
    if (!src.trim()) {
      out.replaceChildren(h('p', { class: 'muted' }, t('rule.empty')));
      return;
    }
    const res = call('tryRule', Object.assign(unitArgs(), { src }));
    if (res.ruleError) {
      const e = res.ruleError;
      out.replaceChildren(h('div', { class: 'notice error', id: 'rule-error' },
        h('strong', null, t('rule.errAt', e.line, e.column)), tx(e.message),
        highlight(src, e.line, e.column, e.length)));
      return;
    }
    if (!res.ok) {
      out.replaceChildren(h('div', { class: 'notice error' }, problems(res)));
      return;
    }
    const r = res.result;
    if (r.targetAlone) {
      out.replaceChildren(h('div', { class: 'rule-result', id: 'rule-result', 'data-status': 'target' },
        h('strong', null, t('rule.targetAlone')), h('span', { id: 'rule-reading' }, tx(r.readingText || r.targetText)),
        h('p', { class: 'muted small' }, t('rule.targetHint'))));
      return;
    }
    out.replaceChildren(h('div', { class: 'rule-result', id: 'rule-result', 'data-status': r.status },
      h('strong', null, t('rule.ok'), '：'), h('span', { class: 'badge st-' + r.status, id: 'rule-status' }, tx(r.statusText) || statusName(r.status)), ' ',
      t('res.value'), ' ', h('span', { id: 'rule-value' }, tx(r.valueText) || '—'),
      r.targetText ? [' · ', t('res.target'), ' ', h('span', { id: 'rule-reading' }, tx(r.readingText || r.targetText))] : null,
      r.gapText ? [' · ', t('res.gap'), ' ', tx(r.gapText)] : null,
      (r.inputs || []).length ? h('div', { class: 'inputs' }, t('res.inputs'), r.inputs.map((i, k) => [k ? sep(true) : '', tx(i.name), ' = ', i.valueText || '—'])) : null));
  }

  // highlight shows the rule with the characters an error points at marked.
  // Line and column count characters (code points), as Go reports them.
  function highlight(src, line, col, len) {
    const lines = src.split('\n');
    const pre = h('pre', { class: 'src' });
    lines.forEach((text, i) => {
      if (i > 0) pre.appendChild(document.createTextNode('\n'));
      if (i + 1 !== line) {
        pre.appendChild(document.createTextNode(text));
        return;
      }
      const cps = Array.from(text);
      const start = Math.max(0, Math.min(cps.length, col - 1));
      const end = Math.max(start + 1, Math.min(cps.length + 1, start + Math.max(1, len || 1)));
      pre.appendChild(document.createTextNode(cps.slice(0, start).join('')));
      const marked = cps.slice(start, end).join('');
      pre.appendChild(h('mark', { id: 'rule-mark' }, marked || ' '));
      pre.appendChild(document.createTextNode(cps.slice(end).join('')));
    });
    return pre;
  }

  // Tests and the benchmark read these; they change nothing.
  globalThis.eduplanPage = {
    state: () => JSON.parse(JSON.stringify(S)),
    timing,
    importText: (name, text, encoding) => importFile({ name, text, encoding }),
  };

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
  else boot();
})();
