import type { AddressInfo } from 'node:net';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import { createConditionWaiter } from './condition-waiter.ts';

// Gateway v10 opcodes and close codes the fake speaks (discord.com/developers/docs/topics/opcodes-and-status-codes).
const OP = { dispatch: 0, heartbeat: 1, identify: 2, resume: 6, invalidSession: 9, hello: 10, ack: 11 };
export const AUTHENTICATION_FAILED = 4004;

/** One IDENTIFY the fake received; the token is kept so tests can check what was sent. */
export interface ReceivedIdentify {
  token: string;
  intents: number;
  shard: unknown;
}

export interface FakeDiscordGatewayOptions {
  /** The only token accepted; any other IDENTIFY is closed with 4004 Authentication failed. */
  token?: string;
  /** The bot user READY announces. */
  user?: { id: string; username: string };
  applicationId?: string;
  /** Sent in HELLO; the default is Discord's usual 41.25 s. */
  heartbeatIntervalMs?: number;
}

/** A loopback stand-in for Discord's gateway, enough for discord.js `client.login()` to reach ready. */
export interface FakeDiscordGateway {
  /** The `ws://127.0.0.1:P` URL `GET /gateway/bot` should return. */
  readonly url: string;
  readonly identifies: ReceivedIdentify[];
  /** Heartbeats answered so far, across sessions. */
  readonly heartbeats: number;
  /** Sessions sent READY or RESUMED so far. */
  readonly readySessions: number;
  /** Resolves once `count` heartbeats have been answered. */
  waitForHeartbeats(count: number, timeoutMs?: number): Promise<void>;
  /** Resolves once `count` sessions have been sent READY (or RESUMED). */
  waitForReady(count?: number, timeoutMs?: number): Promise<void>;
  /** Sends a dispatch (op 0) to every ready session, with its own sequence number. */
  dispatch(event: string, data: unknown): void;
  /** An INTERACTION_CREATE, the way a slash command, button or autocomplete reaches the bot. */
  dispatchInteraction(payload: Record<string, unknown>): void;
  /** Closes every open connection with `code` (e.g. 4000 to make the client resume). */
  disconnectAll(code?: number): void;
  close(): Promise<void>;
}

interface Session {
  socket: WebSocket;
  sequence: number;
  id?: string;
  ready: boolean;
}

interface GatewayPayload {
  op: number;
  d?: unknown;
  s?: number | null;
  t?: string | null;
}

export async function startFakeDiscordGateway(
  options: FakeDiscordGatewayOptions = {},
): Promise<FakeDiscordGateway> {
  const user = options.user ?? { id: '1100000000000000001', username: 'eujp' };
  const applicationId = options.applicationId ?? user.id;
  const heartbeatIntervalMs = options.heartbeatIntervalMs ?? 41_250;
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sessions = new Set<Session>();
  // Session ids the fake handed out, so a RESUME after a drop is accepted (as Discord does).
  const knownSessions = new Set<string>();
  const identifies: ReceivedIdentify[] = [];
  const waiter = createConditionWaiter();
  let readyCount = 0;
  let heartbeats = 0;
  let nextSession = 0;

  const send = (session: Session, payload: GatewayPayload) => {
    if (session.socket.readyState === session.socket.OPEN) session.socket.send(JSON.stringify(payload));
  };
  const dispatchTo = (session: Session, event: string, data: unknown) => {
    session.sequence += 1;
    send(session, { op: OP.dispatch, t: event, s: session.sequence, d: data });
  };
  const markReady = (session: Session) => {
    session.ready = true;
    readyCount += 1;
    waiter.notify();
  };
  const accepts = (token: unknown) =>
    typeof token === 'string' && (options.token === undefined || token === options.token);

  const onPayload = (session: Session, payload: GatewayPayload) => {
    const data = (payload.d ?? {}) as Record<string, unknown>;
    switch (payload.op) {
      case OP.heartbeat:
        heartbeats += 1;
        send(session, { op: OP.ack });
        waiter.notify();
        return;
      case OP.identify: {
        identifies.push({ token: String(data.token), intents: Number(data.intents), shard: data.shard });
        if (!accepts(data.token)) {
          session.socket.close(AUTHENTICATION_FAILED, 'Authentication failed.');
          return;
        }
        nextSession += 1;
        session.id = `fake-session-${nextSession}`;
        knownSessions.add(session.id);
        dispatchTo(session, 'READY', {
          v: 10,
          user: { ...user, discriminator: '0', global_name: null, avatar: null, bot: true, flags: 0 },
          guilds: [],
          session_id: session.id,
          resume_gateway_url: url,
          shard: data.shard ?? [0, 1],
          application: { id: applicationId, flags: 0 },
        });
        markReady(session);
        return;
      }
      case OP.resume: {
        if (!accepts(data.token)) {
          session.socket.close(AUTHENTICATION_FAILED, 'Authentication failed.');
          return;
        }
        const id = String(data.session_id);
        if (!knownSessions.has(id)) {
          send(session, { op: OP.invalidSession, d: false });
          return;
        }
        session.id = id;
        session.sequence = Number(data.seq) || 0;
        dispatchTo(session, 'RESUMED', {});
        markReady(session);
        return;
      }
      default:
        return;
    }
  };

  const waitUntil = (done: () => boolean, expected: () => string, timeoutMs: number) =>
    waiter
      .waitFor(
        () => (done() ? true : undefined),
        () => `fake Discord gateway: expected ${expected()}`,
        timeoutMs,
      )
      .then(() => undefined);
  const dispatch = (event: string, data: unknown) => {
    for (const session of sessions) if (session.ready) dispatchTo(session, event, data);
  };

  server.on('connection', (socket) => {
    const session: Session = { socket, sequence: 0, ready: false };
    sessions.add(session);
    socket.on('message', (raw: RawData) => {
      let payload: GatewayPayload;
      try {
        payload = JSON.parse(raw.toString()) as GatewayPayload;
      } catch {
        socket.close(4002, 'Error while decoding payload.');
        return;
      }
      onPayload(session, payload);
    });
    socket.on('close', () => sessions.delete(session));
    socket.on('error', () => sessions.delete(session));
    send(session, { op: OP.hello, d: { heartbeat_interval: heartbeatIntervalMs } });
  });

  return {
    url,
    identifies,
    get heartbeats() {
      return heartbeats;
    },
    get readySessions() {
      return readyCount;
    },
    waitForReady: (count = 1, timeoutMs = 10_000) =>
      waitUntil(
        () => readyCount >= count,
        () => `${count} ready session(s), got ${readyCount}`,
        timeoutMs,
      ),
    waitForHeartbeats: (count, timeoutMs = 10_000) =>
      waitUntil(
        () => heartbeats >= count,
        () => `${count} heartbeat(s), got ${heartbeats}`,
        timeoutMs,
      ),
    dispatch,
    dispatchInteraction: (payload) => dispatch('INTERACTION_CREATE', payload),
    disconnectAll: (code = 4000) => {
      for (const session of sessions) session.socket.close(code, 'fake gateway: disconnect');
    },
    close: () =>
      new Promise((resolve) => {
        for (const session of sessions) session.socket.terminate();
        server.close(() => resolve());
      }),
  };
}
