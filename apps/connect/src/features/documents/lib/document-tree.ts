import type { Folder } from '@chambers/contracts/folders';

/** Where the person is in the tree: everything shared, one matter, or one folder. */
export type Place = { kind: 'all' } | { kind: 'matter'; id: string } | { kind: 'folder'; id: string };

export interface TreeNode {
  kind: 'matter' | 'folder';
  id: string;
  label: string;
  children: TreeNode[];
}

export interface SharedMatter {
  id: string;
  label: string;
}

/**
 * The tree co-counsel browses, from what the API listed and nothing else: each shared matter with
 * the tops of its visible folders (a folder whose parent is not listed: that parent stays out of
 * sight), and the tops of folders of a matter not shared as a whole at the top level by themselves.
 */
export function buildTree(matters: readonly SharedMatter[], folders: readonly Folder[]): TreeNode[] {
  const byId = new Map(folders.map((folder) => [folder.id, folder]));
  const children = new Map<string, Folder[]>();
  const tops: Folder[] = [];
  for (const folder of folders) {
    if (folder.parent_id && byId.has(folder.parent_id)) {
      const siblings = children.get(folder.parent_id) ?? [];
      siblings.push(folder);
      children.set(folder.parent_id, siblings);
    } else {
      tops.push(folder);
    }
  }
  const node = (folder: Folder): TreeNode => ({
    kind: 'folder',
    id: folder.id,
    label: folder.name,
    children: sortByLabel((children.get(folder.id) ?? []).map(node)),
  });
  const matterIds = new Set(matters.map((matter) => matter.id));
  const matterNodes = matters.map<TreeNode>((matter) => ({
    kind: 'matter',
    id: matter.id,
    label: matter.label,
    children: sortByLabel(tops.filter((folder) => folder.matter_id === matter.id).map(node)),
  }));
  const loose = sortByLabel(tops.filter((folder) => !matterIds.has(folder.matter_id)).map(node));
  return [...matterNodes, ...loose];
}

function sortByLabel(nodes: TreeNode[]): TreeNode[] {
  return nodes.sort((a, b) => a.label.localeCompare(b.label, undefined, { sensitivity: 'base' }));
}

/** The nodes from the top of the tree down to the one at `place` (empty for everything, or one not found). */
export function trailTo(tree: readonly TreeNode[], place: Place): TreeNode[] {
  if (place.kind === 'all') return [];
  for (const node of tree) {
    if (node.kind === place.kind && node.id === place.id) return [node];
    const below = trailTo(node.children, place);
    if (below.length > 0) return [node, ...below];
  }
  return [];
}
