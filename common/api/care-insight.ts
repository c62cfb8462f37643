// Endpoints of customer-care insight: an agent corrects a message's sentiment, sees and
// acknowledges negative-spike alerts, asks an internal space or expert (the answer comes back
// as a draft reply), flags a conversation for the product team, and reads the care figures.
// Every one is for agents and administrators (carePolicy.canWorkInbox).
import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import {
  CareAlert,
  CareAlertList,
  CareSummary,
  ConversationInsight,
  Escalation,
  EscalationBody,
  EscalationList,
  EscalationTargets,
  EscalationTargetsQuery,
  MessageSentiment,
  ProductFeedbackBody,
  SentimentBody,
  SummaryQuery,
  TagCounts,
  TagCountsQuery,
} from '../schemas/care-insight.ts';
import { Id } from '../schemas/primitives.ts';

const tags = ['care'];
const IdParams = z.object({ id: Id });

export const careInsightApi = {
  setCareMessageSentiment: endpoint({
    method: 'PATCH',
    path: '/api/v1/care/messages/:id/sentiment',
    operationId: 'setCareMessageSentiment',
    tags,
    access: 'signed-in',
    summary: 'Correct the sentiment of a customer’s message (-1 … 1); the conversation follows its latest.',
    params: IdParams,
    body: SentimentBody,
    response: MessageSentiment,
  }),
  listCareAlerts: endpoint({
    method: 'GET',
    path: '/api/v1/care/alerts',
    operationId: 'listCareAlerts',
    tags,
    access: 'signed-in',
    summary: 'Open alerts: spikes of negative messages on a channel or tag.',
    response: CareAlertList,
  }),
  acknowledgeCareAlert: endpoint({
    method: 'POST',
    path: '/api/v1/care/alerts/:id/acknowledge',
    operationId: 'acknowledgeCareAlert',
    tags,
    access: 'signed-in',
    summary: 'Acknowledge an alert: it leaves the open list (audited).',
    params: IdParams,
    response: CareAlert,
  }),
  careEscalationTargets: endpoint({
    method: 'GET',
    path: '/api/v1/care/escalation-targets',
    operationId: 'careEscalationTargets',
    tags,
    access: 'signed-in',
    summary: 'Where an agent may ask: their spaces, and people matching a search.',
    query: EscalationTargetsQuery,
    response: EscalationTargets,
  }),
  createCareEscalation: endpoint({
    method: 'POST',
    path: '/api/v1/care/conversations/:id/escalations',
    operationId: 'createCareEscalation',
    tags,
    access: 'signed-in',
    summary:
      'Ask an internal space (or one expert in it) on a customer’s behalf: a question in the space, without the customer’s personal data unless asked.',
    params: IdParams,
    body: EscalationBody,
    response: Escalation,
    status: 201,
  }),
  listCareEscalations: endpoint({
    method: 'GET',
    path: '/api/v1/care/conversations/:id/escalations',
    operationId: 'listCareEscalations',
    tags,
    access: 'signed-in',
    summary: 'A conversation’s escalations, with the answers as draft replies.',
    params: IdParams,
    response: EscalationList,
  }),
  getCareConversationInsight: endpoint({
    method: 'GET',
    path: '/api/v1/care/conversations/:id/insight',
    operationId: 'getCareConversationInsight',
    tags,
    access: 'signed-in',
    summary: 'A conversation’s sentiment, latest customer message, tags and product-team flag.',
    params: IdParams,
    response: ConversationInsight,
  }),
  setCareProductFeedback: endpoint({
    method: 'PUT',
    path: '/api/v1/care/conversations/:id/product-feedback',
    operationId: 'setCareProductFeedback',
    tags,
    access: 'signed-in',
    summary: 'Flag (or unflag) a conversation for the product team: the `product` tag.',
    params: IdParams,
    body: ProductFeedbackBody,
    response: ConversationInsight,
  }),
  careTagCounts: endpoint({
    method: 'GET',
    path: '/api/v1/care/insight/tags',
    operationId: 'careTagCounts',
    tags,
    access: 'signed-in',
    summary: 'Conversations opened per week and tag over a period.',
    query: TagCountsQuery,
    response: TagCounts,
  }),
  careInsightSummary: endpoint({
    method: 'GET',
    path: '/api/v1/care/insight/summary',
    operationId: 'careInsightSummary',
    tags,
    access: 'signed-in',
    summary:
      'The care figures over a period: volume, first-response and resolution times, SLA breaches, sentiment per channel and team.',
    query: SummaryQuery,
    response: CareSummary,
  }),
};
