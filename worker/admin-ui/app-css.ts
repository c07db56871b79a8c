/** The management page's stylesheet, served as /admin/app.css. Layout only: no inline styles anywhere (the CSP forbids them). */

/** The stylesheet text. */
export const APP_CSS = String.raw`
:root{--fg:#1d2430;--muted:#5b6474;--bg:#f6f7f9;--card:#fff;--line:#d5d9e0;--accent:#1f5fbf;--accent-fg:#fff;--danger:#b3261e;--ok:#1e6b34;--warn:#8a5a00;--focus:#ffbf47;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
*{box-sizing:border-box}
body{margin:0;min-width:320px}
h1,h2,h3,h4{line-height:1.25;margin:0 0 .5rem}
h1{font-size:1.25rem}h2{font-size:1.2rem}h3{font-size:1.05rem}h4{font-size:1rem}
p{margin:0 0 .75rem}
code,pre,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.875rem}
a{color:var(--accent)}
.top{display:flex;align-items:center;justify-content:space-between;gap:1rem;padding:.75rem 1rem;background:var(--card);border-bottom:1px solid var(--line)}
.top h1{margin:0}.top button{white-space:nowrap}.top h1 span{color:var(--muted);font-weight:400}
main{max-width:64rem;margin:0 auto;padding:1rem}
section.panel{background:var(--card);border:1px solid var(--line);border-radius:.5rem;padding:1rem;margin:0 0 1rem}
.head{display:flex;flex-wrap:wrap;align-items:baseline;justify-content:space-between;gap:.5rem}
.muted,.hint{color:var(--muted)}.hint{font-size:.875rem;margin:.125rem 0 0}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
button{font:inherit;min-height:2.5rem;padding:.375rem .875rem;border-radius:.375rem;border:1px solid var(--accent);background:var(--card);color:var(--accent);cursor:pointer}
button.primary{background:var(--accent);color:var(--accent-fg)}
button.danger{background:var(--danger);border-color:var(--danger);color:#fff}
button.danger-outline{border-color:var(--danger);color:var(--danger)}
button[disabled]{opacity:.55;cursor:not-allowed}
button[aria-pressed=true]{background:var(--accent);color:var(--accent-fg)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
input[type=text],input[type=password],input[type=url],input[type=datetime-local]{font:inherit;width:100%;min-height:2.5rem;padding:.375rem .5rem;border:1px solid #8a93a3;border-radius:.375rem;background:#fff;color:var(--fg)}
input[aria-invalid=true],fieldset[aria-invalid=true]{border-color:var(--danger)}
label{font-weight:600}
.field{margin:0 0 1rem;border:0;padding:0;min-width:0}
fieldset.field{border:1px solid var(--line);border-radius:.375rem;padding:.5rem .75rem .75rem}
legend{font-weight:600;padding:0 .25rem}
.field>label{display:block;margin-bottom:.25rem}
.checks{display:flex;flex-wrap:wrap;gap:.25rem 1rem}
label.check{font-weight:400;display:inline-flex;align-items:center;gap:.375rem;min-height:2rem}
label.check input{width:1.125rem;height:1.125rem;margin:0}
.error{color:var(--danger);font-size:.875rem;margin:.25rem 0 0;min-height:0}
.error:empty{display:none}
.status{min-height:1.5rem;margin:.5rem 0;overflow-wrap:anywhere}
.status.ok{color:var(--ok)}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:.75rem}
.cards{list-style:none;margin:0 0 1rem;padding:0;display:grid;gap:.75rem;grid-template-columns:repeat(auto-fill,minmax(19rem,1fr));min-height:9.5rem}
.card{border:1px solid var(--line);border-radius:.5rem;padding:.75rem;background:var(--card);min-height:9.5rem;overflow-wrap:anywhere}
.card.selected{border-color:var(--accent);box-shadow:0 0 0 1px var(--accent)}
.card dl{display:grid;grid-template-columns:auto 1fr;gap:0 .5rem;margin:0;font-size:.875rem}
.card dt{color:var(--muted)}.card dd{margin:0}
.card .actions{margin-top:.5rem}
.skeleton{position:relative;overflow:hidden;background:#eceef2;border-color:#eceef2}
.skeleton::after{content:"";position:absolute;inset:0;background:linear-gradient(90deg,transparent,#ffffff99,transparent);animation:shine 1.4s infinite}
@keyframes shine{from{transform:translateX(-100%)}to{transform:translateX(100%)}}
@media (prefers-reduced-motion:reduce){.skeleton::after{animation:none}}
details.connect{border:1px solid var(--line);border-radius:.5rem;padding:.5rem .75rem}
details.connect summary{cursor:pointer;font-weight:600;min-height:2rem;display:flex;align-items:center}
details.connect form{margin-top:.75rem;max-width:36rem}
table{width:100%;border-collapse:collapse;font-size:.9375rem}
caption{text-align:left}
th,td{text-align:left;vertical-align:top;padding:.5rem;border-bottom:1px solid var(--line);overflow-wrap:anywhere}
thead th{font-size:.8125rem;color:var(--muted);text-transform:uppercase;letter-spacing:.03em}
tr.skeleton-row td{height:3.25rem}
tr.skeleton-row td::before{content:"";display:block;height:1rem;border-radius:.25rem;background:#eceef2}
.row-actions{white-space:nowrap}.row-actions button{margin:0 .25rem .25rem 0}
.countdown{display:block;font-variant-numeric:tabular-nums;font-size:.875rem}
.countdown.soon{color:var(--warn);font-weight:600}
.countdown.expired,.badge.expired{color:#fff;background:var(--danger);border-radius:.25rem;padding:0 .375rem;display:inline-block;font-weight:600}
tr.is-expired th,tr.is-expired td{background:#fbeaea}
.badge{font-size:.75rem;border:1px solid var(--line);border-radius:.25rem;padding:0 .25rem;margin-left:.375rem;font-weight:400}
.empty{padding:1rem;border:1px dashed var(--line);border-radius:.5rem;color:var(--muted)}
.server-form{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:0 1.5rem}
.server-form>.wide{grid-column:1/-1}
.preview{border:1px solid var(--line);border-radius:.5rem;padding:.75rem;background:#fbfcfd;min-height:17rem;grid-column:2;grid-row:1/span 5;align-self:start}
.preview[aria-busy=true] .tool-list{opacity:.5}
.preview-summary{font-weight:600;min-height:1.5rem}
.tool-list{list-style:none;margin:0;padding:0;max-height:24rem;overflow:auto;border-top:1px solid var(--line)}
.tool-list li{display:flex;justify-content:space-between;gap:.5rem;padding:.25rem 0;border-bottom:1px solid #eef0f3;overflow-wrap:anywhere}
.tool-list code{min-width:0}.tool-list .method{font-size:.75rem;color:var(--muted);flex-shrink:0}
.created{border:2px solid var(--ok);border-radius:.5rem;padding:1rem;margin:0 0 1rem;background:#f1f8f3}
.copy-row{display:flex;gap:.5rem;align-items:center}
.copy-row input{flex:1;min-width:0;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.875rem}
.steps{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:.75rem;margin-top:1rem}
.steps>div{min-width:0}
pre{background:#1d2430;color:#f1f3f6;padding:.5rem .75rem;border-radius:.375rem;overflow:auto;white-space:pre-wrap;overflow-wrap:anywhere;margin:.25rem 0 0}
dialog{border:1px solid var(--line);border-radius:.5rem;padding:1rem;width:min(56rem,calc(100vw - 1rem));max-height:calc(100vh - 2rem);overflow:auto;color:var(--fg)}
dialog.small{width:min(32rem,calc(100vw - 1rem))}
dialog::backdrop{background:#0008}
@media (max-width:700px){
main{padding:.5rem}
section.panel{padding:.75rem}
.server-form{grid-template-columns:minmax(0,1fr)}
.preview{grid-column:1;grid-row:auto;min-height:12rem}
.tool-list{max-height:14rem}
.top h1{font-size:1.05rem}
table.servers thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
table.servers,table.servers tbody,table.servers tr,table.servers th,table.servers td{display:block}
table.servers tr{border:1px solid var(--line);border-radius:.5rem;margin:0 0 .75rem;padding:.25rem .5rem}
table.servers th,table.servers td{border:0;padding:.25rem 0}
table.servers [data-label]::before{content:attr(data-label);display:block;font-size:.75rem;color:var(--muted);text-transform:uppercase}
.copy-row{flex-wrap:wrap}
.copy-row input{flex-basis:100%}
}
`;
