// Endpoints of search.
import { endpoint } from '../endpoint.ts';
import { SearchPage, SearchQuery } from '../schemas/search.ts';

export const searchApi = {
  search: endpoint({
    method: 'GET',
    path: '/api/v1/search',
    operationId: 'search',
    tags: ['search'],
    access: 'signed-in',
    summary:
      'Posts, comments, files, people and spaces matching the words (accents and case ignored, French and ' +
      'English stems, the last word as a prefix), only among what the reader may see; newest first or by relevance.',
    query: SearchQuery,
    response: SearchPage,
  }),
} as const;
