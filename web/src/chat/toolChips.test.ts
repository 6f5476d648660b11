import { describe, expect, it } from 'vitest';
import { describeToolCall } from './toolChips';

const text = (name: string, args: unknown, result: unknown) => describeToolCall({ name, arguments: args, result }).text;

describe('tool call chips', () => {
  it('names the task that was added', () => {
    expect(text('add_task', { title: 'Buy milk' }, { id: 3, title: 'Buy milk', completed: false })).toBe(
      'added: Buy milk',
    );
  });

  it('numbers the task that was completed or deleted', () => {
    expect(text('complete_task', { task_id: 3 }, { id: 3, title: 'Buy milk' })).toBe('completed #3: Buy milk');
    expect(text('complete_task', { task_id: 3 }, null)).toBe('completed #3');
    expect(text('delete_task', { task_id: 3 }, { id: 3, deleted: true })).toBe('deleted #3');
  });

  it('says which fields an update changed, or that it completed or reopened the task', () => {
    expect(text('update_task', { task_id: 4, due_date: '2030-05-03', priority: 'high' }, { id: 4 })).toBe(
      'updated #4: due date, priority',
    );
    expect(text('update_task', { task_id: 4, completed: true }, { id: 4, title: 'Call mum' })).toBe(
      'completed #4: Call mum',
    );
    expect(text('update_task', { task_id: 4, completed: false }, { id: 4 })).toBe('reopened #4');
  });

  it('names the schedule fields an update changed', () => {
    expect(
      text('update_task', { task_id: 4, due_time: '09:00', remind_before_minutes: 10, recurrence: 'FREQ=DAILY' }, {}),
    ).toBe('updated #4: due time, reminder, repeat');
  });

  it('counts what a bulk change did, and what it could not', () => {
    const results = {
      results: [
        { id: 1, ok: true },
        { id: 2, ok: false, status: 404, detail: 'No task 2' },
      ],
    };
    expect(text('complete_tasks', { ids: [1, 2] }, { structuredContent: results })).toBe(
      'completed 1 task, 1 not found or failed',
    );
    expect(
      text(
        'delete_tasks',
        { ids: [1, 3] },
        {
          results: [
            { id: 1, ok: true },
            { id: 3, ok: true },
          ],
        },
      ),
    ).toBe('deleted 2 tasks');
    expect(
      describeToolCall({ name: 'delete_tasks', arguments: {}, result: { results: [{ id: 9, ok: false }] } }).kind,
    ).toBe('failed');
  });

  it('counts the reminders a listing found', () => {
    expect(text('list_reminders', {}, { items: [{ id: 1 }, { id: 2 }] })).toBe('found 2 reminders');
  });

  it('counts the tasks a listing found', () => {
    expect(text('list_tasks', { status: 'pending' }, { items: [{ id: 1 }, { id: 2 }], nextCursor: null })).toBe(
      'found 2 tasks',
    );
    expect(text('list_tasks', {}, [{ id: 1 }])).toBe('found 1 task');
  });

  it('reads arguments and results sent as JSON text', () => {
    expect(text('add_task', '{"title":"Buy milk"}', '{"id":3,"title":"Buy milk"}')).toBe('added: Buy milk');
  });

  it('looks inside an MCP tool result', () => {
    const structured = { content: [], structuredContent: { id: 5, title: 'Pay rent' }, isError: false };
    const textOnly = { content: [{ type: 'text', text: '{"id":5,"title":"Pay rent"}' }] };

    expect(text('complete_task', { task_id: 5 }, structured)).toBe('completed #5: Pay rent');
    expect(text('complete_task', { task_id: 5 }, textOnly)).toBe('completed #5: Pay rent');
  });

  it('marks a failed call', () => {
    const failed = { content: [{ type: 'text', text: 'task 9 not found' }], isError: true };

    expect(describeToolCall({ name: 'complete_task', arguments: { task_id: 9 }, result: failed })).toEqual({
      kind: 'failed',
      text: "couldn't complete #9",
    });
    expect(text('add_task', { title: 'x' }, { error: 'title too long' })).toBe("couldn't add x");
  });
});
