// Customer care — channels: French texts.
import type { DeepStringRecord } from '../catalog.ts';
import type { channelsEn } from './channels.en.ts';

export const channelsFr: DeepStringRecord<typeof channelsEn> = {
  title: 'Service client',
};
