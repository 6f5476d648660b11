/**
 * The built-in offline model: a langchain4j {@code ChatModel} and
 * {@code StreamingChatModel} ({@link dev.todobot.chat.offline.OfflineChatModel}) that
 * understands plain todo commands and answers with real calls of the MCP tools, so that
 * the chat function works end to end without a language model provider.
 * <p>
 * One request is read in four steps, each a class of its own: the conversation
 * ({@code Transcript}: the last user message and the tool results since), the command
 * ({@code CommandParser} with {@code TaskDetailsParser}, {@code ListFilterParser} and
 * {@code DueDateParser}), the next move ({@code OfflineAgent}: a tool call, or text) and
 * the wording ({@code ReplyWriter}, which reads results through
 * {@code ToolResultReader}).
 */
package dev.todobot.chat.offline;
