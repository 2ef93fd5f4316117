import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BriefingProblem } from '../core/briefings/briefing-problems.ts';
import { createBriefingSource } from '../core/briefings/create-briefing-source.ts';
import { createCore } from '../core/create-core.ts';
import { isLanguage } from '../core/i18n/language.ts';
import type { Clock, Logger } from '../core/ports.ts';
import { buildPreviewModel, type PreviewProblem, withLines } from './preview-model.ts';
import { previewPage } from './preview-page.ts';

export interface PreviewServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Serves the editors' preview on 127.0.0.1 only. The content comes through the bot's own
 * briefing source and its reload-on-save watcher, so the page shows exactly what the bot would
 * serve, and every reload (valid or refused) is pushed to open pages as a server-sent event.
 */
export async function startPreviewServer(options: {
  dir: string;
  port: number;
  logger: Logger;
  clock?: Clock;
}): Promise<PreviewServer> {
  const clock = options.clock ?? { now: () => new Date() };
  let problems: PreviewProblem[] = [];
  const listeners = new Set<ServerResponse>();
  const notify = () => {
    for (const response of listeners) response.write('event: change\ndata: reload\n\n');
  };
  const onReload = ({ problems: found }: { problems: readonly BriefingProblem[] }) => {
    void withLines(options.dir, found).then((withLine) => {
      problems = withLine;
      notify();
    });
  };
  const source = await createBriefingSource(options.dir, options.logger, { onReload });
  const stopWatching = source.watch();
  const core = createCore({ getLibrary: source.current, clock, logger: options.logger });

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      res.write(': connected\n\n');
      listeners.add(res);
      req.on('close', () => listeners.delete(res));
      return;
    }
    if (url.pathname !== '/') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    try {
      const lang = url.searchParams.get('lang') ?? 'en';
      const model = await buildPreviewModel({
        core,
        library: source.current(),
        topic: url.searchParams.get('topic') ?? undefined,
        lang: isLanguage(lang) ? lang : 'en',
        now: clock.now(),
        problems,
      });
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
        .end(previewPage(model, options.dir));
    } catch (error) {
      options.logger.error({ err: error }, 'preview: could not render');
      res
        .writeHead(500, { 'content-type': 'text/plain' })
        .end('could not render the preview; see the terminal');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    close: async () => {
      stopWatching();
      for (const response of listeners) response.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
