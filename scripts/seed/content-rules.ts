// The demo's content rules: what a compliance officer would set on day one. Bank details
// never belong in posts; a product under embargo is not named before its launch; and in the
// spaces shared with customers, internal price lists stay internal.
import { contentRuleKey } from '../../common/content-rules.ts';
import type { Db } from '../../server/db/database.ts';
import { auditRow } from '../../server/platform/audit.ts';
import { DAY } from '../../server/platform/clock.ts';
import { newId } from '../../server/platform/ids.ts';
import type { SeededAccount } from './people.ts';

const RULES: { term: string; note: string }[] = [
  {
    term: 'FR76 #### #### #### #### #### ###',
    note: 'Pas de coordonnées bancaires dans le réseau / No bank details here',
  },
  { term: 'Hélios 2', note: 'Produit sous embargo jusqu’au lancement / Under embargo until launch' },
  { term: 'grille tarifaire interne', note: 'Document réservé à la direction commerciale' },
  { term: 'internal price list', note: 'Sales leadership only' },
];

export async function seedContentRules(db: Db, input: { admin: SeededAccount; now: Date }): Promise<number> {
  const at = new Date(input.now.getTime() - 20 * DAY);
  const rows = RULES.map((rule) => ({
    id: newId(),
    space_id: null,
    term: rule.term,
    term_key: contentRuleKey(rule.term),
    action: 'reject' as const,
    note: rule.note,
    created_by: input.admin.id,
    created_at: at,
  }));
  await db.insertInto('content_rules').values(rows).execute();
  const actor = { id: input.admin.id, label: `${input.admin.name} <${input.admin.email}>` };
  await db
    .insertInto('audit_log')
    .values(
      rows.map((r) =>
        auditRow({
          action: 'content_rule.created',
          actor,
          target: { type: 'content_rule', id: r.id, label: r.term },
          after: { term: r.term, action: r.action, note: r.note, spaceId: null },
          meta: { ip: null, userAgent: null },
          at,
        }),
      ),
    )
    .execute();
  return rows.length;
}
