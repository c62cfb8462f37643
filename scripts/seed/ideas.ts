// Idea campaigns, through the real commands: an internal one in the workshop's quality space
// (energy savings, French and English) and one in the external Horizon space, where the
// customer and the partner propose ideas beside the project team. Ideas stand at every step
// of the pipeline with their explanations, with votes, comments, a follower who did not vote,
// evaluators' scores and internal notes, and a duplicate merged into the idea it repeats.
import type { AppContext } from '../../server/context.ts';
import { createCampaign } from '../../server/modules/ideas/commands/campaigns.ts';
import { commentIdea, setFollow, setVote, submitIdea } from '../../server/modules/ideas/commands/ideas.ts';
import { changeStatus, evaluateIdea, mergeIdea } from '../../server/modules/ideas/commands/pipeline.ts';
import { DAY, HOUR } from '../../server/platform/clock.ts';
import { ADMIN_META } from './history.ts';
import type { SeededPerson } from './people.ts';
import { actorOf } from './stream.ts';

type Status = 'new' | 'under_review' | 'planned' | 'in_progress' | 'shipped' | 'declined';

interface DemoIdea {
  /** Index among the campaign's contributors. */
  by: number;
  daysAgo: number;
  title: string;
  description: string;
  /** Each step: the status, its explanation (shared with contributors), days ago. */
  steps: [Status, string, number][];
  votes: number;
  comments: [number, string][];
  /** Scores per criterion and the internal note, by the first evaluator. */
  evaluation?: [Record<string, number>, string];
  /** Index of the idea (same campaign) this one repeats: merged into it. */
  duplicateOf?: number;
}

interface DemoCampaign {
  title: string;
  description: string;
  criteria: string[];
  ideas: DemoIdea[];
}

const INTERNAL: DemoCampaign = {
  title:
    'Ateliers sobres : comment consommer moins d’énergie ? / Leaner workshops: how do we use less energy?',
  description:
    'La facture d’énergie de nos ateliers a augmenté de 18 % en un an. Proposez vos idées, votez pour celles des autres : les évaluateurs de la qualité répondent à chacune. / Our workshops’ energy bill rose 18% in a year: propose ideas, vote for others’, the quality team answers each one.',
  criteria: ['Impact', 'Coût', 'Délai'],
  ideas: [
    {
      by: 0,
      daysAgo: 24,
      title: 'Couper automatiquement les compresseurs le week-end',
      description:
        'Les compresseurs d’air tournent tout le week-end à Nantes alors que personne ne produit. Un simple programmateur suffirait.',
      steps: [
        ['under_review', 'Nous mesurons la consommation des compresseurs pendant deux week-ends.', 20],
        ['planned', 'Mesures faites : 1 900 kWh perdus par week-end. Programmateurs commandés.', 14],
        ['shipped', 'Programmateurs installés à Nantes le 12 : −8 % sur la facture du mois. Merci !', 4],
      ],
      votes: 9,
      comments: [
        [1, 'Même chose à Lyon pour l’éclairage du stock, d’ailleurs.'],
        [2, 'Great one — the maintenance team can do Lyon next.'],
      ],
      evaluation: [
        { Impact: 5, Coût: 5, Délai: 4 },
        'Retour sur investissement en 3 semaines. À généraliser.',
      ],
    },
    {
      by: 1,
      daysAgo: 21,
      title: 'Motion sensors for the assembly hall lighting',
      description:
        'Half of hall B is lit all night for the two people on the night shift. Presence sensors per aisle would fix it.',
      steps: [
        ['planned', 'Approved with the site manager; sensors ordered for hall B.', 15],
        ['in_progress', 'Installation under way in hall B; hall A follows next month.', 6],
      ],
      votes: 7,
      comments: [[0, 'Attention aux allées de chariots : il faut un délai avant extinction.']],
      evaluation: [
        { Impact: 4, Coût: 3, Délai: 3 },
        'Devis électricien : 14 k€. Vérifier la compatibilité DALI.',
      ],
    },
    {
      by: 2,
      daysAgo: 18,
      title: 'Récupérer la chaleur des fours de cuisson peinture',
      description:
        'Les fours de la ligne peinture rejettent de l’air à 180 °C. Un échangeur pourrait chauffer les vestiaires et l’eau sanitaire.',
      steps: [
        ['under_review', 'Étude thermique demandée au bureau d’études.', 12],
        ['planned', 'Budget validé pour le deuxième trimestre ; travaux pendant l’arrêt d’été.', 3],
      ],
      votes: 6,
      comments: [[3, 'Le fournisseur des fours propose un kit, je peux transmettre le contact.']],
      evaluation: [
        { Impact: 5, Coût: 2, Délai: 2 },
        'Gros gain mais 60 k€ : à porter au comité d’investissement.',
      ],
    },
    {
      by: 3,
      daysAgo: 16,
      title: 'Heat recovery from the paint ovens',
      description: 'The paint line ovens blow hot air outside; could we reuse it to heat the building?',
      steps: [],
      votes: 3,
      comments: [],
      duplicateOf: 2,
    },
    {
      by: 4,
      daysAgo: 10,
      title: 'Un tableau de bord énergie à l’entrée de l’atelier',
      description:
        'Afficher la consommation de la veille par ligne, pour que chacun voie l’effet de ses gestes.',
      steps: [['under_review', 'Nous regardons avec les SI quels compteurs sont déjà connectés.', 5]],
      votes: 4,
      comments: [],
    },
    {
      by: 5,
      daysAgo: 9,
      title: 'Replace the old air compressors with variable-speed ones',
      description: 'Variable-speed compressors use up to 35% less energy than ours.',
      steps: [
        [
          'declined',
          'Pas cette année : les compresseurs actuels ont été révisés en 2026 et le retour sur investissement dépasse 7 ans. Nous y reviendrons en 2028. / Not this year: payback is over 7 years.',
          2,
        ],
      ],
      votes: 2,
      comments: [[1, 'Dommage, mais la coupure du week-end règle déjà une partie du problème.']],
      evaluation: [{ Impact: 3, Coût: 1, Délai: 2 }, 'Devis reçu : 120 k€. Trop cher au regard du gain.'],
    },
    {
      by: 6,
      daysAgo: 2,
      title: 'Fermer plus vite les portes sectionnelles en hiver',
      description:
        'Les portes du quai restent ouvertes entre deux camions : des détecteurs les refermeraient.',
      steps: [],
      votes: 1,
      comments: [],
    },
  ],
};

const EXTERNAL: DemoCampaign = {
  title: 'Horizon : vos idées pour les chambres de la clinique / Horizon: your ideas for the clinic’s rooms',
  description:
    'Patients, soignants, logisticiens : qu’est-ce qui rendrait le nouvel éclairage plus utile au quotidien ? / What would make the new lighting more useful day to day?',
  criteria: ['Confort patient', 'Effort'],
  ideas: [
    {
      by: 0,
      daysAgo: 11,
      title: 'Un mode nuit ambré à 10 % dans les chambres',
      description:
        'Les soignants allument le plafonnier pendant les rondes de nuit et réveillent les patients. Une lumière ambrée très douce suffirait.',
      steps: [
        ['planned', 'Bonne idée : le firmware 2.3 peut le faire, nous le testons en chambre témoin.', 8],
        ['shipped', 'Livré avec le firmware 2.3 installé le 14 : le mode nuit s’active de 22 h à 6 h.', 1],
      ],
      votes: 5,
      comments: [
        [1, 'Our drivers can flash the firmware during the deliveries if that helps.'],
        [0, 'Les infirmières de nuit sont ravies, merci !'],
      ],
      evaluation: [{ 'Confort patient': 5, Effort: 4 }, 'Simple paramétrage, aucun surcoût matériel.'],
    },
    {
      by: 1,
      daysAgo: 7,
      title: 'Label each luminaire with its room number on delivery',
      description: 'Installers lose time matching boxes to rooms. A room label on each box would help.',
      steps: [['planned', 'Northwind étiquettera les colis dès la prochaine livraison.', 3]],
      votes: 3,
      comments: [[0, 'On vous envoie la liste des chambres par étage.']],
    },
    {
      by: 2,
      daysAgo: 5,
      title: 'Former les équipes de nuit à la télécommande',
      description: 'Une fiche plastifiée et dix minutes de démonstration à la relève de 21 h.',
      steps: [['under_review', 'Nous préparons la fiche avec le cadre de santé.', 2]],
      votes: 2,
      comments: [],
    },
    {
      by: 0,
      daysAgo: 1,
      title: 'Régler l’intensité depuis le poste de soins',
      description: 'Pouvoir baisser toutes les chambres d’un couloir d’un coup depuis le poste infirmier.',
      steps: [],
      votes: 1,
      comments: [],
    },
  ],
};

export interface IdeasSeedSummary {
  campaigns: number;
  ideas: number;
  votes: number;
}

/** The people of a space: its owner first, then moderators, members, and its guests. */
async function spacePeople(ctx: AppContext, slug: string, everyone: SeededPerson[]) {
  const rows = await ctx.db
    .selectFrom('space_members as m')
    .innerJoin('spaces as s', 's.id', 'm.space_id')
    .select(['s.id as space_id', 'm.user_id', 'm.role'])
    .where('s.slug', '=', slug)
    .orderBy('m.user_id')
    .execute();
  const byId = new Map(everyone.filter((p) => p.status === 'active').map((p) => [p.id, p]));
  const of = (role: string) => rows.filter((r) => r.role === role).flatMap((r) => byId.get(r.user_id) ?? []);
  return {
    spaceId: rows[0]?.space_id,
    evaluators: [...of('owner'), ...of('moderator')],
    members: of('member'),
  };
}

export async function seedIdeas(
  ctx: AppContext,
  input: { people: SeededPerson[]; admin: SeededPerson; now: Date },
): Promise<IdeasSeedSummary> {
  const summary: IdeasSeedSummary = { campaigns: 0, ideas: 0, votes: 0 };
  let at = input.now;
  const past: AppContext = { ...ctx, clock: { now: () => at } };
  const daysAgo = (days: number, plusHours = 0) =>
    new Date(input.now.getTime() - days * DAY + plusHours * HOUR);

  const internal = await spacePeople(ctx, 'qualite-securite-atelier', input.people);
  const external = await spacePeople(ctx, 'projet-horizon-clinique-saint-roch', input.people);
  const plans = [
    { campaign: INTERNAL, place: internal, contributors: internal.members },
    {
      campaign: EXTERNAL,
      place: external,
      // The customer (French), the partner (English), then the project team.
      contributors: [
        ...external.members.filter((p) => p.role === 'guest').sort((a) => (a.locale === 'fr' ? -1 : 1)),
        ...external.members.filter((p) => p.role !== 'guest'),
      ],
    },
  ];
  for (const { campaign, place, contributors } of plans) {
    const evaluator = place.evaluators[0];
    if (!place.spaceId || !evaluator || contributors.length === 0) continue;
    const voters = [...place.evaluators, ...contributors];
    const who = (i: number) => actorOf(contributors[i % contributors.length]!);
    at = daysAgo(26);
    const campaignId = await createCampaign(past, {
      actor: actorOf(evaluator),
      body: {
        spaceId: place.spaceId,
        title: campaign.title,
        description: campaign.description,
        opensAt: daysAgo(25).toISOString(),
        closesAt: daysAgo(-35).toISOString(),
        criteria: campaign.criteria,
      },
      meta: ADMIN_META,
    });
    summary.campaigns += 1;
    const ids: string[] = [];
    for (const [n, idea] of campaign.ideas.entries()) {
      at = daysAgo(idea.daysAgo);
      const id = await submitIdea(past, {
        actor: who(idea.by),
        campaignId,
        title: idea.title,
        description: idea.description,
        attachmentIds: [],
      });
      ids.push(id);
      summary.ideas += 1;
      // Voters other than the author, an hour apart.
      const author = contributors[idea.by % contributors.length]!.id;
      const chosen = voters.filter((p) => p.id !== author).slice(n % 3, (n % 3) + idea.votes);
      for (const [k, voter] of chosen.entries()) {
        at = daysAgo(idea.daysAgo, k + 1);
        await setVote(past, { actor: actorOf(voter), ideaId: id, voted: true });
        summary.votes += 1;
      }
      for (const [k, [by, body]] of idea.comments.entries()) {
        at = daysAgo(idea.daysAgo, 3 + k);
        await commentIdea(past, { actor: who(by), ideaId: id, body });
      }
      if (idea.evaluation) {
        at = daysAgo(idea.daysAgo, 6);
        const [scores, note] = idea.evaluation;
        await evaluateIdea(past, { actor: actorOf(evaluator), ideaId: id, scores, note });
      }
      for (const [status, explanation, days] of idea.steps) {
        at = daysAgo(days);
        await changeStatus(past, {
          actor: actorOf(place.evaluators[1] ?? evaluator),
          ideaId: id,
          status,
          explanation,
          meta: ADMIN_META,
        });
      }
      if (idea.duplicateOf !== undefined) {
        at = daysAgo(idea.daysAgo - 1);
        await mergeIdea(past, {
          actor: actorOf(evaluator),
          ideaId: id,
          intoId: ids[idea.duplicateOf]!,
          meta: ADMIN_META,
        });
      }
    }
    // A follower of the campaign's first idea (in the larger space, one who did not vote).
    const follower = voters.at(-1);
    if (follower && ids[0]) {
      at = daysAgo(campaign.ideas[0]!.daysAgo, 12);
      await setFollow(past, { actor: actorOf(follower), ideaId: ids[0], following: true });
    }
  }
  return summary;
}
