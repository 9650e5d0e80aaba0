import { expect, it } from 'vitest';
import { pathTo } from './paths';

it('links to a record by its id, escaped', () => {
  expect(pathTo.matter('0193')).toBe('/matters/0193');
  expect(pathTo.conversation('a/b')).toBe('/conversations/a%2Fb');
  expect(pathTo.portal('p1')).toBe('/portals/p1');
});
