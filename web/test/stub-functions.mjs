// Three stand-in functions (todo, chat, mcp) for nginx-test.sh, on free loopback ports.
// Each answers with what it received, as JSON; chat's /chat asked for text/event-stream sends
// two events a second apart. Prints TODO_PORT=..., CHAT_PORT=..., MCP_PORT=... when listening.
import { createServer } from 'node:http';

const ports = [];
for (const name of ['todo', 'chat', 'mcp']) {
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      if (name === 'chat' && request.url === '/chat' && request.headers.accept === 'text/event-stream') {
        // a length rather than chunks: with chunks nginx passes each on even when buffering
        const events = ['event: delta\ndata: {"text":"first"}\n\n', 'event: done\ndata: {"text":"second"}\n\n'];
        response.writeHead(200, {
          'Content-Type': 'text/event-stream',
          'Content-Length': Buffer.byteLength(events.join('')),
        });
        response.write(events[0]);
        setTimeout(() => response.end(events[1]), 1000);
        return;
      }
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(
        JSON.stringify({ function: name, method: request.method, path: request.url, headers: request.headers, body }),
      );
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  ports.push(`${name.toUpperCase()}_PORT=${server.address().port}`);
}
console.log(ports.join('\n'));
