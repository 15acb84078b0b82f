// eduplan: the cells of one sheet of an Excel workbook (.xlsx), read in the
// browser.
//
// The Go reader (indicators/dataset/xlsx) uses excelize, which would add
// about 1.8 MB gzipped to the page's wasm. This reader does the same job with
// what the browser has: the zip is unpacked with DecompressionStream
// ('deflate-raw') and the XML parts are read by a small parser below. It returns the
// text of every cell as the Go reader does (see its ReadSheet: percent cells
// in percent, numbers to 15 significant digits, merged cells), and the page
// hands the cells to Go, which reads them with dataset.ReadCells, so every
// rule about figures stays in Go. It is tested on the Go reader's own
// fixtures (indicators/dataset/xlsx/testdata).
//
// globalThis.eduplanXlsx = { isWorkbook(bytes), isOldWorkbook(bytes),
// readSheet(bytes, name, sheet) → Promise<{sheet, sheets, rows}> }: the
// sheet read, the names of the visible sheets, and the cells. A failure is an
// Error whose .text is {zh, en}.
'use strict';

(() => {
  // The most one part of a workbook may unpack to. A sheet of 10,000
  // schools is a few megabytes; the limit stops a zip bomb, not a return.
  const PART_LIMIT = 256 << 20;

  function fail(zh, en) {
    const e = new Error(en);
    e.text = { zh, en };
    return e;
  }

  // The CLI's words (indicators/dataset/xlsx notWorkbook, dataset.DecodeText),
  // so that a file gets the same message in the page and in a terminal.
  function notWorkbook(detail) {
    return fail('不是可读取的 Excel 工作簿（.xlsx）：文件可能已损坏，或只是改了扩展名；请在 Excel 或 WPS 中打开后另存为 .xlsx 或 CSV（' + detail + '）',
      'not a readable Excel workbook (.xlsx): the file may be damaged, or only renamed; open it in Excel or WPS and save it as .xlsx or CSV (' + detail + ')');
  }
  const protectedText = {
    zh: '无法读取这个 Excel 工作簿（可能设置了打开密码）：请去掉密码，或另存为 CSV',
    en: 'cannot read this Excel workbook (it may have a password): remove the password, or save it as CSV',
  };
  const oldText = {
    zh: '这是旧版 Excel 工作簿（.xls），不是 CSV：请在 Excel 中“另存为”CSV',
    en: 'this is an old Excel workbook (.xls), not CSV: use "Save as" CSV in Excel',
  };

  const startsWith = (b, sig) => sig.every((x, i) => b[i] === x);
  // A zip archive, as every .xlsx is.
  const isWorkbook = (b) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]);
  // The container of an old .xls, and of an .xlsx with an opening password.
  const isOldWorkbook = (b) => startsWith(b, [0xd0, 0xcf, 0x11, 0xe0]);

  // ------------------------------------------------------------------ zip

  // zipEntries reads the central directory: the local headers may lie
  // (sizes after the data), the directory does not.
  function zipEntries(b) {
    const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
    let end = -1;
    for (let i = b.length - 22; i >= 0 && i >= b.length - 22 - 0xffff; i--) {
      if (dv.getUint32(i, true) === 0x06054b50) { end = i; break; }
    }
    if (end < 0) throw notWorkbook('zip: no central directory');
    const count = dv.getUint16(end + 10, true);
    let p = dv.getUint32(end + 16, true);
    if (count === 0xffff || p === 0xffffffff) throw notWorkbook('zip64 is not supported');
    const entries = new Map();
    const utf8 = new TextDecoder();
    for (let n = 0; n < count; n++) {
      if (p + 46 > b.length || dv.getUint32(p, true) !== 0x02014b50) throw notWorkbook('zip: damaged central directory');
      const nameLen = dv.getUint16(p + 28, true);
      const name = utf8.decode(b.subarray(p + 46, p + 46 + nameLen)).replace(/\\/g, '/').replace(/^\//, '');
      entries.set(name.toLowerCase(), {
        name,
        flags: dv.getUint16(p + 8, true),
        method: dv.getUint16(p + 10, true),
        csize: dv.getUint32(p + 20, true),
        usize: dv.getUint32(p + 24, true),
        offset: dv.getUint32(p + 42, true),
      });
      p += 46 + nameLen + dv.getUint16(p + 30, true) + dv.getUint16(p + 32, true);
    }
    return entries;
  }

  async function unzip(b, e) {
    const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
    if (e.flags & 1) throw fail(protectedText.zh, protectedText.en);
    if (e.offset + 30 > b.length || dv.getUint32(e.offset, true) !== 0x04034b50) throw notWorkbook('zip: damaged entry ' + e.name);
    const start = e.offset + 30 + dv.getUint16(e.offset + 26, true) + dv.getUint16(e.offset + 28, true);
    if (start + e.csize > b.length) throw notWorkbook('zip: truncated entry ' + e.name);
    const data = b.subarray(start, start + e.csize);
    if (e.method === 0) return data;
    if (e.method !== 8) throw notWorkbook('zip: unsupported compression ' + e.method + ' in ' + e.name);
    if (typeof DecompressionStream !== 'function') throw notWorkbook('this browser cannot unpack zip files');
    const reader = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
    const chunks = [];
    let size = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.length;
        if (size > PART_LIMIT) {
          reader.cancel();
          throw notWorkbook(e.name + ' unpacks to more than ' + (PART_LIMIT >> 20) + ' MB');
        }
        chunks.push(value);
      }
    } catch (err) {
      if (err && err.text) throw err;
      throw notWorkbook('zip: ' + e.name + ': ' + (err && err.message ? err.message : String(err)));
    }
    const out = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) { out.set(c, at); at += c.length; }
    return out;
  }

  // ------------------------------------------------------------------ xml

  // An element of a part: its name without prefix (WPS and "strict" OOXML
  // use prefixes and namespaces of their own), its attributes by their
  // written names, its child elements and its text.
  class XNode {
    constructor(qname) {
      this.qname = qname;
      this.localName = qname.slice(qname.indexOf(':') + 1);
      this.attrs = {};
      this.children = [];
      this.text = '';
    }

    getAttribute(name) { return Object.hasOwn(this.attrs, name) ? this.attrs[name] : null; }

    get textContent() { return this.text + this.children.map((c) => c.textContent).join(''); }
  }

  const ENTITIES = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
  function unescape(s) {
    if (s.indexOf('&') < 0) return s;
    return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (all, e) => {
      if (e[0] !== '#') return Object.hasOwn(ENTITIES, e) ? ENTITIES[e] : all;
      const n = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return n <= 0x10ffff ? String.fromCodePoint(n) : all;
    });
  }

  // parseXML reads a part into XNodes, or gives null when it is not
  // well-formed. Not DOMParser: Chromium's takes about 10 s over the sheet
  // of 10,000 schools that this reads in a fraction of one.
  function parseXML(src) {
    const root = new XNode('#document');
    const stack = [root];
    let top = root;
    const start = /<([A-Za-z_][\w.:-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/y;
    const attr = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
    const chars = (t) => t.replace(/\r\n?/g, '\n');
    for (let i = 0; i < src.length;) {
      const lt = src.indexOf('<', i);
      const end = lt < 0 ? src.length : lt;
      if (end > i && top !== root) top.text += unescape(chars(src.slice(i, end)));
      if (lt < 0) break;
      const next = src.charCodeAt(lt + 1);
      if (next === 47) { // </name>
        const gt = src.indexOf('>', lt);
        if (gt < 0 || top === root || src.slice(lt + 2, gt).trimEnd() !== top.qname) return null;
        stack.pop();
        top = stack[stack.length - 1];
        i = gt + 1;
      } else if (next === 33 || next === 63) { // a comment, CDATA, DOCTYPE or processing instruction
        let close = '>';
        if (src.startsWith('<![CDATA[', lt)) close = ']]>';
        else if (src.startsWith('<!-' + '-', lt)) close = '-' + '->';
        else if (next === 63) close = '?>';
        const j = src.indexOf(close, lt + 2);
        if (j < 0) return null;
        if (close === ']]>' && top !== root) top.text += chars(src.slice(lt + 9, j));
        i = j + close.length;
      } else {
        start.lastIndex = lt;
        const m = start.exec(src);
        if (!m) return null;
        const el = new XNode(m[1]);
        if (m[2]) {
          attr.lastIndex = 0;
          for (let a; (a = attr.exec(m[2]));) el.attrs[a[1]] = unescape(a[2] ?? a[3]);
        }
        top.children.push(el);
        if (!m[3]) {
          stack.push(el);
          top = el;
        }
        i = start.lastIndex;
      }
    }
    return top === root && root.children.length === 1 ? root.children[0] : null;
  }

  // kids are the child elements of el named local, whatever the prefix.
  const kids = (el, local) => (el ? el.children.filter((c) => c.localName === local) : []);
  const kid = (el, local) => (el ? el.children.find((c) => c.localName === local) || null : null);
  // relID is an element's r:id, whatever the prefix.
  function relID(el) {
    for (const [k, v] of Object.entries(el.attrs)) if (k.endsWith(':id')) return v;
    return '';
  }

  function workbookReader(b) {
    const entries = zipEntries(b);
    const text = new TextDecoder();
    return async function part(path, optional) {
      const e = entries.get(path.toLowerCase());
      if (!e) {
        if (optional) return null;
        throw notWorkbook('no part ' + path);
      }
      const doc = parseXML(text.decode(await unzip(b, e)));
      if (!doc) throw notWorkbook('bad XML in ' + path);
      return doc;
    };
  }

  // target resolves a relationship's target against the folder of the part
  // that holds it.
  function target(base, t) {
    if (t.startsWith('/')) return t.slice(1);
    const parts = base.split('/').slice(0, -1);
    for (const s of t.split('/')) {
      if (s === '..') parts.pop();
      else if (s !== '.' && s !== '') parts.push(s);
    }
    return parts.join('/');
  }

  async function rels(part, of) {
    const i = of.lastIndexOf('/');
    const root = await part(of.slice(0, i + 1) + '_rels/' + of.slice(i + 1) + '.rels', true);
    const out = new Map();
    for (const r of kids(root, 'Relationship')) {
      out.set(r.getAttribute('Id'), { type: r.getAttribute('Type') || '', target: target(of, r.getAttribute('Target') || '') });
    }
    return out;
  }

  // richText is the text of a shared or inline string: its own <t>, or its
  // runs' (never the phonetic guide).
  const richText = (si) => kids(si, 't').map((x) => x.textContent).join('') +
    kids(si, 'r').map((r) => kids(r, 't').map((x) => x.textContent).join('')).join('');

  // ------------------------------------------------------------------ sheets

  function pickSheet(sheets, want) {
    if (!sheets.length) throw fail('工作簿里没有工作表', 'the workbook has no sheet');
    if (!want) return sheets.find((s) => s.visible) || sheets[0];
    const norm = (s) => s.trim().toLowerCase();
    const found = sheets.find((s) => s.name === want) || sheets.find((s) => norm(s.name) === norm(want));
    if (found) return found;
    const list = sheets.map((s) => s.name);
    throw fail('工作簿里没有名为“' + want + '”的工作表；工作表有：' + list.join('、'),
      'the workbook has no sheet named ' + JSON.stringify(want) + '; its sheets are: ' + list.join('、'));
  }

  // readSheet reads the sheet named (the first visible one when sheet is
  // empty) and returns its name and the text of its cells: rows[i][j] is row
  // i+1, column j+1.
  async function readSheet(bytes, name, sheet) {
    const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
    if (isOldWorkbook(b)) {
      const t = /\.xls[xm]$/i.test(name || '') ? protectedText : oldText;
      throw fail(t.zh, t.en);
    }
    if (!isWorkbook(b)) throw notWorkbook('not a zip file');
    const part = workbookReader(b);
    let wbPath = 'xl/workbook.xml';
    for (const r of (await rels(part, '')).values()) if (/\/officeDocument$/.test(r.type)) wbPath = r.target;
    const wb = await part(wbPath);
    const wbRels = await rels(part, wbPath);
    const pr = kid(wb, 'workbookPr');
    const date1904 = !!pr && /^(1|true)$/.test(pr.getAttribute('date1904') || '');
    const sheets = kids(kid(wb, 'sheets'), 'sheet').map((s) => ({
      name: s.getAttribute('name') || '',
      visible: !/hidden/i.test(s.getAttribute('state') || ''),
      rel: wbRels.get(relID(s)),
    }));
    const chosen = pickSheet(sheets, sheet);
    if (!chosen.rel) throw notWorkbook('sheet ' + chosen.name + ' has no part');
    let strings = [];
    let styles = { xf: [], fmt: new Map() };
    for (const r of wbRels.values()) {
      if (/\/sharedStrings$/.test(r.type)) strings = kids(await part(r.target, true), 'si').map(richText);
      if (/\/styles$/.test(r.type)) styles = readStyles(await part(r.target, true));
    }
    const ws = await part(chosen.rel.target);
    const visible = sheets.filter((s) => s.visible).map((s) => s.name);
    return { sheet: chosen.name, sheets: visible, rows: sheetCells(ws, strings, styles, date1904) };
  }

  function readStyles(root) {
    const fmt = new Map();
    for (const f of kids(kid(root, 'numFmts'), 'numFmt')) fmt.set(Number(f.getAttribute('numFmtId')), f.getAttribute('formatCode') || '');
    const xf = kids(kid(root, 'cellXfs'), 'xf').map((x) => Number(x.getAttribute('numFmtId') || 0));
    return { xf, fmt };
  }

  // colNumber turns the letters of a cell reference into a column: B7 → 2.
  function cellRef(ref) {
    const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref || '');
    if (!m) return null;
    let c = 0;
    for (const ch of m[1].toUpperCase()) c = c * 26 + ch.charCodeAt(0) - 64;
    return { col: c, row: Number(m[2]) };
  }

  function sheetCells(ws, strings, styles, date1904) {
    const rows = [];
    const formulaOnly = [];
    const shared = new Map();
    const classes = new Map();
    const classOf = (s) => {
      if (!classes.has(s)) {
        const id = styles.xf[s] || 0;
        const code = styles.fmt.has(id) ? styles.fmt.get(id) : '';
        classes.set(s, { id, code, cls: classify(id, code) });
      }
      return classes.get(s);
    };
    let r = 0;
    for (const row of kids(kid(ws, 'sheetData'), 'row')) {
      r = Number(row.getAttribute('r')) || r + 1;
      let c = 0;
      for (const cell of kids(row, 'c')) {
        const ref = cellRef(cell.getAttribute('r'));
        c = ref ? ref.col : c + 1;
        const cr = ref ? ref.row : r;
        const t = cell.getAttribute('t') || 'n';
        const v = kid(cell, 'v');
        const f = kid(cell, 'f');
        if (f && f.getAttribute('t') === 'shared' && f.textContent) shared.set(f.getAttribute('si'), f.textContent);
        let raw = v ? v.textContent : '';
        if (t === 'inlineStr') raw = richText(kid(cell, 'is'));
        else if (t === 's') raw = raw === '' ? '' : (strings[Number(raw)] ?? '');
        let out = raw;
        if (raw !== '') {
          if (t === 'b') out = raw === '1' || raw.toLowerCase() === 'true' ? 'TRUE' : 'FALSE';
          else if (t === 'n') out = numberCell(raw, classOf(Number(cell.getAttribute('s') || 0)), date1904);
        } else if (f) {
          const text = f.textContent || shared.get(f.getAttribute('si')) || '';
          if (text) formulaOnly.push({ row: cr, col: c, text: '=' + text.replace(/^=/, '') });
        }
        while (rows.length < cr) rows.push([]);
        const line = rows[cr - 1];
        while (line.length < c) line.push('');
        line[c - 1] = out;
      }
    }
    merge(ws, rows, formulaOnly);
    while (rows.length && !rows[rows.length - 1].length) rows.pop();
    return rows;
  }

  // merge applies the sheet's merged ranges as the Go reader does: in the
  // header row (the first that is not blank) and above it a range keeps its
  // text in its first cell, as Excel's "save as CSV" writes it; below it a
  // range gives its text to every cell it covers. A formula with no value
  // is written out unless a range covers its cell.
  function merge(ws, rows, formulaOnly) {
    const blank = (row) => row.every((x) => x.trim() === '');
    let header = 0;
    let width = 0;
    rows.forEach((row, i) => {
      if (!header && !blank(row)) header = i + 1;
      width = Math.max(width, row.length);
    });
    const covered = new Set();
    const fill = [];
    for (const m of kids(kid(ws, 'mergeCells'), 'mergeCell')) {
      const [a, z] = (m.getAttribute('ref') || '').split(':');
      const p = cellRef(a);
      const q = z ? cellRef(z) : p;
      if (!p || !q) continue;
      const c1 = Math.min(p.col, q.col);
      const r1 = Math.min(p.row, q.row);
      const c2 = Math.min(Math.max(p.col, q.col), width);
      const r2 = Math.min(Math.max(p.row, q.row), rows.length);
      if (r1 > r2 || c1 > c2) continue;
      for (let rr = r1; rr <= r2; rr++) for (let cc = c1; cc <= c2; cc++) if (rr !== r1 || cc !== c1) covered.add(rr + ':' + cc);
      if (header && r1 > header) fill.push({ c1, r1, c2, r2 });
    }
    for (const f of formulaOnly) if (!covered.has(f.row + ':' + f.col)) rows[f.row - 1][f.col - 1] = f.text;
    for (const m of fill) {
      const v = rows[m.r1 - 1][m.c1 - 1] || '';
      for (let rr = m.r1; rr <= m.r2; rr++) {
        const line = rows[rr - 1];
        while (line.length < m.c2) line.push('');
        for (let cc = m.c1; cc <= m.c2; cc++) line[cc - 1] = v;
      }
    }
  }

  // ------------------------------------------------------------------ numbers

  const PLAIN = 0;
  const PERCENT = 1;
  const SHOWN = 2;

  // Built-in date and time formats, as excelize writes them out.
  const BUILTIN = {
    14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM',
    20: 'hh:mm', 21: 'hh:mm:ss', 22: 'm/d/yy hh:mm', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mm:ss',
  };
  const EAST_ASIAN = 'yyyy"年"m"月"d"日"';

  // firstSection is the part of a format for positive numbers.
  function firstSection(code) {
    let quoted = false;
    for (let i = 0; i < code.length; i++) {
      if (code[i] === '"') quoted = !quoted;
      else if (code[i] === '\\') i++;
      else if (code[i] === ';' && !quoted) return code.slice(0, i);
    }
    return code;
  }

  // classify tells how a number format shows a number, as the Go reader's
  // classify does: a "%" outside quotes scales by 100; dates, times and
  // formats of zeros only ("000000") are read as shown.
  function classify(id, code) {
    if (!code) {
      if (id === 9 || id === 10) return PERCENT;
      if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58)) return SHOWN;
      return PLAIN;
    }
    const s = firstSection(code);
    if (s.trim().toLowerCase() === 'general') return PLAIN;
    if (s.length > 1 && /^0+$/.test(s)) return SHOWN;
    let cls = PLAIN;
    for (let i = 0; i < s.length; i++) {
      const c = s[i];
      if (c === '"') {
        const j = s.indexOf('"', i + 1);
        i = j < 0 ? s.length : j;
      } else if (c === '\\' || c === '_' || c === '*') {
        i++;
      } else if (c === '[') {
        const j = s.indexOf(']', i);
        if (j < 0) return cls;
        if (/^(h|hh|m|mm|s|ss)$/i.test(s.slice(i + 1, j))) return SHOWN;
        i = j;
      } else if (c === '%') {
        cls = PERCENT;
      } else if ('yYmMdDhHsS'.includes(c)) {
        return SHOWN;
      }
    }
    return cls;
  }

  function numberCell(raw, style, date1904) {
    const v = Number(raw.trim());
    if (raw.trim() === '' || !Number.isFinite(v)) return raw;
    if (style.cls === PLAIN) return decimalText(v, 0);
    if (style.cls === PERCENT) return decimalText(v, 2) + '%';
    const code = firstSection(style.code || BUILTIN[style.id] || EAST_ASIAN);
    if (/^0+$/.test(code)) return Math.abs(v) < 1e15 ? (v < 0 ? '-' : '') + String(Math.round(Math.abs(v))).padStart(code.length, '0') : decimalText(v, 0);
    return dateText(v, code, date1904);
  }

  // decimalText writes v × 10^shift to 15 significant digits (Excel keeps no
  // more) without an exponent, unless that takes more than 20 zeros. The
  // digits are moved, never multiplied: 0.992 is exactly "99.2".
  function decimalText(v, shift) {
    if (v === 0) return '0';
    const e = Math.abs(v).toExponential(14); // d.dddddddddddddde±x
    const x = e.indexOf('e');
    const exp = Number(e.slice(x + 1));
    const digits = (e[0] + e.slice(2, x)).replace(/0+$/, '');
    const point = exp + shift + 1;
    let out;
    if (point > 21 || point < -20) {
      out = digits[0] + (digits.length > 1 ? '.' + digits.slice(1) : '') + 'E' + (point - 1 >= 0 ? '+' : '') + (point - 1);
    } else if (point <= 0) {
      out = '0.' + '0'.repeat(-point) + digits;
    } else if (point >= digits.length) {
      out = digits + '0'.repeat(point - digits.length);
    } else {
      out = digits.slice(0, point) + '.' + digits.slice(point);
    }
    return (v < 0 ? '-' : '') + out;
  }

  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

  // dateText shows a date or time serial under a format: years, months,
  // days, hours, minutes, seconds, elapsed hours ([h]), AM/PM and quoted or
  // escaped text. Whatever it shows, the data reader rejects it as a figure.
  function dateText(serial, code, date1904) {
    const ms = Math.round(serial * 86400000);
    // Excel counts from 1900-01-00 and takes 1900 for a leap year; 1904
    // workbooks count from 1904-01-01.
    let epoch = Date.UTC(1899, 11, 30);
    if (date1904) epoch = Date.UTC(1904, 0, 1);
    else if (serial < 61) epoch = Date.UTC(1899, 11, 31);
    const d = new Date(epoch + ms);
    const two = (n) => String(n).padStart(2, '0');
    const ampm = /AM\/PM|A\/P/i.test(code);
    let out = '';
    let lastWasHour = false;
    for (let i = 0; i < code.length;) {
      const rest = code.slice(i);
      let m;
      if (rest[0] === '"') {
        const j = code.indexOf('"', i + 1);
        out += code.slice(i + 1, j < 0 ? code.length : j);
        i = j < 0 ? code.length : j + 1;
      } else if (rest[0] === '\\') {
        out += code[i + 1] || '';
        i += 2;
      } else if ((m = /^\[(h+|m+|s+)\]/i.exec(rest))) {
        const unit = m[1][0].toLowerCase();
        const n = Math.floor(Math.abs(ms) / (unit === 'h' ? 3600000 : unit === 'm' ? 60000 : 1000));
        out += String(n).padStart(m[1].length, '0');
        lastWasHour = unit === 'h';
        i += m[0].length;
      } else if (rest[0] === '[') {
        const j = code.indexOf(']', i);
        i = j < 0 ? code.length : j + 1;
      } else if ((m = /^(AM\/PM|A\/P)/i.exec(rest))) {
        out += d.getUTCHours() < 12 ? 'AM' : 'PM';
        i += m[0].length;
      } else if ((m = /^(y+|m+|d+|h+|s+)/i.exec(rest))) {
        const k = m[1][0].toLowerCase();
        const n = m[1].length;
        const minute = k === 'm' && (lastWasHour || /^[^a-z]*s/i.test(code.slice(i + n)));
        if (k === 'y') out += n <= 2 ? two(d.getUTCFullYear() % 100) : String(d.getUTCFullYear());
        else if (k === 'm' && minute) out += n >= 2 ? two(d.getUTCMinutes()) : String(d.getUTCMinutes());
        else if (k === 'm') out += n >= 4 ? MONTHS[d.getUTCMonth()] : n === 3 ? MONTHS[d.getUTCMonth()].slice(0, 3) : n === 2 ? two(d.getUTCMonth() + 1) : String(d.getUTCMonth() + 1);
        else if (k === 'd') out += n >= 3 ? d.toUTCString().slice(0, 3) : n === 2 ? two(d.getUTCDate()) : String(d.getUTCDate());
        else if (k === 'h') {
          let hr = d.getUTCHours();
          if (ampm) hr = hr % 12 || 12;
          out += n >= 2 ? two(hr) : String(hr);
        } else out += n >= 2 ? two(d.getUTCSeconds()) : String(d.getUTCSeconds());
        lastWasHour = k === 'h';
        i += n;
      } else {
        out += rest[0];
        i++;
      }
    }
    return out;
  }

  globalThis.eduplanXlsx = { isWorkbook, isOldWorkbook, readSheet };
})();
