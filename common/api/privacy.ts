// Endpoints of personal data: a person's archive of their data, and erasing a person.
import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { Id } from '../schemas/primitives.ts';
import {
  EraseUserBody,
  ErasureResult,
  PersonalDataExport,
  PersonalDataExportList,
  PrivacySettings,
  PrivacySettingsBody,
} from '../schemas/privacy.ts';

const IdParams = z.object({ id: Id });

export const privacyApi = {
  listPersonalDataExports: endpoint({
    method: 'GET',
    path: '/api/v1/me/personal-data/exports',
    operationId: 'listPersonalDataExports',
    tags: ['privacy'],
    access: 'signed-in',
    summary: 'Your archives of your personal data, newest first (each kept 7 days).',
    response: PersonalDataExportList,
  }),
  requestPersonalDataExport: endpoint({
    method: 'POST',
    path: '/api/v1/me/personal-data/exports',
    operationId: 'requestPersonalDataExport',
    tags: ['privacy'],
    access: 'signed-in',
    status: 202,
    summary:
      'Ask for an archive of everything you wrote and everything stored about you; built in the background.',
    response: PersonalDataExport,
  }),
  downloadPersonalDataExport: endpoint({
    method: 'GET',
    path: '/api/v1/me/personal-data/exports/:id/download',
    operationId: 'downloadPersonalDataExport',
    tags: ['privacy'],
    access: 'signed-in',
    summary: 'Download one of your archives (a ZIP), while it is kept. Nobody else can.',
    params: IdParams,
    response: null,
    raw: true,
  }),
  getPrivacySettings: endpoint({
    method: 'GET',
    path: '/api/v1/admin/privacy',
    operationId: 'getPrivacySettings',
    tags: ['privacy', 'admin'],
    access: 'signed-in',
    summary: 'What erasing a person does with their content (administrators).',
    response: PrivacySettings,
  }),
  updatePrivacySettings: endpoint({
    method: 'PUT',
    path: '/api/v1/admin/privacy',
    operationId: 'updatePrivacySettings',
    tags: ['privacy', 'admin'],
    access: 'signed-in',
    summary:
      'Choose whether an erased person’s content is kept as a former employee’s or deleted (administrators).',
    body: PrivacySettingsBody,
    response: PrivacySettings,
  }),
  eraseUser: endpoint({
    method: 'POST',
    path: '/api/v1/users/:id/erase',
    operationId: 'eraseUser',
    tags: ['privacy', 'users'],
    access: 'signed-in',
    summary:
      'Erase a person: personal data removed, account closed for good, content kept or deleted as the organisation chose (administrators; type their email to confirm).',
    params: IdParams,
    body: EraseUserBody,
    response: ErasureResult,
  }),
} as const;
