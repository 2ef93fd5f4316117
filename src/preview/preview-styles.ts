/** The page's CSS: Slack's light message look beside Discord's dark one. */
export const PREVIEW_STYLES = `
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 -apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK JP",sans-serif;color:#1d1c1d;background:#f4f4f6}
header{display:flex;gap:12px;align-items:center;padding:10px 18px;background:#1d3557;color:#fff}
header .dir{opacity:.7;font-size:12px}
.languages{margin-left:auto;display:flex;gap:6px}
.languages a{color:#fff;text-decoration:none;padding:3px 10px;border:1px solid #ffffff55;border-radius:12px}
.languages a.selected{background:#fff;color:#1d3557}
.check{margin:12px 18px;padding:10px 14px;border-radius:6px}
.check.ok{background:#e6f4ea;color:#1e5631}
.check.problems{background:#fde8e8;color:#7a1010;border:1px solid #f5b5b5}
.check table{border-collapse:collapse;margin-top:8px;width:100%}
.check td,.check th{border-top:1px solid #f5b5b5;padding:4px 8px;text-align:left;vertical-align:top}
.layout{display:grid;grid-template-columns:230px 1fr;gap:18px;padding:0 18px 18px}
aside h2,main h2{font-size:15px;margin:14px 0 8px}
.topics{list-style:none;margin:0;padding:0}
.topics a{display:block;padding:6px 10px;border-radius:6px;color:inherit;text-decoration:none}
.topics a.selected{background:#1d3557;color:#fff}
.topic-title{display:block;font-weight:600}
.freshness{font-size:12px;opacity:.75}
.freshness.stale{color:#b00020;opacity:1;font-weight:600}
.topics a.selected .freshness.stale{color:#ffb3b3}
.platforms{display:grid;grid-template-columns:1fr 1fr;gap:14px;align-items:start}
.platform{border-radius:8px;padding:12px 14px;min-width:0}
.platform h3{margin:0 0 8px;font-size:12px;text-transform:uppercase;letter-spacing:.04em;opacity:.7}
.platform details{margin-top:8px;font-size:12px}
.platform pre{max-height:320px;overflow:auto;font-size:11px;white-space:pre-wrap;word-break:break-all}
.avatar{display:inline-flex;width:22px;height:22px;border-radius:5px;background:#1d3557;color:#fff;font-size:11px;align-items:center;justify-content:center;margin-right:6px}
.app{font-size:10px;padding:0 3px;border-radius:3px;background:#0000001a;vertical-align:middle}
.slack{background:#fff;border:1px solid #ddd}
.slack-message+.slack-message{margin-top:14px;padding-top:10px;border-top:1px dashed #ccc}
.slack-author{margin-bottom:4px}
.slack-header{font-size:18px;font-weight:800;margin:6px 0}
.slack-section{margin:6px 0;word-wrap:break-word}
.slack-section a,.slack-context a{color:#1264a3;text-decoration:none}
.slack-context{font-size:12px;color:#616061;margin:4px 0}
.slack-divider{border:0;border-top:1px solid #ddd;margin:10px 0}
.slack-actions{display:flex;flex-wrap:wrap;gap:8px;margin:8px 0}
.slack-button{border:1px solid #bbb;border-radius:4px;padding:3px 12px;font-weight:700;font-size:13px;background:#fff}
.slack-button.primary{background:#007a5a;border-color:#007a5a;color:#fff}
.slack-channel{background:#e8f5fa;color:#1264a3;padding:0 2px;border-radius:3px}
code{font:12px Menlo,Consolas,monospace;background:#0000000d;border:1px solid #0000001a;border-radius:3px;padding:0 3px;color:#c01343}
.discord{background:#313338;color:#dbdee1}
.discord code{color:#dbdee1;background:#2b2d31;border-color:#1e1f22}
.discord-message+.discord-message{margin-top:14px}
.discord-author{margin-bottom:4px;color:#f2f3f5}
.discord-author .app{background:#5865f2;color:#fff}
.discord-embed{background:#2b2d31;border-left:4px solid #5865f2;border-radius:4px;padding:8px 12px;margin:4px 0;max-width:520px}
.discord-title{font-weight:700;color:#f2f3f5;margin-bottom:4px}
.discord-description{font-size:13.5px}
.discord-embed a{color:#00a8fc;text-decoration:none}
.discord-fields{display:flex;flex-wrap:wrap;gap:8px;margin-top:6px}
.discord-field{flex:1 1 100%}
.discord-field.inline{flex:1 1 30%}
.discord-field-name{font-weight:700;color:#f2f3f5}
.discord-footer{font-size:12px;color:#b5bac1;margin-top:8px}
.discord-row{display:flex;flex-wrap:wrap;gap:8px;margin:6px 0}
.discord-button{background:#4e5058;color:#fff;border-radius:3px;padding:4px 14px;font-size:13px}
.discord-button.style-1{background:#5865f2}
.discord-button.style-3{background:#248046}
.discord-button.style-5{background:#4e5058}
.discord-ephemeral{font-size:12px;color:#949ba4;margin-top:4px}
.limit{font-size:11px;color:#949ba4;margin-top:4px}
.limit.over{color:#f23f43;font-weight:700}
`;
