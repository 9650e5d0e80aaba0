import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import type { Place, TreeNode } from '../lib/document-tree';

/** "Documents › Matter › Folder › Sub-folder": each step but the last opens that place. */
export function DocumentBreadcrumbs({
  trail,
  onChoose,
}: {
  trail: TreeNode[];
  onChoose: (place: Place) => void;
}) {
  const steps: Array<{ key: string; label: string; place: Place }> = [
    { key: 'all', label: 'All shared documents', place: { kind: 'all' } },
    ...trail.map((node) => ({
      key: `${node.kind}:${node.id}`,
      label: node.label,
      place: { kind: node.kind, id: node.id } as Place,
    })),
  ];
  return (
    <nav aria-label="Breadcrumb">
      <Breadcrumbs separatorMargin={4} styles={{ root: { flexWrap: 'wrap' } }}>
        {steps.map((step, index) =>
          index === steps.length - 1 ? (
            <Text key={step.key} size="sm" aria-current="location" style={{ overflowWrap: 'anywhere' }}>
              {step.label}
            </Text>
          ) : (
            <Anchor
              key={step.key}
              component="button"
              type="button"
              size="sm"
              style={{ overflowWrap: 'anywhere' }}
              onClick={() => onChoose(step.place)}
            >
              {step.label}
            </Anchor>
          ),
        )}
      </Breadcrumbs>
    </nav>
  );
}
