export function buildIfStale(options?: { root?: string; build?: (root: string) => void }): boolean;
