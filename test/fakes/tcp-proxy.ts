import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy on 127.0.0.1 that a test can switch between three states: `forward` (to a target
 * port), `freeze` (accepts connections and forwards nothing, like a network partition: the peer
 * sees an open connection that never answers) and `closed` (nothing listens: connection refused).
 */
export interface TcpProxy {
  readonly port: number;
  /** Connections accepted so far. */
  readonly connections: number;
  /** Starts listening (again) and forwards to the target. */
  forward(): Promise<void>;
  /** Keeps accepting, forwards nothing; bytes already in flight are dropped too. */
  freeze(): void;
  /** Stops listening and drops every connection. */
  close(): Promise<void>;
}

export async function startTcpProxy(
  targetPort: number,
  options: { listening?: boolean } = {},
): Promise<TcpProxy> {
  let frozen = false;
  let server: Server | undefined;
  const sockets = new Set<Socket>();
  const port = await reservePort();

  let connections = 0;
  const onConnection = (client: Socket) => {
    connections++;
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    if (frozen) {
      client.pause();
      return;
    }
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(upstream);
    upstream.on('close', () => {
      sockets.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    client.on('data', (chunk) => {
      if (!frozen) upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (!frozen) client.write(chunk);
    });
  };

  const proxy: TcpProxy = {
    port,
    get connections() {
      return connections;
    },
    forward: async () => {
      frozen = false;
      if (server) return;
      const listening = createServer(onConnection);
      server = listening;
      await new Promise<void>((resolve, reject) => {
        listening.once('error', reject);
        listening.listen(port, '127.0.0.1', resolve);
      });
    },
    freeze: () => {
      frozen = true;
    },
    close: async () => {
      const listening = server;
      server = undefined;
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      if (listening) await new Promise((resolve) => listening.close(resolve));
    },
  };
  if (options.listening ?? true) await proxy.forward();
  return proxy;
}

function reservePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
