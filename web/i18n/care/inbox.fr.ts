// Customer care — inbox: French texts.
import type { DeepStringRecord } from '../catalog.ts';
import type { inboxEn } from './inbox.en.ts';

export const inboxFr: DeepStringRecord<typeof inboxEn> = {
  title: 'Service client',
};
