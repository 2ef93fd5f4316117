import type { Language } from '../core/reply.ts';
import { blockKitHtml } from './block-kit-html.ts';
import { discordHtml } from './discord-html.ts';
import { escapeHtml } from './html.ts';
import type { PlatformViews, PreviewModel } from './preview-model.ts';
import { PREVIEW_STYLES } from './preview-styles.ts';

// Past this age a briefing is flagged: a stale briefing costs more trust than a missing one.
const STALE_DAYS = 90;

/** The whole page, server-rendered; a few lines of script swap `#app` when the content changes. */
export function previewPage(model: PreviewModel, dir: string): string {
  return `<!doctype html>
<html lang="${model.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>eujp preview · ${escapeHtml(model.topic)}</title>
<style>${PREVIEW_STYLES}</style>
</head>
<body>
<div id="app">${previewApp(model, dir)}</div>
<script>
(() => {
  const events = new EventSource('/events');
  events.addEventListener('change', async () => {
    const response = await fetch(location.href);
    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
    const next = page.getElementById('app');
    if (next) document.getElementById('app').replaceWith(next);
  });
})();
</script>
</body>
</html>`;
}

export function previewApp(model: PreviewModel, dir: string): string {
  const link = (topic: string, lang: Language) => `/?topic=${encodeURIComponent(topic)}&amp;lang=${lang}`;
  const topics = model.topics
    .map((topic) => {
      const stale = topic.ageDays > STALE_DAYS;
      return `<li><a data-topic="${escapeHtml(topic.id)}" class="${topic.id === model.topic ? 'selected' : ''}" href="${link(topic.id, model.lang)}">
<span class="topic-title">${escapeHtml(topic.title)}</span>
<span class="freshness${stale ? ' stale' : ''}">as of ${escapeHtml(topic.asOf)} · ${topic.ageDays} days</span></a></li>`;
    })
    .join('');
  const languages = (['en', 'ja'] as const)
    .map(
      (lang) =>
        `<a data-lang="${lang}" class="${lang === model.lang ? 'selected' : ''}" href="${link(model.topic, lang)}">${lang === 'en' ? 'English' : '日本語'}</a>`,
    )
    .join('');
  return `<header><b>eujp</b> briefing preview <span class="dir">${escapeHtml(dir)}</span><nav class="languages">${languages}</nav></header>
${problemsHtml(model)}
<div class="layout">
<aside><h2>Topics</h2><ul class="topics">${topics}</ul></aside>
<main>
<h2>/eujp ${escapeHtml(model.topic)}</h2>
${platformsHtml(model.briefing, 'briefing')}
<h2>Next digest for a channel subscribed to ${escapeHtml(model.topic)}</h2>
${platformsHtml(model.digest, 'digest')}
</main>
</div>`;
}

function problemsHtml(model: PreviewModel): string {
  if (model.problems.length === 0)
    return '<section class="check ok" data-testid="check">briefings:check — no problems</section>';
  const rows = model.problems
    .map(
      (problem) =>
        `<tr><td>${escapeHtml(problem.file)}</td><td>${escapeHtml(problem.field)}</td><td>${problem.line ?? ''}</td><td>${escapeHtml(problem.message)}</td></tr>`,
    )
    .join('');
  return `<section class="check problems" data-testid="check"><b>briefings:check found ${model.problems.length} problem(s); the bot keeps the last valid content (shown below) until they are fixed.</b>
<table><thead><tr><th>file</th><th>field</th><th>line</th><th>problem</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function platformsHtml(views: PlatformViews, what: string): string {
  return `<div class="platforms">
<section class="platform slack" data-testid="${what}-slack"><h3>Slack · ${views.slack.length} message(s)</h3>${blockKitHtml(views.slack)}
<details><summary>Block Kit JSON</summary><pre>${escapeHtml(JSON.stringify(views.slack, null, 2))}</pre></details></section>
<section class="platform discord" data-testid="${what}-discord"><h3>Discord · ${views.discord.length} message(s)</h3>${discordHtml(views.discord)}
<details><summary>Discord JSON</summary><pre>${escapeHtml(JSON.stringify(views.discord, null, 2))}</pre></details></section>
</div>`;
}
