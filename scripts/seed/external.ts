// An external space shared with a customer (French) and a partner (English), both guests
// from the partner companies, and the conversation they have there with the project team.
// Guests' posts there now wait for approval: the customer's last one is still waiting.
import type { AppContext } from '../../server/context.ts';
import { setPremoderation } from '../../server/modules/moderation/commands/pending.ts';
import { createComment } from '../../server/modules/stream/commands/comments.ts';
import { createPost } from '../../server/modules/stream/commands/posts.ts';
import { HOUR } from '../../server/platform/clock.ts';
import { newId } from '../../server/platform/ids.ts';
import { ADMIN_META } from './history.ts';
import type { SeededPerson } from './people.ts';
import { actorOf } from './stream.ts';

/** [author: 0 team lead, 1 customer, 2 partner, 3 colleague], text, then comments the same way. */
const CONVERSATION: { by: number; daysAgo: number; text: string; comments: [number, string][] }[] = [
  {
    by: 0,
    daysAgo: 12,
    text: 'Bienvenue dans l’espace du projet Horizon ! Vous y trouverez le planning de déploiement et nos comptes rendus. / Welcome to the Horizon project space: the rollout plan and our meeting notes live here.',
    comments: [
      [1, 'Merci ! Nous avons hâte de démarrer. Pouvez-vous partager le calendrier des formations ?'],
      [2, 'Thanks for having us. Northwind will handle the deliveries to the three clinic sites.'],
    ],
  },
  {
    by: 1,
    daysAgo: 6,
    text: 'Petite question : la livraison du site de Villeurbanne peut-elle être avancée au 14 ? Notre équipe de nuit sera disponible pour la réception. #horizon',
    comments: [
      [0, 'Je vérifie avec la logistique et je vous réponds demain.'],
      [2, 'We can deliver on the 14th if the loading dock is free from 7 am.'],
      [1, 'Parfait, le quai sera libre à partir de 6 h 30.'],
    ],
  },
  {
    by: 2,
    daysAgo: 2,
    text: 'Delivery confirmed for the 14th at 7 am, tracking numbers will follow. Please let us know who signs for the pallets. #horizon',
    comments: [[3, 'Merci James, c’est Hélène qui signera. / Thanks James, Hélène will sign for them.']],
  },
];

const HELD_POST =
  'Pouvez-vous nous envoyer le devis mis à jour pour les formations de janvier ? Notre direction souhaite le valider avant vendredi.';

export async function seedExternal(
  ctx: AppContext,
  input: { people: SeededPerson[]; admin: SeededPerson; now: Date },
): Promise<{ externalSpaces: number; guestsInExternalSpaces: number }> {
  const { admin, now } = input;
  const team = input.people.filter((p) => p.status === 'active' && p.role === 'member').slice(0, 2);
  // A customer writing in French and a partner writing in English, from the partner
  // companies' guests (a very small demo may have none: the team then talks alone).
  const active = input.people.filter((p) => p.status === 'active' && p.role === 'guest');
  const guests = [active.find((p) => p.locale === 'fr'), active.find((p) => p.locale === 'en')].filter(
    (p): p is SeededPerson => p !== undefined,
  );
  const spaceId = newId(now.getTime() - 14 * 24 * HOUR);
  const members = [admin, ...team, ...guests];
  const created = new Date(now.getTime() - 14 * 24 * HOUR);
  await ctx.db
    .insertInto('spaces')
    .values({
      id: spaceId,
      slug: 'projet-horizon-clinique-saint-roch',
      name: 'Projet Horizon — Clinique Saint-Roch',
      description:
        'Espace partagé avec la Clinique Saint-Roch (client) et Northwind Logistics (partenaire) : planning, livraisons, comptes rendus.',
      type: 'project',
      visibility: 'private',
      external: true,
      created_by: admin.id,
      created_at: created,
      updated_at: created,
      member_count: members.length,
    })
    .execute();
  await ctx.db
    .insertInto('space_members')
    .values(
      members.map((p, i) => ({
        space_id: spaceId,
        user_id: p.id,
        role: i === 0 ? 'owner' : 'member',
        joined_at: created,
      })),
    )
    .execute();

  let at = created;
  const past: AppContext = { ...ctx, clock: { now: () => at } };
  const cast = [team[0] ?? admin, guests[0] ?? admin, guests[1] ?? guests[0] ?? admin, team[1] ?? admin];
  for (const demo of CONVERSATION) {
    at = new Date(now.getTime() - demo.daysAgo * 24 * HOUR);
    const postId = await createPost(past, {
      actor: actorOf(cast[demo.by]!),
      body: { spaceId, body: demo.text, isAnnouncement: false, attachmentIds: [] },
    });
    let hour = 1;
    for (const [by, text] of demo.comments) {
      at = new Date(now.getTime() - demo.daysAgo * 24 * HOUR + hour++ * HOUR);
      await createComment(past, { actor: actorOf(cast[by]!), postId, body: text });
    }
  }
  // From now on the guests' posts wait for approval: the customer's latest one is in the
  // Moderation page's "To approve" tab, and only she sees it until then.
  at = new Date(now.getTime() - 3 * HOUR);
  await setPremoderation(past, { actor: actorOf(admin), spaceId, value: true, meta: ADMIN_META });
  const customer = guests[0];
  if (customer) {
    at = new Date(now.getTime() - HOUR);
    await createPost(past, {
      actor: actorOf(customer),
      body: { spaceId, body: HELD_POST, isAnnouncement: false, attachmentIds: [] },
    });
  }
  return { externalSpaces: 1, guestsInExternalSpaces: guests.length };
}
