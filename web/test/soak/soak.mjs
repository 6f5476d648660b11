// Soak test of the run command's stack: for a fixed time, a mix of what people and tools do at
// once — page loads through the gateway, task API calls through the gateway and straight to the
// todo function, MCP calls, streamed chat turns, and the real-browser journey (test/e2e) again and
// again — while a probe checks every few seconds that the front door (/healthz) answers. Every
// request must be answered, correctly, within its timeout; at the end no gateway thread may
// still be busy with a request (a stuck one shows in a thread dump of devstack).
// Loopback only; every loop stops at the deadline.
//
// usage: node test/soak/soak.mjs [--minutes N]   starts its own devstack (default 10 minutes)
//        node test/soak/soak.mjs --minutes 60 --url http://localhost:8080 --pid PID
//            against a running devstack (PID, optional, for the thread check)
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startDevstack, web } from '../e2e/devstack.mjs';

const { values: options } = parseArgs({
  options: { minutes: { type: 'string', default: '10' }, url: { type: 'string' }, pid: { type: 'string' } },
});
const minutes = Number(options.minutes);
if (!(minutes > 0)) throw new Error(`--minutes must be a positive number, not ${options.minutes}`);

/** How long each kind of request may take before it counts as not answered. */
const TIMEOUT_MS = { page: 10_000, healthz: 2_000, api: 15_000, mcp: 15_000, chat: 60_000, journey: 8 * 60_000 };

const results = new Map(); // kind -> { times: [], failures: [] }
const record = (kind, ms, failure) => {
  const entry = results.get(kind) ?? { times: [], failures: [] };
  results.set(kind, entry);
  entry.times.push(ms);
  if (failure) entry.failures.push(`${new Date().toISOString()} ${failure}`);
};

/** One request, timed: its failure (status, timeout, a wrong answer) is recorded, never thrown. */
async function timed(kind, send, check = async () => undefined) {
  const start = performance.now();
  try {
    const response = await send(AbortSignal.timeout(TIMEOUT_MS[kind] ?? TIMEOUT_MS.api));
    const problem = await check(response);
    record(kind, performance.now() - start, problem);
    return response;
  } catch (error) {
    record(kind, performance.now() - start, `${error.name}: ${error.message}`);
    return null;
  }
}

const expectStatus =
  (...statuses) =>
  async (response) => {
    const body = await response.text();
    response.parsed = body.startsWith('{') || body.startsWith('[') ? JSON.parse(body) : body;
    return statuses.includes(response.status) ? undefined : `status ${response.status}: ${body.slice(0, 200)}`;
  };

const json = (token, body) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
  body: JSON.stringify(body),
});

async function signUp(base, who) {
  const email = `soak-${who}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const response = await timed(
    'api',
    (signal) => fetch(`${base}/signup`, { ...json(null, { email, password: 'correct horse battery' }), signal }),
    expectStatus(200),
  );
  if (!response?.parsed?.token) throw new Error(`could not sign up ${email} at ${base}`);
  return response.parsed.token;
}

// --- the workers: each loops until the deadline ----------------------------------------------

/** A pause that keeps the process alive (the workers' pauses are all that is pending at times). */
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

async function pages(gateway, until) {
  const index = await (await fetch(gateway)).text();
  const assets = [...index.matchAll(/(?:src|href)="(\/_next\/static\/[^"]+)"/g)].map((m) => m[1]);
  while (Date.now() < until) {
    for (const path of ['/', ...assets.slice(0, 5), '/tasks/unknown-route']) {
      await timed('page', (signal) => fetch(gateway + path, { signal }), expectStatus(200));
    }
    await sleep(250);
  }
}

async function taskApi(kind, base, until) {
  const token = await signUp(base, kind);
  let n = 0;
  while (Date.now() < until) {
    n += 1;
    const added = await timed(
      'api',
      (signal) => fetch(`${base}/addTask`, { ...json(token, { title: `soak ${kind} ${n}`, tags: ['soak'] }), signal }),
      expectStatus(200),
    );
    await timed(
      'api',
      (signal) => fetch(`${base}/listTasks`, { ...json(token, { status: 'pending', limit: 20 }), signal }),
      expectStatus(200),
    );
    const id = added?.parsed?.id;
    if (id !== undefined) {
      await timed(
        'api',
        (signal) => fetch(`${base}/completeTask`, { ...json(token, { id }), signal }),
        expectStatus(200),
      );
      if (n % 2 === 0) {
        await timed(
          'api',
          (signal) => fetch(`${base}/deleteTask`, { ...json(token, { id }), signal }),
          expectStatus(200),
        );
      }
    }
    await sleep(100);
  }
}

async function mcp(gateway, todo, until) {
  const token = await signUp(todo, 'mcp');
  let id = 0;
  while (Date.now() < until) {
    id += 1;
    await timed(
      'mcp',
      (signal) =>
        fetch(`${gateway}/mcp`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            Accept: 'application/json, text/event-stream',
            Authorization: `Bearer ${token}`,
          },
          body: JSON.stringify({
            jsonrpc: '2.0',
            id,
            method: 'tools/call',
            params: { name: 'list_tasks', arguments: {} },
          }),
          signal,
        }),
      async (response) => {
        const problem = await expectStatus(200)(response);
        return (
          problem ??
          (response.parsed?.result?.isError === false
            ? undefined
            : `not a tool result: ${JSON.stringify(response.parsed).slice(0, 200)}`)
        );
      },
    );
    await sleep(200);
  }
}

/** A streamed chat turn: the answer must arrive as server-sent events and end with `done`. */
async function chat(gateway, todo, until) {
  const token = await signUp(todo, 'chat');
  let conversationId;
  let n = 0;
  while (Date.now() < until) {
    n += 1;
    const message = n % 2 ? `add soak errand ${n}` : 'what is still open?';
    await timed(
      'chat',
      (signal) =>
        fetch(`${gateway}/api/chat/chat`, {
          ...json(token, conversationId ? { message, conversationId } : { message }),
          headers: {
            'Content-Type': 'application/json',
            Accept: 'text/event-stream',
            Authorization: `Bearer ${token}`,
          },
          signal,
        }),
      async (response) => {
        const stream = await response.text();
        if (response.status !== 200) return `status ${response.status}: ${stream.slice(0, 200)}`;
        const done = /event:\s*done\s*\ndata:\s*(.*)/.exec(stream);
        if (!done) return `no done event in ${JSON.stringify(stream.slice(-300))}`;
        conversationId ??= JSON.parse(done[1]).conversationId;
        return undefined;
      },
    );
    await sleep(500);
  }
}

/** The real-browser journey of test/e2e, run again and again against this stack. */
async function journeys(gateway, until) {
  while (Date.now() < until) {
    const start = performance.now();
    const { code, output } = await new Promise((done) => {
      const child = spawn(process.execPath, ['--test', join(web, 'test', 'e2e', 'browser.test.mjs')], {
        cwd: web,
        env: { ...process.env, E2E_URL: gateway },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS.journey);
      child.on('exit', (code) => {
        clearTimeout(timer);
        done({ code, output });
      });
    });
    const failing =
      code === 0
        ? undefined
        : `journey failed (${code}): ${output
            .split('\n')
            .filter((l) => /not ok|Error|error/.test(l))
            .slice(0, 8)
            .join(' | ')}`;
    record('journey', performance.now() - start, failing);
  }
}

async function frontDoor(gateway, until) {
  while (Date.now() < until) {
    await timed('healthz', (signal) => fetch(`${gateway}/healthz`, { signal }), expectStatus(200));
    await sleep(5_000);
  }
}

/** Gateway threads still inside a request once the load has stopped: requests that never ended. */
function stuckGatewayThreads(pid) {
  const dump = join(web, 'target', 'soak', 'threads.txt');
  const jcmd = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'jcmd') : 'jcmd';
  execFileSync(jcmd, [String(pid), 'Thread.dump_to_file', '-overwrite', dump], { stdio: 'ignore' });
  return readFileSync(dump, 'utf8')
    .split(/\n(?=#\d+ ")/)
    .filter((thread) => /dev\.todobot\.devstack\.Gateway|org\.eclipse\.jetty\.proxy/.test(thread))
    .map((thread) => thread.split('\n')[0]);
}

// --- the run ------------------------------------------------------------------------------------

mkdirSync(join(web, 'target', 'soak'), { recursive: true });
const stack = options.url
  ? {
      url: options.url,
      pid: options.pid,
      todoUrl: options.url.replace(/:(\d+)$/, (_, port) => `:${Number(port) + 1}`),
      stop: async () => {},
    }
  : await startDevstack('soak');
let exitCode = 1;
try {
  const gateway = stack.url.replace(/\/$/, '');
  const until = Date.now() + minutes * 60_000;
  console.log(`soak: ${minutes} min against ${gateway} (todo directly at ${stack.todoUrl})`);
  await Promise.all([
    pages(gateway, until),
    taskApi('gateway', `${gateway}/api/todo`, until),
    taskApi('direct', stack.todoUrl, until),
    mcp(gateway, `${gateway}/api/todo`, until),
    chat(gateway, `${gateway}/api/todo`, until),
    journeys(gateway, until),
    frontDoor(gateway, until),
  ]);
  await sleep(2_000);
  const stuck = stack.pid ? stuckGatewayThreads(Number(stack.pid)) : [];

  const report = {};
  let requests = 0;
  let failures = 0;
  let longest = 0;
  console.log('kind       requests   p50 ms   p99 ms   max ms   failures');
  for (const [kind, { times, failures: failed }] of results) {
    const sorted = [...times].sort((a, b) => a - b);
    const at = (q) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]);
    report[kind] = { requests: times.length, p50: at(0.5), p99: at(0.99), max: at(1), failures: failed };
    requests += times.length;
    failures += failed.length;
    if (kind !== 'journey') longest = Math.max(longest, at(1));
    console.log(
      `${kind.padEnd(10)} ${String(times.length).padStart(8)} ${String(at(0.5)).padStart(8)} ${String(at(0.99)).padStart(8)} ${String(at(1)).padStart(8)} ${String(failed.length).padStart(10)}`,
    );
    failed.slice(0, 5).forEach((line) => console.log(`  ${line}`));
  }
  console.log(`longest single answer (journeys aside): ${longest} ms`);
  if (stack.pid)
    console.log(
      `gateway threads still in a request after the load: ${stuck.length}${stuck.length ? ': ' + stuck.join(', ') : ''}`,
    );
  writeFileSync(
    join(web, 'target', 'soak', 'report.json'),
    JSON.stringify({ minutes, requests, longest, stuck, report }, null, 2),
  );
  const healthy = failures === 0 && stuck.length === 0 && results.get('journey')?.times.length > 0;
  console.log(`soak: ${requests - failures} passed, ${failures + stuck.length} failed`);
  exitCode = healthy ? 0 : 1;
} finally {
  await stack.stop();
}
process.exit(exitCode);
