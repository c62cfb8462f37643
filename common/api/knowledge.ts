// Endpoints of knowledge pages.
import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import {
  Page,
  PageCreateBody,
  PageTree,
  PageUpdateBody,
  RevisionDiff,
  RevisionList,
  SaveToKnowledgeBody,
} from '../schemas/knowledge.ts';
import { Id } from '../schemas/primitives.ts';
import { SpaceRefParams } from '../schemas/spaces.ts';

const tags = ['knowledge'];
const IdParams = z.object({ id: Id });
const RevisionParams = z.object({ id: Id, number: z.coerce.number().int().min(1) });

export const knowledgeApi = {
  listPages: endpoint({
    method: 'GET',
    path: '/api/v1/spaces/:space/pages',
    operationId: 'listPages',
    tags,
    access: 'signed-in',
    summary: 'A space’s knowledge pages, by title, each with its parent (the tree).',
    params: SpaceRefParams,
    response: PageTree,
  }),
  createPage: endpoint({
    method: 'POST',
    path: '/api/v1/spaces/:space/pages',
    operationId: 'createPage',
    tags,
    access: 'signed-in',
    status: 201,
    summary: 'Write a knowledge page in a space (its members).',
    params: SpaceRefParams,
    body: PageCreateBody,
    response: Page,
  }),
  getPage: endpoint({
    method: 'GET',
    path: '/api/v1/pages/:id',
    operationId: 'getPage',
    tags,
    access: 'signed-in',
    summary: 'One knowledge page.',
    params: IdParams,
    response: Page,
  }),
  updatePage: endpoint({
    method: 'PATCH',
    path: '/api/v1/pages/:id',
    operationId: 'updatePage',
    tags,
    access: 'signed-in',
    summary: 'Edit a page (members of its space); a new revision. 409 if someone saved since baseRevision.',
    params: IdParams,
    body: PageUpdateBody,
    response: Page,
  }),
  pageRevisions: endpoint({
    method: 'GET',
    path: '/api/v1/pages/:id/revisions',
    operationId: 'pageRevisions',
    tags,
    access: 'signed-in',
    summary: 'Every revision of a page, newest first: who, when.',
    params: IdParams,
    response: RevisionList,
  }),
  revisionDiff: endpoint({
    method: 'GET',
    path: '/api/v1/pages/:id/revisions/:number',
    operationId: 'revisionDiff',
    tags,
    access: 'signed-in',
    summary: 'What a revision changed from the one before, line by line.',
    params: RevisionParams,
    response: RevisionDiff,
  }),
  restoreRevision: endpoint({
    method: 'POST',
    path: '/api/v1/pages/:id/revisions/:number/restore',
    operationId: 'restoreRevision',
    tags,
    access: 'signed-in',
    summary: 'Bring an old revision back, as a new revision (nothing is lost).',
    params: RevisionParams,
    response: Page,
  }),
  saveToKnowledge: endpoint({
    method: 'POST',
    path: '/api/v1/posts/:id/knowledge',
    operationId: 'saveToKnowledge',
    tags,
    access: 'signed-in',
    status: 201,
    summary:
      'Turn a question with its accepted answer, or a post with its thread, into a page of its space that links back to it.',
    params: IdParams,
    body: SaveToKnowledgeBody,
    response: Page,
  }),
} as const;
