// Canned replies hold variables that are filled in when an agent picks one: the same pure
// function runs in the web (the reply box) and wherever the server needs it.
export const CANNED_VARIABLES = ['customer_name', 'agent_name', 'conversation_subject'] as const;
export type CannedVariable = (typeof CANNED_VARIABLES)[number];

/** Replaces {{customer_name}}, {{agent_name}}, {{conversation_subject}} (spaces inside the braces allowed); other {{…}} stay as written. */
export function expandCanned(body: string, values: Record<CannedVariable, string>): string {
  return body.replace(/\{\{\s*([a-z_]+)\s*\}\}/g, (whole, name: string) =>
    (CANNED_VARIABLES as readonly string[]).includes(name) ? values[name as CannedVariable] : whole,
  );
}
