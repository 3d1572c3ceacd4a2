/**
 * Adds a value to its key's list in a map of lists. Pushing in place, not copying the list
 * (`[...(map.get(key) ?? []), value]`), keeps grouping n items linear: the copy made it quadratic
 * in the size of each group, and the layout's largest allocation site.
 */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
