import type { FastifyInstance } from 'fastify';

/**
 * Creates a record through its own POST route, as the caller whose `headers` are given, and
 * answers its id: for fixtures that must be made exactly as clients make them (access rows).
 */
export async function createThroughApi(
  app: FastifyInstance,
  headers: Record<string, string>,
  url: string,
  payload: object,
): Promise<string> {
  const response = await app.inject({ method: 'POST', url, headers, payload });
  if (response.statusCode !== 201) throw new Error(`POST ${url}: ${response.statusCode} ${response.body}`);
  return response.json().data.id;
}
