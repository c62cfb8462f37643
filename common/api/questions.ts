// Endpoints of questions and answers. Asking is createPost with a title; answering is
// createComment on the question; these are what only questions have.
import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { Id } from '../schemas/primitives.ts';
import {
  AcceptBody,
  AskExpertsBody,
  AskedCount,
  ExpertList,
  Post,
  PostPage,
  QuestionQuery,
  VoteState,
} from '../schemas/stream.ts';

const tags = ['questions'];
const IdParams = z.object({ id: Id });

export const questionsApi = {
  listQuestions: endpoint({
    method: 'GET',
    path: '/api/v1/questions',
    operationId: 'listQuestions',
    tags,
    access: 'signed-in',
    summary: 'Questions you may read, newest first: all, unanswered, answered or with an accepted answer.',
    query: QuestionQuery,
    response: PostPage,
  }),
  acceptAnswer: endpoint({
    method: 'PUT',
    path: '/api/v1/posts/:id/accepted-answer',
    operationId: 'acceptAnswer',
    tags,
    access: 'signed-in',
    summary: 'Accept an answer of this question (its asker, the space’s owners and moderators).',
    params: IdParams,
    body: AcceptBody,
    response: Post,
  }),
  unacceptAnswer: endpoint({
    method: 'DELETE',
    path: '/api/v1/posts/:id/accepted-answer',
    operationId: 'unacceptAnswer',
    tags,
    access: 'signed-in',
    summary: 'Take back the accepted answer.',
    params: IdParams,
    response: Post,
  }),
  voteAnswer: endpoint({
    method: 'PUT',
    path: '/api/v1/comments/:id/vote',
    operationId: 'voteAnswer',
    tags,
    access: 'signed-in',
    summary: 'Vote for an answer (one vote per person; not for your own).',
    params: IdParams,
    response: VoteState,
  }),
  unvoteAnswer: endpoint({
    method: 'DELETE',
    path: '/api/v1/comments/:id/vote',
    operationId: 'unvoteAnswer',
    tags,
    access: 'signed-in',
    summary: 'Withdraw your vote for an answer.',
    params: IdParams,
    response: VoteState,
  }),
  suggestExperts: endpoint({
    method: 'GET',
    path: '/api/v1/posts/:id/experts',
    operationId: 'suggestExperts',
    tags,
    access: 'signed-in',
    summary:
      'Up to five people likely to answer this question: who wrote, answered and had answers accepted on its words, among what you may read, and who may read the question.',
    params: IdParams,
    response: ExpertList,
  }),
  askExperts: endpoint({
    method: 'POST',
    path: '/api/v1/posts/:id/experts',
    operationId: 'askExperts',
    tags,
    access: 'signed-in',
    summary: 'Ask up to five people to answer this question (the asker only); each is notified once.',
    params: IdParams,
    body: AskExpertsBody,
    response: AskedCount,
  }),
} as const;
