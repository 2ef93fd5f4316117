import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { load as parse } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const composePath = path.resolve(import.meta.dirname, '../../compose.postgres.yaml');

interface Service {
  image?: string;
  build?: string;
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  ports?: string[];
  volumes?: string[];
}

async function services(): Promise<Record<string, Service>> {
  const compose = parse(await readFile(composePath, 'utf8')) as {
    services: Record<string, Service>;
  };
  return compose.services;
}

describe('compose.postgres.yaml', () => {
  it('runs two bot replicas on one Postgres kept in a volume', async () => {
    const all = await services();
    const bots = Object.entries(all).filter(([name]) => name.startsWith('bot'));
    expect(bots).toHaveLength(2);
    expect(all.postgres?.volumes?.[0]).toMatch(/^postgres-data:/);
    for (const [, bot] of bots) {
      expect(bot.environment?.EUJP_DB).toMatch(/^postgres:\/\/eujp:.*@postgres:5432\/eujp$/);
      expect(bot.depends_on?.postgres?.condition).toBe('service_healthy');
    }
  });

  it('gives each replica its own Discord shard of as many shards as there are replicas', async () => {
    const bots = Object.entries(await services()).filter(([name]) => name.startsWith('bot'));
    expect(bots.map(([, bot]) => bot.environment?.SHARDS).sort()).toEqual(['0', '1']);
    expect(new Set(bots.map(([, bot]) => bot.environment?.SHARD_COUNT))).toEqual(
      new Set([String(bots.length)]),
    );
    expect(new Set(bots.flatMap(([, bot]) => bot.ports ?? [])).size).toBe(bots.length);
  });
});
