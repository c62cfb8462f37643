import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import { auditActionLabel } from './audit.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';
import { errorMessage, fieldMessage } from './messages.ts';

let t: TFunction;
let tFr: TFunction;

beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({
    resources: { en: { translation: en }, fr: { translation: fr } },
    lng: 'en',
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
  t = instance.getFixedT('en');
  tFr = instance.getFixedT('fr');
});

describe('errorMessage', () => {
  it('chooses the text by code, never the server message', () => {
    expect(errorMessage(t, new ApiError(401, 'invalid_credentials', 'Invalid email or password.'))).toBe(
      'Email or password is incorrect.',
    );
    expect(errorMessage(t, new ApiError(500, 'internal', 'boom'))).toBe(
      'Something went wrong on our side; try again.',
    );
    expect(errorMessage(t, new Error('x'))).toBe('Something went wrong. Try again.');
    expect(errorMessage(t, new ApiError(418, 'teapot' as never, 'x'))).toBe(
      'Something went wrong. Try again.',
    );
  });

  it('says how long to wait after too many attempts', () => {
    const wait = (seconds: number) => new ApiError(429, 'rate_limited', 'x', { retryAfterSeconds: seconds });
    expect(errorMessage(t, wait(30))).toBe('Too many attempts. Try again in 30 seconds.');
    expect(errorMessage(t, wait(1))).toBe('Too many attempts. Try again in 1 second.');
    expect(errorMessage(t, wait(90))).toBe('Too many attempts. Try again in 2 minutes.');
    expect(errorMessage(tFr, wait(60))).toBe('Trop de tentatives. Réessayez dans 1 minute.');
    expect(errorMessage(t, new ApiError(429, 'rate_limited', 'x'))).toBe(
      'Too many attempts. Try again later.',
    );
  });
});

describe('fieldMessage', () => {
  it('prefers a message for the field, then one for the reason', () => {
    expect(fieldMessage(t, { field: 'email', reason: 'invalid_format' })).toBe(
      'Enter a valid email address.',
    );
    expect(fieldMessage(t, { field: 'password', reason: 'too_short' })).toBe('At least 10 characters.');
    expect(fieldMessage(t, { field: 'newPassword', reason: 'too_common' })).toBe(
      'This password is too common. Choose another one.',
    );
    expect(fieldMessage(t, { field: 'password', reason: 'contains_email' })).toBe(
      'Do not use your email address in your password.',
    );
    expect(fieldMessage(t, { field: 'items.0.name', reason: 'too_small' })).toBe('Enter a name.');
    expect(fieldMessage(t, { field: 'x', reason: 'something_new' })).toBe('This value is not valid.');
    expect(fieldMessage(tFr, { field: 'email', reason: 'invalid_format' })).toBe(
      'Saisissez une adresse e-mail valide.',
    );
  });
});

describe('auditActionLabel', () => {
  it('labels known actions and shows unknown ones as they are', () => {
    expect(auditActionLabel(t, 'user.role_changed')).toBe('Role changed');
    expect(auditActionLabel(tFr, 'auth.sign_in_failed')).toBe('Échec de connexion');
    expect(auditActionLabel(t, 'user')).toBe('user');
    expect(auditActionLabel(t, 'space.created')).toBe('Space created');
    expect(auditActionLabel(t, 'idea.shipped')).toBe('idea.shipped');
    expect(auditActionLabel(t, 'Weird Action!')).toBe('Weird Action!');
  });
});
