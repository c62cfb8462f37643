// Customer care at Atelier Lumen: four channels (the support mailbox, the contact widget of
// the website, the reviews feed of a retailer, the community forum through its connector),
// two teams of agents from the customer-service department, SLA targets per priority,
// canned replies in both languages, and the last three weeks of conversations — answered,
// waiting for the customer, resolved, one still unanswered past its first-response target.
//
// Inbound messages go through ingestInbound (as the channels would deliver them), each at
// its own moment in the past; the agents' replies and notes are history, written as rows
// already delivered, so the demo's worker never mails a customer about the past.
import type { AppContext } from '../../server/context.ts';
import type { CareChannelKind, CarePriority, CareStatus } from '../../server/db/schema-care.ts';
import { ingestInbound } from '../../server/modules/care/ingest.ts';
import { DAY, HOUR, MINUTE } from '../../server/platform/clock.ts';
import { newId } from '../../server/platform/ids.ts';
import { newToken } from '../../server/platform/tokens.ts';
import { ADMIN_META, activityRow, auditRow, insertBatched } from './history.ts';
import type { SeededAccount, SeededPerson } from './people.ts';

interface Turn {
  /** c: the customer, a: the assigned agent replies, n: an internal note by the agent. */
  by: 'c' | 'a' | 'n';
  /** Minutes after the first message. */
  after: number;
  text: string;
}

interface Story {
  channel: CareChannelKind;
  customer: { name: string; value: string; email?: string };
  subject: string;
  daysAgo: number;
  priority: CarePriority;
  status: CareStatus;
  tags: string[];
  team: 0 | 1;
  /** Index among the agents; null: nobody has taken it yet. */
  agent: number | null;
  turns: Turn[];
}

const CHANNELS: {
  kind: CareChannelKind;
  name: string;
  settings: Record<string, unknown>;
  enabled?: boolean;
}[] = [
  {
    kind: 'email',
    name: 'Support — support@lumen.example',
    settings: {
      addresses: ['support@lumen.example'],
      fromName: 'Atelier Lumen — Service client',
      signature: '',
    },
  },
  {
    kind: 'widget',
    name: 'Site web — formulaire de contact',
    settings: {
      allowedOrigins: ['https://www.lumen.example'],
      greetingFr: 'Une question sur nos luminaires ? Écrivez-nous.',
      greetingEn: 'A question about our lighting? Write to us.',
      requireEmail: true,
    },
  },
  {
    kind: 'feed',
    name: 'Avis clients — Maison & Lumière',
    settings: { url: 'https://avis.maison-lumiere.example/lumen/feed.xml', intervalMinutes: 30, tag: 'avis' },
    // The retailer's feed is not on the Internet of a demo: the channel is paused after its
    // entries came in, so the worker does not report a failing poll every half hour.
    enabled: false,
  },
  {
    kind: 'connector',
    name: 'Forum communautaire',
    settings: { connector: 'community-forum', replyUrl: 'https://forum.lumen.example/api/trame/replies' },
  },
];

const STORIES: Story[] = [
  {
    channel: 'email',
    customer: { name: 'Claire Fontaine', value: 'claire.fontaine@hotel-des-arts.example' },
    subject: 'Suspension Orbe : variateur qui grésille',
    daysAgo: 19,
    priority: 'normal',
    status: 'resolved',
    tags: ['sav', 'orbe'],
    team: 1,
    agent: 0,
    turns: [
      {
        by: 'c',
        after: 0,
        text: 'Bonjour, nos six suspensions Orbe installées dans le hall grésillent dès que nous baissons le variateur sous 30 %. Est-ce un défaut connu ? Cordialement, Claire Fontaine, Hôtel des Arts',
      },
      {
        by: 'n',
        after: 40,
        text: 'Variateur à coupure de phase probable : l’Orbe demande un variateur à coupure en fin de phase. À confirmer avec la R&D.',
      },
      {
        by: 'a',
        after: 95,
        text: 'Bonjour Madame Fontaine, merci pour votre message. Ce grésillement vient en général d’un variateur à coupure en début de phase : l’Orbe fonctionne sans bruit avec un variateur à coupure en fin de phase (type RC). Pouvez-vous nous indiquer la référence du vôtre ?',
      },
      { by: 'c', after: 1500, text: 'Il s’agit d’un Legrand 067083. Merci pour votre retour rapide.' },
      {
        by: 'a',
        after: 1620,
        text: 'C’est bien un variateur en début de phase. Nous vous envoyons gracieusement six variateurs compatibles cette semaine. Bonne journée !',
      },
      {
        by: 'c',
        after: 4300,
        text: 'Installés ce matin, plus aucun bruit. Merci beaucoup, service impeccable !',
      },
    ],
  },
  {
    channel: 'email',
    customer: { name: 'Thomas Girard', value: 'thomas.girard@cabinet-girard.example' },
    subject: 'Facture F-2026-1187 : TVA incorrecte',
    daysAgo: 12,
    priority: 'high',
    status: 'resolved',
    tags: ['facturation'],
    team: 0,
    agent: 1,
    turns: [
      {
        by: 'c',
        after: 0,
        text: 'Bonjour, notre facture F-2026-1187 applique une TVA à 20 % alors que la livraison est en Belgique avec notre numéro de TVA intracommunautaire. Merci de la corriger.',
      },
      {
        by: 'a',
        after: 50,
        text: 'Bonjour Monsieur Girard, vous avez raison : l’autoliquidation aurait dû s’appliquer. Notre service comptable émet un avoir et une facture corrigée d’ici demain.',
      },
      { by: 'c', after: 1700, text: 'Bien reçu, merci.' },
    ],
  },
  {
    channel: 'email',
    customer: { name: 'Sarah Whitman', value: 'sarah.whitman@northlight-studio.example' },
    subject: 'Lead time for 40 Linea wall lights?',
    daysAgo: 6,
    priority: 'normal',
    status: 'pending',
    tags: ['devis', 'linea'],
    team: 0,
    agent: 2,
    turns: [
      {
        by: 'c',
        after: 0,
        text: 'Hello, we are fitting out a restaurant in Montréal and would need 40 Linea wall lights in brushed brass by the end of January. What lead time can you commit to?',
      },
      {
        by: 'a',
        after: 130,
        text: 'Hello Sarah, thank you for thinking of us. Brushed brass Linea are made to order in Nantes: 5 weeks plus 1 week of shipping to Montréal, so ordering before December 15 keeps the end of January. Shall I prepare a quote?',
      },
    ],
  },
  {
    channel: 'email',
    customer: { name: 'Marc Lefèvre', value: 'm.lefevre@galerie-lefevre.example' },
    subject: 'Colis arrivé cassé — très déçu',
    daysAgo: 1,
    priority: 'urgent',
    status: 'open',
    tags: ['livraison', 'casse'],
    team: 0,
    agent: null,
    turns: [
      {
        by: 'c',
        after: 0,
        text: 'Le colis est arrivé avec le verre de la lampe Aube complètement cassé. C’est la deuxième fois ce mois-ci, c’est inadmissible. Je suis très déçu et j’attends une solution rapide pour le vernissage de samedi.',
      },
    ],
  },
  {
    channel: 'email',
    customer: { name: 'Julie Moreau', value: 'julie.moreau@archi-moreau.example' },
    subject: 'Fichiers photométriques IES pour la gamme Prisme',
    daysAgo: 3,
    priority: 'low',
    status: 'open',
    tags: ['technique', 'prisme'],
    team: 1,
    agent: 0,
    turns: [
      {
        by: 'c',
        after: 0,
        text: 'Bonjour, pour une étude DIALux je cherche les fichiers IES de la gamme Prisme (versions 3000 K et 4000 K). Sont-ils disponibles ?',
      },
      {
        by: 'n',
        after: 25,
        text: 'Les fichiers 4000 K ne sont pas encore sur le site : question posée à l’équipe R&D.',
      },
    ],
  },
  {
    channel: 'widget',
    customer: { name: 'Nadia Benali', value: 'demo-visitor-nadia', email: 'nadia.benali@mail.example' },
    subject: 'Garantie sur une lampe achetée en 2023',
    daysAgo: 9,
    priority: 'normal',
    status: 'resolved',
    tags: ['garantie'],
    team: 0,
    agent: 1,
    turns: [
      {
        by: 'c',
        after: 0,
        text: 'Bonjour, ma lampe Aube achetée en mars 2023 ne s’allume plus. Est-elle encore sous garantie ?',
      },
      {
        by: 'a',
        after: 70,
        text: 'Bonjour Nadia, nos luminaires sont garantis 5 ans : elle l’est donc. Envoyez-nous une photo de la facture et nous vous adressons une étiquette de retour prépayée.',
      },
      { by: 'c', after: 200, text: 'Super, merci, je vous envoie ça ce soir.' },
    ],
  },
  {
    channel: 'widget',
    customer: { name: 'Oliver Grant', value: 'demo-visitor-oliver', email: 'oliver.grant@mail.example' },
    subject: 'Do you ship to the UK?',
    daysAgo: 2,
    priority: 'normal',
    status: 'open',
    tags: ['livraison'],
    team: 0,
    agent: 2,
    turns: [
      {
        by: 'c',
        after: 0,
        text: 'Hi, I love the Prisme table lamp. Do you ship to London, and are import duties included?',
      },
      {
        by: 'a',
        after: 45,
        text: 'Hi Oliver, yes, we ship to the UK within 6 working days. Duties are not included; our carrier collects them on delivery (about 4% of the price). Would you like a delivery estimate?',
      },
      { by: 'c', after: 180, text: 'Yes please, for postcode SE1 9SG.' },
    ],
  },
  {
    channel: 'feed',
    customer: { name: 'Élodie R.', value: 'avis.maison-lumiere.example:elodie-r' },
    subject: 'Avis 2/5 — « Belle lampe, livraison catastrophique »',
    daysAgo: 5,
    priority: 'high',
    status: 'open',
    tags: ['avis', 'livraison'],
    team: 0,
    agent: 1,
    turns: [
      {
        by: 'c',
        after: 0,
        text: 'La lampe est magnifique mais la livraison a pris trois semaines et personne ne répondait au téléphone. Déçue du service.',
      },
      {
        by: 'n',
        after: 60,
        text: 'Réponse publique à publier sur le site du revendeur ; commande retrouvée (n° 55120), retard transporteur.',
      },
    ],
  },
  {
    channel: 'feed',
    customer: { name: 'James P.', value: 'avis.maison-lumiere.example:james-p' },
    subject: 'Review 5/5 — "Stunning craftsmanship"',
    daysAgo: 8,
    priority: 'low',
    status: 'resolved',
    tags: ['avis'],
    team: 0,
    agent: 2,
    turns: [
      {
        by: 'c',
        after: 0,
        text: 'Stunning craftsmanship, the brass finish is even better than in the photos. Great service too.',
      },
      { by: 'n', after: 300, text: 'Thanked publicly on the retailer site.' },
    ],
  },
  {
    channel: 'connector',
    customer: { name: 'lumiere_addict', value: 'community-forum:user-8812' },
    subject: 'Ampoule de remplacement pour Orbe ?',
    daysAgo: 4,
    priority: 'normal',
    status: 'pending',
    tags: ['orbe', 'pieces'],
    team: 1,
    agent: 0,
    turns: [
      {
        by: 'c',
        after: 0,
        text: 'Quelqu’un sait quelle ampoule mettre dans une Orbe de 2021 ? La mienne a grillé.',
      },
      {
        by: 'a',
        after: 90,
        text: 'Bonjour ! L’Orbe 2021 utilise une LED G9 2700 K de 4 W. Nous la vendons aussi en pièce détachée : voulez-vous le lien ?',
      },
    ],
  },
  {
    channel: 'connector',
    customer: { name: 'brightspark', value: 'community-forum:user-9140' },
    subject: 'App pairing keeps failing',
    daysAgo: 0,
    priority: 'normal',
    status: 'open',
    tags: ['connecte'],
    team: 1,
    agent: null,
    turns: [
      {
        by: 'c',
        after: 0,
        text: 'My Linea Connect will not pair with the app anymore since the last update. Very frustrating, anyone else?',
      },
    ],
  },
];

const CANNED: { title: string; body: string }[] = [
  {
    title: 'Accusé de réception',
    body: 'Bonjour {{customer.name}},\n\nMerci pour votre message au sujet de « {{conversation.subject}} ». Nous revenons vers vous au plus vite.\n\n{{agent.name}} — Atelier Lumen',
  },
  {
    title: 'Acknowledgement',
    body: 'Hello {{customer.name}},\n\nThank you for your message about "{{conversation.subject}}". We will get back to you shortly.\n\n{{agent.name}} — Atelier Lumen',
  },
  {
    title: 'Retour sous garantie',
    body: 'Bonjour {{customer.name}},\n\nVotre luminaire est garanti 5 ans. Envoyez-nous une photo de la facture et nous vous adressons une étiquette de retour prépayée.\n\n{{agent.name}}',
  },
  {
    title: 'Delivery delay apology',
    body: 'Hello {{customer.name}},\n\nWe are sorry for the delay. Your order is on its way and you will receive the tracking link today.\n\n{{agent.name}}',
  },
];

/** Targets in minutes: [first response, resolution]. */
const SLA: Record<CarePriority, [number, number]> = {
  urgent: [60, 8 * 60],
  high: [2 * 60, 24 * 60],
  normal: [4 * 60, 48 * 60],
  low: [24 * 60, 5 * 24 * 60],
};

export interface CareSeedSummary {
  channels: number;
  conversations: number;
  agents: { name: string; email: string }[];
}

const atClock = (ctx: AppContext, at: Date): AppContext => ({ ...ctx, clock: { now: () => at } });

export async function seedCare(
  ctx: AppContext,
  input: { accounts: SeededAccount[]; admin: SeededPerson; now: Date; serviceDepartment: number },
): Promise<CareSeedSummary> {
  const { accounts, admin, now } = input;
  const db = ctx.db;
  const setupAt = new Date(now.getTime() - 25 * DAY);
  const adminActor = { id: admin.id, label: `${admin.name} <${admin.email}>` };
  const audits: ReturnType<typeof auditRow>[] = [];

  // The agents: active members of the customer-service department (not the former employee),
  // completed by other members in a small demo that has fewer than three there.
  const erased = new Set(
    (await db.selectFrom('users').select('id').where('erased_at', 'is not', null).execute()).map((u) => u.id),
  );
  const members = accounts.filter((a) => a.role === 'member' && a.status === 'active' && !erased.has(a.id));
  const service = members.filter((a) => a.department === input.serviceDepartment);
  const chosen = [...service, ...members.filter((a) => a.department !== input.serviceDepartment)].slice(0, 3);
  if (chosen.length === 0) throw new Error('The demo needs at least one active member to work the inbox.');
  const agents = [0, 1, 2].map((i) => chosen[i % chosen.length]!);
  await db
    .updateTable('users')
    .set({ care_agent: true })
    .where(
      'id',
      'in',
      chosen.map((a) => a.id),
    )
    .execute();
  for (const agent of chosen)
    audits.push(
      auditRow({
        action: 'user.care_agent_changed',
        actor: adminActor,
        target: { type: 'user', id: agent.id, label: `${agent.name} <${agent.email}>` },
        before: { careAgent: false },
        after: { careAgent: true },
        meta: ADMIN_META,
        at: setupAt,
      }),
    );

  const teams = [
    { id: newId(), name: 'Support niveau 1', members: [...new Set([agents[1]!, agents[2]!])] },
    { id: newId(), name: 'Experts produit', members: [agents[0]!] },
  ];
  await db
    .insertInto('care_teams')
    .values(teams.map((t) => ({ id: t.id, name: t.name, created_at: setupAt })))
    .execute();
  await db
    .insertInto('care_team_members')
    .values(teams.flatMap((t) => t.members.map((m) => ({ team_id: t.id, user_id: m.id }))))
    .execute();

  await db
    .insertInto('care_sla_policies')
    .values(
      (Object.keys(SLA) as CarePriority[]).map((priority) => ({
        id: newId(),
        channel_id: null,
        priority,
        first_response_minutes: SLA[priority][0],
        resolution_minutes: SLA[priority][1],
        warn_minutes: priority === 'urgent' ? 15 : 30,
      })),
    )
    .execute();

  await db
    .insertInto('care_canned_replies')
    .values(
      CANNED.map((c) => ({
        id: newId(),
        ...c,
        created_by: agents[0]!.id,
        created_at: setupAt,
        updated_at: setupAt,
      })),
    )
    .execute();

  const channelIds = new Map<CareChannelKind, string>();
  for (const c of CHANNELS) {
    const id = newId();
    channelIds.set(c.kind, id);
    await db
      .insertInto('care_channels')
      .values({
        id,
        kind: c.kind,
        name: c.name,
        settings: JSON.stringify(c.settings),
        // Keys made as createChannel makes them (the widget's secret signs its form tokens).
        secret: c.kind === 'widget' || c.kind === 'connector' ? newToken() : null,
        public_key: c.kind === 'widget' ? newToken() : null,
        default_team_id: c.kind === 'connector' ? teams[1]!.id : teams[0]!.id,
        created_by: admin.id,
        created_at: setupAt,
        updated_at: setupAt,
      })
      .execute();
    audits.push(
      auditRow({
        action: 'care_channel.created',
        actor: adminActor,
        target: { type: 'care_channel', id, label: c.name },
        after: { kind: c.kind, name: c.name },
        meta: ADMIN_META,
        at: setupAt,
      }),
    );
  }

  const activity: ReturnType<typeof activityRow>[] = [];
  for (const [index, story] of STORIES.entries()) {
    const start = new Date(now.getTime() - story.daysAgo * DAY - (index % 5) * HOUR - 2 * HOUR);
    const channelId = channelIds.get(story.channel)!;
    const agent = story.agent === null ? null : agents[story.agent]!;
    let conversationId = '';
    let previous: string[] = [];
    let firstResponseAt: Date | null = null;
    let lastAt = start;
    for (const [n, turn] of story.turns.entries()) {
      const at = new Date(start.getTime() + turn.after * MINUTE);
      if (at > now) break;
      lastAt = at;
      if (turn.by === 'c') {
        const externalId =
          story.channel === 'email'
            ? `<demo-${index}-${n}@${story.customer.value.split('@')[1]}>`
            : `demo-${index}-${n}`;
        const result = await ingestInbound(atClock(ctx, at), {
          channelId,
          externalId,
          inReplyTo: previous,
          threadId: story.channel === 'email' ? null : `demo-thread-${index}`,
          customer: {
            kind: story.channel,
            value: story.customer.value,
            displayName: story.customer.name,
            email: story.customer.email ?? null,
          },
          subject: story.subject,
          body: turn.text,
          receivedAt: at,
        });
        conversationId = result.conversationId;
        previous = [...previous, externalId];
        continue;
      }
      const outbound = turn.by === 'a';
      const messageId = newId();
      const externalId = outbound && story.channel === 'email' ? `<${messageId}@lumen.example>` : null;
      await db
        .insertInto('care_messages')
        .values({
          id: messageId,
          conversation_id: conversationId,
          channel_id: channelId,
          kind: outbound ? 'outbound' : 'note',
          author_id: agent?.id ?? agents[0]!.id,
          body: turn.text,
          external_id: externalId,
          delivery_status: outbound ? (story.channel === 'feed' ? 'not_applicable' : 'sent') : null,
          delivered_at: outbound ? at : null,
          created_at: at,
        })
        .execute();
      if (externalId) previous = [...previous, externalId];
      if (outbound && !firstResponseAt) firstResponseAt = at;
      activity.push(
        activityRow({
          actorId: agent?.id ?? agents[0]!.id,
          verb: outbound ? 'care.replied' : 'care.note_added',
          objectType: 'care_conversation',
          objectId: conversationId,
          data: outbound
            ? {
                channel: story.channel,
                first: firstResponseAt === at,
                minutes: Math.round((at.getTime() - start.getTime()) / MINUTE),
              }
            : { channel: story.channel },
          at,
        }),
      );
    }
    const target = SLA[story.priority];
    const firstDue = new Date(start.getTime() + target[0] * MINUTE);
    const resolutionDue = new Date(start.getTime() + target[1] * MINUTE);
    const resolvedAt = story.status === 'resolved' ? new Date(lastAt.getTime() + 30 * MINUTE) : null;
    const firstBreached = (firstResponseAt ?? now) > firstDue ? firstDue : null;
    const resolutionBreached = (resolvedAt ?? now) > resolutionDue ? resolutionDue : null;
    await db
      .updateTable('care_conversations')
      .set((eb) => ({
        status: story.status,
        priority: story.priority,
        tags: story.tags,
        team_id: teams[story.team]!.id,
        assignee_id: agent?.id ?? null,
        first_response_at: firstResponseAt,
        resolved_at: resolvedAt,
        first_response_due_at: firstDue,
        resolution_due_at: resolutionDue,
        first_response_breached_at: firstBreached,
        resolution_breached_at: resolutionBreached,
        last_message_at: lastAt,
        message_count: eb
          .selectFrom('care_messages')
          .select((s) => s.fn.countAll<number>().as('n'))
          .where('conversation_id', '=', conversationId),
      }))
      .where('id', '=', conversationId)
      .execute();
    if (agent)
      activity.push(
        activityRow({
          actorId: agent.id,
          verb: 'care.assigned',
          objectType: 'care_conversation',
          objectId: conversationId,
          data: { assigneeId: agent.id },
          at: new Date(start.getTime() + 5 * MINUTE),
        }),
      );
    if (resolvedAt)
      activity.push(
        activityRow({
          actorId: agent?.id ?? null,
          verb: 'care.resolved',
          objectType: 'care_conversation',
          objectId: conversationId,
          data: {
            channel: story.channel,
            minutes: Math.round((resolvedAt.getTime() - start.getTime()) / MINUTE),
          },
          at: resolvedAt,
        }),
      );
    for (const [which, breachedAt] of [
      ['first_response', firstBreached],
      ['resolution', resolutionBreached],
    ] as const) {
      if (breachedAt)
        activity.push(
          activityRow({
            actorId: null,
            verb: 'care.sla_breached',
            objectType: 'care_conversation',
            objectId: conversationId,
            data: { target: which, channel: story.channel, teamId: teams[story.team]!.id },
            at: breachedAt,
          }),
        );
    }
  }
  // The retailer's feed is paused once its entries are in (see CHANNELS).
  for (const c of CHANNELS.filter((c) => c.enabled === false))
    await db
      .updateTable('care_channels')
      .set({ enabled: false })
      .where('id', '=', channelIds.get(c.kind)!)
      .execute();

  const byTime = (a: { at: unknown }, b: { at: unknown }) =>
    new Date(a.at as string).getTime() - new Date(b.at as string).getTime();
  await insertBatched(db, 'audit_log', audits.sort(byTime));
  await insertBatched(db, 'activity_events', activity.sort(byTime));
  return {
    channels: CHANNELS.length,
    conversations: STORIES.length,
    agents: chosen.map((a) => ({ name: a.name, email: a.email })),
  };
}
