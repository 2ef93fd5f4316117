import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  closeServer,
  createHardenedServer,
  type HttpServerLimits,
  listenOn,
} from '../http/harden-http-server.ts';
import type { BotMetrics } from './metrics.ts';

export type ComponentState = {
  status: 'starting' | 'up' | 'down';
  detail?: string;
  /** Per platform, how long digests wait for a rate limit right now (only while one does). */
  rateLimitWaitMs?: Record<string, number>;
};

/** `/healthz` and `/metrics`: served by Bolt's HTTP server when Slack runs, else by their own. */
export interface HealthRoutes {
  setState(component: string, state: ComponentState): void;
  /**
   * A component checked on every request (the store answers a query), rather than set once: it
   * is up when the check resolves (with its own state, if it returns one), down when it throws.
   */
  addCheck(component: string, check: () => Promise<unknown>): void;
  /** Routes in Bolt's `customRoutes` shape. */
  boltRoutes(): Array<{
    path: string;
    method: string;
    handler(req: IncomingMessage, res: ServerResponse): void;
  }>;
  /** A small server of its own, for when no Slack HTTP server is running. */
  listen(
    port: number,
    host: string,
    limits?: HttpServerLimits,
  ): Promise<{ port: number; close(): Promise<void> }>;
}

export interface HealthRouteOptions {
  /**
   * `EUJP_METRICS_TOKEN`: `/metrics` then needs `Authorization: Bearer <token>`. Without one it
   * answers only clients on the loopback interface, so binding every interface (a container, or
   * Slack's HTTP mode) never publishes the metrics.
   */
  metricsToken?: string;
}

// A check slower than this reports its component down: a locked or unreachable database.
const CHECK_TIMEOUT_MS = 2000;

export function createHealthRoutes(metrics: BotMetrics, options: HealthRouteOptions = {}): HealthRoutes {
  const components = new Map<string, ComponentState>();
  const checks = new Map<string, () => Promise<unknown>>();

  const runCheck = async (check: () => Promise<unknown>): Promise<ComponentState> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)),
        CHECK_TIMEOUT_MS,
      );
    });
    try {
      const state = await Promise.race([check(), timeout]);
      return isComponentState(state) ? state : { status: 'up' };
    } catch (error) {
      return { status: 'down', detail: error instanceof Error ? error.message : String(error) };
    } finally {
      clearTimeout(timer);
    }
  };

  const healthz = (_req: IncomingMessage, res: ServerResponse): void => {
    const checked = [...checks].map(async ([name, check]) => [name, await runCheck(check)] as const);
    void Promise.all(checked).then((results) => {
      const states = { ...Object.fromEntries(components), ...Object.fromEntries(results) };
      const healthy = Object.values(states).every((state) => state.status === 'up');
      res.writeHead(healthy ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: healthy ? 'ok' : 'degraded', components: states }));
    });
  };
  const metricsRoute = (req: IncomingMessage, res: ServerResponse): void => {
    if (!mayReadMetrics(req, options.metricsToken)) {
      res.writeHead(options.metricsToken ? 401 : 403, { 'content-type': 'text/plain' });
      res.end(
        options.metricsToken ? 'metrics need a bearer token\n' : 'metrics are served to localhost only\n',
      );
      return;
    }
    metrics.registry.metrics().then(
      (text) => {
        res.writeHead(200, { 'content-type': metrics.registry.contentType });
        res.end(text);
      },
      () => {
        res.writeHead(500).end();
      },
    );
  };
  const routes = [
    { path: '/healthz', method: 'GET', handler: healthz },
    { path: '/metrics', method: 'GET', handler: metricsRoute },
  ];

  return {
    setState: (component, state) => components.set(component, state),
    addCheck: (component, check) => checks.set(component, check),
    boltRoutes: () => routes,
    listen: async (port, host, limits) => {
      const server = createHardenedServer((req, res) => {
        const route = routes.find(
          (candidate) => candidate.path === req.url?.split('?')[0] && candidate.method === req.method,
        );
        if (route) route.handler(req, res);
        else res.writeHead(404).end();
      }, limits);
      return { port: await listenOn(server, port, host), close: () => closeServer(server) };
    },
  };
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function mayReadMetrics(req: IncomingMessage, token: string | undefined): boolean {
  if (!token) return LOOPBACK.has(req.socket.remoteAddress ?? '');
  const given = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
  // Hashing first gives equal lengths, so the comparison takes the same time whatever was sent.
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(token));
}

function isComponentState(value: unknown): value is ComponentState {
  return typeof value === 'object' && value !== null && 'status' in value;
}
