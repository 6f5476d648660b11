// The whole local stack for the browser and soak tests: devstack on free ports with an empty
// database in a temporary directory under target/, stopped with everything it started.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const web = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const root = dirname(web);
export const devstackJar = join(root, 'functions', 'devstack', 'target', 'devstack.jar');

/** The machine is slow and shared: the JVMs and the database may take minutes to start. */
export const STARTUP_TIMEOUT_MS = 4 * 60_000;

// --- the stack --------------------------------------------------------------------------------

/**
 * Starts devstack on free ports with an empty database in a temporary directory and waits for
 * its "is running" line.
 * @returns its url and stop(), which ends it and everything it started
 */
export async function startDevstack(name = 'e2e') {
  // under target/, so that the build's clean removes what an interrupted run leaves behind
  const target = join(web, 'target', name);
  mkdirSync(target, { recursive: true });
  const work = mkdtempSync(join(target, 'run-'));
  const port = await freePorts(5);
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  // kept after the run, for a look when something failed
  const logFile = join(target, 'devstack.log');
  const log = createWriteStream(logFile);
  const child = spawn(
    java,
    ['-jar', devstackJar, '--fresh', '--port', String(port), '--data-dir', join(work, 'data')],
    // its own process group, so that stop() reaches the functions it started too
    { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  const exited = new Promise((done) => child.once('exit', (code, signal) => done({ code, signal })));
  // stopped from outside (Ctrl-C, a build's timeout): take devstack and its functions along
  const abandon = (signal) => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', abandon).once('SIGTERM', abandon);

  const stop = async () => {
    process.off('SIGINT', abandon).off('SIGTERM', abandon);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM'); // its shutdown hook stops the functions and the database
      const stopped = await Promise.race([exited, sleep(60_000).then(() => null)]);
      if (!stopped) console.log('devstack did not stop within 60 s: killing it');
    }
    try {
      process.kill(-child.pid, 'SIGKILL'); // whatever is left of the group
    } catch {
      // nothing left
    }
    await new Promise((done) => log.end(done));
    rmSync(work, { recursive: true, force: true, maxRetries: 3 });
  };

  const started = performance.now();
  let output = '';
  const running = new Promise((ready, failed) => {
    const watch = (chunk) => {
      output += chunk;
      const url = /Todo Chatbot is running: (http\S+)/.exec(output)?.[1];
      if (url) ready(url);
    };
    child.stdout.setEncoding('utf8').on('data', watch);
    child.once('error', failed);
    exited.then(({ code, signal }) => failed(new Error(`devstack exited (${code ?? signal}) before it was running`)));
  });
  try {
    const url = await Promise.race([
      running,
      sleep(STARTUP_TIMEOUT_MS).then(() => {
        throw new Error(`devstack was not running after ${STARTUP_TIMEOUT_MS / 1000} s`);
      }),
    ]);
    const seconds = Math.round((performance.now() - started) / 1000);
    console.log(`devstack running at ${url} after ${seconds} s; its output is in ${logFile}`);
    const browserProfile = join(work, 'chromium-profile');
    mkdirSync(browserProfile);
    return {
      url,
      browserProfile,
      stop,
      pid: child.pid,
      todoUrl: /todo function started: (http\S+)/.exec(output)?.[1],
    };
  } catch (error) {
    await stop();
    const tail = readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
    throw new Error(`${error.message}\n--- the end of its output ---\n${tail}`);
  }
}

/** A port from which the next count - 1 ports are free too (devstack takes N to N+4: the gateway, todo, mcp, chat, reminders). */
async function freePorts(count) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20000 + Math.floor(Math.random() * 40000);
    const free = await Promise.all(Array.from({ length: count }, (_, i) => isFree(base + i)));
    if (free.every(Boolean)) return base;
  }
  throw new Error(`no ${count} free ports in a row`);
}

function isFree(port) {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, () => server.close(() => done(true)));
  });
}

export function sleep(ms) {
  return new Promise((done) => setTimeout(done, ms).unref());
}
