import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import { HTTPModuleFunctions, verifySlackRequest } from '@slack/bolt';
import type { Logger } from '../../core/ports.ts';
import type { RecentKeys } from './recent-keys.ts';

/** Checks a Slack request before Bolt sees it; `next` hands it on with its body already read. */
export type SlackRequestGuard = (
  req: IncomingMessage,
  res: ServerResponse,
  next: () => void,
) => Promise<void>;

export interface SlackRequestGuardOptions {
  signingSecret: string;
  /** Where signatures already used are remembered, for as long as Slack would accept them. */
  signatures: RecentKeys;
  logger: Logger;
  now?: () => number;
  /** How far ahead of our clock a timestamp may be; Bolt only bounds the past (five minutes). */
  maxFutureSkewSeconds?: number;
  bodyLimitBytes?: number;
}

// Slack signs `v0:timestamp:body` and accepts a request for five minutes; a signature remembered
// a little longer than that covers the whole window, clock skew included.
const MAX_AGE_SECONDS = 5 * 60;
const DEFAULT_FUTURE_SKEW_SECONDS = 60;
// Slack's payloads are a few kilobytes; a megabyte leaves room for the largest Block Kit view.
const DEFAULT_BODY_LIMIT = 1024 * 1024;

/**
 * The checks Bolt's receiver lacks, in front of it: a timestamp too far in the future, a
 * signature used before (a replayed request, e.g. an old `unsubscribe all`), and a signed body
 * that is not an object (`null` made Bolt's receiver throw outside any handler). Bolt still runs
 * its own signature check afterwards on the same buffered body.
 */
export function createSlackRequestGuard(options: SlackRequestGuardOptions): SlackRequestGuard {
  const now = options.now ?? Date.now;
  const maxFuture = options.maxFutureSkewSeconds ?? DEFAULT_FUTURE_SKEW_SECONDS;
  const { logger } = options;
  const refuse = (res: ServerResponse, status: number, why: string) => {
    logger.warn({ status }, `slack: refused a request: ${why}`);
    res.writeHead(status).end();
  };

  return async (req, res, next) => {
    let body: string;
    try {
      const buffered = await HTTPModuleFunctions.bufferIncomingMessage(
        req,
        options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT,
      );
      body = buffered.rawBody.toString();
    } catch (error) {
      const tooLarge = HTTPModuleFunctions.isRawBodyError(error) && error.statusCode === 413;
      return refuse(res, tooLarge ? 413 : 400, tooLarge ? 'body too large' : 'unreadable body');
    }
    const form = isForm(req);
    // Slack's SSL check is unsigned by design; Bolt strips anything else from it.
    if (form && parseQuery(body).ssl_check === '1') return next();

    const signature = req.headers['x-slack-signature'];
    const timestampHeader = req.headers['x-slack-request-timestamp'];
    if (typeof signature !== 'string' || typeof timestampHeader !== 'string')
      return refuse(res, 401, 'unsigned');
    const timestamp = Number(timestampHeader);
    const nowSeconds = Math.floor(now() / 1000);
    if (!Number.isInteger(timestamp)) return refuse(res, 401, 'malformed timestamp');
    if (timestamp > nowSeconds + maxFuture) return refuse(res, 401, 'timestamp in the future');
    try {
      verifySlackRequest({
        signingSecret: options.signingSecret,
        body,
        headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
        nowMilliseconds: now(),
      });
    } catch {
      return refuse(res, 401, 'bad or stale signature');
    }

    const parsed = parseBody(body, form);
    if (parsed === undefined) return refuse(res, 400, 'body is not a JSON object');

    const ttlMs = (MAX_AGE_SECONDS + maxFuture) * 1000;
    if (!(await options.signatures.claim(`slack-signature:${signature}`, ttlMs))) {
      // A retry Slack sent with the very same signature was answered already: say so, quietly.
      if (req.headers['x-slack-retry-num'] !== undefined) return void res.writeHead(200).end();
      return refuse(res, 401, 'replayed signature');
    }
    next();
  };
}

function isForm(req: IncomingMessage): boolean {
  return (req.headers['content-type'] ?? '').split(';')[0]?.trim() === 'application/x-www-form-urlencoded';
}

/** The body as Slack would send it, an object; undefined for anything else (`null`, `[]`, `1`). */
function parseBody(body: string, form: boolean): object | undefined {
  try {
    const query = form ? parseQuery(body) : undefined;
    const json = query ? query.payload : body;
    if (query && json === undefined) return query;
    if (typeof json !== 'string') return undefined;
    const value: unknown = JSON.parse(json);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
