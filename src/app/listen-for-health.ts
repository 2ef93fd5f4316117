import { errorCode, StartupError } from '../startup-error.ts';
import type { HealthRoutes } from './health-routes.ts';

/** The bot's own /healthz and /metrics server, opened and closed as Slack's HTTP server needs the port. */
export interface OwnHealthServer {
  /** Listens on HOST:PORT (no-op when already listening); a taken port is a StartupError naming PORT. */
  open(): Promise<void>;
  close(): Promise<void>;
}

export function listenForHealth(health: HealthRoutes, port: number, host: string): OwnHealthServer {
  let server: { close(): Promise<void> } | undefined;
  return {
    open: async () => {
      if (server) return;
      try {
        server = await health.listen(port, host);
      } catch (error) {
        const code = errorCode(error);
        if (code === 'EADDRINUSE')
          throw new StartupError(`PORT=${port}: already in use by another process (EADDRINUSE)`, {
            cause: error,
          });
        if (code === 'EACCES')
          throw new StartupError(`PORT=${port}: not allowed for this user (EACCES)`, { cause: error });
        throw error;
      }
    },
    close: async () => {
      const open = server;
      server = undefined;
      await open?.close();
    },
  };
}
