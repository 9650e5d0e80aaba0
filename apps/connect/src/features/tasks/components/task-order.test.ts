import type { Task } from '@chambers/contracts/tasks';
import { describe, expect, it } from 'vitest';
import { byCompletion, byDueDate } from './task-order';

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

describe('byDueDate', () => {
  it('puts the soonest due first, undated tasks last, ties by name', () => {
    const tasks = [
      task('Undated'),
      task('Later', { due_date: '2026-12-01' }),
      task('B soon', { due_date: '2026-11-24' }),
      task('A soon', { due_date: '2026-11-24' }),
    ];
    expect(tasks.sort(byDueDate).map((t) => t.name)).toEqual(['A soon', 'B soon', 'Later', 'Undated']);
  });
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
