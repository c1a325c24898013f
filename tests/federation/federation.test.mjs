// Composition conformance (issue 6), against a live gateway over the emulator:
// 1. @apollo/composition composes our subgraph with a second one; 2. a real Apollo Gateway serves the supergraph
// and our _entities costs one batch; 3. @graphql-tools/stitch merges our schema by digitalOceanImagesByUuids.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { graphql, parse } from 'graphql';
import { composeServices } from '@apollo/composition';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { stitchSchemas } from '@graphql-tools/stitch';
import { schemaFromExecutor } from '@graphql-tools/wrap';
import { buildHTTPExecutor } from '@graphql-tools/executor-http';
import { insightsSubgraphSchema, insightsStitchingSchema, popularity } from './insights-subgraph.mjs';

const GATEWAY = process.env.GATEWAY_URL;
const WALDUR = process.env.EMULATOR_URL;
const AUTH = 'Token demo-token';
assert.ok(GATEWAY && WALDUR, 'GATEWAY_URL and EMULATOR_URL must be set (run.sh sets them)');

const servers = [];
let images; // the emulator's first 20 images by name, straight from Waldur's REST surface
let insightsUrl;
let insightsSdl; // the second subgraph's _service SDL, as a federated gateway fetches it

async function waldur(pathAndQuery, init = {}) {
  return fetch(`${WALDUR}${pathAndQuery}`, { ...init, headers: { authorization: AUTH, ...(init.headers ?? {}) } });
}
const clearJournal = () => fetch(`${WALDUR}/__emulator/requests`, { method: 'DELETE' });
const journal = async () => (await fetch(`${WALDUR}/__emulator/requests`)).json();
const totalImages = async () => Number((await waldur('/api/digitalocean-images/', { method: 'HEAD' })).headers.get('x-result-count'));

/** What one batch of 20 uuid lookups may cost: the cheaper of one list scan and 20 GETs, plus one count. */
async function assertOneBatch(entries, label) {
  const scanPages = Math.ceil((await totalImages()) / 300);
  const allowed = Math.min(scanPages, 20) + 1;
  const waldurCalls = entries.filter((e) => e.path.startsWith('/api/'));
  console.log(`${label}: ${waldurCalls.length} Waldur request(s): ${waldurCalls.map((e) => `${e.method} ${e.path}?${e.query}`).join(' | ')}`);
  assert.ok(waldurCalls.length >= 1, `${label}: expected the lookup to reach Waldur`);
  assert.ok(waldurCalls.length <= allowed, `${label}: ${waldurCalls.length} Waldur requests for 20 entities, one batch allows ${allowed}`);
}

async function subgraphSdl(gateway = GATEWAY) {
  const res = await fetch(gateway, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: AUTH },
    body: JSON.stringify({ query: '{ _service { sdl } }' }),
  });
  const body = await res.json();
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data._service.sdl;
}

before(async () => {
  images = await (await waldur('/api/digitalocean-images/?page_size=20')).json();
  assert.equal(images.length, 20);
  const subgraph = new ApolloServer({ schema: insightsSubgraphSchema(images.map((i) => i.uuid)) });
  const { url } = await startStandaloneServer(subgraph, { listen: { port: 0, host: '127.0.0.1' } });
  servers.push(subgraph);
  insightsUrl = url;
  const insights = await (await fetch(url, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ _service { sdl } }' }),
  })).json();
  insightsSdl = insights.data._service.sdl;
});

after(async () => { for (const s of servers.reverse()) await s.stop(); });

function compose(sdl, gateway = GATEWAY) {
  return composeServices([
    { name: 'waldur', typeDefs: parse(sdl), url: gateway },
    { name: 'insights', typeDefs: parse(insightsSdl), url: insightsUrl },
  ]);
}

test('1. @apollo/composition composes the gateway subgraph with a second subgraph, with no errors or hints', async () => {
  const sdl = await subgraphSdl();
  assert.match(sdl, /type DigitalOceanImage[^{]*@key\(fields: "uuid"\)/, 'DigitalOceanImage must carry @key(fields: "uuid")');
  assert.match(sdl, /type DigitalOceanRegion[^{]*@key\(fields: "uuid"\)/, 'DigitalOceanRegion must carry @key(fields: "uuid")');
  const result = compose(sdl);
  assert.equal(result.errors, undefined, (result.errors ?? []).map((e) => e.message).join('\n'));
  const hints = (result.hints ?? []).map((h) => `${h.definition.code}: ${h.message}`);
  console.log(`composition hints: ${hints.length}${hints.length ? `\n${hints.join('\n')}` : ''}`);
  assert.deepEqual(hints, []);
});

test('2. a real Apollo Gateway answers a query needing both subgraphs; _entities for 20 images is one batch', async () => {
  const { supergraphSdl, errors } = compose(await subgraphSdl());
  assert.equal(errors, undefined);
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ url }) => new RemoteGraphQLDataSource({
      url,
      willSendRequest({ request, context }) { if (context.authorization) request.http.headers.set('authorization', context.authorization); },
    }),
  });
  const server = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async ({ req }) => ({ authorization: req.headers.authorization }),
  });
  servers.push(server);

  await clearJournal();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: AUTH },
    body: JSON.stringify({ query: '{ featuredImages { uuid name distribution popularity regions { name } } }' }),
  });
  const body = await res.json();
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  assert.equal(body.data.featuredImages.length, 20);
  for (const [i, image] of body.data.featuredImages.entries()) {
    assert.equal(image.uuid, images[i].uuid);
    assert.equal(image.name, images[i].name);
    assert.equal(image.distribution, images[i].distribution);
    assert.deepEqual(image.regions.map((r) => r.name), images[i].regions.map((r) => r.name));
    assert.equal(image.popularity, popularity(image.uuid));
  }
  await assertOneBatch(await journal(), 'Apollo Gateway → _entities(20 representations)');

  // And the other direction: our list, completed by the insights subgraph.
  const res2 = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: AUTH },
    body: JSON.stringify({ query: '{ digitalOceanImages(first: 5) { nodes { uuid name popularity } } }' }),
  });
  const body2 = await res2.json();
  assert.equal(body2.errors, undefined, JSON.stringify(body2.errors));
  assert.deepEqual(body2.data.digitalOceanImages.nodes.map((n) => n.name), images.slice(0, 5).map((i) => i.name));
  for (const n of body2.data.digitalOceanImages.nodes) assert.equal(n.popularity, popularity(n.uuid));
});

test('2b. _entities: an unknown uuid is null, a malformed one fails only its entity with UUID_INVALID', async () => {
  const res = await fetch(GATEWAY, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: AUTH },
    body: JSON.stringify({
      query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on DigitalOceanImage { uuid name } } }',
      variables: { r: [
        { __typename: 'DigitalOceanImage', uuid: images[0].uuid },
        { __typename: 'DigitalOceanImage', uuid: 'ffffffffffffffffffffffffffffffff' },
        { __typename: 'DigitalOceanImage', uuid: 'not-a-uuid' },
      ] },
    }),
  });
  const body = await res.json();
  assert.equal(body.data._entities[0].name, images[0].name);
  assert.equal(body.data._entities[1], null);
  assert.equal(body.data._entities[2], null);
  assert.deepEqual(body.errors.map((e) => [e.path.join('.'), e.extensions.code]), [['_entities.2', 'UUID_INVALID']]);
});

test('3. @graphql-tools/stitch merges the gateway (introspected over HTTP) with a second schema by digitalOceanImagesByUuids', async () => {
  const executor = buildHTTPExecutor({ endpoint: GATEWAY, headers: { authorization: AUTH } });
  const waldurSchema = await schemaFromExecutor(executor);
  const stitched = stitchSchemas({
    subschemas: [
      {
        schema: waldurSchema,
        executor,
        merge: {
          DigitalOceanImage: {
            selectionSet: '{ uuid }',
            fieldName: 'digitalOceanImagesByUuids',
            key: ({ uuid }) => uuid,
            argsFromKeys: (uuids) => ({ uuids }),
          },
        },
      },
      {
        schema: insightsStitchingSchema(images.map((i) => i.uuid)),
        merge: {
          DigitalOceanImage: {
            selectionSet: '{ uuid }',
            fieldName: 'imageInsightsByUuids',
            key: ({ uuid }) => uuid,
            argsFromKeys: (uuids) => ({ uuids }),
          },
        },
      },
    ],
  });
  await clearJournal();
  const result = await graphql({
    schema: stitched,
    source: '{ featuredImages { uuid name isOfficial popularity } digitalOceanImages(first: 3) { nodes { name popularity } } }',
  });
  assert.equal(result.errors, undefined, JSON.stringify(result.errors));
  assert.deepEqual(result.data.featuredImages.map((i) => i.name), images.map((i) => i.name));
  assert.deepEqual(result.data.featuredImages.map((i) => i.isOfficial), images.map((i) => i.is_official));
  for (const i of result.data.featuredImages) assert.equal(i.popularity, popularity(i.uuid));
  assert.deepEqual(result.data.digitalOceanImages.nodes.map((n) => n.name), images.slice(0, 3).map((i) => i.name));
  const entries = await journal();
  console.log(`stitching: ${entries.length} Waldur request(s)`);
  // One list page for digitalOceanImages(first: 3) and one batch for the 20 featured images (primed or not).
  const scanPages = Math.ceil((await totalImages()) / 300);
  assert.ok(entries.length <= 1 + Math.min(scanPages, 20) + 1, `stitching cost ${entries.length} Waldur requests`);
});

test('4. the Catalog:Include=* subgraph (every Waldur list) composes with the second subgraph, with no errors', async (t) => {
  const full = process.env.FULL_GATEWAY_URL;
  if (!full) return t.skip('FULL_GATEWAY_URL is not set (run.sh sets it)');
  const sdl = await subgraphSdl(full);
  assert.ok((sdl.match(/@key\(fields: "uuid"\)/g) ?? []).length > 200, 'every list with uuids and a fixed path is an entity');
  const result = compose(sdl, full);
  assert.deepEqual(result.errors ?? [], [], (result.errors ?? []).map((e) => e.message).join('\n'));
  console.log(`* subgraph: ${sdl.length} characters, ${(result.hints ?? []).length} composition hint(s)`);
});
