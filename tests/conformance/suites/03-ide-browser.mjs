// Banana Cake Pop in headless Debian Chromium: /graphql opens the IDE, it renders, a new document introspects the
// gateway, and the IDE reports "Schema available".
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const endpoint = process.argv[2];
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const userDataDir = mkdtempSync(join(tmpdir(), 'bcp-profile-'));
let passed = 0, failed = 0;
const check = async (name, fn) => {
  try { await fn(); passed++; console.log(`ok   ${name}`); } catch (e) { failed++; console.log(`FAIL ${name}: ${e.message.split('\n')[0]}`); }
};

const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = context.pages()[0] ?? await context.newPage();
  const introspections = [];
  page.on('response', async (res) => {
    const req = res.request();
    if (req.method() === 'POST' && (req.postData() ?? '').includes('IntrospectionQuery')) {
      introspections.push({ status: res.status(), body: await res.json().catch(() => null) });
    }
  });

  await check('GET /graphql in a browser lands on the IDE page under /graphql/', async () => {
    const res = await page.goto(endpoint);
    if (!page.url().endsWith('/graphql/')) throw new Error(`landed on ${page.url()}`);
    if (res.status() !== 200) throw new Error(`status ${res.status()}`);
  });
  await check('the IDE renders', async () => {
    await page.getByRole('button', { name: 'Create Document' }).waitFor({ timeout: 60_000 });
  });
  await check('a new document introspects the gateway: "Schema available"', async () => {
    await page.getByRole('button', { name: 'Create Document' }).click();
    await page.getByText('Schema available').first().waitFor({ timeout: 60_000 });
  });
  await check('every introspection the IDE sent was answered without errors', async () => {
    if (introspections.length === 0) throw new Error('the IDE sent no introspection query');
    const bad = introspections.filter((i) => i.status !== 200 || i.body?.errors);
    if (bad.length) throw new Error(JSON.stringify(bad[0]).slice(0, 300));
  });
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
