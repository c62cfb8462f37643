// Analytique — les tableaux de bord de la relation client, des idées et des ambassadeurs :
// textes français.
import type { DeepStringRecord } from '../catalog.ts';
import type { domainsEn } from './domains.en.ts';

export const domainsFr: DeepStringRecord<typeof domainsEn> = {
  tabs: {
    care: 'Relation client',
    ideas: 'Idées',
    ambassadors: 'Ambassadeurs',
  },
  figure: {
    conversations_opened: {
      label: 'Conversations ouvertes',
      definition: 'Conversations avec les clients ouvertes dans la période, sur tous les canaux.',
    },
    customer_messages: {
      label: 'Messages des clients',
      definition: 'Messages écrits par les clients dans la période (ni les réponses ni les notes).',
    },
    median_first_response_minutes: {
      label: 'Délai de première réponse',
      definition:
        'Sur les conversations ouvertes dans la période et qui ont reçu une réponse : la médiane des minutes entre l’ouverture et la première réponse.',
    },
    median_resolution_hours: {
      label: 'Délai de résolution',
      definition:
        'Sur les conversations ouvertes dans la période et résolues depuis : la médiane des heures entre l’ouverture et la résolution.',
    },
    first_response_breaches: {
      label: 'Délais de première réponse dépassés',
      definition:
        'Conversations ouvertes dans la période dont la première réponse est arrivée après l’objectif de SLA (ou n’est pas arrivée alors que l’objectif est passé).',
    },
    resolution_breaches: {
      label: 'Délais de résolution dépassés',
      definition:
        'Conversations ouvertes dans la période qui n’ont pas été résolues dans leur objectif de SLA.',
    },
    mean_sentiment: {
      label: 'Sentiment moyen',
      definition:
        'Le score moyen des messages des clients de la période, de −1 (très négatif) à 1 (très positif) ; les messages sans score sont laissés de côté.',
    },
    negative_share: {
      label: 'Messages négatifs',
      definition: 'Part des messages de clients notés dans la période dont le score est de −0,3 ou moins.',
    },
    ideas_submitted: {
      label: 'Idées proposées',
      definition:
        'Idées proposées aux campagnes dans la période, sans les doublons fusionnés dans une autre.',
    },
    ideas_shipped: {
      label: 'Idées réalisées',
      definition: 'Idées passées au statut « réalisée » dans la période (la première fois).',
    },
    idea_conversion: {
      label: 'Conversion',
      definition:
        'Des idées proposées dans la période, la part réalisée aujourd’hui. Les périodes récentes ont eu moins de temps.',
    },
    median_hours_to_decision: {
      label: 'Délai de décision',
      definition:
        'Sur les idées décidées dans la période (réalisées ou refusées la première fois) : la médiane des heures entre la proposition et la décision.',
    },
    idea_votes: {
      label: 'Votes',
      definition: 'Votes donnés aux idées dans la période et non retirés depuis.',
    },
    idea_contributors: {
      label: 'Contributeurs',
      definition: 'Personnes différentes ayant proposé au moins une idée dans la période, invités compris.',
    },
    guest_contributors: {
      label: 'Contributeurs invités',
      definition: 'Parmi ces contributeurs, les invités des espaces externes (clients, partenaires).',
    },
    ambassadors: {
      label: 'Ambassadeurs',
      definition: 'Personnes inscrites au programme ambassadeurs à la fin de la période.',
    },
    active_ambassadors: {
      label: 'Ambassadeurs actifs',
      definition: 'Personnes différentes ayant partagé au moins un kit dans la période.',
    },
    ambassador_shares: {
      label: 'Partages',
      definition: 'Kits partagés par les ambassadeurs dans la période, sur tous les réseaux.',
    },
    ambassador_clicks: {
      label: 'Clics',
      definition:
        'Clics de la période sur les liens suivis des ambassadeurs, quelle que soit la date du partage.',
    },
    clicks_per_share: {
      label: 'Clics par partage',
      definition: 'Clics de la période divisés par les partages de la période.',
    },
  },
  chart: {
    care_by_week: 'Conversations et délais dépassés par semaine',
    sentiment_by_week: 'Sentiment moyen par semaine',
    conversations_by_channel: 'Conversations par canal',
    first_response_by_channel: 'Délai de première réponse par canal',
    ideas_by_week: 'Idées proposées et réalisées par semaine',
    ideas_by_status: 'Idées de la période par statut',
    idea_contributors_by_kind: 'Contributeurs : salariés et invités',
    ideas_by_space: 'Idées par espace',
    ambassador_activity_by_week: 'Partages et clics par semaine',
    shares_by_network: 'Partages par réseau',
    clicks_by_network: 'Clics par réseau',
    top_kits: 'Les kits qui portent le plus',
    ambassadors_by_department: 'Personnes ayant partagé, par service',
  },
  label: {
    idea_status_new: 'Nouvelle',
    idea_status_under_review: 'À l’étude',
    idea_status_planned: 'Planifiée',
    idea_status_in_progress: 'En cours',
    idea_status_shipped: 'Réalisée',
    idea_status_declined: 'Refusée',
    internal: 'Salariés',
    guests: 'Invités',
    network_linkedin: 'LinkedIn',
    network_x: 'X',
    network_facebook: 'Facebook',
    network_bluesky: 'Bluesky',
    network_generic: 'Texte copié',
  },
  column: {
    kit: 'Kit',
    ambassador_shares: 'Partages',
    ambassador_clicks: 'Clics',
  },
  note: {
    care_period_only:
      'La relation client est comptée pour toute l’organisation : seule la période s’applique, pas les filtres de service, de site, d’espace ou de cohorte.',
    ambassadors_no_spaces:
      'Les partages n’appartiennent à aucun espace : les filtres d’espace ne s’appliquent pas ici.',
  },
};
