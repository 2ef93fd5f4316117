import { UserFacingError } from '../../../core/errors.ts';

/** One end of the IPC channel between a Discord shard process and its manager. */
export interface MessageChannel {
  send(message: unknown): void;
  /** Returns a function that stops listening. */
  onMessage(listener: (message: unknown) => void): () => void;
}

/** A request from a shard; `eujp` tells it apart from discord.js's own sharding messages. */
interface RpcRequest {
  eujp: 'rpc';
  id: number;
  method: string;
  args: unknown;
}

type RpcResult =
  | { eujp: 'rpc-result'; id: number; ok: true; value: unknown }
  | { eujp: 'rpc-result'; id: number; ok: false; message: string; code?: string; cause?: string };

/** Calls into the manager process; rejects after `timeoutMs` so a lost manager cannot hang a reply. */
export interface RpcClient {
  call(method: string, args: unknown): Promise<unknown>;
  close(): void;
}

export type RpcHandlers = Record<string, (args: never) => Promise<unknown>>;

const DEFAULT_TIMEOUT_MS = 10_000;

export function createRpcClient(channel: MessageChannel, timeoutMs = DEFAULT_TIMEOUT_MS): RpcClient {
  let nextId = 0;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  const stop = channel.onMessage((message) => {
    if (!isResult(message)) return;
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.ok) waiter.resolve(message.value);
    // A UserFacingError crosses intact, so the user still reads "no such time zone", not an apology.
    else
      waiter.reject(
        message.code
          ? new UserFacingError(
              message.code,
              message.message,
              // The store error behind "could not save", so the shard that answers can log it.
              message.cause === undefined ? undefined : { cause: new Error(message.cause) },
            )
          : new Error(message.message),
      );
  });
  return {
    call: (method, args) =>
      new Promise((resolve, reject) => {
        nextId += 1;
        const id = nextId;
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`no answer from the shard manager to ${method} within ${timeoutMs} ms`));
        }, timeoutMs);
        pending.set(id, {
          resolve: (value) => {
            clearTimeout(timer);
            resolve(value);
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        });
        const request: RpcRequest = { eujp: 'rpc', id, method, args };
        try {
          channel.send(request);
        } catch (error) {
          pending.get(id)?.reject(error instanceof Error ? error : new Error(String(error)));
          pending.delete(id);
        }
      }),
    close() {
      stop();
      for (const waiter of pending.values()) waiter.reject(new Error('shard manager channel closed'));
      pending.clear();
    },
  };
}

/** Answers a shard's requests with `handlers`; an unknown method is an error, not a hang. */
export function serveRpc(channel: MessageChannel, handlers: RpcHandlers): () => void {
  return channel.onMessage((message) => {
    if (!isRequest(message)) return;
    const handler = handlers[message.method];
    const answer = handler
      ? handler(message.args as never)
      : Promise.reject(new Error(`unknown method ${message.method}`));
    answer.then(
      (value) => channel.send({ eujp: 'rpc-result', id: message.id, ok: true, value } satisfies RpcResult),
      (error: unknown) =>
        channel.send({
          eujp: 'rpc-result',
          id: message.id,
          ok: false,
          message: error instanceof Error ? error.message : String(error),
          ...(error instanceof UserFacingError ? { code: error.code } : {}),
          ...(error instanceof UserFacingError && error.cause !== undefined
            ? { cause: error.cause instanceof Error ? error.cause.message : String(error.cause) }
            : {}),
        } satisfies RpcResult),
    );
  });
}

function isRequest(message: unknown): message is RpcRequest {
  return typeof message === 'object' && message !== null && (message as RpcRequest).eujp === 'rpc';
}

function isResult(message: unknown): message is RpcResult {
  return typeof message === 'object' && message !== null && (message as RpcResult).eujp === 'rpc-result';
}
