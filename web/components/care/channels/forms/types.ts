// What each kind's settings form receives: the settings as stored (or a new channel's
// defaults), a callback with the settings as typed, and field errors keyed by setting name.
export interface SettingsFormProps {
  settings: Record<string, unknown>;
  onChange: (settings: Record<string, unknown>) => void;
  errors: Record<string, string>;
}

export const text = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);
export const lines = (value: unknown): string => (Array.isArray(value) ? value.join('\n') : '');
export const toList = (value: string): string[] =>
  value
    .split(/[\n,]/)
    .map((line) => line.trim())
    .filter(Boolean);
