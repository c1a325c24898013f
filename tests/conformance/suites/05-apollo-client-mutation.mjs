// A real client against the gateway's mutations (issue 22): Apollo Client's normalised cache shows what a mutation
// wrote without a refetch, because every payload's object carries its global `id` (and `__typename`).
// Each test builds its own client (InMemoryCache, HttpLink with `Token demo-token`) over a counting fetch, so
// "no refetch" is checked as "the mutation was the only request".
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';

const endpoint = process.argv[2];

function makeClient() {
  const counter = { requests: 0, bodies: [] };
  const countingFetch = async (input, init) => {
    counter.requests++;
    const res = await fetch(input, init);
    // Keep the raw answers so a test can look past Apollo (e.g. "no top-level errors" in the wire body).
    counter.bodies.push(await res.clone().text());
    return res;
  };
  const cache = new InMemoryCache();
  const client = new ApolloClient({
    cache,
    link: new HttpLink({ uri: endpoint, headers: { authorization: 'Token demo-token' }, fetch: countingFetch }),
  });
  return { client, cache, counter };
}

const assert = (cond, message) => { if (!cond) throw new Error(message); };
const show = (v) => JSON.stringify(v);
const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

const FIRST_PROJECT = gql`query FirstProject { projects(first: 1) { nodes { id uuid name description } } }`;
const PROJECT_BY_UUID = gql`query ProjectByUuid($uuid: String!) { projectByUuid(uuid: $uuid) { id name description } }`;
const PROJECT_BY_NODE = gql`query ProjectByNode($id: ID!) { node(id: $id) { id ... on Project { name description } } }`;
const UPDATE_PROJECT = gql`
  mutation UpdateProject($input: UpdateProjectInput!) {
    updateProject(input: $input) { project { id description } errors { __typename } }
  }`;
// A customer that accepts new projects: Waldur refuses them under an archived or blocked one.
const OPEN_CUSTOMERS = gql`query OpenCustomers { customers(first: 20, where: { archived: { eq: false } }) { nodes { id name archived blocked } } }`;
const CREATE_PROJECT = gql`
  mutation CreateProject($input: CreateProjectInput!) {
    createProject(input: $input) {
      project { id name description customer { id name } }
      errors { __typename ... on ValidationError { message path } }
    }
  }`;
const DELETE_PROJECT = gql`mutation DeleteProject($input: DeleteProjectInput!) { deleteProject(input: $input) { deletedId errors { __typename } } }`;
const PROJECT_FIELDS = gql`fragment ProjectFields on Project { id name description }`;

// Waits for a watched query to emit a value that satisfies `pred` (the cache broadcasts a mutation's write).
function nextMatching(observable, pred, ms = 5000) {
  return new Promise((resolve, reject) => {
    let sub;
    const timer = setTimeout(() => { sub?.unsubscribe(); reject(new Error(`no matching emission within ${ms} ms`)); }, ms);
    sub = observable.subscribe({
      next: (r) => { if (pred(r)) { clearTimeout(timer); queueMicrotask(() => sub.unsubscribe()); resolve(r); } },
      error: (e) => { clearTimeout(timer); reject(e); },
    });
  });
}

async function openCustomer(client) {
  const { data, error } = await client.query({ query: OPEN_CUSTOMERS });
  assert(!error, `customers: ${error?.message}`);
  const customer = data?.customers?.nodes?.find((c) => !c.archived && !c.blocked);
  assert(customer?.id, `customers returned no open customer: ${show(data)}`);
  return customer;
}

const createdIds = [];

const checks = [
  ['updateProject: the cache (readFragment, a watched query, node(id:)) shows the new description without a refetch', async () => {
    const { client, cache, counter } = makeClient();
    const { data } = await client.query({ query: FIRST_PROJECT });
    const project = data?.projects?.nodes?.[0];
    assert(project?.id && project.uuid, `projects returned no project: ${show(data)}`);

    // A second view of the same object, reached another way (by uuid), watched from the cache.
    const watched = client.watchQuery({ query: PROJECT_BY_UUID, variables: { uuid: project.uuid }, fetchPolicy: 'cache-first' });
    const initial = await nextMatching(watched, (r) => r.data?.projectByUuid);
    assert(initial.data.projectByUuid.id === project.id,
      `projectByUuid gave id ${initial.data.projectByUuid.id}, the connection ${project.id}: one object, two ids`);
    const key = cache.identify({ __typename: 'Project', id: project.id });
    assert(key === `Project:${project.id}`, `cache.identify gave ${key}`);
    const before = client.readFragment({ id: key, fragment: PROJECT_FIELDS });
    assert(before?.description === project.description, `the cache before the write: ${show(before)}`);

    const description = `Changed by Apollo Client ${stamp()}`;
    const emitted = nextMatching(watched, (r) => r.data?.projectByUuid?.description === description);
    const requestsBefore = counter.requests;
    const result = await client.mutate({ mutation: UPDATE_PROJECT, variables: { input: { id: project.id, description } } });
    const payload = result.data?.updateProject;
    assert(!result.error, `top-level error: ${result.error?.message}`);
    assert(payload?.errors == null, `updateProject errors: ${show(payload?.errors)}`);
    assert(payload?.project?.id === project.id, `the payload's project id ${payload?.project?.id} is not ${project.id}`);
    assert(payload.project.description === description, `the payload's description: ${show(payload.project)}`);

    const after = client.readFragment({ id: key, fragment: PROJECT_FIELDS });
    assert(after?.description === description, `readFragment after the write: ${show(after)}`);
    assert(after.name === project.name, `the name fetched before the write was lost: ${show(after)}`);
    const watchedNow = await emitted;
    assert(watchedNow.data.projectByUuid.description === description, `the watched query: ${show(watchedNow.data)}`);
    const again = client.readQuery({ query: FIRST_PROJECT });
    assert(again?.projects?.nodes?.[0]?.description === description, `readQuery of the first query: ${show(again)}`);
    const cacheOnly = await client.query({ query: PROJECT_BY_UUID, variables: { uuid: project.uuid }, fetchPolicy: 'cache-only' });
    assert(cacheOnly.data?.projectByUuid?.description === description, `cache-only query: ${show(cacheOnly.data)}`);
    assert(counter.requests === requestsBefore + 1,
      `${counter.requests - requestsBefore} requests from the mutation on; expected exactly 1 (the mutation, no refetch)`);

    // The same object read back from the gateway by its global id agrees with what the cache shows.
    const fresh = await client.query({ query: PROJECT_BY_NODE, variables: { id: project.id }, fetchPolicy: 'network-only' });
    assert(fresh.data?.node?.description === description, `node(id:) from the gateway: ${show(fresh.data)}`);
  }],

  ['createProject: the payload\'s project is normalised (cache.identify gives Project:<id>, readFragment its name)', async () => {
    const { client, cache, counter } = makeClient();
    const customer = await openCustomer(client);
    const name = `apollo-${stamp()}`;
    const requestsBefore = counter.requests;
    const result = await client.mutate({
      mutation: CREATE_PROJECT,
      variables: { input: { name, customer: customer.id, description: 'Created by the Apollo Client conformance suite' } },
    });
    assert(counter.requests === requestsBefore + 1, `${counter.requests - requestsBefore} requests for one mutation`);
    assert(!result.error, `top-level error: ${result.error?.message}`);
    const payload = result.data?.createProject;
    assert(payload?.errors == null, `createProject errors: ${show(payload?.errors)}`);
    const project = payload?.project;
    assert(project?.id, `the payload has no project id: ${show(payload)}`);
    createdIds.push(project.id);
    assert(project.__typename === 'Project', `the payload's project has __typename ${project.__typename}`);
    assert(project.customer?.id === customer.id, `the new project's customer ${show(project.customer)} is not ${customer.id}`);

    const key = cache.identify(project);
    assert(key === `Project:${project.id}`, `cache.identify gave ${key}`);
    assert(Object.hasOwn(cache.extract(), key), `the cache has no entry ${key}`);
    const read = client.readFragment({ id: key, fragment: PROJECT_FIELDS });
    assert(read?.name === name, `readFragment(${key}) gave ${show(read)}, expected the name ${name}`);
    // The customer it points at is the same normalised entry the customers query wrote, not a copy.
    const ref = cache.extract()[key]?.customer;
    assert(ref?.__ref === `Customer:${customer.id}`, `the project's customer field is ${show(ref)}, not a reference to Customer:${customer.id}`);
    assert(counter.requests === requestsBefore + 1, `reading the cache went to the network`);
  }],

  ['createProject with a 501-character name: a ValidationError at ["name"] as data, no top-level errors', async () => {
    const { client, counter } = makeClient();
    const customer = await openCustomer(client);
    const result = await client.mutate({
      mutation: CREATE_PROJECT,
      variables: { input: { name: 'x'.repeat(501), customer: customer.id } },
      errorPolicy: 'all',
    });
    assert(!result.error, `top-level error: ${result.error?.message}`);
    const wire = JSON.parse(counter.bodies.at(-1));
    assert(!('errors' in wire), `the response has top-level errors: ${show(wire.errors)}`);
    const payload = result.data?.createProject;
    assert(payload && payload.project === null, `the payload's project should be null: ${show(payload)}`);
    const errors = payload.errors;
    assert(Array.isArray(errors) && errors.length > 0, `no errors in the payload: ${show(payload)}`);
    const validation = errors.find((e) => e.__typename === 'ValidationError');
    assert(validation, `no ValidationError among ${show(errors)}`);
    assert(show(validation.path) === show(['name']), `ValidationError.path is ${show(validation.path)}, expected ["name"]`);
    assert(typeof validation.message === 'string' && validation.message.length > 0, `ValidationError without a message: ${show(validation)}`);
  }],
];

let passed = 0, failed = 0;
for (const [name, fn] of checks) {
  try { await fn(); passed++; console.log(`ok   ${name}`); } catch (e) { failed++; console.log(`FAIL ${name}: ${e.message}`); }
}

// Leave the emulator as found: delete what test 2 created (best effort, not a test).
if (createdIds.length) {
  const { client } = makeClient();
  for (const id of createdIds) {
    try { await client.mutate({ mutation: DELETE_PROJECT, variables: { input: { id } }, errorPolicy: 'all' }); } catch {}
  }
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
