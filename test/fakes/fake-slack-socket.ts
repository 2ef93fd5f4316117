import type { AddressInfo } from 'node:net';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import { createConditionWaiter } from './condition-waiter.ts';
import type { FakeSlackAnswer } from './fake-slack-api.ts';

/** The envelope types Slack pushes over a Socket Mode connection. */
export type SocketEnvelopeType = 'slash_commands' | 'interactive' | 'events_api';

/** What the app sent back for one envelope: `{ envelope_id, payload? }`. */
export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

/** A loopback stand-in for Slack's Socket Mode WebSocket (wss-primary.slack.com/link). */
export interface FakeSlackSocket {
  /**
   * Plug into `startFakeSlackApi({ answer })`: answers `apps.connections.open` with this
   * server's URL, as Slack answers it with a fresh wss:// URL per connection.
   */
  answer: FakeSlackAnswer;
  /** Connections that have been sent `hello` so far, across reconnects. */
  readonly hellos: number;
  /** Resolves once `count` connections have been sent `hello`. */
  waitForHello(count?: number): Promise<void>;
  /**
   * Pushes one envelope to the newest open connection and resolves with the app's ack for it
   * (rejects if none arrives in time).
   */
  deliver(
    type: SocketEnvelopeType,
    payload: Record<string, unknown>,
    options?: { acceptsResponsePayload?: boolean },
  ): Promise<SocketAck>;
  /** Cuts every open connection without a close frame, as a crashed or recycled Slack pod would. */
  dropAll(): void;
  close(): Promise<void>;
}

const WAIT_LIMIT_MS = 5000;

export async function startFakeSlackSocket(): Promise<FakeSlackSocket> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const base = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const open: WebSocket[] = [];
  const acks = new Map<string, SocketAck>();
  const { notify, waitFor: waitUntil } = createConditionWaiter();
  let hellos = 0;
  let tickets = 0;
  let envelopes = 0;

  server.on('connection', (socket) => {
    open.push(socket);
    socket.on('message', (data: RawData) => {
      const message = JSON.parse(data.toString()) as Partial<SocketAck>;
      if (typeof message.envelope_id !== 'string') return;
      acks.set(message.envelope_id, message as SocketAck);
      notify();
    });
    socket.on('close', () => {
      open.splice(open.indexOf(socket), 1);
    });
    // Slack's first frame on every connection; the client counts as connected only after it.
    socket.send(
      JSON.stringify({
        type: 'hello',
        num_connections: open.length,
        debug_info: { host: 'fake-slack-socket', approximate_connection_time: 18060 },
        connection_info: { app_id: 'A1' },
      }),
    );
    hellos += 1;
    notify();
  });

  const waitFor = <T>(find: () => T | undefined, what: string): Promise<T> =>
    waitUntil(find, () => `fake Slack socket: gave up waiting for ${what}`, WAIT_LIMIT_MS);

  return {
    answer: (call) => {
      if (call.method !== 'apps.connections.open') return undefined;
      tickets += 1;
      return { ok: true, url: `${base}/link/?ticket=${tickets}&app_id=A1` };
    },
    get hellos() {
      return hellos;
    },
    waitForHello: async (count = 1) => {
      await waitFor(() => (hellos >= count ? true : undefined), `hello number ${count}`);
    },
    deliver: (type, payload, options = {}) => {
      const socket = open.at(-1);
      if (!socket) return Promise.reject(new Error('fake Slack socket: no open connection'));
      envelopes += 1;
      const envelopeId = `env-${envelopes}`;
      socket.send(
        JSON.stringify({
          envelope_id: envelopeId,
          type,
          payload,
          accepts_response_payload: options.acceptsResponsePayload ?? type !== 'events_api',
          ...(type === 'events_api' ? { retry_attempt: 0, retry_reason: '' } : {}),
        }),
      );
      return waitFor(() => acks.get(envelopeId), `the ack of ${envelopeId} (${type})`);
    },
    dropAll: () => {
      for (const socket of [...open]) socket.terminate();
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of [...open]) socket.terminate();
        server.close(() => resolve());
      }),
  };
}
