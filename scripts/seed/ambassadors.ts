// The ambassador programme at Atelier Lumen: a communication manager from Marketing (given the
// grant by the administrator), share kits in French and English — three current ones (one for
// the Montréal office only), one past its dates and one still a draft — with a picture each,
// employees of several departments who joined, and six weeks of shares and clicks on their
// tracked links, so the reach report and the leaderboard are full from the first visit.
//
// Everything is history written as rows (kits, links, clicks, audit and activity entries with
// their own moments in the past); the kits' images go into file storage as uploads would.
import { Readable } from 'node:stream';
import { deflateSync } from 'node:zlib';
import { NETWORKS } from '../../common/ambassadors.ts';
import type { AppContext } from '../../server/context.ts';
import { kitSlug } from '../../server/modules/ambassadors/commands/kits.ts';
import { newLinkCode } from '../../server/modules/ambassadors/commands/share.ts';
import { DAY, HOUR } from '../../server/platform/clock.ts';
import { newId } from '../../server/platform/ids.ts';
import { ADMIN_META, activityRow, auditRow, insertBatched } from './history.ts';
import type { SeededAccount, SeededPerson } from './people.ts';
import { seededRandom } from './random.ts';

export interface AmbassadorSeedSummary {
  manager: { name: string; email: string };
  kits: number;
  ambassadors: number;
  shares: number;
  clicks: number;
}

interface KitStory {
  title: string;
  texts: Record<string, string>;
  target: string;
  /** Days from now: negative in the past. */
  from: number;
  to: number;
  status: 'draft' | 'published';
  departments?: string[];
  sites?: string[];
  editable?: boolean;
  /** The picture's two colours (a gradient), as RGB. */
  colours: [number[], number[]];
  /** How much it is shared and clicked: 0 to 1. */
  appeal: number;
}

const KITS: KitStory[] = [
  {
    title: 'Nous recrutons à l’usine de Nantes',
    texts: {
      generic:
        'Atelier Lumen recrute 12 personnes à Nantes : techniciens de production, régleurs, logisticiens. Une usine où l’on fabrique des luminaires qui durent, à deux pas du tram.',
      linkedin:
        'Notre usine de Nantes s’agrandit : 12 postes ouverts en production, réglage et logistique. Si vous aimez le travail bien fait et la lumière, c’est par ici 👇',
      x: 'Atelier Lumen recrute 12 personnes à Nantes (production, réglage, logistique). On vous attend !',
    },
    target: 'https://www.lumen.example/carrieres/nantes',
    from: -40,
    to: 20,
    status: 'published',
    colours: [
      [250, 196, 74],
      [214, 93, 44],
    ],
    appeal: 1,
  },
  {
    title: 'Aurora: our new architectural pendant',
    texts: {
      generic:
        'Meet Aurora, the pendant our Grenoble R&D team spent two years on: 40% less energy, a repairable driver, and light that stays warm when dimmed.',
      linkedin:
        'Two years of work by our Grenoble R&D team: Aurora is out. 40% less energy, a driver you can repair, and a warm dim. Proud to see it in the catalogue.',
      bluesky: 'Aurora is out: our new pendant, 40% less energy and a repairable driver.',
    },
    target: 'https://www.lumen.example/en/products/aurora',
    from: -25,
    to: 35,
    status: 'published',
    colours: [
      [28, 44, 92],
      [120, 170, 230],
    ],
    appeal: 0.8,
  },
  {
    title: 'We are hiring in Montréal',
    texts: {
      generic:
        'Our Montréal office is looking for a project engineer and two sales people to light up North American hotels and museums. Bilingual welcome!',
      x: 'Atelier Lumen is hiring in Montréal: a project engineer and two sales roles. Bilingual welcome.',
    },
    target: 'https://www.lumen.example/en/careers/montreal',
    from: -12,
    to: 45,
    status: 'published',
    sites: ['Montréal'],
    colours: [
      [180, 30, 50],
      [245, 245, 245],
    ],
    appeal: 0.4,
  },
  {
    title: 'Salon Light + Building : venez nous voir à Francfort',
    texts: {
      generic:
        'Atelier Lumen expose au salon Light + Building de Francfort, hall 3.1, stand B40. Venez découvrir Aurora et nos luminaires sur mesure.',
      linkedin:
        'Rendez-vous à Francfort pour Light + Building : hall 3.1, stand B40. Toute l’équipe sera là pour vous présenter Aurora.',
    },
    target: 'https://www.lumen.example/evenements/light-building',
    from: -45,
    to: -10,
    status: 'published',
    departments: ['Ventes', 'Marketing', 'Recherche et développement'],
    editable: false,
    colours: [
      [40, 40, 40],
      [230, 200, 120],
    ],
    appeal: 0.7,
  },
  {
    title: 'Portes ouvertes du showroom de Paris',
    texts: {
      generic:
        'Le showroom de Paris ouvre ses portes le premier samedi du mois prochain : ateliers, démonstrations et visite des coulisses.',
    },
    target: 'https://www.lumen.example/showroom/paris/portes-ouvertes',
    from: 10,
    to: 40,
    status: 'draft',
    colours: [
      [60, 120, 90],
      [220, 240, 200],
    ],
    appeal: 0,
  },
];

/** A 600×315 PNG (the shape networks use for link cards): a diagonal gradient between two colours. */
export function gradientPng([from, to]: [number[], number[]], width = 600, height = 315): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const t = (x / width + y / height) / 2;
      for (let c = 0; c < 3; c++) row[1 + x * 3 + c] = Math.round(from[c]! + (to[c]! - from[c]!) * t);
    }
    rows.push(row);
  }
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export async function seedAmbassadors(
  ctx: AppContext,
  input: { accounts: SeededAccount[]; admin: SeededPerson; now: Date },
): Promise<AmbassadorSeedSummary> {
  const { accounts, admin, now } = input;
  const db = ctx.db;
  const random = seededRandom(20261203);
  const at = (days: number) => new Date(now.getTime() + days * DAY);
  const adminActor = { id: admin.id, label: `${admin.name} <${admin.email}>` };
  const audits: ReturnType<typeof auditRow>[] = [];
  const activity: ReturnType<typeof activityRow>[] = [];

  const [departments, sites, erased] = await Promise.all([
    db.selectFrom('departments').select(['id', 'name']).execute(),
    db.selectFrom('sites').select(['id', 'name']).execute(),
    db.selectFrom('users').select('id').where('erased_at', 'is not', null).execute(),
  ]);
  const gone = new Set(erased.map((u) => u.id));
  const members = accounts.filter((a) => a.role === 'member' && a.status === 'active' && !gone.has(a.id));
  const care = await db.selectFrom('users').select('id').where('care_agent', '=', true).execute();
  const agents = new Set(care.map((u) => u.id));
  const dept = (name: string) => departments.find((d) => d.name === name)?.id;
  const marketing = dept('Marketing');

  // The communication manager: someone of Marketing (not a care agent), or any member in a small demo.
  const department = new Map(
    (await db.selectFrom('users').select(['id', 'department_id', 'site_id']).execute()).map((u) => [u.id, u]),
  );
  const manager =
    members.find((m) => department.get(m.id)?.department_id === marketing && !agents.has(m.id)) ?? members[0];
  if (!manager)
    throw new Error('The demo needs at least one active member to manage the ambassador programme.');
  const grantedAt = at(-50);
  await db.updateTable('users').set({ communication_manager: true }).where('id', '=', manager.id).execute();
  audits.push(
    auditRow({
      action: 'user.communication_manager_changed',
      actor: adminActor,
      target: { type: 'user', id: manager.id, label: `${manager.name} <${manager.email}>` },
      before: { communicationManager: false },
      after: { communicationManager: true },
      meta: ADMIN_META,
      at: grantedAt,
    }),
  );
  activity.push(
    activityRow({
      actorId: admin.id,
      verb: 'ambassador.manager_granted',
      objectType: 'user',
      objectId: manager.id,
      at: grantedAt,
    }),
  );
  const managerActor = { id: manager.id, label: `${manager.name} <${manager.email}>` };
  const managerMeta = { ip: '10.20.4.31', userAgent: ADMIN_META.userAgent };

  // The kits, each written a few days before it starts, with its picture in file storage.
  const kits = [];
  for (const story of KITS) {
    const id = newId();
    const createdAt = at(Math.min(story.from, 0) - 3);
    const image = await ctx.storage.save(Readable.from([gradientPng(story.colours)]), 5 * 1024 * 1024);
    const kit = {
      id,
      slug: kitSlug(story.title),
      title: story.title,
      texts: JSON.stringify(story.texts),
      target_url: story.target,
      image_key: image.key,
      image_type: 'image/png',
      image_updated_at: createdAt,
      editable: story.editable ?? true,
      disclosure: true,
      department_ids: JSON.stringify((story.departments ?? []).map(dept).filter(Boolean)),
      site_ids: JSON.stringify(
        (story.sites ?? []).map((s) => sites.find((x) => x.name === s)?.id).filter(Boolean),
      ),
      starts_at: at(story.from),
      ends_at: at(story.to),
      status: story.status,
      created_by: manager.id,
      created_at: createdAt,
      updated_at: createdAt,
      published_at: story.status === 'published' ? at(story.from) : null,
      archived_at: null,
    };
    kits.push({ ...kit, story });
    const target = { type: 'ambassador_kit', id, label: story.title };
    const events: [string, Date][] = [['ambassador_kit.created', createdAt]];
    if (story.status === 'published') events.push(['ambassador_kit.published', at(story.from)]);
    for (const [action, when] of events) {
      audits.push(
        auditRow({
          action,
          actor: managerActor,
          target,
          ...(action === 'ambassador_kit.created'
            ? { after: { title: story.title, targetUrl: story.target } }
            : { before: { status: 'draft' }, after: { status: 'published' } }),
          meta: managerMeta,
          at: when,
        }),
      );
      activity.push(
        activityRow({
          actorId: manager.id,
          verb: action,
          objectType: 'ambassador_kit',
          objectId: id,
          at: when,
        }),
      );
    }
  }
  await db
    .insertInto('ambassador_kits')
    .values(kits.map(({ story: _, ...k }) => k))
    .execute();

  // The ambassadors: about one active member in eight, from every department they are in.
  const ambassadors = members.filter((m) => m.id === manager.id || random.chance(0.13));
  const joined = new Map(ambassadors.map((a) => [a.id, at(-42 + random.int(0, 30))]));
  // A few joined and left again.
  const leavers = new Set(ambassadors.filter(() => random.chance(0.08)).map((a) => a.id));
  await insertBatched(
    db,
    'ambassador_members',
    ambassadors.map((a) => ({ user_id: a.id, opted_in: !leavers.has(a.id), updated_at: joined.get(a.id)! })),
  );
  for (const a of ambassadors) {
    activity.push(
      activityRow({
        actorId: a.id,
        verb: 'ambassador.opted_in',
        objectType: 'user',
        objectId: a.id,
        at: joined.get(a.id)!,
      }),
    );
    if (leavers.has(a.id))
      activity.push(
        activityRow({
          actorId: a.id,
          verb: 'ambassador.opted_out',
          objectType: 'user',
          objectId: a.id,
          at: new Date(joined.get(a.id)!.getTime() + 9 * DAY),
        }),
      );
  }

  // Their shares, each on a network, while the kit ran and they were in; clicks in the days after.
  const networks = NETWORKS.filter((n) => n !== 'generic');
  const links = [];
  const clicks: { code: string; at: Date }[] = [];
  let shares = 0;
  for (const kit of kits.filter((k) => k.status === 'published')) {
    const audience = ambassadors.filter((a) => {
      const person = department.get(a.id);
      const deps = JSON.parse(kit.department_ids) as string[];
      const places = JSON.parse(kit.site_ids) as string[];
      if (deps.length === 0 && places.length === 0) return true;
      return deps.includes(person?.department_id ?? '') || places.includes(person?.site_id ?? '');
    });
    for (const a of audience) {
      if (!random.chance(0.35 + 0.5 * kit.story.appeal)) continue;
      const from = Math.max(kit.starts_at.getTime(), joined.get(a.id)!.getTime());
      const until = Math.min(kit.ends_at.getTime(), now.getTime() - HOUR);
      if (until <= from) continue;
      const picked = new Set([random.pick(networks), ...(random.chance(0.3) ? [random.pick(networks)] : [])]);
      for (const network of picked) {
        const createdAt = new Date(from + random.next() * (until - from));
        const count = random.chance(0.2) ? 2 : 1;
        const code = newLinkCode();
        links.push({ code, kit_id: kit.id, network, user_id: a.id, shares: count, created_at: createdAt });
        shares += count;
        for (let s = 0; s < count; s++)
          activity.push(
            activityRow({
              actorId: a.id,
              verb: 'ambassador.shared',
              objectType: 'ambassador_kit',
              objectId: kit.id,
              data: { network },
              at: new Date(createdAt.getTime() + s * 2 * DAY),
            }),
          );
        // Readers click mostly in the first days; LinkedIn brings the most.
        const reach = Math.round(random.int(0, 25) * kit.story.appeal * (network === 'linkedin' ? 2 : 1));
        const clicksUntil = Math.min(kit.ends_at.getTime(), now.getTime());
        for (let c = 0; c < reach; c++) {
          const when = createdAt.getTime() + Math.floor(random.next() ** 2 * 10 * DAY);
          if (when < clicksUntil) clicks.push({ code, at: new Date(when) });
        }
      }
    }
  }
  await insertBatched(db, 'ambassador_links', links);
  await insertBatched(
    db,
    'ambassador_clicks',
    clicks.sort((a, b) => a.at.getTime() - b.at.getTime()),
  );
  const byTime = (a: { at: Date | string }, b: { at: Date | string }) =>
    new Date(a.at).getTime() - new Date(b.at).getTime();
  await insertBatched(db, 'audit_log', audits.sort(byTime));
  await insertBatched(db, 'activity_events', activity.sort(byTime));

  return {
    manager: { name: manager.name, email: manager.email },
    kits: kits.length,
    ambassadors: ambassadors.length - leavers.size,
    shares,
    clicks: clicks.length,
  };
}
