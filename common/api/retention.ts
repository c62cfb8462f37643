// Endpoints of retention: rules, their preview, legal holds and the runs of the daily job
// (administrators).
import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { Id } from '../schemas/primitives.ts';
import {
  LegalHold,
  LegalHoldBody,
  LegalHoldList,
  PreviewBody,
  RetentionOverview,
  RetentionPreview,
  RetentionRule,
  RetentionRun,
  RetentionRunList,
  RuleBody,
  RuleTarget,
} from '../schemas/retention.ts';

const tags = ['retention'];
const IdParams = z.object({ id: Id });

export const retentionApi = {
  getRetention: endpoint({
    method: 'GET',
    path: '/api/v1/admin/retention',
    operationId: 'getRetention',
    tags,
    access: 'signed-in',
    summary: 'Retention rules, the spaces they may name and the next daily run (administrators).',
    response: RetentionOverview,
  }),
  setRetentionRule: endpoint({
    method: 'PUT',
    path: '/api/v1/admin/retention/rules',
    operationId: 'setRetentionRule',
    tags,
    access: 'signed-in',
    summary:
      'Set the rule of the organisation, a space type or a space: keep forever (keepDays null) or delete posts older than keepDays (administrators; audited).',
    body: RuleBody,
    response: RetentionRule,
  }),
  removeRetentionRule: endpoint({
    method: 'DELETE',
    path: '/api/v1/admin/retention/rules',
    operationId: 'removeRetentionRule',
    tags,
    access: 'signed-in',
    summary:
      'Remove the rule of a space type or a space, so the wider rule applies (administrators; audited).',
    query: RuleTarget,
    response: null,
  }),
  previewRetentionRule: endpoint({
    method: 'POST',
    path: '/api/v1/admin/retention/preview',
    operationId: 'previewRetentionRule',
    tags,
    access: 'signed-in',
    summary:
      'How many posts a rule being edited would delete today, and how many holds keep (administrators).',
    body: PreviewBody,
    response: RetentionPreview,
  }),
  listLegalHolds: endpoint({
    method: 'GET',
    path: '/api/v1/admin/retention/holds',
    operationId: 'listLegalHolds',
    tags,
    access: 'signed-in',
    summary: 'Legal holds, active first, then released (administrators).',
    response: LegalHoldList,
  }),
  placeLegalHold: endpoint({
    method: 'POST',
    path: '/api/v1/admin/retention/holds',
    operationId: 'placeLegalHold',
    tags,
    access: 'signed-in',
    status: 201,
    summary:
      'Place a legal hold on a person or a space: nothing it covers is deleted (administrators; audited).',
    body: LegalHoldBody,
    response: LegalHold,
  }),
  releaseLegalHold: endpoint({
    method: 'POST',
    path: '/api/v1/admin/retention/holds/:id/release',
    operationId: 'releaseLegalHold',
    tags,
    access: 'signed-in',
    summary: 'Release a legal hold (administrators; audited).',
    params: IdParams,
    response: LegalHold,
  }),
  listRetentionRuns: endpoint({
    method: 'GET',
    path: '/api/v1/admin/retention/runs',
    operationId: 'listRetentionRuns',
    tags,
    access: 'signed-in',
    summary: 'The latest runs of the retention job, with what each deleted (administrators).',
    response: RetentionRunList,
  }),
  startRetentionRun: endpoint({
    method: 'POST',
    path: '/api/v1/admin/retention/runs',
    operationId: 'startRetentionRun',
    tags,
    access: 'signed-in',
    status: 202,
    summary: 'Apply the retention rules now, in the background (administrators).',
    response: RetentionRun,
  }),
};
