import type { ToolCall } from './types';

export type ChipKind = 'added' | 'completed' | 'reopened' | 'updated' | 'deleted' | 'listed' | 'failed';

export interface Chip {
  kind: ChipKind;
  text: string;
}

type Fields = Record<string, unknown>;

const FIELD_NAMES: Record<string, string> = {
  title: 'title',
  description: 'description',
  due_date: 'due date',
  dueDate: 'due date',
  priority: 'priority',
  tags: 'tags',
  due_time: 'due time',
  dueTime: 'due time',
  remind_at: 'reminder',
  remindAt: 'reminder',
  remind_before_minutes: 'reminder',
  remindBeforeMinutes: 'reminder',
  recurrence: 'repeat',
};

/** Says in a few words what a tool call changed: "added: Buy milk", "completed #3". */
export function describeToolCall(call: ToolCall): Chip {
  const args = fields(call.arguments);
  const result = resultFields(call.result);
  const task = { ...args, ...result };
  const ref = task.task_id ?? task.id;
  const number = ref === undefined ? 'a task' : `#${ref}`;
  const title = typeof task.title === 'string' ? task.title : undefined;
  const named = title ? `${number}: ${title}` : number;

  const failed = result.isError === true || typeof result.error === 'string';
  switch (call.name) {
    case 'add_task':
      return failed ? fail(`add ${title ?? 'a task'}`) : { kind: 'added', text: `added: ${title ?? number}` };
    case 'complete_task':
      return failed ? fail(`complete ${number}`) : { kind: 'completed', text: `completed ${named}` };
    case 'delete_task':
      return failed ? fail(`delete ${number}`) : { kind: 'deleted', text: `deleted ${named}` };
    case 'update_task': {
      if (failed) return fail(`update ${number}`);
      if (args.completed === true) return { kind: 'completed', text: `completed ${named}` };
      if (args.completed === false) return { kind: 'reopened', text: `reopened ${named}` };
      const changed = [...new Set(Object.keys(args).flatMap((key) => FIELD_NAMES[key] ?? []))];
      return { kind: 'updated', text: `updated ${number}${changed.length ? `: ${changed.join(', ')}` : ''}` };
    }
    case 'complete_tasks':
    case 'delete_tasks': {
      const verb = call.name === 'complete_tasks' ? 'completed' : 'deleted';
      if (failed) return fail(`${verb === 'completed' ? 'complete' : 'delete'} tasks`);
      const results = Array.isArray(result.results) ? result.results.map(fields) : [];
      const done = results.filter((r) => r.ok === true).length;
      const missed = results.length - done;
      return {
        kind: done === 0 && missed > 0 ? 'failed' : verb,
        text: `${verb} ${plural(done, 'task')}${missed > 0 ? `, ${missed} not found or failed` : ''}`,
      };
    }
    case 'list_reminders': {
      if (failed) return fail('list reminders');
      const count = listCount(call.result, result);
      return {
        kind: 'listed',
        text: count === undefined ? 'looked up reminders' : `found ${plural(count, 'reminder')}`,
      };
    }
    case 'list_tasks': {
      if (failed) return fail('list tasks');
      const count = listCount(call.result, result);
      return { kind: 'listed', text: count === undefined ? 'looked up tasks' : `found ${plural(count, 'task')}` };
    }
    default:
      return failed ? fail(call.name.replaceAll('_', ' ')) : { kind: 'updated', text: call.name.replaceAll('_', ' ') };
  }
}

function fail(what: string): Chip {
  return { kind: 'failed', text: `couldn't ${what}` };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Arguments and results may come as objects or as JSON text. */
function parse(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function fields(value: unknown): Fields {
  const parsed = parse(value);
  return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Fields) : {};
}

/** A result may be the tool's output itself or an MCP CallToolResult around it. */
function resultFields(value: unknown): Fields {
  const result = fields(value);
  const structured = fields(result.structuredContent);
  const isError = result.isError === true ? { isError: true } : {};
  if (Object.keys(structured).length > 0) return { ...structured, ...isError };
  const content = Array.isArray(result.content) ? result.content : [];
  const textPart = content.find((part) => fields(part).type === 'text');
  return textPart ? { ...fields(fields(textPart).text), ...isError } : result;
}

function listCount(raw: unknown, result: Fields): number | undefined {
  const parsed = parse(raw);
  if (Array.isArray(parsed)) return parsed.length;
  for (const key of ['items', 'tasks', 'reminders']) {
    const list = result[key];
    if (Array.isArray(list)) return list.length;
  }
  return typeof result.count === 'number' ? result.count : undefined;
}
