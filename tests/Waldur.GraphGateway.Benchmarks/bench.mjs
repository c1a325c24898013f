// Scenario benchmarks (issue 7): emulator, gateway, direct REST and the GraphQL Mesh peer, side by side in one run.
// Loopback only, every load run bounded in time. Prints a Markdown table of medians over the rounds.
// Usage: node bench.mjs  (env: ROUNDS=3 DURATION=8 WARMUP=2 CONNECTIONS=16 MESH=1 MESH_PEER=<dir> OUT=results.md)
// BASELINE_GATEWAY=<dir with another build's Waldur.GraphGateway.dll> adds that build's S1 beside this one's (compare.sh);
// ONLY=<target ids, comma-separated> measures just those targets and prints their table.
// TELEMETRY=1 adds S1 on two more gateways, telemetry off (no Prometheus endpoint, no OTLP) and fully on (OTLP traces
// and metrics over http/protobuf to a local sink, Prometheus endpoint on), and prints their ratio (issue 15: ≤ 5% apart).
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
const DURATION = Math.min(Number(env.DURATION ?? 8), 20);
const WARMUP = Math.min(Number(env.WARMUP ?? 2), 5);
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

function start(name, cmd, args, extraEnv = {}) {
  const child = spawn(cmd, args, { env: { ...env, ...extraEnv }, stdio: ['ignore', 'ignore', 'pipe'] });
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

function emulator(port, images, faults = {}, extraArgs = []) {
  const args = [dll('Waldur.Emulator'), '--urls', `http://127.0.0.1:${port}`, `--Emulator:ImageCount=${images}`,
    '--Logging:LogLevel:Default=Warning', ...extraArgs];
  for (const [k, v] of Object.entries(faults)) args.push(`--Emulator:Faults:${k}=${v}`);
  start(`emulator:${port}`, 'dotnet', args);
  return `http://127.0.0.1:${port}`;
}

function gateway(port, waldur, gatewayDll = dll('Waldur.GraphGateway'), extraArgs = [], extraEnv = {}) {
  const child = start(`gateway:${port}`, 'dotnet', [gatewayDll, '--urls', `http://127.0.0.1:${port}`,
    // One token drives every connection: the per-caller limit (RateLimiting:*) would measure one caller's share.
    `--Waldur:BaseUrl=${waldur}`, '--Logging:LogLevel:Default=Warning', '--RateLimiting:Enabled=false', ...extraArgs],
    { ASPNETCORE_ENVIRONMENT: 'Production', ...extraEnv });
  return { url: `http://127.0.0.1:${port}/graphql`, pid: child.pid };
}

// An OTLP/HTTP sink: accepts every export (an empty protobuf answer) and counts what arrived.
function otlpSink(port) {
  const received = { requests: 0, bytes: 0 };
  const server = createServer((req, res) => {
    req.on('data', (chunk) => { received.bytes += chunk.length; });
    req.on('end', () => { received.requests++; res.writeHead(200, { 'content-type': 'application/x-protobuf' }); res.end(); });
  }).listen(port, '127.0.0.1');
  return { url: `http://127.0.0.1:${port}`, received, close: () => server.close() };
}

const meshPeer = path.resolve(env.MESH_PEER ?? path.join(root, '..', 'shared', 'peers', 'mesh'));

function mesh(port, waldur) {
  // The peer's folder may be read-only: run a writable copy, kept between runs so its npm ci happens once per machine.
  const dir = path.join(tmpdir(), 'waldur-gg-mesh-peer');
  cpSync(meshPeer, dir, { recursive: true });
  execFileSync('chmod', ['-R', 'u+w', dir]);
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

// Waldur requests per GraphQL request: clear the journal, send a few requests one by one, count the journal.
async function upstreamPerRequest(waldur, url, body, n = 5) {
  await fetch(`${waldur}/__emulator/requests`, { method: 'DELETE' });
  for (let i = 0; i < n; i++) await post(url, body);
  const journal = await (await fetch(`${waldur}/__emulator/requests`)).json();
  return journal.length / n;
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

// Waldur requests per GraphQL request under load: the emulator's journal over one measured run (it keeps 10 000).
function journaled(waldur, run) {
  return async () => {
    await fetch(`${waldur}/__emulator/requests`, { method: 'DELETE' });
    const result = run();
    const journal = await (await fetch(`${waldur}/__emulator/requests`)).json();
    return { ...result, upstream: journal.length / Math.max(1, result.requests), journalFull: journal.length >= 10000 };
  };
}

async function main() {
  const emu = emulator(18901, 150);
  const emuLarge = emulator(18902, 10000);
  const emuSlow = emulator(18903, 150, { latencyMs: 20 }, [`--Emulator:Tokens=${[TOKEN, ...CALLERS].join(',')}`]);
  const gw = gateway(18911, emu);
  const gwLarge = gateway(18912, emuLarge);
  const gwSlow = gateway(18913, emuSlow);
  const gwAll = gateway(18916, emu, undefined, ['--Catalog:Include=*']); // every Waldur list (issue 13)
  // The response cache on (issue 16), one replica: HybridCache's in-process L1, default TTL 30 s.
  const gwCached = gateway(18917, emuSlow, dll('Waldur.GraphGateway'), ['--Caching:Enabled=true']);
  const baseline = env.BASELINE_GATEWAY ? path.resolve(env.BASELINE_GATEWAY) : null;
  const gwBase = baseline ? gateway(18914, emu, path.join(baseline, 'Waldur.GraphGateway.dll')) : null;
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
  for (const g of [gw, gwLarge, gwSlow, gwCached, gwBase, gwAll, gwTelOff, gwTelOn].filter(Boolean)) await waitFor(g.url.replace('/graphql', '/healthz'));
  if (meshUrl) await waitFor(meshUrl.replace('/graphql', '/healthcheck'), {}, 180);

  const uuids = (await (await fetch(`${emu}/api/digitalocean-images/?page_size=30`, { headers: auth })).json()).map((i) => i.uuid);
  const s2 = JSON.stringify({ query: `{ ${uuids.map((u, i) => `i${i}: digitalOceanImageByUuid(uuid: "${u}") { uuid name distribution }`).join(' ')} }` });
  const meshS2 = JSON.stringify({ query: `{ ${uuids.map((u, i) => `i${i}: digitalocean_images_retrieve(uuid: "${u}") { uuid name distribution }`).join(' ')} }` });
  const s1 = gql('s1.graphql', { first: 20 });
  const s3 = gql('s3.graphql', { first: 20 });
  const s4 = gql('s4.graphql');
  const meshS1 = gql('mesh-s1.graphql');
  const [s5, s5nav, meshS5] = [gql('s5.graphql'), gql('s5-nav.graphql'), gql('mesh-s5.graphql')];
  const rest = `${emu}/api/digitalocean-images/?page_size=20`;
  const restSlow = `${emuSlow}/api/digitalocean-images/?page_size=20`;

  const targets = [
    { id: 'REST-S1', label: 'direct REST `GET ?page_size=20`', url: rest, body: null, waldur: emu, c: CONNECTIONS },
    { id: 'GW-S1', label: 'gateway S1', url: gw.url, body: s1, waldur: emu, c: CONNECTIONS },
    { id: 'GW-S2', label: 'gateway S2 (30 lookups)', url: gw.url, body: s2, waldur: emu, c: CONNECTIONS },
    { id: 'GW-S3', label: 'gateway S3 (residual, 10k images, 1 conn)', url: gwLarge.url, body: s3, waldur: emuLarge, c: 1 },
    { id: 'GW-S4', label: 'gateway S4 (regions → images)', url: gw.url, body: s4, waldur: emu, c: CONNECTIONS },
    { id: 'REST-LAT1', label: 'direct REST, 20 ms upstream, 1 conn', url: restSlow, body: null, waldur: emuSlow, c: 1 },
    { id: 'GW-LAT1', label: 'gateway S1, 20 ms upstream, 1 conn', url: gwSlow.url, body: s1, waldur: emuSlow, c: 1 },
    { id: 'REST-LAT16', label: 'direct REST, 20 ms upstream, 16 conn', url: restSlow, body: null, waldur: emuSlow, c: 16 },
    { id: 'GW-LAT16', label: 'gateway S1, 20 ms upstream, 16 conn', url: gwSlow.url, body: s1, waldur: emuSlow, c: 16, journal: true },
    { id: 'REST-LAT16-50', label: 'direct REST, 20 ms upstream, 16 conn, 50 callers', url: restSlow, body: null, waldur: emuSlow, c: 16, callers: CALLERS },
    { id: 'GWC-LAT16-C1', label: 'gateway S1, 20 ms, 16 conn, cache on', url: gwCached.url, body: s1, waldur: emuSlow, c: 16, journal: true },
    { id: 'GW-LAT16-50', label: 'gateway S1, 20 ms, 16 conn, cache off, 50 callers', url: gwSlow.url, body: s1, waldur: emuSlow, c: 16, journal: true, callers: CALLERS },
    { id: 'GWC-LAT16-50', label: 'gateway S1, 20 ms, 16 conn, cache on, 50 callers', url: gwCached.url, body: s1, waldur: emuSlow, c: 16, journal: true, callers: CALLERS },
    { id: 'GW-S5', label: 'gateway `*` S5 (generated list, 20 rows)', url: gwAll.url, body: s5, waldur: emu, c: CONNECTIONS },
    { id: 'GW-S5-NAV', label: 'gateway `*` S5 + user and offering references', url: gwAll.url, body: s5nav, waldur: emu, c: CONNECTIONS },
  ];
  if (meshUrl) targets.push(
    { id: 'MESH-S1', label: 'GraphQL Mesh S1', url: meshUrl, body: meshS1, waldur: emu, c: CONNECTIONS },
    { id: 'MESH-S2', label: 'GraphQL Mesh S2 (30 lookups)', url: meshUrl, body: meshS2, waldur: emu, c: CONNECTIONS });
  // The Mesh peer may be built from only part of Waldur's spec: S5 is compared only where it has the list.
  const meshS5Skipped = meshUrl ? await post(meshUrl, meshS5).then(() => null, (e) => e.message.slice(0, 120)) : meshSkipped;
  if (meshS5Skipped === null) targets.push({ id: 'MESH-S5', label: 'GraphQL Mesh S5', url: meshUrl, body: meshS5, waldur: emu, c: CONNECTIONS });

  if (telemetry) targets.push(
    { id: 'TEL-OFF-S1', label: 'gateway S1, telemetry off', url: gwTelOff.url, body: s1, waldur: emu, c: CONNECTIONS },
    { id: 'TEL-ON-S1', label: 'gateway S1, OTLP traces + metrics and Prometheus on', url: gwTelOn.url, body: s1, waldur: emu, c: CONNECTIONS });
  if (gwBase) targets.push({ id: 'BASE-S1', label: `baseline build S1 (${baseline})`, url: gwBase.url, body: s1, waldur: emu, c: CONNECTIONS });
  const only = env.ONLY ? new Set(env.ONLY.split(',')) : null;
  if (only) targets.splice(0, targets.length, ...targets.filter((t) => only.has(t.id)));
  for (const t of targets) {
    t.lua = luaFor(t.body, t.callers ?? null);
    t.upstream = t.body === null ? 1 : await upstreamPerRequest(t.waldur, t.url, t.body);
    // Journaled targets report Waldur requests per request over their measured runs instead (cache hits count 0).
    t.measure = t.journal ? journaled(t.waldur, () => wrk(t.url, t.lua, t.c, DURATION)) : async () => wrk(t.url, t.lua, t.c, DURATION);
    t.runs = [];
  }
  const scanConcurrency = Number(env.SCAN_CONCURRENCY ?? 4); // the gateway's Lists:ScanConcurrency default
  const scanBaseline = [];
  // One unrecorded pass first: .NET's tiered JIT and the peers' caches settle before anything is measured.
  for (const t of targets) wrk(t.url, t.lua, t.c, WARMUP * 3);
  for (let r = 1; r <= ROUNDS; r++) {
    for (const t of targets) {
      wrk(t.url, t.lua, t.c, WARMUP);
      t.runs.push(await t.measure());
      process.stderr.write(`round ${r} ${t.id}: ${JSON.stringify(t.runs.at(-1))}\n`);
    }
    scanBaseline.push(await directScanP50(emuLarge, 15, scanConcurrency));
  }
  const rss = peakRssMb(gw.pid);
  const m = Object.fromEntries(targets.map((t) => [t.id, {
    ...t, rps: median(t.runs.map((x) => x.rps)), p50: median(t.runs.map((x) => x.p50)),
    p99: median(t.runs.map((x) => x.p99)), errors: t.runs.reduce((a, x) => a + x.errors, 0),
    upstream: t.journal ? median(t.runs.map((x) => x.upstream)) : t.upstream, journalFull: t.runs.some((x) => x.journalFull) }]));

  const lines = [];
  lines.push(`Machine: ${execFileSync('nproc', { encoding: 'utf8' }).trim()} cores (shared, noisy); ${ROUNDS} rounds × ${DURATION}s per target after ${WARMUP}s warm-up; wrk 1 thread; medians.`);
  lines.push('');
  lines.push('| target | connections | requests/s | p50 ms | p99 ms | Waldur requests per request | errors |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|');
  for (const t of Object.values(m)) lines.push(`| ${t.label} | ${t.c} | ${t.rps.toFixed(0)} | ${t.p50.toFixed(2)} | ${t.p99.toFixed(2)} | ${t.journalFull ? '≥ ' : ''}${t.upstream.toFixed(2)} | ${t.errors} |`);
  lines.push('');
  cacheComparison(m, lines);
  if (m['BASE-S1'] && m['GW-S1']) {
    lines.push(`S1 this build vs baseline: ${(m['GW-S1'].rps / m['BASE-S1'].rps).toFixed(2)}× requests/s (${m['GW-S1'].rps.toFixed(0)} vs ${m['BASE-S1'].rps.toFixed(0)}), p50 ${m['GW-S1'].p50.toFixed(2)} vs ${m['BASE-S1'].p50.toFixed(2)} ms.`);
    lines.push('');
  }
  if (m['GW-S5']) {
    const mesh = m['MESH-S5'] ? `${m['MESH-S5'].upstream.toFixed(2)} (${m['MESH-S5'].rps.toFixed(0)} req/s)` : `skipped (${meshS5Skipped})`;
    lines.push(`S5, an unreviewed list (Waldur requests per request): gateway ${m['GW-S5'].upstream.toFixed(2)} (${m['GW-S5'].rps.toFixed(0)} req/s), Mesh ${mesh}; ` +
      `with its user and offering references the gateway needs ${m['GW-S5-NAV']?.upstream.toFixed(2) ?? 'n/a'} (Mesh has no reference fields: a client would add one retrieve per row and reference).`);
    lines.push('');
  }
  if (m['TEL-ON-S1'] && m['TEL-OFF-S1']) {
    const r = m['TEL-ON-S1'].rps / m['TEL-OFF-S1'].rps;
    lines.push(`S1 telemetry on vs off: ${r.toFixed(3)}× requests/s (${m['TEL-ON-S1'].rps.toFixed(0)} vs ${m['TEL-OFF-S1'].rps.toFixed(0)}; goal ≥ 0.95: ${r >= 0.95 ? 'met' : 'not met'}), p50 ${m['TEL-ON-S1'].p50.toFixed(2)} vs ${m['TEL-OFF-S1'].p50.toFixed(2)} ms; the OTLP sink received ${sink.received.requests} exports, ${(sink.received.bytes / 1e6).toFixed(1)} MB.`);
    lines.push('');
  }
  if (only) {
    const table = lines.join('\n');
    console.log(table);
    if (env.OUT) writeFileSync(env.OUT, `${table}\n`);
    return;
  }
  lines.push(`Direct scan of the S3 pages (10k images, page_size=300, ${scanConcurrency} concurrent): p50 ${median(scanBaseline).toFixed(2)} ms. Gateway peak RSS after the S1 load: ${rss.toFixed(0)} MB.`);
  lines.push('');
  lines.push('| target | measured | goal | met |');
  lines.push('|---|---|---|---|');
  const ratio = (a, b) => (b ? a / b : NaN);
  const row = (name, value, goal, ok) => lines.push(`| ${name} | ${value} | ${goal} | ${ok ? 'yes' : 'no'} |`);
  const skipped = (name, goal) => lines.push(`| ${name} | skipped (${meshSkipped}) | ${goal} | skipped |`);
  if (m['MESH-S1']) row('S1 vs Mesh', `${ratio(m['GW-S1'].rps, m['MESH-S1'].rps).toFixed(1)}×`, '≥ 8×', ratio(m['GW-S1'].rps, m['MESH-S1'].rps) >= 8);
  else skipped('S1 vs Mesh', '≥ 8×');
  row('S1 vs direct REST', `${ratio(m['GW-S1'].rps, m['REST-S1'].rps).toFixed(2)}×`, '≥ 0.5×', ratio(m['GW-S1'].rps, m['REST-S1'].rps) >= 0.5);
  const lat = m['GW-LAT1'].p50 - m['REST-LAT1'].p50;
  row('S1-lat p50 overhead (1 conn)', `${lat.toFixed(2)} ms`, '≤ 1 ms', lat <= 1);
  if (m['MESH-S2']) row('S2 vs Mesh', `${ratio(m['GW-S2'].rps, m['MESH-S2'].rps).toFixed(1)}×`, '≥ 20×', ratio(m['GW-S2'].rps, m['MESH-S2'].rps) >= 20);
  else skipped('S2 vs Mesh', '≥ 20×');
  row('S2 Waldur requests', m['GW-S2'].upstream.toFixed(2), '≤ 2', m['GW-S2'].upstream <= 2);
  const s3r = ratio(m['GW-S3'].p50, median(scanBaseline));
  row('S3 p50 vs direct scan', `${s3r.toFixed(2)}×`, '≤ 2×', s3r <= 2);
  const images = Number((await fetch(`${emu}/api/digitalocean-images/`, { method: 'HEAD', headers: { authorization: AUTH } })).headers.get('x-result-count'));
  const s4Goal = 1 + Math.ceil(images / 300);
  row('S4 Waldur requests', m['GW-S4'].upstream.toFixed(2), `${s4Goal} (1 regions list + ${s4Goal - 1}-page scan)`, m['GW-S4'].upstream <= s4Goal);
  row('Peak RSS under S1', `${rss.toFixed(0)} MB`, '≤ 250 MB', rss <= 250);
  const table = lines.join('\n');
  console.log(table);
  if (env.OUT) writeFileSync(env.OUT, `${table}\n`);
}

// Issue 16's goals: with the cache on, S1 at 20 ms upstream and 16 connections answers in p50 ≤ 8 ms at ≥ 3× direct
// REST's requests/s; with 50 callers each caller has its own entries (so more Waldur requests, never shared answers).
function cacheComparison(m, lines) {
  const pairs = [['1 caller', 'GWC-LAT16-C1', 'GW-LAT16', 'REST-LAT16'], ['50 callers', 'GWC-LAT16-50', 'GW-LAT16-50', 'REST-LAT16-50']];
  const rows = pairs.filter(([, on, off, rest]) => m[on] && m[off] && m[rest]);
  if (rows.length === 0) return;
  lines.push('| response cache, S1, 20 ms upstream, 16 conn | cache on req/s | p50 ms | Waldur req/request | cache off req/s | p50 ms | Waldur req/request | direct REST req/s | p50 ms | on vs REST | goal met (p50 ≤ 8 ms, ≥ 3×) |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const [name, on, off, rest] of rows) {
    const x = m[on].rps / m[rest].rps;
    lines.push(`| ${name} | ${m[on].rps.toFixed(0)} | ${m[on].p50.toFixed(2)} | ${m[on].upstream.toFixed(3)} | ${m[off].rps.toFixed(0)} | ${m[off].p50.toFixed(2)} | ${m[off].upstream.toFixed(2)} | ${m[rest].rps.toFixed(0)} | ${m[rest].p50.toFixed(2)} | ${x.toFixed(1)}× | ${m[on].p50 <= 8 && x >= 3 ? 'yes' : 'no'} |`);
  }
  lines.push('');
}

const stop = () => { for (const c of children) { try { process.kill(c.pid, 'SIGTERM'); } catch { /* gone */ } } };
process.on('SIGINT', () => { stop(); process.exit(130); });
main().then(() => { stop(); process.exit(0); }, (e) => { console.error(e); stop(); process.exit(1); });
