/**
 * The built-in offline model: a langchain4j {@code ChatModel} and
 * {@code StreamingChatModel} ({@link dev.todobot.chat.offline.OfflineChatModel}) that
 * understands plain todo commands and answers with real calls of the MCP tools, so that
 * the chat function works end to end without a language model provider.
 * <p>
 * One request is read in steps, each a class of its own: the conversation
 * ({@code Transcript}: the last user message and the tool results since), the commands
 * ({@code CommandParser} with {@code TaskDetailsParser}, {@code ListFilterParser},
 * {@code DueDateParser} and {@code Typos}), the next move ({@code OfflineAgent}: a tool
 * call, or text, once every command has had its calls), the task a user's words name
 * ({@code TitleWords}) and the wording ({@code ReplyWriter}, which reads results through
 * {@code ToolResultReader}). Tool names, arguments and results follow the MCP tool
 * contract, {@link dev.todobot.core.tool.ToolContract}.
 */
package dev.todobot.chat.offline;
