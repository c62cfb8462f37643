// Which enabled email channels an address belongs to. Addresses compare case-insensitively
// (the local part too: customers type Support@ as often as support@). The channels are few,
// so they are read and matched here rather than through an index on the settings JSON.
import type { Db } from '../../../../db/database.ts';
import { channelAddresses } from './settings.ts';

export async function channelsForAddress(db: Db, address: string): Promise<string[]> {
  const wanted = address.trim().toLowerCase();
  const channels = await db
    .selectFrom('care_channels')
    .select(['id', 'settings'])
    .where('kind', '=', 'email')
    .where('enabled', '=', true)
    .orderBy('created_at')
    .execute();
  return channels.filter((c) => channelAddresses(c.settings).includes(wanted)).map((c) => c.id);
}
