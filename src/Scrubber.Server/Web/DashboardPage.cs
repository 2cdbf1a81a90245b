namespace Scrubber.Server.Web;

/// <summary>The dashboard page and its styles. The host serves everything it needs, with no CDN; nothing is inline,
/// so the Content-Security-Policy can allow this origin's own files and nothing else.</summary>
internal static class DashboardPage
{
    public const string Html = """
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Scrubber · weekly denial dashboard</title>
<link rel="stylesheet" href="/dashboard.css">
</head>
<body>
<h1>Weekly denial dashboard</h1>
<a id="sign-out" href="/signout">Sign out</a>
<div class="muted">Denials by week, family and code pair (bundling CARC 97/236/234, units 151 and 119 with N362, add-on B15, duplicate 18,
modifier 4/182). A pair is shown only when an NCCI or pack edit named it; otherwise the row is the denied code, with the codes billed
beside it that day. Units (MUE) and add-on denials are always rows of their code; a units row shows the most units sent on one denied
line. Rows at or over <span id="threshold"></span> denials in a week are repeat offenders.</div>
<div class="filters">
  <label>Denial family<select id="families"><option value="">Every NCCI family</option><option>bundling</option><option>units</option>
    <option>add_on</option><option>duplicate</option><option>modifier</option><option>other</option>
    <option value="bundling,units,add_on,duplicate,modifier,other">Every family, other included</option></select></label>
  <label>Payer<select id="payer"><option value="">All payers</option></select></label>
  <label>Provider<select id="provider"><option value="">All providers</option></select></label>
  <label>Week<select id="week"><option value="">All weeks</option></select></label>
</div>
<div class="charts">
  <div class="card"><h2>Denials per week</h2><svg id="trend" width="520" height="220" role="img" aria-label="Denials per week"></svg></div>
  <div class="card"><h2>Top pairs by dollars denied</h2><svg id="top" width="520" height="220" role="img" aria-label="Top pairs by dollars"></svg></div>
</div>
<h2>Code pairs and codes</h2>
<table id="pairs">
  <thead><tr><th>Week</th><th>Family</th><th>Pair or code</th><th>Billed with</th><th class="num">Denials</th><th>Group</th><th>Indicator</th>
  <th>Primary provider</th><th>Payers</th><th class="num">Dollars</th><th>Root cause</th><th>Resolution</th><th></th><th>Action</th></tr></thead>
  <tbody></tbody>
</table>
<h2 id="drill-title" hidden>Claims behind the row</h2>
<table id="claims" hidden>
  <thead><tr><th>Claim</th><th>Line</th><th>Payer</th><th>Provider</th><th>Code</th><th>Modifiers</th><th>Paid on</th><th>Group</th><th class="num">Dollars</th><th>Edit fate</th><th>Resolution</th></tr></thead>
  <tbody></tbody>
</table>
<h2>Overridden then denied</h2>
<table id="overridden"><thead></thead><tbody></tbody></table>
<h2>Missed: denials no edit caught</h2>
<table id="missed"><thead></thead><tbody></tbody></table>
<h2>Key figures</h2>
<div class="card" id="kpi-summary"></div>
<table id="kpi-months"><thead></thead><tbody></tbody></table>
<h2>Top pairs by dollars, with payer</h2>
<table id="kpi-top"><thead></thead><tbody></tbody></table>
<h2>Overturn rate</h2>
<table id="kpi-overturns"><thead></thead><tbody></tbody></table>
<h2>Patterns by payer and pair</h2>
<table id="patterns"><thead></thead><tbody></tbody></table>
<script src="/dashboard.js"></script>
</body>
</html>
""";

    public const string Styles = """
  body { font: 14px/1.4 system-ui, sans-serif; margin: 24px; color: #1d2733; background: #f7f8fa; }
  h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 15px; margin: 20px 0 8px; }
  .filters { display: flex; gap: 16px; margin: 12px 0; } label { display: flex; flex-direction: column; font-size: 12px; color: #55606d; }
  select { font-size: 14px; padding: 4px; min-width: 160px; }
  .charts { display: flex; gap: 24px; flex-wrap: wrap; } .card { background: #fff; border: 1px solid #dde2e8; border-radius: 6px; padding: 12px; }
  table { border-collapse: collapse; background: #fff; width: 100%; } th, td { border-bottom: 1px solid #e4e8ee; padding: 6px 8px; text-align: left; }
  th { background: #eef1f5; font-weight: 600; font-size: 12px; } tr.repeat td { background: #fde8e6; } tr.repeat td.flag { color: #b42318; font-weight: 700; }
  tbody tr { cursor: pointer; } tbody tr:hover td { background: #eef4ff; } .num { text-align: right; } .muted { color: #6b7785; }
  svg text { font-size: 11px; fill: #33404d; }
  #sign-out { float: right; }
""";
}
