import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app';
import { type Scenario, scenario } from './model/arbitraries';
import { WorldWriter } from './model/database-writer';
import { listPaths, readWholeList } from './model/list-reader';
import { mintBearers } from './model/minted-sessions';
import { expectedLists, listedTypes } from './model/reference';
import { applyEffect, buildFirm, resolveStep, type World } from './model/world';

/**
 * Issue #6's property: random firms, shares, folder and document moves, revocations, task
 * assignments, attendees, time entries, uploads and conversations, written to the real database;
 * then every list a co-counsel can call (matters, contacts, notes, communications, calendar
 * entries, tasks, time entries, folders, documents, the document trash, conversations), read
 * through HTTP page by page as two of the four co-counsel, must hold exactly what the plain
 * reference model of the access contract says (`model/reference.ts`).
 *
 * Replay a failure with the seed (and path) it prints: `FC_SEED=… FC_PATH=… pnpm exec vitest run
 * test/co-counsel/sharing-model`. `FC_RUNS` shortens a local run; CI runs the full thousand.
 */

const RUNS = Number(process.env.FC_RUNS ?? 1000);
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : Math.floor(Math.random() * 2 ** 31);
const path = process.env.FC_PATH;

const difference = (a: readonly string[], b: readonly string[]) => a.filter((key) => !b.includes(key));
const repeated = (keys: readonly string[]) => keys.filter((key, index) => keys.indexOf(key) !== index);

describe('co-counsel lists against the reference model of the access contract', () => {
  let t: TestApp;

  beforeAll(async () => {
    // Tens of thousands of requests come from one address; the rate limit is not under test.
    t = await createTestApp({ env: { RATE_LIMIT_MAX: '1000000' } });
  });
  afterAll(() => t.close());

  /** Builds the scenario in a fresh pair of firms and answers every difference from the model. */
  async function differences(generated: Scenario): Promise<string[]> {
    const world: World = { firms: [buildFirm(generated.firms[0]), buildFirm(generated.firms[1])] };
    const writer = new WorldWriter(t.database.db);
    await writer.insertWorld(world);
    for (const step of generated.steps) {
      const effect = resolveStep(world, step);
      if (!effect) continue;
      applyEffect(world, effect);
      await writer.write(effect, world);
    }
    const people = writer
      .coCounsel()
      .filter((person) => generated.observers.some((o) => o.firm === person.firm && o.slot === person.slot));
    const bearers = await mintBearers(t.app, t.database.db, people);
    const keyOfId = new Map([...writer.ids].map(([key, id]) => [id, key]));

    const found: string[] = [];
    for (const person of people) {
      const expected = expectedLists(world, person.firm, person.slot);
      const bearer = bearers.get(person.membershipId) ?? '';
      for (const type of listedTypes) {
        const served = (await readWholeList(t.app, bearer, listPaths[type], generated.pageSize)).map(
          (id) => keyOfId.get(id) ?? `another run's ${id}`,
        );
        const missing = difference(expected[type], served);
        const unexpected = difference(served, expected[type]);
        const twice = repeated(served);
        if (missing.length + unexpected.length + twice.length > 0) {
          found.push(
            `firm ${person.firm} co-counsel ${person.slot}, ${listPaths[type]}: missing [${missing}], ` +
              `unexpected [${unexpected}], served twice [${twice}]`,
          );
        }
      }
    }
    if (found.length > 0) found.push(`final world: ${JSON.stringify(world)}`);
    return found;
  }

  it(
    `every list a co-counsel can call equals the model, over ${RUNS} generated worlds`,
    async () => {
      console.info(`sharing model: FC_SEED=${seed}${path ? ` FC_PATH=${path}` : ''}, ${RUNS} runs`);
      await fc.assert(
        fc.asyncProperty(scenario, async (generated) => {
          const found = await differences(generated);
          if (found.length > 0) throw new Error(found.join('\n'));
        }),
        { numRuns: RUNS, seed, ...(path ? { path } : {}) },
      );
    },
    20 * 60_000,
  );
});
