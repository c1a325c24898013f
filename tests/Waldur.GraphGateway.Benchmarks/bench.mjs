// Scenario benchmarks (issue 7): emulator, gateway, direct REST and the GraphQL Mesh peer, side by side in one run.
// Loopback only, every load run bounded in time. Prints a Markdown table of medians over the rounds.
// Usage: node bench.mjs  (env: ROUNDS=3 DURATION=5 WARMUP=1 CONNECTIONS=16 MESH=1 MESH_PEER=<dir> STARTS=2 OUT=results.md)
// Each load target is one entry of `targets` (add a row there); each goal is one `check` of the target table.
// "gateway CPU µs/request" is the gateway process's user+system CPU (/proc/<pid>/stat) over a measured run divided by
// the requests wrk counted; "Waldur bytes/request" sums the emulator journal's declared response sizes.
// BASELINE_GATEWAY=<dir with another build's Waldur.GraphGateway.dll> adds that build's S1 beside this one's (compare.sh);
// ONLY=<target ids, comma-separated> measures just those targets and prints their table.
// GATEWAY_BUILD=<dir with a Waldur.GraphGateway.dll> runs that build as the gateway under test (default: this checkout's).
// TELEMETRY=1 adds S1 on two more gateways, telemetry off (no Prometheus endpoint, no OTLP) and fully on (OTLP traces
// and metrics over http/protobuf to a local sink, Prometheus endpoint on), and checks their ratio (issue 15: ≤ 5% apart).
// The Mesh peer lives outside this repository (default ../shared/peers/mesh beside the checkout): without it, or with
// MESH=0, the Mesh targets and comparisons are reported as skipped.
import { spawn, execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { readFileSync, writeFileSync, mkdtempSync, cpSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const env = process.env;
const ROUNDS = Math.min(Number(env.ROUNDS ?? 3), 7);
const DURATION = Math.min(Number(env.DURATION ?? 5), 20);
const WARMUP = Math.min(Number(env.WARMUP ?? 1), 5);
const STARTS = Math.min(Number(env.STARTS ?? 2), 7);
const CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
const CONNECTIONS = Number(env.CONNECTIONS ?? 16);
const TOKEN = 'demo-token';
const AUTH = `Token ${TOKEN}`;
// Issue 16: 50 distinct callers (staff tokens of the 20 ms emulator), to show the response cache is per caller.
const CALLERS = Array.from({ length: 50 }, (_, i) => `bench-caller-${String(i + 1).padStart(2, '0')}`);
const children = [];
const tmp = mkdtempSync(path.join(tmpdir(), 'gg-bench-'));

const dll = (project) => path.join(root, 'src', project, 'bin', 'Release', 'net10.0', `${project}.dll`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

function start(name, cmd, args, extraEnv = {}, cwd = undefined) {
  const child = spawn(cmd, args, { env: { ...env, ...extraEnv }, cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr.on('data', (d) => { if (env.BENCH_VERBOSE) process.stderr.write(`[${name}] ${d}`); });
  children.push(child);
  return child;
}

async function waitFor(url, headers = {}, seconds = 120) {
  for (let i = 0; i < seconds * 4; i++) {
    try { const r = await fetch(url, { headers }); if (r.status < 500) return; } catch { /* not up yet */ }
    await sleep(250);
  }
  throw new Error(`timed out waiting for ${url}`);
}

// Emulator URL → its process id: a direct REST run is charged the emulator's CPU (issue 25's ratio travels between
// machines where absolute CPU figures do not).
const emulatorPids = new Map();

function emulator(port, images, faults = {}, extraArgs = []) {
  const args = [dll('Waldur.Emulator'), '--urls', `http://127.0.0.1:${port}`, `--Emulator:ImageCount=${images}`,
    '--Logging:LogLevel:Default=Warning', ...extraArgs];
  for (const [k, v] of Object.entries(faults)) args.push(`--Emulator:Faults:${k}=${v}`);
  const child = start(`emulator:${port}`, 'dotnet', args);
  emulatorPids.set(`http://127.0.0.1:${port}`, child.pid);
  return `http://127.0.0.1:${port}`;
}

// Started as an operator would, `dotnet <dll>` from another folder with no logging flags: the defaults in code apply.
const gatewayUnderTest = env.GATEWAY_BUILD ? path.join(path.resolve(env.GATEWAY_BUILD), 'Waldur.GraphGateway.dll') : dll('Waldur.GraphGateway');

function gateway(port, waldur, gatewayDll = gatewayUnderTest, extraArgs = [], extraEnv = {}) {
  const child = start(`gateway:${port}`, 'dotnet', [gatewayDll, '--urls', `http://127.0.0.1:${port}`,
    // One token drives every connection: the per-caller limit (RateLimiting:*, on by default) would measure one
    // caller's share (4 concurrent + queue), not the gateway.
    `--Waldur:BaseUrl=${waldur}`, '--RateLimiting:Enabled=false', ...extraArgs],
  { ASPNETCORE_ENVIRONMENT: 'Production', ...extraEnv }, tmpdir());
  return { url: `http://127.0.0.1:${port}/graphql`, pid: child.pid, child };
}

// Process CPU time (user + system) in seconds, from /proc/<pid>/stat fields 14 and 15 (after the command name).
function cpuSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}

// An OTLP/HTTP sink: accepts every export (an empty protobuf answer) and counts what arrived.
function otlpSink(port) {
  const received = { requests: 0, bytes: 0 };
  createServer((req, res) => {
    req.on('data', (chunk) => { received.bytes += chunk.length; });
    req.on('end', () => { received.requests++; res.writeHead(200, { 'content-type': 'application/x-protobuf' }); res.end(); });
  }).listen(port, '127.0.0.1').unref();
  return { url: `http://127.0.0.1:${port}`, received };
}

const meshPeer = path.resolve(env.MESH_PEER ?? path.join(root, '..', 'shared', 'peers', 'mesh'));

// Each instance runs from its own writable copy (the peer composes its supergraph inside its folder, so two instances
// cannot share one), kept between runs so its npm ci happens once per machine. The peer as shipped composes Waldur's
// DigitalOcean extract (images, regions); wholeApi composes the same Mesh, unchanged otherwise, from the repository's
// vendored Waldur OpenAPI document instead, as a team running Mesh over all of Waldur would (S5, S6).
const vendoredSpec = path.join(root, 'spec', 'waldur', 'waldur-openapi-8.0.5.yaml');
function mesh(port, waldur, wholeApi = false) {
  const dir = path.join(tmpdir(), `waldur-gg-mesh-peer-${port}`);
  cpSync(meshPeer, dir, { recursive: true });
  execFileSync('chmod', ['-R', 'u+w', dir]);
  if (wholeApi) {
    const config = path.join(dir, 'mesh.config.ts');
    const composed = readFileSync(config, 'utf8').replace(/source: '[^']*'/, `source: '${vendoredSpec}'`);
    if (!composed.includes(vendoredSpec)) throw new Error(`the Mesh peer's ${config} names no source to replace`);
    writeFileSync(config, composed);
  }
  start(`mesh:${port}`, 'bash', [path.join(dir, 'run.sh')], { WALDUR_URL: waldur, MESH_PORT: String(port) });
  return `http://127.0.0.1:${port}/graphql`;
}

const report = `done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT rps=%.1f p50_ms=%.3f p99_ms=%.3f requests=%d errors=%d non2xx=%d\\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, e.connect + e.read + e.write + e.timeout, e.status))
end
`;

// callers: tokens to rotate through, one per request (else every request is the -H Authorization caller).
function luaFor(body, callers = null) {
  const file = path.join(tmp, `req-${Math.random().toString(36).slice(2)}.lua`);
  const rotate = callers === null ? [] : [
    `local tokens = { ${callers.map((c) => `"Token ${c}"`).join(', ')} }`,
    'local requests, n = {}, 0',
    'function init(args)',
    '  for i, token in ipairs(tokens) do',
    '    local headers = {}',
    '    for k, v in pairs(wrk.headers) do headers[k] = v end',
    '    headers["Authorization"] = token',
    '    requests[i] = wrk.format(nil, nil, headers, nil)',
    '  end',
    'end',
    'function request() n = n % #requests + 1; return requests[n] end'];
  const lines = body === null ? [...rotate, report] : [
    'wrk.method = "POST"',
    `wrk.body = [==[${body}]==]`,
    'wrk.headers["Content-Type"] = "application/json"',
    'wrk.headers["Accept"] = "application/graphql-response+json, application/json"',
    ...rotate,
    report];
  writeFileSync(file, lines.join('\n'));
  return file;
}

function wrk(url, lua, connections, seconds) {
  const out = execFileSync('wrk', ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', '-H', `Authorization: ${AUTH}`, '-s', lua, url],
    { encoding: 'utf8', timeout: (seconds + 30) * 1000 });
  const m = /RESULT rps=([\d.]+) p50_ms=([\d.]+) p99_ms=([\d.]+) requests=(\d+) errors=(\d+) non2xx=(\d+)/.exec(out);
  if (!m) throw new Error(`no wrk result for ${url}\n${out}`);
  return { rps: +m[1], p50: +m[2], p99: +m[3], requests: +m[4], errors: +m[5] + +m[6] };
}

async function post(url, body) {
  const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: AUTH }, body });
  const json = await r.json();
  if (json.errors) throw new Error(`${url}: ${JSON.stringify(json.errors).slice(0, 400)}`);
  return json;
}

const clearJournal = (waldur) => fetch(`${waldur}/__emulator/requests`, { method: 'DELETE' });

const JOURNAL_CAPACITY = 10_000; // the emulator's RequestJournal.Capacity

// Waldur requests and bytes per request since the journal was cleared; `full`: the journal overflowed, so the counts
// are lower bounds.
async function journalPer(waldur, n) {
  const journal = await (await fetch(`${waldur}/__emulator/requests?details`)).json();
  const per = Math.max(1, n);
  return { requests: journal.length / per, bytes: journal.reduce((a, e) => a + e.responseBytes, 0) / per, full: journal.length >= JOURNAL_CAPACITY };
}

// Waldur requests and bytes per request: clear the journal, send a few requests one by one, sum the journal.
async function upstreamPerRequest(waldur, send, n = 5) {
  await clearJournal(waldur);
  for (let i = 0; i < n; i++) await send();
  return journalPer(waldur, n);
}

// Process start → first answered S1 (data, no errors), polled every 10 ms; the process is stopped afterwards.
async function startupMs(port, waldur, body, extraArgs = []) {
  const t0 = performance.now();
  const g = gateway(port, waldur, undefined, extraArgs);
  try {
    while (performance.now() - t0 < 60_000) {
      try {
        const r = await fetch(g.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: AUTH }, body });
        if (r.ok && (await r.json()).data) return performance.now() - t0;
      } catch { /* not listening yet */ }
      await sleep(10);
    }
    throw new Error('the gateway did not answer within 60 s of its start');
  } finally {
    g.child.kill('SIGTERM');
    await new Promise((r) => (g.child.exitCode !== null ? r() : g.child.once('exit', r)));
  }
}

// Mesh's equivalent of S5: Mesh follows no reference, so the client asks level by level, one aliased query per level
// (projects; their customers and resources; the resources' offerings and orders), and Mesh calls Waldur once per field.
async function meshDashboard(url) {
  const level = async (query) => (await post(url, JSON.stringify({ query }))).data;
  const { projects_list: projects } = await level('{ projects_list(page_size: 10) { uuid name customer_uuid } }');
  const second = await level(`{ ${projects.map((p, i) => `c${i}: customers_retrieve(uuid: "${p.customer_uuid}") { name }
    r${i}: marketplace_resources_list(project_uuid: "${p.uuid}", page_size: 5) { uuid name state offering_uuid }`).join(' ')} }`);
  const resources = projects.flatMap((_, i) => second[`r${i}`] ?? []);
  if (resources.length > 0) {
    await level(`{ ${resources.map((r, i) => `o${i}: marketplace_public_offerings_retrieve(uuid: "${r.offering_uuid}") { name }
      m${i}: marketplace_orders_list(resource_uuid: "${r.uuid}", page_size: 1) { state }`).join(' ')} }`);
  }
}

// The peer may be composed from part of Waldur's API only: a field it lacks means there is nothing to compare.
function meshFailure(e) {
  const missing = /Cannot query field \\?"(\w+)\\?"/.exec(String(e.message));
  return missing ? `skipped (the Mesh peer has no ${missing[1]})` : `failed: ${String(e.message).slice(0, 120).replaceAll('|', '/')}`;
}

async function timedP50(fn, iterations) {
  const times = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

function peakRssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)[1]) / 1024;
}

// Undici may reuse a keep-alive socket the server just closed after a heavy load run: retry such a request once.
async function fetchBody(url) {
  for (let attempt = 1; ; attempt++) {
    try {
      const r = await fetch(url, { headers: { authorization: AUTH } });
      await r.arrayBuffer();
      return r;
    } catch (e) {
      if (attempt >= 3) throw e;
    }
  }
}

// The S3 baseline: fetch the same scan pages directly (first page, then the rest concurrently), timed per scan.
async function directScanP50(waldur, iterations, concurrency) {
  const times = [];
  const list = `${waldur}/api/digitalocean-images/?page_size=300`;
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    const first = await fetchBody(list);
    const pages = Math.ceil(Number(first.headers.get('x-result-count')) / 300);
    const rest = Array.from({ length: pages - 1 }, (_, k) => k + 2);
    const worker = async () => { for (let p; (p = rest.shift()) !== undefined;) await fetchBody(`${list}&page=${p}`); };
    await Promise.all(Array.from({ length: Math.min(concurrency, rest.length) }, worker));
    times.push(performance.now() - t0);
  }
  return median(times);
}

const gql = (file, variables) => JSON.stringify({ query: readFileSync(path.join(here, 'scenarios', file), 'utf8'), variables });

async function main() {
  const emu = emulator(18901, 150);
  const emuLarge = emulator(18902, 10000);
  const emuSlow = emulator(18903, 150, { latencyMs: 20 }, [`--Emulator:Tokens=${[TOKEN, ...CALLERS].join(',')}`]);
  // Ports: emulators 18901–18903, gateways 18911–18917 (18915: the start-up measurement), Mesh 18920–18922,
  // telemetry gateways and their OTLP sink 18941–18943.
  const gw = gateway(18911, emu);
  const gwLarge = gateway(18912, emuLarge);
  const gwSlow = gateway(18913, emuSlow);
  const baseline = env.BASELINE_GATEWAY ? path.resolve(env.BASELINE_GATEWAY) : null;
  const gwBase = baseline ? gateway(18914, emu, path.join(baseline, 'Waldur.GraphGateway.dll')) : null;
  const gwAll = gateway(18916, emu, undefined, ['--Catalog:Include=*']); // every Waldur list (issue 13)
  // The response cache on (issue 16), one replica: HybridCache's in-process L1, default TTL 30 s.
  const gwCached = gateway(18917, emuSlow, undefined, ['--Caching:Enabled=true']);
  const telemetry = env.TELEMETRY === '1';
  const sink = telemetry ? otlpSink(18943) : null;
  const gwTelOff = telemetry ? gateway(18941, emu, undefined, ['--Telemetry:PrometheusEndpoint=false']) : null;
  const gwTelOn = telemetry ? gateway(18942, emu, undefined, [], {
    OTEL_EXPORTER_OTLP_ENDPOINT: sink.url, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf', OTEL_METRIC_EXPORT_INTERVAL: '5000' }) : null;
  const meshSkipped = env.MESH === '0' ? 'MESH=0' : existsSync(path.join(meshPeer, 'run.sh')) ? null : `no peer at ${meshPeer}`;
  const useMesh = meshSkipped === null;
  if (!useMesh) console.log(`GraphQL Mesh peer: skipped (${meshSkipped})`);
  const meshUrl = useMesh ? mesh(18920, emu) : null;
  const auth = { authorization: AUTH };
  for (const u of [`${emu}/api/`, `${emuLarge}/api/`, `${emuSlow}/api/`]) await waitFor(u, auth);
  for (const g of [gw, gwLarge, gwSlow, gwBase, gwAll, gwCached, gwTelOff, gwTelOn].filter(Boolean)) await waitFor(g.url.replace('/graphql', '/healthz'));
  // Two Mesh instances over Waldur's whole API, started after the first so their npm installs do not overlap: one in
  // front of the slow emulator for S5, one in front of the fast one for S6.
  if (meshUrl) await waitFor(meshUrl.replace('/graphql', '/healthcheck'), {}, 180);
  const meshSlowUrl = useMesh ? mesh(18921, emuSlow, true) : null;
  const meshAllUrl = useMesh ? mesh(18922, emu, true) : null;
  for (const u of [meshSlowUrl, meshAllUrl].filter(Boolean)) await waitFor(u.replace('/graphql', '/healthcheck'), {}, 180);

  const uuids = (await (await fetch(`${emu}/api/digitalocean-images/?page_size=30`, { headers: auth })).json()).map((i) => i.uuid);
  const s2 = JSON.stringify({ query: `{ ${uuids.map((u, i) => `i${i}: digitalOceanImageByUuid(uuid: "${u}") { uuid name distribution }`).join(' ')} }` });
  const meshS2 = JSON.stringify({ query: `{ ${uuids.map((u, i) => `i${i}: digitalocean_images_retrieve(uuid: "${u}") { uuid name distribution }`).join(' ')} }` });
  const s1 = gql('s1.graphql', { first: 20 });
  const s3 = gql('s3.graphql', { first: 20 });
  const s4 = gql('s4.graphql');
  // S5 is the IDE's demo query (issue 10's dashboard), read from its one source.
  const idePreset = readFileSync(path.join(root, 'src', 'Waldur.GraphGateway', 'Http', 'IdePreset.cs'), 'utf8');
  const s5 = JSON.stringify({ query: /DemoDocument = """\n([\s\S]*?)"""/.exec(idePreset)[1] });
  const meshS1 = gql('mesh-s1.graphql');
  const [s6, s6nav, meshS6] = [gql('s6.graphql'), gql('s6-nav.graphql'), gql('mesh-s6.graphql')];
  const rest = `${emu}/api/digitalocean-images/?page_size=20`;
  const restSlow = `${emuSlow}/api/digitalocean-images/?page_size=20`;

  // pid: the gateway process whose CPU a run is charged to (none for direct REST and Mesh); for direct REST, the
  // emulator's (shown in its own column).
  const targets = [
    { id: 'REST-S1', label: 'direct REST `GET ?page_size=20`', url: rest, body: null, waldur: emu, c: CONNECTIONS, emulatorPid: emulatorPids.get(emu) },
    { id: 'GW-S1', label: 'gateway S1', url: gw.url, body: s1, waldur: emu, c: CONNECTIONS, pid: gw.pid },
    { id: 'GW-S2', label: 'gateway S2 (30 lookups)', url: gw.url, body: s2, waldur: emu, c: CONNECTIONS, pid: gw.pid },
    { id: 'GW-S3', label: 'gateway S3 (residual, 10k images, 1 conn)', url: gwLarge.url, body: s3, waldur: emuLarge, c: 1, pid: gwLarge.pid },
    { id: 'GW-S4', label: 'gateway S4 (regions → images)', url: gw.url, body: s4, waldur: emu, c: CONNECTIONS, pid: gw.pid },
    { id: 'GW-S5', label: 'gateway S5 (dashboard), 20 ms upstream, 1 conn', url: gwSlow.url, body: s5, waldur: emuSlow, c: 1, pid: gwSlow.pid },
    { id: 'REST-LAT1', label: 'direct REST, 20 ms upstream, 1 conn', url: restSlow, body: null, waldur: emuSlow, c: 1 },
    { id: 'GW-LAT1', label: 'gateway S1, 20 ms upstream, 1 conn', url: gwSlow.url, body: s1, waldur: emuSlow, c: 1, pid: gwSlow.pid },
    { id: 'REST-LAT16', label: 'direct REST, 20 ms upstream, 16 conn', url: restSlow, body: null, waldur: emuSlow, c: 16 },
    { id: 'GW-LAT16', label: 'gateway S1, 20 ms upstream, 16 conn', url: gwSlow.url, body: s1, waldur: emuSlow, c: 16, pid: gwSlow.pid },
    { id: 'REST-LAT64', label: 'direct REST, 20 ms upstream, 64 conn', url: restSlow, body: null, waldur: emuSlow, c: 64 },
    { id: 'GW-LAT64', label: 'gateway S1, 20 ms upstream, 64 conn', url: gwSlow.url, body: s1, waldur: emuSlow, c: 64, pid: gwSlow.pid },
    // Issue 16. journal: Waldur requests per request counted over the measured runs (cache hits count 0).
    { id: 'REST-LAT16-50', label: 'direct REST, 20 ms upstream, 16 conn, 50 callers', url: restSlow, body: null, waldur: emuSlow, c: 16, callers: CALLERS },
    { id: 'GWC-LAT16-C1', label: 'gateway S1, 20 ms, 16 conn, cache on', url: gwCached.url, body: s1, waldur: emuSlow, c: 16, pid: gwCached.pid, journal: true },
    { id: 'GW-LAT16-50', label: 'gateway S1, 20 ms, 16 conn, cache off, 50 callers', url: gwSlow.url, body: s1, waldur: emuSlow, c: 16, pid: gwSlow.pid, journal: true, callers: CALLERS },
    { id: 'GWC-LAT16-50', label: 'gateway S1, 20 ms, 16 conn, cache on, 50 callers', url: gwCached.url, body: s1, waldur: emuSlow, c: 16, pid: gwCached.pid, journal: true, callers: CALLERS },
    // Issue 13: an unreviewed list of the `*` catalog.
    { id: 'GW-S6', label: 'gateway `*` S6 (generated list, 20 rows)', url: gwAll.url, body: s6, waldur: emu, c: CONNECTIONS, pid: gwAll.pid },
    { id: 'GW-S6-NAV', label: 'gateway `*` S6 + user and offering references', url: gwAll.url, body: s6nav, waldur: emu, c: CONNECTIONS, pid: gwAll.pid },
  ];
  if (meshUrl) targets.push(
    { id: 'MESH-S1', label: 'GraphQL Mesh S1', url: meshUrl, body: meshS1, waldur: emu, c: CONNECTIONS },
    { id: 'MESH-S2', label: 'GraphQL Mesh S2 (30 lookups)', url: meshUrl, body: meshS2, waldur: emu, c: CONNECTIONS });
  // S6 is compared only where the Mesh peer has the list.
  const meshS6Error = meshAllUrl ? await post(meshAllUrl, meshS6).then(() => null, meshFailure) : `skipped (${meshSkipped})`;
  if (meshS6Error === null) targets.push({ id: 'MESH-S6', label: 'GraphQL Mesh (whole API) S6', url: meshAllUrl, body: meshS6, waldur: emu, c: CONNECTIONS });
  if (telemetry) targets.push(
    { id: 'TEL-OFF-S1', label: 'gateway S1, telemetry off', url: gwTelOff.url, body: s1, waldur: emu, c: CONNECTIONS, pid: gwTelOff.pid },
    { id: 'TEL-ON-S1', label: 'gateway S1, OTLP traces + metrics and Prometheus on', url: gwTelOn.url, body: s1, waldur: emu, c: CONNECTIONS, pid: gwTelOn.pid });

  if (gwBase) targets.push({ id: 'BASE-S1', label: `baseline build S1 (${baseline})`, url: gwBase.url, body: s1, waldur: emu, c: CONNECTIONS, pid: gwBase.pid });
  const only = env.ONLY ? new Set(env.ONLY.split(',')) : null;
  if (only) targets.splice(0, targets.length, ...targets.filter((t) => only.has(t.id)));
  for (const t of targets) {
    t.lua = luaFor(t.body, t.callers ?? null);
    t.upstream = await upstreamPerRequest(t.waldur, () => (t.body === null ? fetchBody(t.url) : post(t.url, t.body)));
    t.runs = [];
  }
  const measureExtras = !only;
  const scanConcurrency = Number(env.SCAN_CONCURRENCY ?? 4); // the gateway's Lists:ScanConcurrency default
  const scanBaseline = [];
  const meshS5 = { times: [], upstream: null, error: meshSkipped ? `skipped (${meshSkipped})` : null };
  if (measureExtras && meshSlowUrl) {
    try {
      meshS5.upstream = await upstreamPerRequest(emuSlow, () => meshDashboard(meshSlowUrl), 2);
    } catch (e) {
      meshS5.error = meshFailure(e);
    }
  }
  const starts = [];
  const startsAll = [];
  if (measureExtras) for (let i = 0; i < STARTS; i++) starts.push(await startupMs(18915, emu, s1));
  if (measureExtras) for (let i = 0; i < STARTS; i++) startsAll.push(await startupMs(18915, emu, s1, ['--Catalog:Include=*']));

  // One unrecorded pass first: .NET's tiered JIT and the peers' caches settle before anything is measured.
  // 5 s each (2 s before): with 2 s, round 1 of S1 still ran at ~1/5 of rounds 3-4's rate with ~5x the CPU per
  // request on both builds — tier-1 code was not in yet — and pulled medians of 3 rounds.
  for (const t of targets) wrk(t.url, t.lua, t.c, WARMUP * 5);
  for (let r = 1; r <= ROUNDS; r++) {
    // Every other round in reverse: a target measured right after another (or always first) is not favoured in the
    // medians. An A/A compare.sh (this build as its own baseline) read 0.61x with a fixed order on a loaded machine.
    for (const t of r % 2 ? targets : [...targets].reverse()) {
      wrk(t.url, t.lua, t.c, WARMUP);
      if (t.journal) await clearJournal(t.waldur);
      const cpuBefore = t.pid ? cpuSeconds(t.pid) : 0;
      const emuBefore = t.emulatorPid ? cpuSeconds(t.emulatorPid) : 0;
      const run = wrk(t.url, t.lua, t.c, DURATION);
      run.cpuUs = t.pid && run.requests > 0 ? ((cpuSeconds(t.pid) - cpuBefore) * 1e6) / run.requests : null;
      run.emulatorCpuUs = t.emulatorPid && run.requests > 0 ? ((cpuSeconds(t.emulatorPid) - emuBefore) * 1e6) / run.requests : null;
      if (t.journal) run.upstream = await journalPer(t.waldur, run.requests);
      t.runs.push(run);
      process.stderr.write(`round ${r} ${t.id}: ${JSON.stringify(run)}\n`);
    }
    if (measureExtras) scanBaseline.push(await directScanP50(emuLarge, 15, scanConcurrency));
    if (measureExtras && meshSlowUrl && !meshS5.error) meshS5.times.push(await timedP50(() => meshDashboard(meshSlowUrl), 10));
  }
  const rss = peakRssMb(gw.pid);
  const m = Object.fromEntries(targets.map((t) => [t.id, {
    ...t, rps: median(t.runs.map((x) => x.rps)), p50: median(t.runs.map((x) => x.p50)),
    p99: median(t.runs.map((x) => x.p99)), errors: t.runs.reduce((a, x) => a + x.errors, 0),
    cpuUs: t.pid ? median(t.runs.map((x) => x.cpuUs)) : null,
    emulatorCpuUs: t.emulatorPid ? median(t.runs.map((x) => x.emulatorCpuUs)) : null,
    upstream: t.journal ? {
      requests: median(t.runs.map((x) => x.upstream.requests)), bytes: median(t.runs.map((x) => x.upstream.bytes)),
      full: t.runs.some((x) => x.upstream.full) } : t.upstream }]));

  const lines = [];
  lines.push(`Machine: ${execFileSync('nproc', { encoding: 'utf8' }).trim()} cores (shared, noisy); ${ROUNDS} rounds × ${DURATION}s per target, each after ${WARMUP}s warm-up (and one ${WARMUP * 5}s pass per target first); wrk 1 thread; medians.`);
  lines.push('');
  lines.push('| target | connections | requests/s | p50 ms | p99 ms | gateway CPU µs/request | Waldur requests per request | Waldur bytes per request | errors |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const t of Object.values(m)) {
    const cpu = t.cpuUs !== null ? t.cpuUs.toFixed(0) : t.emulatorCpuUs !== null ? `(emulator ${t.emulatorCpuUs.toFixed(0)})` : '–';
    const atLeast = t.upstream.full ? '≥ ' : '';
    lines.push(`| ${t.label} | ${t.c} | ${t.rps.toFixed(0)} | ${t.p50.toFixed(2)} | ${t.p99.toFixed(2)} | ${cpu} | ${atLeast}${t.upstream.requests.toFixed(t.journal ? 3 : 2)} | ${atLeast}${t.upstream.bytes.toFixed(0)} | ${t.errors} |`);
  }
  lines.push('');
  if (m['BASE-S1'] && m['GW-S1']) {
    lines.push(`S1 this build vs baseline: ${(m['GW-S1'].rps / m['BASE-S1'].rps).toFixed(2)}× requests/s (${m['GW-S1'].rps.toFixed(0)} vs ${m['BASE-S1'].rps.toFixed(0)}), p50 ${m['GW-S1'].p50.toFixed(2)} vs ${m['BASE-S1'].p50.toFixed(2)} ms, CPU ${m['GW-S1'].cpuUs.toFixed(0)} vs ${m['BASE-S1'].cpuUs.toFixed(0)} µs/request.`);
    lines.push('');
  }
  if (m['GW-S6']) {
    const meshText = m['MESH-S6'] ? `${m['MESH-S6'].upstream.requests.toFixed(2)} (${m['MESH-S6'].rps.toFixed(0)} req/s)` : meshS6Error;
    lines.push(`S6, an unreviewed list (Waldur requests per request): gateway ${m['GW-S6'].upstream.requests.toFixed(2)} (${m['GW-S6'].rps.toFixed(0)} req/s), Mesh ${meshText}; `
      + `with its user and offering references the gateway needs ${m['GW-S6-NAV']?.upstream.requests.toFixed(2) ?? 'n/a'} (Mesh has no reference fields: a client would add one retrieve per row and reference).`);
    lines.push('');
  }
  if (only) {
    const table = lines.join('\n');
    console.log(table);
    if (env.OUT) writeFileSync(env.OUT, `${table}\n`);
    return;
  }
  const scanP50 = median(scanBaseline);
  const meshS5Text = meshS5.error ?? `p50 ${median(meshS5.times).toFixed(1)} ms, ${meshS5.upstream.requests.toFixed(1)} Waldur requests, ${meshS5.upstream.bytes.toFixed(0)} bytes (3 GraphQL requests, one per level)`;
  const startup = median(starts);
  lines.push(`Direct scan of the S3 pages (10k images, page_size=300, ${scanConcurrency} concurrent): p50 ${scanP50.toFixed(2)} ms. `
    + `Mesh S5 equivalent (20 ms upstream, sequential): ${meshS5Text}. `
    + `Gateway start-up (process start → first answered S1), ${STARTS} starts: ${starts.map((x) => x.toFixed(0)).join(', ')} ms; `
    + `with Catalog:Include=*: ${startsAll.map((x) => x.toFixed(0)).join(', ')} ms. `
    + `Gateway peak RSS after the S1, S2 and S4 load: ${rss.toFixed(0)} MB.`);
  lines.push('');

  // The target table: one check per goal (issue 25's, then the earlier issues' that still hold).
  lines.push('| target | measured | goal | met |');
  lines.push('|---|---|---|---|');
  const ratio = (a, b) => (b ? a / b : NaN);
  const check = (name, goal, skippedBecause, measure) => {
    if (skippedBecause) { lines.push(`| ${name} | ${skippedBecause} | ${goal} | skipped |`); return; }
    const [value, ok] = measure();
    lines.push(`| ${name} | ${value} | ${goal} | ${ok ? 'yes' : 'no'} |`);
  };
  const meshReason = meshSkipped ? `skipped (${meshSkipped})` : null;
  const [gw1, rest1] = [m['GW-S1'], m['REST-S1']];
  const cpuRatio = ratio(gw1.cpuUs, rest1.emulatorCpuUs);
  check('Gateway CPU per S1 request vs the emulator\'s per direct REST page', '≤ 6×', null, () => [`${cpuRatio.toFixed(1)}× (${gw1.cpuUs.toFixed(0)} vs ${rest1.emulatorCpuUs.toFixed(0)} µs)`, cpuRatio <= 6]);
  check('S1 vs Mesh', '≥ 15×', meshReason, () => [`${ratio(gw1.rps, m['MESH-S1'].rps).toFixed(1)}×`, ratio(gw1.rps, m['MESH-S1'].rps) >= 15]);
  check('S2 vs Mesh', '≥ 30×', meshReason, () => [`${ratio(m['GW-S2'].rps, m['MESH-S2'].rps).toFixed(1)}×`, ratio(m['GW-S2'].rps, m['MESH-S2'].rps) >= 30]);
  for (const [c, goal] of [[16, 0.95], [64, 0.8]]) {
    const g = m[`GW-LAT${c}`];
    const d = m[`REST-LAT${c}`];
    check(`20 ms upstream, ${c} conn: req/s vs direct`, `≥ ${goal}×`, null, () => [`${ratio(g.rps, d.rps).toFixed(2)}× (${g.rps.toFixed(0)} vs ${d.rps.toFixed(0)})`, ratio(g.rps, d.rps) >= goal]);
    if (c === 16) check(`20 ms upstream, ${c} conn: p50 over direct`, '≤ +1 ms', null, () => [`+${(g.p50 - d.p50).toFixed(2)} ms (${g.p50.toFixed(2)} vs ${d.p50.toFixed(2)})`, g.p50 - d.p50 <= 1]);
  }
  const bytes = ratio(gw1.upstream.bytes, rest1.upstream.bytes);
  check('Waldur bytes per S1 request vs the direct call', '≤ 1.2×', null, () => [`${bytes.toFixed(2)}× (${gw1.upstream.bytes.toFixed(0)} vs ${rest1.upstream.bytes.toFixed(0)})`, bytes <= 1.2]);
  check('S5 (dashboard) Waldur requests', '≤ 20', null, () => [m['GW-S5'].upstream.requests.toFixed(1), m['GW-S5'].upstream.requests <= 20]);
  check('S5 p50 vs Mesh (20 ms upstream)', '≤ 0.7×', meshS5.error, () => [`${ratio(m['GW-S5'].p50, median(meshS5.times)).toFixed(2)}× (${m['GW-S5'].p50.toFixed(1)} vs ${median(meshS5.times).toFixed(1)} ms)`, ratio(m['GW-S5'].p50, median(meshS5.times)) <= 0.7]);
  check('Start-up (process start → first answered S1)', '≤ 1,500 ms', null, () => [`${startup.toFixed(0)} ms`, startup <= 1500]);
  check('Start-up with Catalog:Include=*', '≤ 2,000 ms', null, () => [`${median(startsAll).toFixed(0)} ms`, median(startsAll) <= 2000]);
  check('Peak RSS under load', '≤ 200 MB', null, () => [`${rss.toFixed(0)} MB`, rss <= 200]);
  // Issue 16: with the cache on, S1 at 20 ms upstream and 16 connections answers in p50 ≤ 8 ms at ≥ 3× direct REST's
  // requests/s; with 50 callers each caller fills its own entries (more Waldur requests, never a shared answer).
  for (const [callers, on, direct] of [['1 caller', 'GWC-LAT16-C1', 'REST-LAT16'], ['50 callers', 'GWC-LAT16-50', 'REST-LAT16-50']]) {
    const c = m[on];
    const d = m[direct];
    check(`Cache on, 20 ms upstream, 16 conn, ${callers}: p50`, '≤ 8 ms', null, () => [`${c.p50.toFixed(2)} ms (${c.upstream.requests.toFixed(3)} Waldur requests per request)`, c.p50 <= 8]);
    check(`Cache on, 20 ms upstream, 16 conn, ${callers}: req/s vs direct`, '≥ 3×', null, () => [`${ratio(c.rps, d.rps).toFixed(1)}× (${c.rps.toFixed(0)} vs ${d.rps.toFixed(0)})`, ratio(c.rps, d.rps) >= 3]);
  }
  // Issue 15: telemetry fully on costs at most 5% of S1's requests/s.
  const tel = [m['TEL-ON-S1'], m['TEL-OFF-S1']];
  check('S1 telemetry on vs off: requests/s', '≥ 0.95×', telemetry ? null : 'not run (TELEMETRY=1 adds it)', () => [
    `${ratio(tel[0].rps, tel[1].rps).toFixed(3)}× (${tel[0].rps.toFixed(0)} vs ${tel[1].rps.toFixed(0)}; CPU ${tel[0].cpuUs.toFixed(0)} vs ${tel[1].cpuUs.toFixed(0)} µs/request; `
      + `the OTLP sink received ${sink.received.requests} exports, ${(sink.received.bytes / 1e6).toFixed(1)} MB)`, ratio(tel[0].rps, tel[1].rps) >= 0.95]);
  const s3r = ratio(m['GW-S3'].p50, scanP50);
  check('S3 p50 vs direct scan', '≤ 1.5×', null, () => [`${s3r.toFixed(2)}×`, s3r <= 1.5]);
  check('S5 Waldur requests vs Mesh', 'fewer than Mesh', meshS5.error, () => [`${m['GW-S5'].upstream.requests.toFixed(1)} vs ${meshS5.upstream.requests.toFixed(1)}`, m['GW-S5'].upstream.requests < meshS5.upstream.requests]);
  const lat = m['GW-LAT1'].p50 - m['REST-LAT1'].p50;
  check('S1-lat p50 overhead (1 conn)', '≤ 1 ms', null, () => [`${lat.toFixed(2)} ms`, lat <= 1]);
  check('S2 Waldur requests', '≤ 2', null, () => [m['GW-S2'].upstream.requests.toFixed(2), m['GW-S2'].upstream.requests <= 2]);
  const images = Number((await fetch(`${emu}/api/digitalocean-images/`, { method: 'HEAD', headers: { authorization: AUTH } })).headers.get('x-result-count'));
  const s4Goal = 1 + Math.ceil(images / 300);
  check('S4 Waldur requests', `${s4Goal} (1 regions list + ${s4Goal - 1}-page scan)`, null, () => [m['GW-S4'].upstream.requests.toFixed(2), m['GW-S4'].upstream.requests <= s4Goal]);
  const table = lines.join('\n');
  console.log(table);
  if (env.OUT) writeFileSync(env.OUT, `${table}\n`);
}

const stop = () => { for (const c of children) { try { process.kill(c.pid, 'SIGTERM'); } catch { /* gone */ } } };
process.on('SIGINT', () => { stop(); process.exit(130); });
main().then(() => { stop(); process.exit(0); }, (e) => { console.error(e); stop(); process.exit(1); });
