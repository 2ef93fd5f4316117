/** The ten stable topic ids (docs/contracts.md); other tools rely on these exact strings. */
export const TOPIC_IDS = [
  'partnership',
  'ai',
  '5g-6g',
  'semiconductors',
  'hpc',
  'quantum',
  'cybersecurity',
  'digital-identity',
  'data-flows',
  'platforms',
] as const;

export type TopicId = (typeof TOPIC_IDS)[number];

export function isTopicId(value: string): value is TopicId {
  return (TOPIC_IDS as readonly string[]).includes(value);
}
