// The published output (what the Docker image runs) answers a query through its embedded emulator.
const endpoint = process.argv[2];
const base = endpoint.replace(/\/graphql$/, '');
const checks = [
  ['answers { __typename } over POST', async () => {
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: 'Token demo-token' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    const body = await res.json();
    if (res.status !== 200 || body.data?.__typename !== 'Query') throw new Error(`${res.status} ${JSON.stringify(body)}`);
  }],
  ['serves the SDL', async () => {
    const text = await (await fetch(`${endpoint}?sdl`)).text();
    if (!text.includes('type Query')) throw new Error(text.slice(0, 200));
  }],
  ['is ready: its embedded emulator answers', async () => {
    const res = await fetch(`${base}/readyz`);
    if (res.status !== 200) throw new Error(`${res.status} ${await res.text()}`);
  }],
];
let passed = 0, failed = 0;
for (const [name, fn] of checks) {
  try { await fn(); passed++; console.log(`ok   ${name}`); } catch (e) { failed++; console.log(`FAIL ${name}: ${e.message}`); }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
