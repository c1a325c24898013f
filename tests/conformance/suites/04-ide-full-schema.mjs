// The IDE over the `*` schema (issue 13): a second published gateway with Catalog__Include=* (every Waldur list, about
// 2,000 types) and its embedded emulator, then the IDE browser suite (03) against it: Banana Cake Pop renders, the
// introspection of the whole schema is answered without errors and the IDE reports "Schema available", Run answers
// (its Schema Reference check is skipped: the IDE does not render a schema this size, see 03).
// GATEWAY_APP is the published gateway's folder (run.sh sets it).
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const app = process.env.GATEWAY_APP;
if (!app) {
  console.log('FAIL GATEWAY_APP is not set (run.sh sets it to the published gateway)');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const port = await new Promise((resolve) => { const s = createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); }); });
const base = `http://127.0.0.1:${port}`;
const env = { ...process.env, ASPNETCORE_URLS: base, DOTNET_ENVIRONMENT: 'Production', Catalog__Include: '*' };
delete env.Waldur__BaseUrl;
const gateway = spawn('dotnet', ['Waldur.GraphGateway.dll'], { cwd: app, env, stdio: 'ignore' });
let code = 1;
try {
  const until = Date.now() + 90_000;
  let healthy = false;
  while (!healthy && Date.now() < until) {
    try { healthy = (await fetch(`${base}/healthz`)).ok; } catch { await new Promise((r) => setTimeout(r, 250)); }
  }
  if (!healthy) {
    console.log('FAIL the Catalog__Include=* gateway did not become healthy');
    console.log('0 passed, 1 failed');
  } else {
    const ide = path.join(path.dirname(fileURLToPath(import.meta.url)), '03-ide-browser.mjs');
    const run = spawnSync('node', [ide, `${base}/graphql`],
      { stdio: 'inherit', timeout: 300_000, env: { ...process.env, IDE_SCHEMA_REFERENCE: 'skip' } });
    code = run.status ?? 1;
  }
} finally {
  gateway.kill('SIGTERM');
}
process.exit(code);
