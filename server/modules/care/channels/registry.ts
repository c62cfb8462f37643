// The channel kinds this Trame knows, by kind. Each kind's driver lives in its own file.
import type { CareChannelKind } from '../../../db/schema-care.ts';
import { AppError } from '../../../platform/errors.ts';
// care: feeds
import { connectorDriver } from './connector/driver.ts';
import type { ChannelDriver } from './driver.ts';
// care: email
import { emailDriver } from './email/driver.ts';
import { feedDriver } from './feed/driver.ts';
// care: channels
import { widgetDriver } from './widget/driver.ts';

const drivers: Partial<Record<CareChannelKind, ChannelDriver>> = {
  // care: email
  email: emailDriver,
  // care: feeds
  feed: feedDriver,
  connector: connectorDriver,
  // care: channels
  widget: widgetDriver,
};

export function driverFor(kind: CareChannelKind): ChannelDriver {
  const driver = drivers[kind];
  if (!driver) throw new AppError(500, 'internal', `No driver for channel kind ${kind}.`);
  return driver;
}
