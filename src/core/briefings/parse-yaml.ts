import { CORE_SCHEMA, load } from 'js-yaml';

/**
 * Parses YAML with the YAML 1.2 core schema: `2025-05-12` stays the string it was written as
 * (the default schema would make it a Date at midnight UTC, and gray-matter's js-yaml 3 a local
 * one). js-yaml parses the briefings about ten times faster than the `yaml` package, which
 * showed as the largest single cost of start-up in a CPU profile.
 */
export function parseYaml(source: string): unknown {
  return load(source, { schema: CORE_SCHEMA });
}
