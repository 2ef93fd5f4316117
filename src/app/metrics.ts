import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** The bot's Prometheus metrics, on a registry of its own (no global state between tests). */
export interface BotMetrics {
  registry: Registry;
  commandsServed: Counter<'platform' | 'reply_type'>;
  commandSeconds: Histogram<'platform'>;
  digestPublishes: Counter<'platform' | 'outcome'>;
}

export function createBotMetrics(): BotMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'eujp_' });
  return {
    registry,
    commandsServed: new Counter({
      name: 'eujp_commands_served_total',
      help: 'Commands answered, by platform and reply type',
      labelNames: ['platform', 'reply_type'],
      registers: [registry],
    }),
    commandSeconds: new Histogram({
      name: 'eujp_command_duration_seconds',
      help: 'Time the core took to answer a command',
      labelNames: ['platform'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers: [registry],
    }),
    digestPublishes: new Counter({
      name: 'eujp_digest_publishes_total',
      help: 'Digest publish attempts by outcome: sent, or the failure kind (rate_limited and transient are retried)',
      labelNames: ['platform', 'outcome'],
      registers: [registry],
    }),
  };
}
