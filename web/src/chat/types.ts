/** A tool the assistant ran for a reply; the MCP tool names are add_task, list_tasks,
 *  complete_task, delete_task and update_task. `arguments` and `result` may arrive as JSON text. */
export interface ToolCall {
  name: string;
  arguments: unknown;
  result: unknown;
}

export interface Conversation {
  id: string | number;
  title: string;
  updatedAt: string;
}

export interface ChatMessage {
  role: 'user' | 'assistant';
  content: string;
  toolCalls?: ToolCall[];
  createdAt: string;
}

export interface ChatReply {
  conversationId: string | number;
  reply: string;
  toolCalls: ToolCall[];
}
