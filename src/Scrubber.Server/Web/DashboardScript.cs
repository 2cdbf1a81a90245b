namespace Scrubber.Server.Web;

/// <summary>The dashboard's script, served as <c>/dashboard.js</c>: it reads the JSON API and draws the tables and charts.</summary>
internal static class DashboardScript
{
    public const string Source = """
const $ = id => document.getElementById(id);
const money = v => '$' + Number(v).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const tally = o => Object.entries(o).map(([k, v]) => k + ' ' + v).join(', ');
const pairOrCode = r => r.column1 ? r.column1 + '/' + r.column2 : r.deniedCode;
const units = v => Number(v).toLocaleString('en-US', { maximumFractionDigits: 3 });
const rowLabel = r => r.maxUnits > 0 ? r.deniedCode + ' · up to ' + units(r.maxUnits) + ' units' : pairOrCode(r);
const filters = () => new URLSearchParams({ families: $('families').value, payer: $('payer').value, provider: $('provider').value, week: $('week').value });
const el = (tag, attrs, text) => { const e = document.createElementNS('http://www.w3.org/2000/svg', tag); for (const k in attrs) e.setAttribute(k, attrs[k]); if (text !== undefined) e.textContent = text; return e; };
let loaded = false;

function fill(select, values) {
  const keep = select.value;
  select.length = 1;
  for (const v of values) select.add(new Option(v, v));
  select.value = values.includes(keep) ? keep : '';
}

function bars(svg, items, label, value, format) {
  svg.replaceChildren();
  const width = +svg.getAttribute('width'), height = +svg.getAttribute('height'), left = 40, bottom = 40, top = 10;
  const max = Math.max(1, ...items.map(value));
  const step = (width - left - 10) / Math.max(1, items.length);
  svg.append(el('line', { x1: left, y1: height - bottom, x2: width - 5, y2: height - bottom, stroke: '#8894a2' }));
  svg.append(el('text', { x: 4, y: top + 8 }, format(max)));
  items.forEach((item, i) => {
    const h = (height - bottom - top) * value(item) / max, x = left + i * step + 4;
    svg.append(el('rect', { x, y: height - bottom - h, width: Math.max(4, step - 8), height: h, fill: '#3b6fd8', 'data-label': label(item), 'data-value': value(item) }));
    svg.append(el('text', { x: x + (step - 8) / 2, y: height - bottom - h - 3, 'text-anchor': 'middle' }, format(value(item))));
    svg.append(el('text', { x: x + (step - 8) / 2, y: height - bottom + 14, 'text-anchor': 'middle' }, label(item)));
  });
}

function hbars(svg, items, label, value, format) {
  svg.replaceChildren();
  const width = +svg.getAttribute('width'), left = 110, right = 70, row = 20;
  svg.setAttribute('height', Math.max(40, items.length * row + 10));
  const max = Math.max(1, ...items.map(value));
  items.forEach((item, i) => {
    const w = (width - left - right) * value(item) / max, y = 5 + i * row;
    svg.append(el('text', { x: left - 6, y: y + 13, 'text-anchor': 'end' }, label(item)));
    svg.append(el('rect', { x: left, y, width: Math.max(2, w), height: row - 6, fill: '#d8633b', 'data-label': label(item), 'data-value': value(item) }));
    svg.append(el('text', { x: left + w + 4, y: y + 13 }, format(value(item))));
  });
}

async function load() {
  const data = await (await fetch('/api/weekly?' + filters())).json();
  $('threshold').textContent = data.threshold;
  fill($('payer'), data.payers); fill($('provider'), data.providers); fill($('week'), data.weeks);
  bars($('trend'), data.trend, t => t.week.slice(5), t => t.denials, v => String(v));
  hbars($('top'), data.topPairs, p => p.pair, p => p.dollars, v => money(v));
  const body = $('pairs').tBodies[0];
  body.replaceChildren();
  for (const r of data.rows) {
    const tr = body.insertRow();
    tr.className = r.repeat ? 'repeat' : '';
    const cells = [r.week, r.family, rowLabel(r), r.contextCodes.join(' '), r.occurrences, r.group, r.indicator,
      r.provider + ' (' + Math.round(r.providerShare * 100) + '%)', tally(r.payers), money(r.dollars), r.rootCause, tally(r.resolutions),
      r.repeat ? 'REPEAT' : '', r.action];
    cells.forEach((c, i) => { const td = tr.insertCell(); td.textContent = c; if (i === 4 || i === 9) td.className = 'num'; if (i === 12) td.className = 'flag'; });
    tr.addEventListener('click', () => drill(r));
  }
  $('claims').hidden = true; $('drill-title').hidden = true;
  await loadReports();
  loaded = true;
  document.body.dataset.loaded = 'true';
}

function table(id, rows, columns) {
  const t = $(id);
  t.tHead.replaceChildren(); t.tBodies[0].replaceChildren();
  const head = t.tHead.insertRow();
  for (const [title] of columns) { const th = document.createElement('th'); th.textContent = title; head.append(th); }
  for (const r of rows) {
    const tr = t.tBodies[0].insertRow();
    for (const [, value] of columns) tr.insertCell().textContent = value(r);
  }
  if (rows.length === 0) { const td = t.tBodies[0].insertRow().insertCell(); td.colSpan = columns.length; td.className = 'muted'; td.textContent = 'No rows.'; }
}

const pct = v => (v * 100).toFixed(1) + '%';

async function loadReports() {
  const r = await (await fetch('/api/reports?' + filters())).json();
  table('overridden', r.overriddenThenDenied, [['Column 1', x => x.column1], ['Column 2', x => x.column2], ['Family', x => x.family], ['Group', x => x.group], ['Payer', x => x.payerId], ['Provider', x => x.provider],
    ['Modifier', x => x.modifierUsed], ['Week', x => x.week], ['Fate', x => x.fate], ['Denied', x => x.denied], ['Dollars', x => money(x.dollarsDenied)],
    ['Paid with same override', x => x.paidWithSameOverride], ['Success rate', x => pct(x.successRate)]]);
  table('missed', r.missed, [['Payer', x => x.payerId], ['Code', x => x.code], ['Family', x => x.family], ['Group', x => x.group], ['Modifiers', x => x.modifiers], ['Provider', x => x.provider], ['Week', x => x.week],
    ['Denied', x => x.denied], ['Dollars', x => money(x.dollarsDenied)], ['Claim/line', x => x.claims.join(' ')]]);
  $('kpi-summary').textContent = 'Average days from denial to resolution: ' + (r.kpis.averageDaysToResolution ?? 0).toFixed(1) +
    ' · written off, preventable: ' + money(r.kpis.writtenOffPreventable) + ' · contestable: ' + money(r.kpis.writtenOffContestable);
  table('kpi-months', r.kpis.months, [['Month', x => x.month], ['Denied dollars', x => money(x.bundlingDollars)], ['Charges', x => money(x.charges)],
    ['Share of charges', x => pct(x.shareOfCharges)], ['Denials', x => x.bundlingDenials], ['All denials', x => x.allDenials], ['Share of denials', x => pct(x.shareOfDenials)]]);
  table('kpi-top', r.kpis.topPairs, [['Column 1', x => x.column1], ['Column 2 or code', x => x.column2], ['Family', x => x.family], ['Group', x => x.group], ['Payer', x => x.payerId], ['Denied', x => x.denied], ['Dollars', x => money(x.dollarsDenied)]]);
  table('kpi-overturns', r.kpis.overturns, [['Payer', x => x.payerId], ['Scenario', x => x.scenario], ['Contested', x => x.contested], ['Recovered', x => x.recovered], ['Rate', x => pct(x.rate)]]);
  table('patterns', r.patterns, [['Payer', x => x.payerId], ['Column 1', x => x.column1], ['Column 2 or code', x => x.column2], ['Family', x => x.family], ['Group', x => x.group], ['Pattern', x => x.pattern],
    ['Paid', x => x.paid], ['Denied', x => x.denied], ['Paid with modifier', x => x.paidWithModifier]]);
}

async function drill(row) {
  const query = new URLSearchParams({ week: row.week, column1: row.column1, code: row.deniedCode, family: row.family, payer: $('payer').value, provider: $('provider').value });
  const claims = await (await fetch('/api/claims?' + query)).json();
  const body = $('claims').tBodies[0];
  body.replaceChildren();
  for (const c of claims) {
    const tr = body.insertRow();
    [c.claim, c.line, c.payer, c.provider, c.code, c.modifiers, c.day, c.group, money(c.dollars), c.fate, c.resolution].forEach((v, i) => {
      const td = tr.insertCell(); td.textContent = v; if (i === 8) td.className = 'num';
    });
  }
  $('drill-title').textContent = 'Claims behind ' + pairOrCode(row) + ' (' + row.family + ') in ' + row.week;
  $('claims').hidden = false; $('drill-title').hidden = false;
}

for (const id of ['families', 'payer', 'provider', 'week']) $(id).addEventListener('change', () => { document.body.dataset.loaded = 'false'; load(); });
load();
""";
}
