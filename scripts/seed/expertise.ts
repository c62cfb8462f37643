// The demo's org chart and profiles: the chief executive at the top, a head per department
// reporting to her, team leads under the heads of large departments and everyone else
// under a lead; phones, languages, a line about themselves, skills from their department's
// trade, and colleagues' endorsements. Inserted in bulk, after the conversations (its own
// random sequence, so the seeded stream stays the same).
import { sql } from 'kysely';
import { skillKey } from '../../common/skills.ts';
import type { Db } from '../../server/db/database.ts';
import { activityRow } from '../../server/platform/activity.ts';
import { DAY } from '../../server/platform/clock.ts';
import { ANALYTICS_DAYS } from './analytics.ts';
import { DEPARTMENTS, SITES } from './data.ts';
import { insertBatched } from './history.ts';
import { between, type SeededAccount } from './people.ts';
import { type Random, seededRandom } from './random.ts';

/** Skills of each department's trade, in French and in English (same order as DEPARTMENTS). */
export const SKILLS: { fr: string[]; en: string[] }[] = [
  {
    fr: ['Stratégie', 'Conduite du changement', 'Gestion de projet'],
    en: ['Strategy', 'Change management', 'Project management'],
  },
  {
    fr: ['Recrutement', 'Droit du travail', 'Paie', 'Formation'],
    en: ['Recruiting', 'Employment law', 'Payroll', 'Training'],
  },
  {
    fr: ['Contrôle de gestion', 'Comptabilité', 'Trésorerie', 'Excel'],
    en: ['Management control', 'Accounting', 'Treasury', 'Excel'],
  },
  {
    fr: ['RGPD', 'Contrats', 'Propriété intellectuelle'],
    en: ['GDPR', 'Contracts', 'Intellectual property'],
  },
  {
    fr: ['Appels d’offres', 'Négociation', 'Hôtellerie', 'Salesforce'],
    en: ['Tenders', 'Negotiation', 'Hospitality', 'Salesforce'],
  },
  {
    fr: ['Communication', 'Réseaux sociaux', 'Salons professionnels'],
    en: ['Communications', 'Social media', 'Trade fairs'],
  },
  {
    fr: ['Relation client', 'Service après-vente', 'Zendesk'],
    en: ['Customer relations', 'After-sales service', 'Zendesk'],
  },
  {
    fr: ['Photométrie', 'Optique', 'Électronique embarquée', 'Température de couleur', 'DIALux'],
    en: ['Photometry', 'Optics', 'Embedded electronics', 'Colour temperature', 'DIALux'],
  },
  {
    fr: ['Lean', 'Habilitation électrique', 'Soudure', 'Maintenance'],
    en: ['Lean', 'Electrical safety', 'Welding', 'Maintenance'],
  },
  {
    fr: ['Gestion des stocks', 'Transport international', 'Douane'],
    en: ['Inventory management', 'International shipping', 'Customs'],
  },
  {
    fr: ['Linux', 'Kubernetes', 'Sécurité informatique', 'PostgreSQL', 'Visioconférence'],
    en: ['Linux', 'Kubernetes', 'IT security', 'PostgreSQL', 'Video conferencing'],
  },
  {
    fr: ['ISO 9001', 'Audit qualité', 'Contrôle visuel', 'Métrologie'],
    en: ['ISO 9001', 'Quality audit', 'Visual inspection', 'Metrology'],
  },
];

const ABOUT = {
  fr: [
    'Chez Atelier Lumen depuis {years} ans, basé·e à {site}. N’hésitez pas à me poser vos questions.',
    'Passionné·e par la lumière et le travail bien fait. Je réponds volontiers sur {skill}.',
    'Avant Lumen, dix ans dans l’industrie. Le mardi à {site}, le reste du temps en télétravail.',
  ],
  en: [
    'With Atelier Lumen for {years} years, based in {site}. Happy to answer your questions.',
    'I care about light and work done well. Ask me anything about {skill}.',
    'Ten years in industry before Lumen. In {site} on Tuesdays, remote the rest of the week.',
  ],
};

const COUNTRY_PHONE: Record<string, string> = { FR: '+33 4', BE: '+32 2', CA: '+1 514' };

function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export interface ExpertiseSeedInput {
  accounts: SeededAccount[];
  admin: SeededAccount;
  now: Date;
  /** 0 to 1: how readily a person acts (analytics.ts plans it). */
  engagement?: (id: string) => number;
}

export async function seedExpertise(db: Db, input: ExpertiseSeedInput) {
  const random = seededRandom(20261202);
  const { now } = input;
  const staff = input.accounts.filter((p) => p.role !== 'guest' && p.department !== null);
  const active = staff.filter((p) => p.status === 'active');

  // The chart: one head per department, leads under large departments' heads.
  const manager = new Map<string, string>();
  for (let d = 0; d < DEPARTMENTS.length; d++) {
    const inDept = active.filter((p) => p.department === d && p.id !== input.admin.id);
    const [head, ...rest] = inDept;
    if (!head) continue;
    manager.set(head.id, input.admin.id);
    const leads = rest.length > 12 ? rest.slice(0, Math.ceil(rest.length / 8)) : [];
    for (const lead of leads) manager.set(lead.id, head.id);
    rest.slice(leads.length).forEach((p, i) => {
      manager.set(p.id, leads.length > 0 ? leads[i % leads.length]!.id : head.id);
    });
  }
  for (const p of staff) {
    if (p.status !== 'active' && p.department !== null) {
      const head = active.find((a) => a.department === p.department && manager.get(a.id) === input.admin.id);
      if (head) manager.set(p.id, head.id);
    }
  }

  const skillRows: { user_id: string; key: string; name: string; position: number; created_at: Date }[] = [];
  const profileRows: {
    id: string;
    manager: string | null;
    phone: string;
    languages: string[];
    about: string;
  }[] = [];
  for (const p of staff) {
    const d = p.department as number;
    const pool = SKILLS[d]![p.locale];
    const chosen = shuffled(pool, random).slice(0, random.int(2, Math.min(4, pool.length)));
    chosen.forEach((name, position) => {
      skillRows.push({ user_id: p.id, key: skillKey(name), name, position, created_at: p.createdAt });
    });
    const site = SITES[p.site ?? 0]!;
    const languages = p.locale === 'fr' ? ['fr', 'en'] : ['en', 'fr'];
    if (site.country === 'BE' && random.chance(0.6)) languages.push('nl');
    if (random.chance(0.2)) languages.push(random.pick(['de', 'es', 'it', 'pt']));
    const about = random
      .pick(ABOUT[p.locale])
      .replace(
        '{years}',
        String(Math.max(1, Math.round((now.getTime() - p.createdAt.getTime()) / (365 * DAY)))),
      )
      .replace('{site}', site.city)
      .replace('{skill}', chosen[0] ?? '');
    profileRows.push({
      id: p.id,
      manager: manager.get(p.id) ?? null,
      phone: `${COUNTRY_PHONE[site.country]} ${random.int(10, 99)} ${random.int(10, 99)} ${random.int(10, 99)} ${random.int(10, 99)}`,
      languages: [...new Set(languages)],
      about,
    });
  }
  // Each skill row would rebuild its person's search document; the profile update below
  // (its about text) rebuilds each once, skills included.
  await sql`ALTER TABLE user_skills DISABLE TRIGGER trame_search`.execute(db);
  await insertBatched(db, 'user_skills', skillRows);
  await sql`ALTER TABLE user_skills ENABLE TRIGGER trame_search`.execute(db);
  for (let i = 0; i < profileRows.length; i += 500) {
    const batch = profileRows.slice(i, i + 500);
    await sql`
      UPDATE users SET manager_id = v.manager::uuid, phone = v.phone, languages = string_to_array(v.languages, ','),
        about = v.about
      FROM (VALUES ${sql.join(batch.map((r) => sql`(${r.id}, ${r.manager}, ${r.phone}, ${r.languages.join(',')}, ${r.about})`))})
        AS v (id, manager, phone, languages, about)
      WHERE users.id = v.id::uuid`.execute(db);
  }

  // Endorsements: colleagues of the same department, a few per skill, more for the heads.
  const byDept = new Map<number, SeededAccount[]>();
  for (const p of active) {
    const list = byDept.get(p.department as number) ?? [];
    list.push(p);
    byDept.set(p.department as number, list);
  }
  const endorsementRows: { user_id: string; key: string; endorser_id: string; created_at: Date }[] = [];
  const activity = [];
  const owners = new Map(staff.map((p) => [p.id, p]));
  for (const skill of skillRows) {
    const owner = owners.get(skill.user_id)!;
    if (owner.status !== 'active') continue;
    const peers = (byDept.get(owner.department as number) ?? []).filter((p) => p.id !== owner.id);
    const wanted = Math.min(peers.length, random.int(0, manager.get(owner.id) === input.admin.id ? 6 : 3));
    const endorsers = new Set<SeededAccount>();
    while (endorsers.size < wanted) endorsers.add(random.pick(peers));
    for (const endorser of endorsers) {
      // Colleagues who both were there before the analytics history endorsed each other
      // before it too (an endorsement makes its author active that day); newcomers since.
      const from = Math.max(owner.createdAt.getTime(), endorser.createdAt.getTime());
      const historyStarts = now.getTime() - (ANALYTICS_DAYS + 1) * DAY;
      const at = between(random, new Date(from), from < historyStarts ? new Date(historyStarts) : now);
      // Someone who never took to Trame did not come back to endorse a newcomer.
      if (at.getTime() > historyStarts && (input.engagement?.(endorser.id) ?? 1) < 0.05) continue;
      endorsementRows.push({ user_id: owner.id, key: skill.key, endorser_id: endorser.id, created_at: at });
      activity.push(
        activityRow({
          actorId: endorser.id,
          verb: 'skill.endorsed',
          objectType: 'user',
          objectId: owner.id,
          data: { skill: skill.key },
          at,
        }),
      );
    }
  }
  await insertBatched(db, 'skill_endorsements', endorsementRows);
  await insertBatched(
    db,
    'activity_events',
    activity.sort((a, b) => new Date(a.at as Date).getTime() - new Date(b.at as Date).getTime()),
  );
  return { skills: skillRows.length, endorsements: endorsementRows.length };
}
