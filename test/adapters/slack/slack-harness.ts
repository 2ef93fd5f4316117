import type { SlackHomeSource } from '../../../src/adapters/slack/home/register-app-home.ts';
import type { MessageRefs } from '../../../src/adapters/slack/message-refs.ts';
import { type SlackAdapter, startSlackAdapter } from '../../../src/adapters/slack/start-slack-adapter.ts';
import type { Core } from '../../../src/core/core.ts';
import type { OnceKeys } from '../../../src/core/once-keys.ts';
import type { Logger, RequestContext } from '../../../src/core/ports.ts';
import type { HttpServerLimits } from '../../../src/http/harden-http-server.ts';
import { type FakeSlackAnswer, type FakeSlackApi, startFakeSlackApi } from '../../fakes/fake-slack-api.ts';
import { postSignedToSlack, type SlackHttpResult } from '../../fakes/slack-requests.ts';
import { createTestCore, silentLogger } from '../../support/test-core.ts';

export const SIGNING_SECRET = 'test-signing-secret';

/** A running adapter on loopback with its Web API pointed at a fake, plus what the core was asked. */
export interface SlackHarness {
  api: FakeSlackApi;
  adapter: SlackAdapter;
  /** `http://127.0.0.1:PORT/slack/events` */
  url: string;
  /** Every (text, context) the core received, in order. */
  asked: Array<{ text: string; context: RequestContext }>;
  post(
    body: string,
    contentType: 'form' | 'json',
    options?: { timestamp?: number; signature?: string; headers?: Record<string, string> },
  ): Promise<SlackHttpResult>;
  stop(): Promise<void>;
}

export async function startSlackHarness(
  options: {
    core?: Core;
    ackBudgetMs?: number;
    processBeforeResponse?: boolean;
    messageRefs?: MessageRefs;
    httpLimits?: HttpServerLimits;
    onceKeys?: OnceKeys;
    logger?: Logger;
    home?: SlackHomeSource;
    answer?: FakeSlackAnswer;
  } = {},
): Promise<SlackHarness> {
  const api = await startFakeSlackApi(options.answer ? { answer: options.answer } : {});
  const inner = options.core ?? (await createTestCore());
  const asked: SlackHarness['asked'] = [];
  const core: Core = {
    ...inner,
    handle: (text, context) => {
      asked.push({ text, context });
      return inner.handle(text, context);
    },
  };
  const adapter = await startSlackAdapter({
    botToken: 'xoxb-test',
    signingSecret: SIGNING_SECRET,
    apiUrl: api.apiUrl,
    port: 0,
    host: '127.0.0.1',
    core,
    logger: options.logger ?? silentLogger,
    ...(options.httpLimits ? { httpLimits: options.httpLimits } : {}),
    ...(options.onceKeys ? { onceKeys: options.onceKeys } : {}),
    clientOptions: { retryConfig: { retries: 0 } },
    processBeforeResponse: options.processBeforeResponse ?? true,
    ...(options.ackBudgetMs === undefined ? {} : { ackBudgetMs: options.ackBudgetMs }),
    ...(options.messageRefs ? { messageRefs: options.messageRefs } : {}),
    ...(options.home ? { home: options.home } : {}),
  });
  const url = `http://127.0.0.1:${adapter.port}/slack/events`;
  return {
    api,
    adapter,
    url,
    asked,
    post: (body, contentType, extra = {}) =>
      postSignedToSlack(url, body, {
        signingSecret: SIGNING_SECRET,
        contentType: contentType === 'form' ? 'application/x-www-form-urlencoded' : 'application/json',
        ...extra,
      }),
    stop: async () => {
      await adapter.stop();
      await api.close();
    },
  };
}

/** The `blocks` of a recorded Web API call, parsed from its JSON string. */
export function blocksOf(params: Record<string, string>): Array<Record<string, unknown>> {
  return JSON.parse(params.blocks ?? '[]');
}
