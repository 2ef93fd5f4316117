/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent swaps, so "qunatum" is one
 * typo, not two). Stops early once every path exceeds `limit`, returning `limit + 1`.
 */
export function editDistance(a: string, b: string, limit: number): number {
  return editDistanceOfCharacters([...a], [...b], limit);
}

/** The same over code points already split, so a scan over many names splits each only once. */
export function editDistanceOfCharacters(
  left: readonly string[],
  right: readonly string[],
  limit: number,
): number {
  if (Math.abs(left.length - right.length) > limit) return limit + 1;
  let previousPrevious: number[] = [];
  let previous = Array.from({ length: right.length + 1 }, (_, j) => j);
  for (let i = 1; i <= left.length; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= right.length; j++) {
      const cost = left[i - 1] === right[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && left[i - 1] === right[j - 2] && left[i - 2] === right[j - 1]) {
        value = Math.min(value, previousPrevious[j - 2]! + 1);
      }
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return limit + 1;
    previousPrevious = previous;
    previous = current;
  }
  return previous[right.length]!;
}

/** How many typos a name of this length tolerates: none for short ones like "ai" or "hpc". */
export function typoAllowance(length: number): number {
  if (length < 4) return 0;
  if (length < 8) return 1;
  return 2;
}
