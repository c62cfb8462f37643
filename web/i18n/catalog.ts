// The shape every language's catalogue must have: the English one, with any string allowed
// in place of each English text. A key missing from another language is a type error.
export type DeepStringRecord<T> = {
  readonly [K in keyof T]: T[K] extends string ? string : DeepStringRecord<T[K]>;
};

/** Every key of a catalogue, dotted: `errors.not_found`. */
export function catalogKeys(catalog: object, prefix = ''): string[] {
  const keys: string[] = [];
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') keys.push(...catalogKeys(value, path));
    else keys.push(path);
  }
  return keys;
}

/** Dotted keys whose text is empty or not a string. */
export function emptyEntries(catalog: object, prefix = ''): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') out.push(...emptyEntries(value, path));
    else if (typeof value !== 'string' || value.trim() === '') out.push(path);
  }
  return out;
}
