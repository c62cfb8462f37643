// Customer care — review and mention feeds, connector webhook: French texts.
import type { DeepStringRecord } from '../catalog.ts';
import type { feedsEn } from './feeds.en.ts';

export const feedsFr: DeepStringRecord<typeof feedsEn> = {
  feed: {
    url: 'Adresse du flux (RSS ou Atom)',
    intervalMinutes: 'Consulter toutes les (minutes, de 5 à 1440)',
    tag: 'Étiqueter les nouvelles conversations avec',
    lastError: 'La dernière consultation a échoué : {{error}}',
    polledAt: 'Consulté {{when}}',
  },
  connector: {
    connector: 'Connecteur',
    replyUrl: 'Adresse où envoyer les réponses',
    secret: 'Secret de signature',
    webhook: 'Les connecteurs envoient à {{url}}, signé avec le secret du canal.',
    names: { 'community-forum': 'Forum communautaire' },
  },
  test: {
    feed_ok: 'Le flux a répondu : il compte {{count}} entrées.',
    feed_invalid: 'L’adresse a répondu, mais pas avec un flux RSS ou Atom.',
    feed_unreachable: 'Le flux n’a pas pu être récupéré.',
    feed_settings: 'Les réglages du flux sont incomplets : il faut une adresse et un intervalle.',
    connector_ok: 'Le connecteur a répondu au ping signé.',
    connector_unreachable: 'Le connecteur est injoignable ou a refusé le ping.',
    connector_settings:
      'Les réglages du connecteur sont incomplets : il faut un connecteur, une adresse de réponse et un secret.',
  },
};
