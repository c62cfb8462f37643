// Customer care — review and mention feeds, connector webhook: English texts (the reference
// shape; see ../catalog.ts). `test` reads a channel test's result by its code.
export const feedsEn = {
  feed: {
    url: 'Feed address (RSS or Atom)',
    intervalMinutes: 'Check every (minutes, 5 to 1440)',
    tag: 'Tag new conversations with',
    lastError: 'Last poll failed: {{error}}',
    polledAt: 'Last checked {{when}}',
  },
  connector: {
    connector: 'Connector',
    replyUrl: 'Address replies are posted to',
    secret: 'Signing secret',
    webhook: 'Connectors post to {{url}}, signed with the channel’s secret.',
    names: { 'community-forum': 'Community forum' },
  },
  test: {
    feed_ok: 'The feed answered: it lists {{count}} entries.',
    feed_invalid: 'The address answered, but not with an RSS or Atom feed.',
    feed_unreachable: 'The feed could not be fetched.',
    feed_settings: 'The feed settings are incomplete: an address and an interval are needed.',
    connector_ok: 'The connector answered the signed ping.',
    connector_unreachable: 'The connector could not be reached or refused the ping.',
    connector_settings:
      'The connector settings are incomplete: a connector, a reply address and a secret are needed.',
  },
} as const;
