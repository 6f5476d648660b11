// The product in a real browser, as a person uses it: Debian's chromium, driven by
// playwright-core, against the whole local stack (devstack: embedded PostgreSQL, the todo, mcp,
// chat and reminders functions, the local broker ticking the reminders every minute, and the gateway
// serving out/). Starts devstack itself and stops it at the end.
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
const MINUTE = 60_000;
/** The tick after a reminder's time, one more should that tick miss it, and the page's next read. */
const SHOWN_WITHIN_MS = 150_000;
/** Longer than a function's first, cold answer. */
const UI_TIMEOUT_MS = 90_000;

/**
 * The browser's time zone, far from UTC so that a day counted in UTC shows: the account takes it
 * at sign-up, and "today", due times and reminders are on its clock.
 */
const ZONE = 'Asia/Tokyo';

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
        timezoneId: ZONE,
      });
      // reminders that come due while the page is open are shown as notifications: allowed here
      // (a person clicks "Notify me" and the browser's prompt), and each one is noted for the test
      await context.grantPermissions(['notifications'], { origin: new URL(stack.url).origin });
      await context.addInitScript(() => {
        const Shown = window.Notification;
        window.shownNotifications = [];
        window.Notification = class extends Shown {
          constructor(title, options) {
            super(title, options);
            window.shownNotifications.push({ title, body: options?.body });
          }
        };
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

  step('sign-up takes the browser’s time zone, which the profile shows and changes', async () => {
    const profile = await openProfile();
    await profile.getByText(`Time zone: ${ZONE}`).waitFor();
    assert.equal(await profile.getByRole('combobox', { name: 'Time zone', exact: true }).inputValue(), ZONE);

    await profile.getByRole('combobox', { name: 'Time zone', exact: true }).selectOption('Europe/Berlin');
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/todo/updateProfile'));
    await profile.getByRole('button', { name: 'Save' }).click();
    assert.equal((await saved).status(), 200);
    await profile.getByText('Time zone: Europe/Berlin').waitFor();
    // the new token carries the zone: a reload keeps it
    await page.reload();
    await (await openProfile()).getByText('Time zone: Europe/Berlin').waitFor();

    const back = page.waitForResponse((r) => r.url().endsWith('/api/todo/updateProfile'));
    await page
      .getByRole('region', { name: 'Profile' })
      .getByRole('combobox', { name: 'Time zone', exact: true })
      .selectOption(ZONE);
    await page.getByRole('region', { name: 'Profile' }).getByRole('button', { name: 'Save' }).click();
    assert.equal((await back).status(), 200);
    await page.getByRole('region', { name: 'Profile' }).getByText(`Time zone: ${ZONE}`).waitFor();
    await page.getByRole('button', { name: 'Close' }).click();
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
    assert.equal(await due.getAttribute('datetime'), dateInZone(1));
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
    assert.equal(
      await tasks()
        .getByText(/call mom tonight/i)
        .count(),
      0,
    );
  });

  step('a task with a due time, a reminder and a weekly repetition shows them in the list', async () => {
    const monday = nextMonday();
    await tasks().getByRole('textbox', { name: 'New task' }).fill('Water the plants');
    await tasks().getByRole('button', { name: 'Details' }).click();
    await tasks().getByLabel('Due date', { exact: true }).fill(monday);
    await tasks().getByLabel('Due time', { exact: true }).fill('09:00');
    await tasks().getByRole('combobox', { name: 'Reminder', exact: true }).selectOption({ label: '10 minutes before' });
    await tasks().getByRole('combobox', { name: 'Repeat', exact: true }).selectOption({ label: 'Weekly on…' });
    const days = tasks().getByRole('group', { name: 'On days' });
    assert.ok(await days.getByRole('checkbox', { name: 'Monday' }).isChecked(), 'the due day is ticked at first');
    await days.getByRole('checkbox', { name: 'Wednesday' }).check();
    const added = page.waitForResponse((r) => r.url().endsWith('/api/todo/addTask'));
    await tasks().getByRole('button', { name: 'Add', exact: true }).click();
    const response = await added;
    assert.equal(response.status(), 200, await response.text());
    assert.deepEqual(response.request().postDataJSON(), {
      title: 'Water the plants',
      dueDate: monday,
      dueTime: '09:00',
      remindBeforeMinutes: 10,
      recurrence: 'FREQ=WEEKLY;BYDAY=MO,WE',
    });

    const task = taskItem('water the plants');
    await task.waitFor();
    const due = task.locator('time');
    assert.equal(await due.getAttribute('datetime'), `${monday}T09:00`);
    assert.match(await due.innerText(), /^Due .* at 09:00$/);
    await task.getByText('every week on Monday and Wednesday').waitFor();
    await task.getByRole('img', { name: 'Reminder' }).waitFor();
    await task.getByText('10 minutes before').waitFor();

    // the edit form shows the same schedule, and a changed lead is saved
    await task.getByRole('button', { name: /edit water the plants/i }).click();
    const form = tasks().getByRole('form', { name: /edit water the plants/i });
    assert.equal(await form.getByLabel('Due time', { exact: true }).inputValue(), '09:00');
    assert.equal(await form.getByRole('combobox', { name: 'Repeat', exact: true }).inputValue(), 'weekly');
    assert.ok(await form.getByRole('checkbox', { name: 'Wednesday' }).isChecked());
    await form.getByRole('combobox', { name: 'Reminder', exact: true }).selectOption({ label: '1 hour before' });
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/todo/updateTask'));
    await form.getByRole('button', { name: 'Save' }).click();
    assert.equal((await saved).status(), 200);
    assert.deepEqual(omit((await saved).request().postDataJSON(), 'id', 'version'), { remindBeforeMinutes: 60 });
    await task.getByText('1 hour before').waitFor();
    await task.getByText('every week on Monday and Wednesday').waitFor();
  });

  step('selected tasks are completed together, and one gone meanwhile is reported on its own', async () => {
    for (const title of ['Bulk one', 'Bulk two']) {
      const added = page.waitForResponse((r) => r.url().endsWith('/api/todo/addTask'));
      await tasks().getByRole('textbox', { name: 'New task' }).fill(title);
      await tasks().getByRole('button', { name: 'Add', exact: true }).click();
      assert.equal((await added).status(), 200);
      await taskItem(title).waitFor();
    }
    const bar = tasks().getByRole('toolbar', { name: 'Bulk actions' });
    await bar.getByRole('button', { name: 'Select', exact: true }).click();
    await tasks().getByRole('checkbox', { name: 'Select Bulk one' }).check();
    await tasks().getByRole('checkbox', { name: 'Select Bulk two' }).check();
    await bar.getByText('2 selected').waitFor();
    // another tab deletes one of them meanwhile
    const goneId = await page.evaluate(async () => {
      const { token } = JSON.parse(sessionStorage.getItem('todo-chatbot.session'));
      const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };
      const post = (path, body) => fetch(path, { method: 'POST', headers, body: JSON.stringify(body) });
      const { items } = await (await post('/api/todo/listTasks', { q: 'bulk two' })).json();
      await post('/api/todo/deleteTask', { id: items[0].id });
      return items[0].id;
    });

    const completed = page.waitForResponse((r) => r.url().endsWith('/api/todo/completeTasks'));
    await bar.getByRole('button', { name: 'Complete selected' }).click();
    const response = await completed;
    assert.equal(response.status(), 200);
    const { results } = await response.json();
    assert.deepEqual(results.map((r) => [r.id === goneId ? 'gone' : 'there', r.ok, r.status ?? 200]).sort(), [
      ['gone', false, 404],
      ['there', true, 200],
    ]);
    const failure = tasks().getByRole('alert').filter({ hasText: '1 of 2 could not be completed' });
    await failure.getByText(new RegExp(`#${goneId} “Bulk two”: \\S`)).waitFor();
    await tasks().getByRole('checkbox', { name: 'Complete Bulk one', checked: true }).waitFor();
    assert.equal(await taskItem('Bulk two').count(), 0);
    await bar.getByText('0 selected').waitFor();
    await bar.getByRole('button', { name: 'Select', exact: true }).click();
    assert.equal(
      await tasks()
        .getByRole('checkbox', { name: /^Select / })
        .count(),
      0,
    );
  });

  step(
    'a chat sentence makes a daily task whose reminder the tick makes due, shown until dismissed',
    async () => {
      // The reminders are at the start of a coming minute, far enough ahead for the chat and the
      // form to be done before it, so that the tick after it is the first to find them due; the
      // test reports how long after their time the page shows them (the tick runs every minute, the
      // page reads the list every 30 s).
      const dueAt = Math.ceil((Date.now() + 40_000) / MINUTE) * MINUTE;
      // the user's own clock, 24-hour with its leading zero ("at 01:05": a bare 1-6 is the afternoon)
      const [dueDate, dueTime] = dateTimeInZone(dueAt).split('T');

      const { reply } = await sendChat(`remind me to feed the cat every day at ${dueTime}`);
      console.log(`the assistant: ${JSON.stringify(reply)}`);
      assert.ok(Date.now() < dueAt, 'the chat answered only after the reminder’s time');
      assert.match(reply, /feed the cat/i);
      assert.match(reply, /repeats every day/);
      assert.match(reply, /with a reminder/);
      const chatTask = taskItem('feed the cat');
      await chatTask.waitFor();
      assert.equal(await chatTask.locator('time').getAttribute('datetime'), `${dueDate}T${dueTime}`);
      await chatTask.getByText('every day').waitFor();
      await chatTask.getByRole('img', { name: 'Reminder' }).waitFor();
      await chatTask.getByText('At due time').waitFor();

      // and one made with the form, at the same moment
      await tasks().getByRole('textbox', { name: 'New task' }).fill('Pay rent');
      await tasks().getByRole('button', { name: 'Details' }).click();
      await tasks()
        .getByRole('combobox', { name: 'Reminder', exact: true })
        .selectOption({ label: 'At a date and time…' });
      // (whole minutes: the form takes no seconds)
      await tasks().getByLabel('Remind at', { exact: true }).fill(dateTimeInZone(dueAt));
      const added = page.waitForResponse((r) => r.url().endsWith('/api/todo/addTask'));
      await tasks().getByRole('button', { name: 'Add', exact: true }).click();
      const response = await added;
      assert.equal(response.status(), 200, await response.text());
      assert.equal(new Date((await response.json()).remindAt).getTime(), dueAt);
      await taskItem('Pay rent').getByRole('img', { name: 'Reminder' }).waitFor();
      assert.ok(Date.now() < dueAt, 'the form’s task was added only after the reminder’s time');
      await page.getByRole('button', { name: 'Reminders', exact: true }).waitFor();

      const bell = page.getByRole('button', { name: 'Reminders, 2 due' });
      const deadline = dueAt + SHOWN_WITHIN_MS;
      while (!(await bell.isVisible())) {
        assert.ok(
          Date.now() < deadline,
          `the reminders were not shown within ${SHOWN_WITHIN_MS / 1000} s of their time`,
        );
        await page.waitForTimeout(250);
      }
      const late = Math.max(0, Date.now() - dueAt);
      console.log(
        `reminders shown ${(late / 1000).toFixed(1)} s after their time (tick every minute, list read every 30 s)`,
      );
      const shown = await page.evaluate(() => window.shownNotifications);
      assert.deepEqual(shown.map((n) => n.title).sort(), ['Pay rent', 'feed the cat']);

      await bell.click();
      const panel = page.getByRole('region', { name: 'Reminders' });
      const rows = panel.getByRole('list', { name: 'Due reminders' }).getByRole('listitem');
      assert.equal(await rows.count(), 2);
      for (const [title, left] of [
        ['feed the cat', 1],
        ['Pay rent', 0],
      ]) {
        const row = rows.filter({ hasText: title });
        await row.waitFor();
        const dismissed = page.waitForResponse((r) => r.url().endsWith('/api/todo/dismissReminders'));
        await row.getByRole('button', { name: `Dismiss ${title}` }).click();
        assert.equal((await dismissed).status(), 200);
        await (left ? row.waitFor({ state: 'detached' }) : panel.getByText('No reminders due.').waitFor());
        assert.equal(await rows.count(), left);
      }
      await page.getByRole('button', { name: 'Reminders', exact: true }).waitFor();
      // dismissed for good: not back after the next read
      const listed = page.waitForResponse((r) => r.url().endsWith('/api/todo/listReminders'));
      await page.reload();
      assert.deepEqual((await (await listed).json()).items, []);
      await page.getByRole('button', { name: 'Reminders', exact: true }).waitFor();
    },
    // up to 100 s to the reminders' minute (the chat and the form within it), then SHOWN_WITHIN_MS
    2 * MINUTE + SHOWN_WITHIN_MS,
  );

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
function step(name, fn, timeout = STEP_TIMEOUT_MS) {
  it(name, { timeout }, async (t) => {
    if (failedStep) {
      t.skip(`"${failedStep}" failed`);
      return;
    }
    try {
      await fn(t);
    } catch (error) {
      failedStep = name;
      throw error;
    }
  });
}

// --- the page ---------------------------------------------------------------------------------

const tasks = () => page.getByRole('region', { name: 'Tasks' });

async function openProfile() {
  await page.getByRole('button', { name: 'Profile' }).click();
  const profile = page.getByRole('region', { name: 'Profile' });
  await profile.waitFor();
  return profile;
}
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

/** The wall-clock date and time ("YYYY-MM-DDTHH:mm") in ZONE at `instant` (ms). */
function dateTimeInZone(instant = Date.now()) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: ZONE,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** The date (YYYY-MM-DD) `days` after today in ZONE. */
function dateInZone(days) {
  const [year, month, day] = dateTimeInZone().slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** The first Monday after today in ZONE. */
function nextMonday() {
  for (let days = 1; ; days++) {
    const date = dateInZone(days);
    if (new Date(`${date}T00:00:00Z`).getUTCDay() === 1) return date;
  }
}

function omit(object, ...keys) {
  return Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));
}
