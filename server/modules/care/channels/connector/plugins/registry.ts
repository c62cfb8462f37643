// The connectors this Trame ships, by the name a channel's settings.connector gives.
import { communityForum } from './community-forum.ts';
import type { ConnectorPlugin } from './plugin.ts';

export const connectorPlugins: Record<string, ConnectorPlugin> = {
  [communityForum.name]: communityForum,
};

export const CONNECTOR_NAMES = Object.keys(connectorPlugins) as [string, ...string[]];
