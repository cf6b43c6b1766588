namespace RagGate.Evaluation.Reporting;

/// <summary>The HTML report's inline style sheet and script: the page loads nothing from anywhere.</summary>
internal static class HtmlAssets
{
    /// <summary>Forbids every fetch; only the inline style and script may run.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

    public const string Css = """
        :root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#f6f8fa;--card:#fff;--pass:#1a7f37;--pass-bg:#dafbe1;--fail:#cf222e;--fail-bg:#ffebe9;--accent:#0969da;--track:#eaeef2}
        *{box-sizing:border-box}
        body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:var(--bg)}
        code{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--track);padding:1px 5px;border-radius:4px}
        .wrap,main{max-width:1200px;margin:0 auto;padding:0 24px}
        header.top{background:#fff;border-bottom:1px solid var(--line);border-top:6px solid var(--pass);padding:20px 0}
        header.top.fail{border-top-color:var(--fail)}
        header .wrap{display:flex;gap:24px;align-items:flex-start}
        .verdict{font-size:22px;font-weight:700;padding:10px 18px;border-radius:8px;white-space:nowrap}
        .verdict.pass{background:var(--pass-bg);color:var(--pass)}.verdict.fail{background:var(--fail-bg);color:var(--fail)}
        h1{margin:0;font-size:24px}h2{font-size:18px;margin:0 0 12px}h3{font-size:15px;margin:16px 0 8px}
        .summary{margin:2px 0 10px;color:var(--muted)}
        .identity{display:flex;flex-wrap:wrap;gap:6px 18px;margin:0}
        .identity div{display:flex;gap:6px}.identity dt{color:var(--muted)}.identity dd{margin:0;font-weight:600;word-break:break-all}
        section{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:20px;margin:20px 0}
        .muted{color:var(--muted)}
        .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:12px}
        .card{border:1px solid var(--line);border-left:5px solid var(--pass);border-radius:8px;padding:12px 14px}
        .card.fail{border-left-color:var(--fail);background:#fffafa}
        .card h3{margin:6px 0;font-size:14px;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
        .card-head{display:flex;justify-content:space-between;align-items:center}
        .mode{font-size:12px;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
        .card-value{display:flex;flex-direction:column}.big{font-size:24px;font-weight:700;font-variant-numeric:tabular-nums}
        .reason{margin:6px 0 0;color:var(--muted);font-size:13px}
        .badge{display:inline-block;font-size:12px;font-weight:600;padding:1px 8px;border-radius:10px;white-space:nowrap}
        .badge.pass{background:var(--pass-bg);color:var(--pass)}.badge.fail{background:var(--fail-bg);color:var(--fail)}
        table{border-collapse:collapse;width:100%}
        th,td{padding:6px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:middle}
        thead th{font-size:12px;color:var(--muted);font-weight:600;background:var(--bg)}
        tbody th{font-weight:600}
        .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        .strong{font-weight:700}
        .chart{width:320px}
        svg .track{fill:var(--track)}svg .fill.pass{fill:var(--pass)}svg .fill.fail{fill:var(--fail)}svg .fill.neutral{fill:var(--accent)}
        svg .whisker line{stroke:var(--fg);stroke-width:1.5}
        svg .threshold{stroke:var(--fg);stroke-width:1.5;stroke-dasharray:3 2}
        .split{display:grid;grid-template-columns:3fr 2fr;gap:20px;align-items:start}
        .histogram{max-width:100%;height:auto}
        svg .hbar{fill:var(--accent);opacity:.85}svg .axis{stroke:var(--muted)}
        svg text{font:11px system-ui,sans-serif;fill:var(--muted)}
        svg .marker line{stroke-width:1.5;stroke-dasharray:4 3}
        svg .marker.p50 line{stroke:var(--pass)}svg .marker.p95 line{stroke:var(--fail)}
        svg .marker text{font-weight:600;fill:var(--fg)}
        .note{background:#fff8c5;border:1px solid #d4a72c66;border-radius:6px;padding:8px 10px}
        .stats{display:flex;flex-wrap:wrap;gap:12px;margin-bottom:10px}
        .stat{border:1px solid var(--line);border-radius:8px;padding:10px 14px;min-width:170px}
        .stat-value{font-size:22px;font-weight:700;font-variant-numeric:tabular-nums}.stat-label{color:var(--muted);font-size:12px}
        .fail-text{color:var(--fail)}.delta.pass{color:var(--pass)}.delta.fail{color:var(--fail);font-weight:700}
        .regression{border:1px solid var(--line);border-left:4px solid var(--fail);border-radius:8px;padding:10px 14px;margin:10px 0}
        .reg-head{display:flex;flex-wrap:wrap;gap:8px 12px;align-items:baseline;margin-bottom:6px}
        .reg-change{margin-left:auto;font-variant-numeric:tabular-nums}
        .lost{width:auto;min-width:420px}.instead{margin:8px 0 0;color:var(--muted)}.chip{margin-right:4px}
        .scroll{overflow-x:auto}
        .sortable th{white-space:nowrap}.sortable code{white-space:nowrap}
        .sortable th button{all:unset;cursor:pointer}
        .sortable th button::after{content:" \2195";opacity:.35}
        .sortable th[aria-sort=ascending] button::after{content:" \2191";opacity:1}
        .sortable th[aria-sort=descending] button::after{content:" \2193";opacity:1}
        .sortable tbody tr:hover{background:var(--bg)}
        .sortable td.text{max-width:380px}
        tr.fail td:first-child{box-shadow:inset 3px 0 0 var(--fail)}
        .why{font-size:12px;color:var(--fail);max-width:260px;white-space:normal}
        .tag{font-size:11px;background:var(--track);border-radius:8px;padding:0 6px;color:var(--muted)}
        footer{color:var(--muted);font-size:12px;text-align:center;padding:8px 0 32px}
        @media (max-width:900px){.split{grid-template-columns:1fr}header .wrap{flex-direction:column}}
        """;

    /// <summary>Sorts the query table by a column on click, or on load from <c>#sort=[-]key</c>.</summary>
    public const string Script = """
        (function () {
          var table = document.getElementById('queries-table');
          if (!table) return;
          var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
          function compare(type, x, y) {
            if (type === 'num') return parseFloat(x) - parseFloat(y);
            return x < y ? -1 : x > y ? 1 : 0;
          }
          function sortBy(key, desc) {
            var th = heads.filter(function (h) { return h.getAttribute('data-key') === key; })[0];
            if (!th) return;
            var col = th.cellIndex, type = th.getAttribute('data-type');
            var body = table.tBodies[0];
            var rows = Array.prototype.slice.call(body.rows);
            rows.sort(function (a, b) {
              var x = a.cells[col].getAttribute('data-sort'), y = b.cells[col].getAttribute('data-sort');
              var c = 0;
              if (x === '' || y === '') c = x === y ? 0 : (x === '' ? 1 : -1);
              else c = (desc ? -1 : 1) * compare(type, x, y);
              return c !== 0 ? c : a.getAttribute('data-order') - b.getAttribute('data-order');
            });
            rows.forEach(function (r) { body.appendChild(r); });
            heads.forEach(function (h) {
              h.setAttribute('aria-sort', h === th ? (desc ? 'descending' : 'ascending') : 'none');
            });
            table.setAttribute('data-sorted', (desc ? '-' : '') + key);
          }
          heads.forEach(function (th) {
            th.addEventListener('click', function () {
              var key = th.getAttribute('data-key');
              sortBy(key, table.getAttribute('data-sorted') === key);
            });
          });
          function fromHash() {
            var m = /^#sort=(-?)([A-Za-z0-9_.@-]+)$/.exec(window.location.hash);
            if (m) sortBy(m[2], m[1] === '-');
          }
          window.addEventListener('hashchange', fromHash);
          fromHash();
        })();
        """;
}
