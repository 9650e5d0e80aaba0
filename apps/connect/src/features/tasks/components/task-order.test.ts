import type { Task } from '@chambers/contracts/tasks';
import { describe, expect, it } from 'vitest';
import { byCompletion } from './task-order';

const task = (name: string, fields: Partial<Task> = {}): Task => ({
  id: name,
  matter_id: null,
  name,
  description: '',
  due_date: null,
  priority: 'normal',
  status: 'pending',
  assignee: null,
  completed_at: null,
  completed_by: null,
  created_by: { type: 'user', id: 'u1', name: 'Ari Attorney' },
  created_at: '2026-11-01T00:00:00.000Z',
  updated_at: '2026-11-01T00:00:00.000Z',
  ...fields,
});

describe('byCompletion', () => {
  it('puts the most recently completed first', () => {
    const tasks = [
      task('Old', { completed_at: '2026-10-01T10:00:00.000Z' }),
      task('New', { completed_at: '2026-11-20T10:00:00.000Z' }),
    ];
    expect(tasks.sort(byCompletion).map((t) => t.name)).toEqual(['New', 'Old']);
  });
});
