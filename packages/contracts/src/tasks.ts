import { type Static, type TSchema, Type } from 'typebox';
import { Page, PageQuery, PlainDate, Timestamp, UpdatedSinceQuery } from './common';
import { Person, PersonRef } from './people';
import { ref } from './schema-ref';

export const TaskPriority = Type.Union([Type.Literal('low'), Type.Literal('normal'), Type.Literal('high')], {
  $id: 'TaskPriority',
});
export type TaskPriority = Static<typeof TaskPriority>;

export const TaskStatus = Type.Union(
  [Type.Literal('pending'), Type.Literal('in_progress'), Type.Literal('completed')],
  {
    $id: 'TaskStatus',
    description:
      '`completed` is reached only through `POST /tasks/{id}/complete` and left through `POST /tasks/{id}/reopen`.',
  },
);
export type TaskStatus = Static<typeof TaskStatus>;

/** The statuses a request may set directly; completing and reopening have their own routes. */
const OpenStatus = Type.Union([Type.Literal('pending'), Type.Literal('in_progress')], {
  description: 'Complete a task with `POST /tasks/{id}/complete`, not here.',
});

const ASSIGNEE_DESCRIPTION =
  'A firm user (an active membership of the firm) or a contact flagged as co-counsel; `null` for nobody.';

const example = {
  id: '019a0000-0000-7000-8000-0000000000e1',
  matter_id: '019a0000-0000-7000-8000-000000000010',
  name: 'File the response brief',
  description: 'Use the revised exhibit list.',
  due_date: '2026-12-01',
  priority: 'high',
  status: 'in_progress',
  assignee: { type: 'user', id: '019a0000-0000-7000-8000-000000000002', name: 'Ari Attorney' },
  completed_at: null,
  completed_by: null,
  created_by: { type: 'user', id: '019a0000-0000-7000-8000-000000000003', name: 'Sam Staff' },
  created_at: '2026-11-20T16:04:05.000Z',
  updated_at: '2026-11-21T09:12:00.000Z',
};

/** A task, on a matter or on nobody's matter, assigned to a firm user or a co-counsel contact. */
export const Task = Type.Object(
  {
    id: Type.String(),
    matter_id: Type.Union([Type.String(), Type.Null()]),
    name: Type.String(),
    description: Type.String({ description: 'Plain text; never rendered as markup.' }),
    due_date: Type.Union([ref(PlainDate), Type.Null()]),
    priority: ref(TaskPriority),
    status: ref(TaskStatus),
    assignee: Type.Union([ref(Person), Type.Null()], { description: ASSIGNEE_DESCRIPTION }),
    completed_at: Type.Union([ref(Timestamp), Type.Null()]),
    completed_by: Type.Union([ref(Person), Type.Null()], {
      description: 'Who completed it: a firm user, or co-counsel as its contact card.',
    }),
    created_by: ref(Person),
    created_at: ref(Timestamp),
    updated_at: ref(Timestamp),
  },
  { $id: 'Task', additionalProperties: false, examples: [example] },
);
export type Task = Static<typeof Task>;

export const TaskPage = Page(ref(Task));
export type TaskPage = Static<typeof TaskPage>;

const Name = Type.String({ minLength: 1, maxLength: 300, pattern: '\\S' });
const Description = Type.String({ maxLength: 10_000, description: 'Plain text; never rendered as markup.' });
const Assignee = Type.Union([ref(PersonRef), Type.Null()], { description: ASSIGNEE_DESCRIPTION });
const MatterId = Type.Union([Type.String({ format: 'uuid' }), Type.Null()]);

export const CreateTask = Type.Object(
  {
    matter_id: Type.Optional(MatterId),
    name: Name,
    description: Type.Optional(Description),
    due_date: Type.Optional(Type.Union([ref(PlainDate), Type.Null()])),
    priority: Type.Optional(ref(TaskPriority)),
    status: Type.Optional(OpenStatus),
    assignee: Type.Optional(Assignee),
  },
  {
    $id: 'CreateTask',
    additionalProperties: false,
    description: 'Defaults: no matter, no due date, `normal` priority, `pending`, nobody assigned.',
    examples: [
      {
        matter_id: example.matter_id,
        name: example.name,
        due_date: example.due_date,
        priority: 'high',
        assignee: { type: 'user', id: '019a0000-0000-7000-8000-000000000002' },
      },
    ],
  },
);
export type CreateTask = Static<typeof CreateTask>;

export const UpdateTask = Type.Object(
  {
    matter_id: Type.Optional(MatterId),
    name: Type.Optional(Name),
    description: Type.Optional(Description),
    due_date: Type.Optional(Type.Union([ref(PlainDate), Type.Null()])),
    priority: Type.Optional(ref(TaskPriority)),
    status: Type.Optional(OpenStatus),
    assignee: Type.Optional(Assignee),
  },
  {
    $id: 'UpdateTask',
    additionalProperties: false,
    minProperties: 1,
    description:
      '`status` moves an open task between `pending` and `in_progress`; a completed task is reopened ' +
      'with `POST /tasks/{id}/reopen` first (422 otherwise).',
    examples: [
      { status: 'in_progress', assignee: { type: 'contact', id: '019a0000-0000-7000-8000-000000000031' } },
    ],
  },
);
export type UpdateTask = Static<typeof UpdateTask>;

export const TaskQuery = Type.Object(
  {
    ...PageQuery.properties,
    ...UpdatedSinceQuery.properties,
    matter_id: Type.Optional(Type.String({ format: 'uuid', description: "Only this matter's tasks." })),
    status: Type.Optional(
      Type.Union([ref(TaskStatus), Type.Literal('open')], {
        description: '`open` means any status but `completed`.',
      }),
    ),
    assignee_user_id: Type.Optional(
      Type.String({ format: 'uuid', description: 'Only tasks assigned to this firm user (membership id).' }),
    ),
    assignee_contact_id: Type.Optional(
      Type.String({ format: 'uuid', description: 'Only tasks assigned to this contact.' }),
    ),
    due_before: Type.Optional(ref(PlainDate)),
    due_after: Type.Optional(ref(PlainDate)),
    order: Type.Optional(
      Type.Union([Type.Literal('created'), Type.Literal('due_date')], {
        default: 'created',
        description:
          '`created`: in the order the tasks were made, oldest first. `due_date`: soonest due first, tasks ' +
          'without a due date last, ties in the order they were made. A cursor pages only the order it was ' +
          'issued for (400 otherwise).',
      }),
    ),
  },
  { additionalProperties: false },
);
export type TaskQuery = Static<typeof TaskQuery>;

/** The shared ($id) schemas of this module, registered once by the API. */
export const taskSchemas: TSchema[] = [TaskPriority, TaskStatus, Task, CreateTask, UpdateTask];
