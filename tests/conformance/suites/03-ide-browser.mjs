// Banana Cake Pop in headless Debian Chromium: /graphql opens the IDE, it renders, a new document introspects the
// gateway, and the IDE reports "Schema available"; with the embedded emulator the new document holds the preset demo
// query and header, and Run answers with data (a newcomer's first Run); its Schema Reference lists the mutations.
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
  const runs = [];
  page.on('response', async (res) => {
    const req = res.request();
    if (req.method() !== 'POST') return;
    const post = req.postData() ?? '';
    const entry = { status: res.status(), body: await res.json().catch(() => null), headers: req.headers() };
    if (post.includes('IntrospectionQuery')) introspections.push(entry);
    else if (post.includes('query Demo')) runs.push(entry);
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
  await check('Run sends the preset demo query with the demo token and shows data', async () => {
    // A large schema (the `*` one, 5 MB of introspection) keeps the IDE busy after "Schema available": a Run clicked
    // meanwhile can be dropped, so click again (up to 3 times, 20 s apart) until the request goes out.
    for (let attempt = 0; attempt < 3 && runs.length === 0; attempt++) {
      await page.getByRole('button', { name: /^Run/ }).first().click({ timeout: 30_000 });
      for (let i = 0; i < 80 && runs.length === 0; i++) await page.waitForTimeout(250);
    }
    const run = runs[0];
    if (!run) throw new Error('Run sent no request with the demo document');
    if (run.headers.authorization !== 'Token demo-token') throw new Error(`authorization: ${run.headers.authorization}`);
    if (run.status !== 200 || run.body?.errors || !run.body?.data?.projects) throw new Error(JSON.stringify(run.body).slice(0, 300));
    await page.getByText('totalCount').first().waitFor({ timeout: 30_000 });
  });
  // Banana Cake Pop's Schema Reference shows "No Schema" for minutes on the `*` schema (8.4 MB of introspection, 5,773
  // types) although it reports "Schema available" and runs queries: suite 04 sets IDE_SCHEMA_REFERENCE=skip.
  if (process.env.IDE_SCHEMA_REFERENCE === 'skip') console.log('skip Schema Reference (IDE_SCHEMA_REFERENCE=skip)');
  else await check('Schema Reference lists the Mutation type with every mutation the introspection holds', async () => {
    const schema = introspections.map((i) => i.body?.data?.__schema).find(Boolean);
    const mutationType = schema?.types.find((t) => t.name === schema.mutationType?.name);
    if (!mutationType?.fields?.length) throw new Error('the introspection the IDE loaded has no mutation fields');
    await page.getByRole('tab', { name: 'Schema Reference' }).click();
    await page.getByText('Kind of type: Object').first().waitFor({ timeout: 60_000 });
    const entry = page.getByText(mutationType.name, { exact: true }).first();
    const listed = (await entry.locator('..').innerText()).replace(/\s+/g, ' ').trim();
    if (listed !== `${mutationType.name} ${mutationType.fields.length}`) throw new Error(`types list shows "${listed}", introspection ${mutationType.fields.length} fields`);
    await entry.click();
    const first = mutationType.fields.map((f) => f.name).sort()[0];
    await page.getByText(`${first}(...)`).first().waitFor({ timeout: 30_000 });
  });
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
