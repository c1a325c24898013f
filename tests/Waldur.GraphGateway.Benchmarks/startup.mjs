// Start-up and size of the schema per Catalog:Include (issue 13): for each selection, ROUNDS fresh gateway processes
// (Release build, Production, no Waldur needed: a closed loopback port), timing
//   listen      process spawn → /healthz answers (host built, options validated, Kestrel listening),
//   first       the first `{ __typename }` (the schema is built on first use: types, fields, validation caches),
//   introspect  graphql-js's full introspection query, first and warm (median of 5),
// and the printed schema's size. Usage: node startup.mjs  (env: ROUNDS=3 INCLUDES="reviewed|*" OUT=file.md)
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dll = path.join(root, 'src', 'Waldur.GraphGateway', 'bin', 'Release', 'net10.0', 'Waldur.GraphGateway.dll');
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const INCLUDES = (process.env.INCLUDES ?? 'reviewed|*').split('|');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

const typeRef = 'kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }';
const inputValue = `name description type { ${typeRef} } defaultValue`;
const introspection = `query IntrospectionQuery { __schema { queryType { name } mutationType { name } subscriptionType { name }
  types { kind name description fields(includeDeprecated: true) { name description args { ${inputValue} } type { ${typeRef} } isDeprecated deprecationReason }
    inputFields { ${inputValue} } interfaces { ${typeRef} } enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason } possibleTypes { ${typeRef} } }
  directives { name description locations args { ${inputValue} } } } }`;

// CPU time the process has used so far (user + system, clock ticks of 10 ms): on a shared machine the wall clock
// mostly measures the neighbours, CPU time measures the gateway.
const cpuMs = (pid) => { const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' '); return (Number(f[11]) + Number(f[12])) * 10; };

async function timed(url, body) {
  const t0 = performance.now();
  const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Token demo-token' }, body: JSON.stringify(body) });
  const text = await r.text();
  const ms = performance.now() - t0;
  // Parsed, not searched: the schema itself has fields named `errors` (the mutation payloads).
  if (r.status !== 200 || JSON.parse(text).errors) throw new Error(`${r.status} ${text.slice(0, 300)}`);
  return { ms, bytes: text.length };
}

async function round(include, port) {
  const t0 = performance.now();
  const child = spawn('dotnet', [dll, '--urls', `http://127.0.0.1:${port}`, '--Waldur:BaseUrl=http://127.0.0.1:9/', `--Catalog:Include=${include}`,
    '--Logging:LogLevel:Default=Warning'], { env: { ...process.env, ASPNETCORE_ENVIRONMENT: 'Production' }, stdio: 'ignore' });
  try {
    const base = `http://127.0.0.1:${port}`;
    let listen;
    for (let i = 0; i < 600 && listen === undefined; i++) {
      try { if ((await fetch(`${base}/healthz`)).status === 200) listen = performance.now() - t0; } catch { await sleep(20); }
    }
    if (listen === undefined) throw new Error(`no /healthz for ${include}`);
    const listenCpu = cpuMs(child.pid);
    const first = (await timed(`${base}/graphql`, { query: '{ __typename }' })).ms;
    const firstCpu = cpuMs(child.pid) - listenCpu;
    const cold = await timed(`${base}/graphql`, { query: introspection });
    const warm = [];
    const warmCpu = [];
    for (let i = 0; i < 5; i++) {
      const before = cpuMs(child.pid);
      warm.push((await timed(`${base}/graphql`, { query: introspection })).ms);
      warmCpu.push(cpuMs(child.pid) - before);
    }
    const sdl = await (await fetch(`${base}/graphql?sdl`)).text();
    return { listen, listenCpu, first, firstCpu, warmCpu: median(warmCpu), coldIntrospection: cold.ms, warmIntrospection: median(warm), introspectionBytes: cold.bytes, sdlBytes: sdl.length,
      types: (sdl.match(/^(type|input|enum|interface|scalar|union) /gm) ?? []).length };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.on('exit', r));
  }
}

const lines = ['| Catalog:Include | listening: wall / CPU (ms) | first request incl. schema build: wall / CPU (ms) | introspection cold / warm: wall (ms) | warm introspection CPU (ms) | introspection bytes | SDL bytes | types |',
  '|---|---:|---:|---:|---:|---:|---:|---:|'];
let port = 18960;
for (const include of INCLUDES) {
  const runs = [];
  for (let r = 0; r < ROUNDS; r++) runs.push(await round(include, port++));
  const m = (k) => median(runs.map((x) => x[k]));
  lines.push(`| \`${include}\` | ${m('listen').toFixed(0)} / ${m('listenCpu')} | ${m('first').toFixed(0)} / ${m('firstCpu')} | ${m('coldIntrospection').toFixed(0)} / ${m('warmIntrospection').toFixed(0)} | ${m('warmCpu')} | ${m('introspectionBytes')} | ${m('sdlBytes')} | ${m('types')} |`);
  process.stderr.write(`${include}: ${JSON.stringify(runs)}\n`);
}
const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const table = `Machine: 2 shared cores (load average ${load} at the end); ${ROUNDS} fresh processes per selection; medians.\n\n${lines.join('\n')}`;
console.log(table);
if (process.env.OUT) writeFileSync(process.env.OUT, `${table}\n`);
