// Endpoints of content rules (administrators).
import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import {
  ContentRule,
  ContentRuleBody,
  ContentRuleList,
  ContentRulePreview,
  ContentRulePreviewBody,
} from '../schemas/content-rules.ts';
import { Id } from '../schemas/primitives.ts';

export const contentRulesApi = {
  listContentRules: endpoint({
    method: 'GET',
    path: '/api/v1/admin/content-rules',
    operationId: 'listContentRules',
    tags: ['admin'],
    access: 'signed-in',
    summary: 'Words and patterns refused or held for review in posts and comments (administrators).',
    response: ContentRuleList,
  }),
  createContentRule: endpoint({
    method: 'POST',
    path: '/api/v1/admin/content-rules',
    operationId: 'createContentRule',
    tags: ['admin'],
    access: 'signed-in',
    summary:
      'Adds a rule for the organisation or one space: a word, phrase or pattern (* at an end, ? a letter or digit, ' +
      '# a digit) and what happens to a post or comment containing it (administrators).',
    body: ContentRuleBody,
    response: ContentRule,
    status: 201,
  }),
  deleteContentRule: endpoint({
    method: 'DELETE',
    path: '/api/v1/admin/content-rules/:id',
    operationId: 'deleteContentRule',
    tags: ['admin'],
    access: 'signed-in',
    summary: 'Removes a content rule (administrators).',
    params: z.object({ id: Id }),
    response: null,
    status: 204,
  }),
  previewContentRule: endpoint({
    method: 'POST',
    path: '/api/v1/admin/content-rules/preview',
    operationId: 'previewContentRule',
    tags: ['admin'],
    access: 'signed-in',
    summary:
      'What a rule would have caught in the last 30 days: counts per space, and examples from the places the ' +
      'administrator may read (administrators).',
    body: ContentRulePreviewBody,
    response: ContentRulePreview,
  }),
} as const;
