// The driver of each channel kind (every kind has one: the Record's type makes a new kind
// without a driver a compile error). Each kind's driver lives in its own file.
import type { CareChannelKind } from '../../../db/schema-care.ts';
// care: feeds
import { connectorDriver } from './connector/driver.ts';
import type { ChannelDriver } from './driver.ts';
// care: email
import { emailDriver } from './email/driver.ts';
import { feedDriver } from './feed/driver.ts';
// care: channels
import { widgetDriver } from './widget/driver.ts';

const drivers: Record<CareChannelKind, ChannelDriver> = {
  // care: email
  email: emailDriver,
  // care: feeds
  feed: feedDriver,
  connector: connectorDriver,
  // care: channels
  widget: widgetDriver,
};

export function driverFor(kind: CareChannelKind): ChannelDriver {
  return drivers[kind];
}
