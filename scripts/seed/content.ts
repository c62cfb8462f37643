// What the demo's people write: spaces with a purpose, and posts, comments and polls in
// French and English that show each stream capability at work.
import type { SpaceType, SpaceVisibility } from '../../server/db/schema.ts';

export interface DemoSpace {
  slug: string;
  name: string;
  description: string;
  type: SpaceType;
  visibility: SpaceVisibility;
  /** Share of the organisation that belongs (the company-wide space: everyone). */
  share: number;
}

export const SPACES: DemoSpace[] = [
  {
    slug: 'toute-l-entreprise',
    name: "Toute l'entreprise",
    description: 'Les nouvelles de tout Atelier Lumen, pour tout le monde.',
    type: 'community',
    visibility: 'open',
    share: 1,
  },
  {
    slug: 'lancement-aurore',
    name: 'Lancement gamme Aurore',
    description: 'Projet de lancement de la gamme de luminaires Aurore : jalons, décisions, retours terrain.',
    type: 'project',
    visibility: 'open',
    share: 0.25,
  },
  {
    slug: 'qualite-securite-atelier',
    name: 'Qualité & sécurité atelier',
    description: 'Remontées terrain, audits et bonnes pratiques de production.',
    type: 'team',
    visibility: 'open',
    share: 0.2,
  },
  {
    slug: 'comite-de-direction',
    name: 'Comité de direction',
    description: 'Préparation des comités, arbitrages et suivi des décisions.',
    type: 'team',
    visibility: 'secret',
    share: 0.03,
  },
  {
    slug: 'rh-recrutement',
    name: 'RH — recrutement',
    description: 'Postes ouverts, entretiens et intégration des nouveaux arrivants.',
    type: 'team',
    visibility: 'private',
    share: 0.08,
  },
  {
    slug: 'salon-light-building-2027',
    name: 'Light+Building 2027',
    description: 'Preparing our stand in Frankfurt: logistics, demos and meetings. FR/EN.',
    type: 'event',
    visibility: 'open',
    share: 0.15,
  },
  {
    slug: 'pilote-teletravail-nantes',
    name: 'Pilote télétravail Nantes',
    description: 'Pilote de trois mois sur le site de Nantes : organisation, outils, mesures.',
    type: 'pilot',
    visibility: 'private',
    share: 0.1,
  },
  {
    slug: 'english-corner',
    name: 'English corner',
    description: 'For colleagues in Montréal, Brussels and everyone practising their English.',
    type: 'community',
    visibility: 'open',
    share: 0.2,
  },
  {
    slug: 'club-velo-lyon',
    name: 'Club vélo Lyon',
    description: 'Sorties du samedi, itinéraires et réparations entre collègues.',
    type: 'community',
    visibility: 'open',
    share: 0.06,
  },
];

export interface DemoPost {
  space: string | null;
  /** {mention} is replaced by a colleague's @handle. */
  body: string;
  daysAgo: number;
  comments?: string[];
  poll?: { options: string[]; multiple?: boolean };
  announcement?: boolean;
  byAdmin?: boolean;
  pin?: boolean;
  /** A question: its comments are answers, which people vote for. */
  title?: string;
  /** Which answer the asker accepted (index in comments). */
  accepted?: number;
}

export const POSTS: DemoPost[] = [
  {
    space: 'qualite-securite-atelier',
    title: 'Quelle température de couleur pour l’éclairage des postes de contrôle ?',
    daysAgo: 8,
    body: 'On refait l’éclairage des postes de contrôle visuel à Nantes. 4000 K ou 5000 K ? Des retours d’expérience ? #qualite #eclairage',
    comments: [
      '5000 K avec un IRC supérieur à 90 : les défauts de teinte ressortent bien mieux. On l’a fait à Grenoble en 2024.',
      'Attention à l’éblouissement : prévoyez des diffuseurs opalins, quelle que soit la température.',
    ],
    accepted: 0,
  },
  {
    space: 'lancement-aurore',
    title: 'Où trouver les courbes photométriques d’Aurore au format LDT ?',
    daysAgo: 4,
    body: 'Un bureau d’études client les demande pour une simulation DIALux. {mention} tu sais où elles sont rangées ?',
    comments: [
      'Dans le dossier partagé du bureau d’études, sous Photométrie/Aurore/2026. Les fichiers IES y sont aussi.',
    ],
    accepted: 0,
  },
  {
    space: 'english-corner',
    title: 'How do you say « cahier des charges » in English?',
    daysAgo: 3,
    body: 'Preparing a tender for a hotel group in Montréal. Is it a "specification" or "requirements document"? #vocabulary',
    comments: [
      'Usually "specifications" (or "specs"). For a tender, "statement of requirements" also works.',
      'In Québec they will understand « cahier des charges » too 😉',
    ],
  },
  {
    space: 'toute-l-entreprise',
    title: 'Comment réserver une salle de visio équipée à Lyon ?',
    daysAgo: 1,
    body: 'Je ne trouve pas la salle Lumière dans l’agenda partagé. Quelqu’un sait comment on la réserve ? #teletravail',
  },
  {
    space: 'toute-l-entreprise',
    byAdmin: true,
    announcement: true,
    pin: true,
    daysAgo: 12,
    body: "**Nouvelle charte du télétravail**\n\nLa charte entre en vigueur le 1er décembre. Merci de la lire et d'en accuser réception ci-dessous.\n\n- jusqu'à deux jours par semaine\n- réunions d'équipe le mardi sur site\n- matériel fourni sur demande #teletravail",
    comments: [
      'Merci pour la clarté, le mardi sur site me va très bien.',
      'Est-ce que le matériel inclut un second écran ?',
    ],
  },
  {
    space: 'toute-l-entreprise',
    daysAgo: 10,
    body: 'Bienvenue à nos six nouveaux collègues de Nantes ! Passez les saluer à la pause de 10 h. #bienvenue',
    comments: ['Bienvenue à toutes et à tous !', 'Ravie de vous rejoindre 🙂'],
  },
  {
    space: 'toute-l-entreprise',
    daysAgo: 6,
    body: "Résultats du trimestre : +12 % de commandes sur l'hôtellerie, merci aux équipes ventes et service client. Détail dans le rapport : https://intranet.lumen.example/rapports/t3 #resultats",
    comments: ['Bravo à tous 👏'],
  },
  {
    space: 'toute-l-entreprise',
    daysAgo: 2,
    body: "Rappel : l'inventaire annuel a lieu vendredi. {mention} coordonne les équipes de Nantes. #logistique",
  },
  {
    space: 'lancement-aurore',
    daysAgo: 14,
    body: 'Kick-off du projet **Aurore** : objectif salon de Francfort en mars. Jalons : prototypes fin janvier, série pilote mi-février. #aurore #lancement',
    comments: [
      'Le planning prototypes est tendu mais tenable.',
      'Il nous faut les photometries avant le 20 janvier.',
    ],
  },
  {
    space: 'lancement-aurore',
    daysAgo: 9,
    body: 'Quel nom pour la teinte 2700 K de la gamme Aurore ? #aurore',
    poll: { options: ['Ambre', 'Braise', 'Miel', 'Crépuscule'] },
  },
  {
    space: 'lancement-aurore',
    daysAgo: 5,
    body: "Retour de {mention} après les tests en chambre d'hôtel : l'éblouissement est réglé avec le nouveau diffuseur. *Validé* pour la série pilote. #aurore #qualite",
    comments: ['Super nouvelle, on lance la commande de diffuseurs.'],
  },
  {
    space: 'lancement-aurore',
    daysAgo: 1,
    body: 'Les fichiers 3D des prototypes sont prêts, {mention} peut lancer les rendus pour le catalogue. #aurore',
  },
  {
    space: 'qualite-securite-atelier',
    daysAgo: 11,
    body: "Audit sécurité de l'atelier 2 : deux points à corriger (marquage au sol, rangement des échelles). Plan d'action lundi. #securite",
    comments: [
      'Le marquage est refait demain matin.',
      'On a commandé un nouveau râtelier pour les échelles.',
    ],
  },
  {
    space: 'qualite-securite-atelier',
    daysAgo: 4,
    body: 'Taux de retour qualité à 0,8 % ce mois-ci, notre meilleur score depuis deux ans. Merci à {mention} pour le nouveau contrôle en fin de ligne. #qualite',
  },
  {
    space: 'comite-de-direction',
    byAdmin: true,
    daysAgo: 8,
    body: "Ordre du jour du comité de lundi : budget 2027, ouverture d'un bureau à Milan, point Aurore. Documents à lire avant vendredi. #comite",
  },
  {
    space: 'comite-de-direction',
    daysAgo: 3,
    body: 'Proposition : reporter la décision Milan au comité de janvier, le temps de finir l’étude de marché.',
    comments: ["D'accord, l'étude sera prête le 15."],
  },
  {
    space: 'rh-recrutement',
    daysAgo: 7,
    body: 'Trois postes ouverts : ingénieur·e optique (Grenoble), technicien·ne de production (Nantes), chargé·e de communication (Lyon). Cooptation bienvenue ! #recrutement',
  },
  {
    space: 'rh-recrutement',
    daysAgo: 2,
    body: "Parcours d'intégration mis à jour : un binôme pour chaque nouvel arrivant pendant un mois. Merci {mention} pour l'idée. #integration",
  },
  {
    space: 'salon-light-building-2027',
    daysAgo: 13,
    body: 'Stand confirmed: Hall 3.1, booth C40. We need 4 people on the stand each day — please reply with your availability. #lightbuilding',
    comments: ['I can do Monday and Tuesday.', 'Je peux tenir le stand mercredi.'],
  },
  {
    space: 'salon-light-building-2027',
    daysAgo: 6,
    body: 'Which demo should open the stand?',
    poll: {
      options: ['Aurore in a hotel room set', 'Connected office lighting', 'Outdoor range'],
      multiple: false,
    },
  },
  {
    space: 'salon-light-building-2027',
    daysAgo: 1,
    body: 'Hotel block booked near the Messe, details from {mention}. Flights to be booked by Friday. #lightbuilding #voyage',
  },
  {
    space: 'pilote-teletravail-nantes',
    daysAgo: 9,
    body: 'Premier bilan du pilote après un mois : 78 % des participants satisfaits, la salle de visio reste le point noir. #teletravail #pilote',
    comments: ['Une deuxième salle équipée arrive en janvier.'],
  },
  {
    space: 'pilote-teletravail-nantes',
    daysAgo: 3,
    body: 'Questionnaire de mi-parcours en ligne, 5 minutes. Réponses anonymes. #pilote',
  },
  {
    space: 'english-corner',
    daysAgo: 10,
    body: 'Montréal team here 👋 We just shipped the first Aurore samples to our hotel clients in Québec. #aurore',
    comments: ['Great news from Canada!', 'Bravo l’équipe de Montréal !'],
  },
  {
    space: 'english-corner',
    daysAgo: 4,
    body: 'Tip of the week: in English, a *luminaire* is a light fitting, and *lumen output* is what our customers compare first. #vocabulary',
  },
  {
    space: 'club-velo-lyon',
    daysAgo: 5,
    body: 'Sortie samedi 9 h : boucle des monts d’Or, 45 km, rythme tranquille. Qui vient ? #velo',
    comments: ['Je viens, avec mon fils si possible.', 'Partant !'],
  },
  {
    space: null,
    daysAgo: 8,
    body: "J'ai présenté nos luminaires connectés à l'école d'architecture de Lyon hier, beaucoup de questions sur la consommation. #conference",
  },
  {
    space: null,
    daysAgo: 2,
    body: 'Back from a week with our Brussels partners, lots of ideas for the outdoor range. Notes to follow. #outdoor',
  },
];

export interface DemoEvent {
  space: string;
  title: string;
  description: string;
  /** Days from the seed's day (negative: past); hour in UTC. */
  inDays: number;
  hourUtc: number;
  hours: number;
  timeZone: string;
  location?: string;
  onlineUrl?: string;
}

export const EVENTS: DemoEvent[] = [
  {
    space: 'toute-l-entreprise',
    title: 'Réunion d’information trimestrielle',
    description: 'Résultats du trimestre, feuille de route 2027 et questions ouvertes à la direction.',
    inDays: 6,
    hourUtc: 9,
    hours: 1.5,
    timeZone: 'Europe/Paris',
    location: 'Lyon, auditorium',
    onlineUrl: 'https://visio.atelier-lumen.example/trimestrielle',
  },
  {
    space: 'qualite-securite-atelier',
    title: 'Formation habilitation électrique',
    description: 'Recyclage obligatoire pour les équipes de production. Prévoir ses EPI.',
    inDays: 12,
    hourUtc: 7,
    hours: 4,
    timeZone: 'Europe/Paris',
    location: 'Nantes, atelier 2',
  },
  {
    space: 'salon-light-building-2027',
    title: 'Stand briefing before Light + Building',
    description: 'Who is where, demo scripts, and the customer meetings already booked.',
    inDays: 20,
    hourUtc: 14,
    hours: 1,
    timeZone: 'Europe/Berlin',
    onlineUrl: 'https://visio.atelier-lumen.example/lightbuilding',
  },
  {
    space: 'english-corner',
    title: 'Montréal × Lyon coffee chat',
    description: 'Thirty minutes to meet the Montréal team. Bring your questions about Québec customers.',
    inDays: 3,
    hourUtc: 15,
    hours: 0.5,
    timeZone: 'America/Toronto',
    onlineUrl: 'https://visio.atelier-lumen.example/coffee',
  },
  {
    space: 'club-velo-lyon',
    title: 'Sortie des monts d’Or',
    description: 'Boucle de 45 km, rythme tranquille, café à Poleymieux.',
    inDays: -4,
    hourUtc: 8,
    hours: 3,
    timeZone: 'Europe/Paris',
    location: 'Parking de la gare de Saint-Germain-au-Mont-d’Or',
  },
];

export interface DemoPage {
  space: string;
  title: string;
  body: string;
  /** Title of the parent page, written before. */
  parent?: string;
  /** A later revision's text, by another member. */
  revised?: string;
}

export const PAGES: DemoPage[] = [
  {
    space: 'qualite-securite-atelier',
    title: 'Contrôle visuel des diffuseurs',
    body: 'Poste éclairé à 5000 K, IRC > 90.\n\n- vérifier l’absence de bulles\n- comparer à l’étalon de teinte\n- consigner chaque lot refusé #qualite',
    revised:
      'Poste éclairé à 5000 K, IRC > 90, diffuseurs opalins.\n\n- vérifier l’absence de bulles\n- comparer à l’étalon de teinte\n- consigner chaque lot refusé #qualite',
  },
  {
    space: 'qualite-securite-atelier',
    title: 'Habilitations électriques : qui, quand',
    parent: 'Contrôle visuel des diffuseurs',
    body: 'Recyclage tous les trois ans. La liste à jour est tenue par le responsable sécurité de chaque site.',
  },
  {
    space: 'lancement-aurore',
    title: 'Aurore : fiche produit',
    body: '**Aurore** — suspension LED 38 W, 4200 lm, 2700 à 4000 K réglable.\n\nFichiers photométriques LDT et IES : dossier partagé du bureau d’études.',
  },
  {
    space: 'english-corner',
    title: 'Glossary: lighting terms in English',
    body: '- *luminaire*: light fitting\n- *lumen output*: flux lumineux\n- *colour rendering index (CRI)*: IRC\n- *glare*: éblouissement',
  },
];

export const REACTION_KINDS = ['like', 'celebrate', 'support', 'insightful', 'curious'] as const;
