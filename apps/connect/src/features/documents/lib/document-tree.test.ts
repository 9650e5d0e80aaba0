import type { Folder } from '@chambers/contracts/folders';
import { expect, it } from 'vitest';
import { buildTree, trailTo } from './document-tree';

const folder = (id: string, matter: string, parent: string | null, name: string): Folder => ({
  id,
  matter_id: matter,
  parent_id: parent,
  name,
  created_at: '2026-11-20T16:04:05.000Z',
  updated_at: '2026-11-20T16:04:05.000Z',
});

const folders = [
  folder('f-pleadings', 'm-acme', 'root-acme', 'Pleadings'),
  folder('f-2026', 'm-acme', 'f-pleadings', '2026'),
  folder('f-drafts', 'm-acme', 'f-pleadings', 'drafts'),
  folder('f-other', 'm-hidden', 'root-hidden', 'Shared alone'),
];

it('hangs folders under their shared matter, and folders of an unshared matter at the top', () => {
  const tree = buildTree([{ id: 'm-acme', label: 'Acme' }], folders);
  expect(tree.map((node) => node.label)).toEqual(['Acme', 'Shared alone']);
  expect(tree[0]?.children.map((node) => node.label)).toEqual(['Pleadings']);
  expect(tree[0]?.children[0]?.children.map((node) => node.label)).toEqual(['2026', 'drafts']);
});

it('finds the trail to a folder for the breadcrumbs', () => {
  const tree = buildTree([{ id: 'm-acme', label: 'Acme' }], folders);
  expect(trailTo(tree, { kind: 'folder', id: 'f-2026' }).map((node) => node.label)).toEqual([
    'Acme',
    'Pleadings',
    '2026',
  ]);
  expect(trailTo(tree, { kind: 'folder', id: 'unknown' })).toEqual([]);
  expect(trailTo(tree, { kind: 'all' })).toEqual([]);
});
