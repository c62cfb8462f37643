// Ambassadors — the employee's page: French texts.
import type { DeepStringRecord } from '../catalog.ts';
import type { pageEn } from './page.en.ts';

export const pageFr: DeepStringRecord<typeof pageEn> = {
  nav: 'Ambassadeurs',
  title: 'Ambassadeurs',
  intro:
    'Relayez les nouvelles de {{organisation}} sur vos réseaux : des messages prêts à l’emploi, un clic, et la portée que vous apportez.',
  manageKits: 'Kits de partage',
  report: 'Rapport de portée',
  tabs: 'Programme ambassadeurs',
  programme: {
    in: 'Vous êtes ambassadeur·rice.',
    out: 'Rejoignez le programme pour partager les kits sur vos réseaux.',
    join: 'Rejoindre le programme',
    leave: 'Quitter le programme',
  },
  kitsTitle: 'Kits en cours',
  emptyTitle: 'Aucun kit à partager pour l’instant',
  emptyText: 'Les responsables de la communication publient les kits ici ; revenez bientôt.',
  until: 'Jusqu’au {{date}}',
  imageAlt: 'Image du kit « {{title}} »',
  downloadImage: 'Télécharger l’image pour votre publication',
  text: 'Votre texte',
  textFixed: 'Le texte de ce kit ne peut pas être modifié.',
  disclosure: 'Salarié·e de {{organisation}}',
  disclosureHint: 'Ajouté à votre texte, pour que vos lecteurs sachent que vous travaillez ici.',
  shareOn: 'Partager sur {{network}}',
  copy: 'Copier le texte et le lien',
  copied: 'Copié. Collez-le où vous voulez.',
  yourLink: 'Votre lien suivi',
  networks: {
    linkedin: 'LinkedIn',
    x: 'X',
    facebook: 'Facebook',
    bluesky: 'Bluesky',
    generic: 'Autre',
  },
  leaderboard: 'Classement',
  leaderboardRow: '{{shares}} partages · {{clicks}} clics',
};
