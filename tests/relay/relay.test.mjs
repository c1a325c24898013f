// Relay's compiler over the printed schemas (issue 21, item 4): only global Node ids may be named `id`.
// relay-compiler 21 refuses a schema whose field `id` is not `ID`/String-like, and with `schemaConfig.nonNodeIdFields`
// (an empty `allowedIdTypes`: the strictest setting) any field named `id` must be an `ID`. relay-runtime reads every `id`
// it sees as a global id ("Expected id on field `node` to be a string"), so Waldur's own ids are `waldurId`.
// Each case compiles a tiny project (relay.config.json + one .js file of graphql`` documents) in a temp folder.
// RELAY_FULL_SCHEMA / RELAY_SCHEMA point the two schema cases at another file (e.g. an older schema.full.graphql).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, mkdirSync, writeFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const relayCompiler = createRequire(import.meta.url)('relay-compiler'); // the platform binary's path
const fullSchema = process.env.RELAY_FULL_SCHEMA ? resolve(process.env.RELAY_FULL_SCHEMA) : join(root, 'schema.full.graphql');
const defaultSchema = process.env.RELAY_SCHEMA ? resolve(process.env.RELAY_SCHEMA) : join(root, 'schema.graphql');

const strictSchemaConfig = { nodeInterfaceIdField: 'id', nonNodeIdFields: { allowedIdTypes: {} } };

/** Compiles `source` (the body of src/Probe.js) against `schema`; returns the exit status, the output and the artifacts. */
function compile(schema, source) {
  const dir = mkdtempSync(join(tmpdir(), 'relay-ids-'));
  try {
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src', 'Probe.js'), source);
    writeFileSync(join(dir, 'relay.config.json'), JSON.stringify({
      src: './src', schema, language: 'javascript', schemaConfig: strictSchemaConfig,
    }, null, 2));
    const run = spawnSync(relayCompiler, [], { cwd: dir, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1' } });
    // ANSI colours off whatever the terminal: the assertions read the messages.
    const output = `${run.stdout ?? ''}${run.stderr ?? ''}${run.error ? String(run.error) : ''}`.replace(/\x1b\[[0-9;]*m/g, '');
    let artifacts = [];
    try { artifacts = readdirSync(join(dir, 'src', '__generated__')).sort(); } catch { /* none written */ }
    return { status: run.status, output, artifacts };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The compiler's refusals of a field named `id`: one line per type. */
const idErrors = (output) => output.split('\n').filter((l) => /of field `id` on parent type/.test(l));

// A document that only asks node(id:) gets past the document checks, so the compiler's schema rule decides alone.
test('schema.full.graphql (Catalog:Include=*) passes the nonNodeIdFields rule: every field named `id` is a global ID', () => {
  const { status, output, artifacts } = compile(fullSchema, 'graphql`query ProbeNodeQuery($id: ID!) { node(id: $id) { id __typename } }`;\n');
  assert.deepEqual(idErrors(output), [], 'fields named `id` that are not global ids');
  assert.equal(status, 0, output);
  assert.deepEqual(artifacts, ['ProbeNodeQuery.graphql.js']);
});

test('schema.full.graphql: Waldur\'s integer ids are waldurId (selected, sorted), beside a Node\'s global id', () => {
  const { status, output, artifacts } = compile(fullSchema, [
    'graphql`query ProbeLogsQuery { systemLogs(first: 2, order: [{ waldurId: DESC }]) { nodes { waldurId level message } } }`;',
    'graphql`query ProbeHistoryQuery($uuid: String!) { userByUuid(uuid: $uuid) { id history(first: 2) { nodes { waldurId } } } }`;',
    '',
  ].join('\n'));
  assert.equal(status, 0, output);
  assert.deepEqual(artifacts, ['ProbeHistoryQuery.graphql.js', 'ProbeLogsQuery.graphql.js']);
});

test('schema.graphql (the default, reviewed lists) compiles under nonNodeIdFields: node(id:) and a connection of Nodes', () => {
  const { status, output, artifacts } = compile(defaultSchema, [
    'graphql`query ProbeNodeQuery($id: ID!) { node(id: $id) { id ... on DigitalOceanImage { uuid name } } }`;',
    'graphql`query ProbeImagesQuery { digitalOceanImages(first: 2) { edges { node { id uuid } } } }`;',
    '',
  ].join('\n'));
  assert.deepEqual(idErrors(output), [], 'fields named `id` that are not global ids');
  assert.equal(status, 0, output);
  assert.deepEqual(artifacts, ['ProbeImagesQuery.graphql.js', 'ProbeNodeQuery.graphql.js']);
});

// The rule is on: the same config refuses what the gateway used to print (a Waldur integer or string named `id`).
test('the config is strict: an object type with `id: Int!` or `id: String!` is refused', () => {
  const dir = mkdtempSync(join(tmpdir(), 'relay-ids-schema-'));
  try {
    const schema = join(dir, 'bad.graphql');
    writeFileSync(schema, [
      'type Query { node(id: ID!): Node logs: [Log!]! groups: [Group!]! }',
      'interface Node { id: ID! }',
      'type Log { id: Int! level: String! }',
      'type Group { id: String! name: String! }',
      '',
    ].join('\n'));
    const { status, output } = compile(schema, 'graphql`query ProbeNodeQuery($id: ID!) { node(id: $id) { id } }`;\n');
    assert.notEqual(status, 0, output);
    const errors = idErrors(output);
    assert.ok(errors.some((l) => l.includes('`Int!` of field `id` on parent type `Log`')), output);
    assert.ok(errors.some((l) => l.includes('`String!` of field `id` on parent type `Group`')), output);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
