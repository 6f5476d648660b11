// The product in a real browser, as a person uses it: Debian's chromium, driven by
// playwright-core, against the whole local stack (devstack: embedded PostgreSQL, the todo, mcp and
// chat functions, and the gateway serving out/). Starts devstack itself and stops it at the end.
//
// usage: npm run test:e2e   (after the Maven build made the jars and out/)
//        E2E_URL=http://localhost:8080 npm run test:e2e   runs against a stack that is already up
//        UPDATE_SCREENSHOT=1 npm run test:e2e   also rewrites docs/screenshot.png
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { devstackJar, startDevstack, STARTUP_TIMEOUT_MS, web } from './devstack.mjs';

const chromiumPath = '/usr/bin/chromium';
const screenshot = join(web, 'docs', 'screenshot.png');
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
      const running = process.env.E2E_URL;
      for (const [file, hint] of [
        ...(running ? [] : [[devstackJar, 'build it with ./mvnw -B -DskipTests install']]),
        ...(running ? [] : [[join(web, 'out', 'index.html'), 'build the web export with npm run build']]),
        [chromiumPath, 'install Debian chromium (bash test/e2e/setup-chromium.sh)'],
      ]) {
        assert.ok(existsSync(file), `${file} is missing: ${hint}`);
      }
      stack = running
        ? { url: running, browserProfile: mkdtempSync(join(tmpdir(), 'e2e-profile-')), stop: async () => {} }
        : await startDevstack();
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

  step('saving an edit of a task changed elsewhere meanwhile shows the task as it is now', async () => {
    await taskItem('call mom')
      .getByRole('button', { name: /edit call mom/i })
      .click();
    const form = tasks().getByRole('form', { name: /edit call mom/i });
    await form.getByLabel('Title').fill('Call mom tonight');
    // another tab raises the priority while the form is open
    const elsewhere = await page.evaluate(async () => {
      const { token } = JSON.parse(sessionStorage.getItem('todo-chatbot.session'));
      const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };
      const post = (path, body) => fetch(path, { method: 'POST', headers, body: JSON.stringify(body) });
      const { items } = await (await post('/api/todo/listTasks', { q: 'call mom' })).json();
      return (await post('/api/todo/updateTask', { id: items[0].id, priority: 'high' })).status;
    });
    assert.equal(elsewhere, 200);
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/todo/updateTask'));
    await form.getByRole('button', { name: 'Save' }).click();
    assert.equal((await saved).status(), 409);
    await tasks()
      .getByRole('alert')
      .filter({ hasText: /changed elsewhere; showing the latest/i })
      .waitFor();
    await taskItem('call mom').getByText('High priority').waitFor();
    assert.equal(await tasks().getByText(/call mom tonight/i).count(), 0);
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

