// Customer care — insight: French texts.
import type { DeepStringRecord } from '../catalog.ts';
import type { insightEn } from './insight.en.ts';

export const insightFr: DeepStringRecord<typeof insightEn> = {
  title: 'Service client',
};
