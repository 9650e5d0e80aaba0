import { NavLink } from '@mantine/core';
import { IconBriefcase, IconFiles, IconFolder } from '@tabler/icons-react';
import type { Place, TreeNode } from '../lib/document-tree';

export interface FolderTreeProps {
  tree: TreeNode[];
  place: Place;
  /** Nodes shown open; the chosen one and its trail always are. */
  open: ReadonlySet<string>;
  onChoose: (place: Place) => void;
  onToggle: (key: string) => void;
}

export const nodeKey = (node: Pick<TreeNode, 'kind' | 'id'>) => `${node.kind}:${node.id}`;

/**
 * Matters and folders as nested links (buttons): Tab moves through them, Enter or Space opens one
 * and shows its sub-folders; choosing the open one again folds it.
 */
export function FolderTree({ tree, place, open, onChoose, onToggle }: FolderTreeProps) {
  return (
    <nav aria-label="Folders">
      <NavLink
        component="button"
        label="All shared documents"
        leftSection={<IconFiles aria-hidden size={18} />}
        active={place.kind === 'all'}
        aria-current={place.kind === 'all' ? 'page' : undefined}
        onClick={() => onChoose({ kind: 'all' })}
      />
      {tree.map((node) => (
        <TreeItem
          key={nodeKey(node)}
          node={node}
          place={place}
          open={open}
          onChoose={onChoose}
          onToggle={onToggle}
        />
      ))}
    </nav>
  );
}

function TreeItem({
  node,
  place,
  open,
  onChoose,
  onToggle,
}: Omit<FolderTreeProps, 'tree'> & { node: TreeNode }) {
  const key = nodeKey(node);
  const chosen = place.kind === node.kind && place.id === node.id;
  const expanded = open.has(key);
  const Icon = node.kind === 'matter' ? IconBriefcase : IconFolder;
  return (
    <NavLink
      component="button"
      label={node.label}
      styles={{ label: { overflowWrap: 'anywhere' } }}
      leftSection={<Icon aria-hidden size={18} />}
      active={chosen}
      aria-current={chosen ? 'page' : undefined}
      aria-expanded={node.children.length > 0 ? expanded : undefined}
      opened={expanded}
      childrenOffset="md"
      onClick={() => {
        if (chosen || !expanded) onToggle(key);
        onChoose({ kind: node.kind, id: node.id });
      }}
    >
      {node.children.length > 0
        ? node.children.map((child) => (
            <TreeItem
              key={nodeKey(child)}
              node={child}
              place={place}
              open={open}
              onChoose={onChoose}
              onToggle={onToggle}
            />
          ))
        : undefined}
    </NavLink>
  );
}
