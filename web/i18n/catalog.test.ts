import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../common/errors.ts';
import { AUDIT_ACTIONS, MAIL_STATUSES } from '../../common/schemas/admin.ts';
import { INVITATION_STATUSES } from '../../common/schemas/invitations.ts';
import { NOTIFICATION_KINDS } from '../../common/schemas/notifications.ts';
import { USER_STATUSES } from '../../common/schemas/people.ts';
import { ROLES } from '../../common/schemas/primitives.ts';
import { SPACE_ROLES, SPACE_TYPES, SPACE_VISIBILITIES } from '../../common/schemas/spaces.ts';
import { REACTIONS } from '../../common/schemas/stream.ts';
import { catalogKeys, emptyEntries } from './catalog.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';

const enKeys = new Set(catalogKeys(en));
const frKeys = new Set(catalogKeys(fr));

describe('catalogues', () => {
  it('have the same keys in French and English', () => {
    expect([...enKeys].filter((key) => !frKeys.has(key))).toEqual([]);
    expect([...frKeys].filter((key) => !enKeys.has(key))).toEqual([]);
  });

  it('have no empty text', () => {
    expect(emptyEntries(en)).toEqual([]);
    expect(emptyEntries(fr)).toEqual([]);
  });

  it('translate every API error code', () => {
    expect(ERROR_CODES.filter((code) => !enKeys.has(`errors.${code}`))).toEqual([]);
  });

  it('label every audited action, role and status', () => {
    expect(AUDIT_ACTIONS.filter((action) => !enKeys.has(`auditActions.${action}`))).toEqual([]);
    expect(ROLES.filter((role) => !enKeys.has(`roles.${role}`))).toEqual([]);
    expect(MAIL_STATUSES.filter((s) => !enKeys.has(`mailStatus.${s}`))).toEqual([]);
    expect(INVITATION_STATUSES.filter((s) => !enKeys.has(`invitationStatus.${s}`))).toEqual([]);
    expect(USER_STATUSES.filter((s) => !enKeys.has(`userStatus.${s}`))).toEqual([]);
  });

  it('name every space type, visibility and role, reaction and notification kind', () => {
    const missing = (prefix: string, values: readonly string[]) =>
      values.filter((value) => !enKeys.has(`${prefix}.${value}`));
    expect(missing('spaceTypes', SPACE_TYPES)).toEqual([]);
    expect(missing('spaceVisibility', SPACE_VISIBILITIES)).toEqual([]);
    expect(missing('spaceVisibilityHelp', SPACE_VISIBILITIES)).toEqual([]);
    expect(missing('spaceRoles', SPACE_ROLES)).toEqual([]);
    expect(missing('reactions', REACTIONS)).toEqual([]);
    expect(missing('notifications.kinds', NOTIFICATION_KINDS)).toEqual([]);
    expect(missing('notifications.preferences', NOTIFICATION_KINDS)).toEqual([]);
  });

  it('use the same interpolation variables in both languages', () => {
    const vars = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const lookup = (catalog: object, key: string) =>
      key
        .split('.')
        .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalog) as string;
    const differing = [...enKeys].filter(
      (key) => JSON.stringify(vars(lookup(en, key))) !== JSON.stringify(vars(lookup(fr, key))),
    );
    expect(differing).toEqual([]);
  });

  it('contain no markup', () => {
    const texts = [...enKeys].flatMap((key) =>
      [en, fr].map((catalog) =>
        key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalog),
      ),
    );
    expect(texts.filter((text) => typeof text === 'string' && /<[a-z/]/i.test(text))).toEqual([]);
  });
});
