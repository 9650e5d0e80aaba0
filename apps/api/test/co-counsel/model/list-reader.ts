import type { FastifyInstance } from 'fastify';
import type { ListedType } from './reference';

/** The list route of each type a co-counsel can list (the trash is a list of its own). */
export const listPaths: Record<ListedType, string> = {
  matter: '/api/v1/matters',
  contact: '/api/v1/contacts',
  note: '/api/v1/notes',
  communication: '/api/v1/communications',
  calendar_entry: '/api/v1/calendar_entries',
  task: '/api/v1/tasks',
  activity: '/api/v1/activities',
  folder: '/api/v1/folders',
  document: '/api/v1/documents',
  deleted_document: '/api/v1/documents?deleted=true',
  conversation: '/api/v1/conversations',
};

/** Far more pages than any generated world fills: a cursor that never ends is a bug, not a long list. */
const MAX_PAGES = 200;

/**
 * Reads a whole list through HTTP as the bearer, `pageSize` rows at a time, following every
 * page's `next_cursor`, and answers the ids in the order served. A page larger than asked for,
 * or an answer other than 200, fails the run.
 */
export async function readWholeList(
  app: FastifyInstance,
  authorization: string,
  path: string,
  pageSize: number,
): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const query = `limit=${pageSize}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const url = `${path}${path.includes('?') ? '&' : '?'}${query}`;
    const response = await app.inject({ method: 'GET', url, headers: { authorization } });
    if (response.statusCode !== 200)
      throw new Error(`GET ${url} answered ${response.statusCode}: ${response.body}`);
    const body = response.json() as { data: { id: string }[]; meta: { next_cursor: string | null } };
    if (body.data.length > pageSize) throw new Error(`GET ${url} served ${body.data.length} rows`);
    ids.push(...body.data.map((row) => row.id));
    cursor = body.meta.next_cursor;
    if (cursor === null) return ids;
  }
  throw new Error(`GET ${path}: still a next_cursor after ${MAX_PAGES} pages`);
}
