// Customer care — email: French texts.
import type { DeepStringRecord } from '../catalog.ts';
import type { emailEn } from './email.en.ts';

export const emailFr: DeepStringRecord<typeof emailEn> = {
  title: 'Service client',
};
