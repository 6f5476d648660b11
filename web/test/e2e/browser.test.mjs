// The product in a real browser, as a person uses it: Debian's chromium, driven by
// playwright-core, against the whole local stack (devstack: embedded PostgreSQL, the todo, mcp and
// chat functions, and the gateway serving out/). Starts devstack itself and stops it at the end.
//
// usage: npm run test:e2e   (after the Maven build made the jars and out/)
//        UPDATE_SCREENSHOT=1 npm run test:e2e   also rewrites docs/screenshot.png
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const web = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const root = dirname(web);
const devstackJar = join(root, 'functions', 'devstack', 'target', 'devstack.jar');
const chromiumPath = '/usr/bin/chromium';
const screenshot = join(web, 'docs', 'screenshot.png');

/** The machine is slow and shared: the JVMs and the database may take minutes to start. */
const STARTUP_TIMEOUT_MS = 4 * 60_000;
const STEP_TIMEOUT_MS = 3 * 60_000;
/** Longer than a function's first, cold answer. */
const UI_TIMEOUT_MS = 90_000;

const first = { name: 'Ada', email: `ada-${Date.now()}@example.com`, password: 'correct horse battery' };
const second = { name: 'Grace', email: `grace-${Date.now()}@example.com`, password: 'another good password' };

let stack;
let context;
let page;

describe('the todo chatbot in a browser', () => {
  before(
    async () => {
      for (const [file, hint] of [
        [devstackJar, 'build it with ./mvnw -B -DskipTests install'],
        [join(web, 'out', 'index.html'), 'build the web export with npm run build'],
        [chromiumPath, 'install Debian chromium (bash test/e2e/setup-chromium.sh)'],
      ]) {
        assert.ok(existsSync(file), `${file} is missing: ${hint}`);
      }
      stack = await startDevstack();
      context = await chromium.launchPersistentContext(stack.browserProfile, {
        executablePath: chromiumPath,
        headless: true,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
        viewport: { width: 1280, height: 800 },
        locale: 'en-US',
      });
      context.setDefaultTimeout(UI_TIMEOUT_MS);
      page = context.pages()[0] ?? (await context.newPage());
      page.on('pageerror', (error) => console.log(`page error: ${error.message}`));
      if (process.env.E2E_DEBUG) {
        const t0 = performance.now();
        const at = () => `${Math.round(performance.now() - t0)} ms`;
        page.on('request', (r) => console.log(`${at()} -> ${r.method()} ${r.url()}`));
        page.on('response', (r) => console.log(`${at()} <- ${r.status()} ${r.url()}`));
        page.on('requestfinished', (r) => console.log(`${at()} finished ${r.url()}`));
        page.on('requestfailed', (r) => console.log(`${at()} failed ${r.url()} ${r.failure()?.errorText}`));
        page.on('console', (m) => console.log(`${at()} console ${m.text()}`));
      }
    },
    { timeout: STARTUP_TIMEOUT_MS + 60_000 },
  );

  after(
    async () => {
      await context?.close().catch(() => {});
      await stack?.stop();
    },
    { timeout: 120_000 },
  );

  step('a new user signs up and sees the empty app', async () => {
    await page.goto(stack.url);
    await signUp(first);
    await tasks().getByText('No tasks yet.').waitFor();
    await page.getByRole('region', { name: 'Assistant' }).getByText('Ask me to manage your tasks').waitFor();
  });

  step('"add buy milk tomorrow" in the chat adds the task, due tomorrow', async () => {
    const { reply, firstAnswerMs } = await sendChat('add buy milk tomorrow');
    console.log(`time to first chat answer: ${Math.round(firstAnswerMs)} ms`);
    assert.match(reply, /buy milk/i);
    const changes = chatLog().getByRole('list', { name: 'Changes' });
    assert.match(await changes.innerText(), /added: buy milk/i);

    const task = taskItem('buy milk');
    await task.waitFor();
    const due = task.locator('time');
    assert.equal(await due.getAttribute('datetime'), isoDate(daysFromNow(1)));
    assert.equal(await due.innerText(), 'Due tomorrow');
  });

  step('ticking the task in the list completes it', async () => {
    const completed = page.waitForResponse((r) => r.url().endsWith('/api/todo/completeTask'));
    await tasks()
      .getByRole('checkbox', { name: /complete buy milk/i })
      .check();
    assert.equal((await completed).status(), 200);
    await tasks()
      .getByRole('checkbox', { name: /complete buy milk/i, checked: true })
      .and(page.locator(':enabled'))
      .waitFor();
  });

  step('the assistant then says nothing is open', async () => {
    const { reply } = await sendChat('what is still open?');
    console.log(`the assistant: ${JSON.stringify(reply)}`);
    assert.match(reply, /nothing is open|no open|all done/i);
  });

  step('after a reload the task is still done and the conversation is listed', async () => {
    await page.reload();
    await tasks()
      .getByRole('checkbox', { name: /complete buy milk/i, checked: true })
      .waitFor();
    const conversations = page.getByRole('navigation', { name: 'Conversations' });
    const conversation = conversations.getByRole('button', { name: /add buy milk tomorrow/i });
    await conversation.waitFor();
    // a long title is cut short inside the list, not beyond it
    const [list, title] = [await conversations.boundingBox(), await conversation.boundingBox()];
    assert.ok(title.x + title.width <= list.x + list.width, 'the conversation title overflows the list');
    // the latest conversation is open again, with both questions and answers
    await chatLog()
      .getByText(/nothing is open|no open|all done/i)
      .waitFor();
    assert.equal(await chatLog().locator(':scope > ol > li').count(), 4);
    if (process.env.UPDATE_SCREENSHOT === '1') {
      mkdirSync(dirname(screenshot), { recursive: true });
      await page.screenshot({ path: screenshot });
      console.log(`wrote ${screenshot}`);
    }
  });

  step('a message sent while the conversations are still loading gets its answer', async () => {
    // the conversations arrive only after the message has been sent: the latest conversation
    // must not then replace the new exchange, or its answer is never shown
    let releaseConversations;
    const conversationsHeld = new Promise((release) => (releaseConversations = release));
    await page.route('**/api/chat/conversations', async (route) => {
      await conversationsHeld;
      await route.continue();
    });
    let conversationsArrived;
    await page.route('**/api/chat/chat', async (route) => {
      releaseConversations();
      await conversationsArrived;
      await route.continue();
    });
    await page.reload();
    await tasks()
      .getByRole('checkbox', { name: /complete buy milk/i })
      .waitFor();
    conversationsArrived = page.waitForResponse((r) => r.url().endsWith('/api/chat/conversations'));
    const { reply } = await sendChat('add call mom');
    await page.unrouteAll();
    assert.match(reply, /call mom/i);
    await taskItem('call mom').waitFor();
    await page
      .getByRole('navigation', { name: 'Conversations' })
      .getByRole('button', { name: /add call mom/i })
      .waitFor();
  });

  step('a second user sees none of the first user’s tasks or conversations', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    const conversationsLoaded = page.waitForResponse((r) => r.url().endsWith('/api/chat/conversations'));
    await signUp(second);
    assert.equal((await conversationsLoaded).status(), 200);
    await tasks().getByText('No tasks yet.').waitFor();
    assert.equal(
      await tasks()
        .getByText(/buy milk/i)
        .count(),
      0,
    );
    const conversations = page.getByRole('navigation', { name: 'Conversations' });
    assert.deepEqual(await conversations.getByRole('button').allInnerTexts(), ['New conversation']);
    assert.equal(await chatLog().locator('li').count(), 0);
    await page.getByText(second.name, { exact: true }).waitFor();
  });
});

// --- steps ------------------------------------------------------------------------------------

let failedStep = null;

/** A test that is skipped once an earlier one failed: the flow builds on every step before. */
function step(name, fn) {
  it(name, { timeout: STEP_TIMEOUT_MS }, async (t) => {
    if (failedStep) {
      t.skip(`"${failedStep}" failed`);
      return;
    }
    try {
      await fn();
    } catch (error) {
      failedStep = name;
      throw error;
    }
  });
}

// --- the page ---------------------------------------------------------------------------------

const tasks = () => page.getByRole('region', { name: 'Tasks' });
const chatLog = () => page.getByRole('log', { name: 'Conversation' });
const taskItem = (title) =>
  tasks()
    .getByRole('listitem')
    .filter({ has: page.getByRole('checkbox', { name: new RegExp(`complete ${title}`, 'i') }) });

async function signUp(user) {
  await page.getByRole('button', { name: 'Create an account' }).click();
  await page.getByRole('heading', { name: 'Create your account' }).waitFor();
  await page.getByLabel('Name').fill(user.name);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign up', exact: true }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

/**
 * Sends a message the way a person does and waits for the whole answer.
 * @returns the reply's words and the time from the click to the first sign of an answer (a
 *   change chip or words) in the page
 */
async function sendChat(text) {
  const messages = chatLog().locator(':scope > ol > li');
  const before = await messages.count();
  await page.getByRole('textbox', { name: 'Message' }).fill(text);
  const sent = performance.now();
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const answer = messages.nth(before + 1);
  await answer.locator('li, p').filter({ hasText: /\S/ }).filter({ hasNotText: 'Thinking…' }).first().waitFor();
  const firstAnswerMs = performance.now() - sent;
  await answer.and(page.locator(':not([aria-busy])')).waitFor();
  const words = answer.locator(':scope > p');
  const reply = (await words.count()) > 0 ? await words.innerText() : '';
  return { reply, firstAnswerMs };
}

function daysFromNow(days) {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
}

function isoDate(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

// --- the stack --------------------------------------------------------------------------------

/**
 * Starts devstack on free ports with an empty database in a temporary directory and waits for
 * its "is running" line.
 * @returns its url and stop(), which ends it and everything it started
 */
async function startDevstack() {
  // under target/, so that the build's clean removes what an interrupted run leaves behind
  const target = join(web, 'target', 'e2e');
  mkdirSync(target, { recursive: true });
  const work = mkdtempSync(join(target, 'run-'));
  const port = await freePorts(4);
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
    return { url, browserProfile, stop };
  } catch (error) {
    await stop();
    const tail = readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
    throw new Error(`${error.message}\n--- the end of its output ---\n${tail}`);
  }
}

/** A port from which the next count - 1 ports are free too (devstack takes N to N+3). */
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

function sleep(ms) {
  return new Promise((done) => setTimeout(done, ms).unref());
}
