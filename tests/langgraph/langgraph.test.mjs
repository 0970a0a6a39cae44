// The gateway's LangGraph Server API through the real @langchain/langgraph-sdk 1.8.10 (the version agent-chat-ui
// pins), against the processes run.sh starts: threads, streamed runs, history, search, follow-ups, cancel, auth.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, test } from 'node:test';
import { Client } from '@langchain/langgraph-sdk';

const URL = required('LANGGRAPH_URL');
const KEY_A = required('LANGGRAPH_KEY_A');
const KEY_B = required('LANGGRAPH_KEY_B');
const a = new Client({ apiUrl: URL, apiKey: KEY_A });
const b = new Client({ apiUrl: URL, apiKey: KEY_B });

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set; run these tests through tests/langgraph/run.sh`);
  return value.replace(/\/$/, '');
}

/** Streams a run the way agent-chat-ui's hook asks for it and collects every event. */
async function run(client, threadId, text, extra = {}) {
  const events = [];
  for await (const event of client.runs.stream(threadId, 'agent', {
    input: { messages: [{ type: 'human', content: [{ type: 'text', text }] }] },
    streamMode: ['values', 'messages-tuple', 'custom'],
    streamSubgraphs: true,
    streamResumable: true,
    onDisconnect: 'continue',
    ...extra,
  })) {
    events.push(event);
    await extra.onEvent?.(event);
  }
  const values = events.filter((e) => e.event === 'values').at(-1)?.data;
  const streamed = events.filter((e) => e.event === 'messages').map((e) => e.data[0].content).join('');
  return { events, values, streamed, answer: values?.messages?.at(-1) };
}

async function rejects(promise, status) {
  await assert.rejects(promise, (error) => {
    assert.match(String(error.message), new RegExp(`HTTP ${status}`), `expected HTTP ${status}, got: ${error.message}`);
    return true;
  });
}

function token(claims) {
  const part = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({
    iss: process.env.LANGGRAPH_JWT_ISSUER, aud: process.env.LANGGRAPH_JWT_AUDIENCE, sub: 'langgraph-test', iat: now, nbf: now - 5, exp: now + 600, ...claims,
  })}`;
  return `${unsigned}.${createHmac('sha256', Buffer.from(process.env.LANGGRAPH_JWT_KEY, 'utf8')).update(unsigned).digest('base64url')}`;
}

describe('a thread with a streamed chat search and follow-ups', () => {
  let threadId;
  let first;

  test('GET /info answers 2xx (what agent-chat-ui checks on load)', async () => {
    const response = await fetch(`${URL}/info`);
    assert.equal(response.status, 200);
    assert.equal((await response.json()).flags.assistants, true);
  });

  test('the assistant is "agent"', async () => {
    const [assistant] = await a.assistants.search({ graphId: 'agent', limit: 10 });
    assert.equal(assistant.graph_id, 'agent');
    assert.equal((await a.assistants.get('agent')).assistant_id, assistant.assistant_id);
    assert.equal((await a.assistants.get(assistant.assistant_id)).graph_id, 'agent');
    await rejects(a.assistants.get('no-such-assistant'), 404);
  });

  test('creates a thread', async () => {
    const thread = await a.threads.create({ metadata: {} });
    assert.match(thread.thread_id, /^[0-9a-f-]{36}$/);
    assert.equal(thread.status, 'idle');
    threadId = thread.thread_id;
  });

  test('streams a run: metadata first, the answer as message chunks, then values with the structured result', async () => {
    first = await run(a, threadId, 'manufacturing, retail');
    assert.equal(first.events[0].event, 'metadata');
    assert.match(first.events[0].data.run_id, /^[0-9a-f-]{36}$/);
    assert.ok(!first.events.some((e) => e.event === 'error'), JSON.stringify(first.events.find((e) => e.event === 'error')));

    const { values, answer, streamed } = first;
    assert.equal(values.messages.length, 2);
    assert.equal(values.messages[0].type, 'human');
    assert.equal(answer.type, 'ai');
    assert.equal(answer.content, streamed, 'the streamed chunks add up to the saved AI message');
    assert.deepEqual(values.query.industries, ['manufacturing', 'retail']);
    assert.equal(values.result.companies.length, 10);
    assert.ok(values.result.total_matches > 10);
    assert.equal(values.result.scheduled, values.result.total_matches - 10);
    assert.ok(values.result.job.job_id > 0);

    // The markdown a person reads: understood, a table of the 10 with score and rationale, the job with its schedule and the console link.
    // What was understood: the SSIC headings with level and code, as the search's notice names them.
    assert.match(answer.content, /\*\*Understood:\*\* Manufacturing \(section C, [\d,]+ codes\) · .*Retail/);
    const rows = answer.content.split('\n').filter((line) => /^\| \d+ \|/.test(line));
    assert.equal(rows.length, 10);
    for (const [i, company] of values.result.companies.entries()) {
      assert.ok(rows[i].includes(`| ${company.score} (${company.bucket}) |`), `row ${i + 1} shows ${company.name}'s score: ${rows[i]}`);
    }
    assert.match(answer.content, new RegExp(`\\*\\*Job ${values.result.job.job_id}\\*\\*.*next run \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC`));
    assert.ok(answer.content.includes(`](${URL}/)`), 'links to the console');
  });

  test('history has both checkpoints, newest first, each linked to its parent', async () => {
    const history = await a.threads.getHistory(threadId, { limit: 10 });
    assert.equal(history.length, 2);
    const [answered, input] = history;
    assert.equal(answered.values.messages.length, 2);
    assert.equal(input.values.messages.length, 1);
    assert.equal(answered.parent_checkpoint.checkpoint_id, input.checkpoint.checkpoint_id);
    assert.equal(input.parent_checkpoint, null);
    assert.deepEqual(answered.next, []);
    assert.equal(answered.metadata.run_id, first.events[0].data.run_id);

    const state = await a.threads.getState(threadId);
    assert.equal(state.checkpoint.checkpoint_id, answered.checkpoint.checkpoint_id);
    const thread = await a.threads.get(threadId);
    assert.equal(thread.status, 'idle');
    assert.equal(thread.metadata.graph_id, 'agent');
    assert.equal(thread.values.messages.length, 2);
  });

  test('a follow-up "drop retail" narrows the previous query; "also retail" widens it back', async () => {
    const dropped = await run(a, threadId, 'drop retail');
    assert.deepEqual(dropped.values.query.industries, ['manufacturing']);
    assert.ok(dropped.values.result.total_matches < first.values.result.total_matches,
      `${dropped.values.result.total_matches} should be fewer than ${first.values.result.total_matches}`);
    assert.match(dropped.answer.content, /Dropped \*retail\*/);
    assert.equal(dropped.values.messages.length, 4);

    const added = await run(a, threadId, 'also retail');
    assert.deepEqual(added.values.query.industries, ['manufacturing', 'retail']);
    assert.equal(added.values.result.total_matches, first.values.result.total_matches);
  });

  test('a follow-up that narrows the count: "only in Jurong", then "more than 20 officers", as typed filters', async () => {
    const jurong = await run(a, threadId, 'only in Jurong');
    assert.deepEqual(jurong.values.query.industries, ['manufacturing', 'retail']);
    assert.deepEqual(jurong.values.query.filters.districts, ['22']);
    assert.deepEqual(jurong.values.result.understood.filters.districts, ['22'], 'the search ran with the district');
    assert.ok(jurong.values.result.total_matches > 0, 'the demo registry has matches in Jurong (D22)');
    assert.ok(jurong.values.result.total_matches < first.values.result.total_matches,
      `${jurong.values.result.total_matches} in Jurong should be fewer than ${first.values.result.total_matches}`);
    assert.match(jurong.answer.content, /Restricted the previous query: Jurong \(D22\)/);
    assert.match(jurong.answer.content, /\*\*Understood:\*\* Manufacturing \(section C.* · Jurong \(D22\)/);

    const officers = await run(a, threadId, 'more than 20 officers');
    assert.deepEqual(officers.values.query.filters.districts, ['22'], 'the district stays');
    assert.equal(officers.values.query.filters.officers.min, 21);
    assert.equal(officers.values.result.understood.filters.officers.min, 21);
    assert.ok(officers.values.result.total_matches > 0, 'the demo registry has companies with more than 20 officers in Jurong');
    assert.ok(officers.values.result.total_matches < jurong.values.result.total_matches,
      `${officers.values.result.total_matches} with more than 20 officers should be fewer than ${jurong.values.result.total_matches}`);
    assert.deepEqual(officers.values.query.constraints.map((c) => c.words), ['Jurong (D22)', 'more than 20 officers']);
    assert.equal((await a.threads.getHistory(threadId, { limit: 100 })).length, 10);
  });

  test('a first message with constraints is understood as POST /chat understands it', async () => {
    const thread = await a.threads.create({ metadata: {} });
    const message = 'Manufacturing companies in Jurong with 20+ officers';
    const { values, answer } = await run(a, thread.thread_id, message);
    const chat = await (await fetch(`${URL}/chat`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token({ tenant_id: 'lg-a' })}` }, body: JSON.stringify({ message }),
    })).json();
    assert.deepEqual(values.query.industries, ['manufacturing']);
    assert.deepEqual(values.query.filters.districts, ['22']);
    assert.equal(values.query.filters.officers.min, 20);
    assert.deepEqual(values.result.understood.ssic_codes, chat.understood.ssic_codes);
    assert.deepEqual(values.result.understood.filters, chat.understood.filters);
    assert.deepEqual(values.result.understood.industries.map((i) => i.code), chat.understood.industries.map((i) => i.code));
    assert.equal(values.result.total_matches, chat.total_matches);
    assert.match(answer.content, /\*\*Understood:\*\* Manufacturing \(section C, [\d,]+ codes\) · Jurong \(D22\) · 20\+ officers/);
  });

  test('searches threads by metadata containment, newest first, only the tenant\'s own', async () => {
    const tagged = await a.threads.create({ metadata: { purpose: 'search-test' } });
    const found = await a.threads.search({ metadata: { graph_id: 'agent' }, limit: 100, offset: 0 });
    assert.ok(found.some((t) => t.thread_id === threadId), 'the thread that ran is found by graph_id');
    assert.ok(!found.some((t) => t.thread_id === tagged.thread_id), 'a thread without runs has no graph_id');
    assert.equal(found.find((t) => t.thread_id === threadId).values.messages[0].content[0].text, 'manufacturing, retail');

    const all = await a.threads.search({ limit: 100 });
    const created = all.map((t) => Date.parse(t.created_at));
    assert.deepEqual(created, [...created].sort((x, y) => y - x), 'newest first');
    assert.equal(all[0].thread_id, tagged.thread_id);
    assert.deepEqual((await a.threads.search({ metadata: { purpose: 'search-test' } })).map((t) => t.thread_id), [tagged.thread_id]);

    assert.deepEqual(await b.threads.search({ limit: 100 }), [], 'tenant lg-b sees none of lg-a\'s threads');
    await rejects(b.threads.get(threadId), 404);
    await rejects(b.threads.getHistory(threadId), 404);
  });
});

describe('cancel, busy threads and errors', () => {
  test('cancels a run in progress: no answer, the thread keeps the human message and is idle again', async () => {
    const { thread_id: threadId } = await a.threads.create();
    let cancelled = false;
    const result = await run(a, threadId, 'logistics', {
      afterSeconds: 10,
      onEvent: async (event) => {
        if (event.event !== 'metadata') return;
        // While the run waits, the thread is busy: a second run is refused with 422 (not retried by the SDK).
        await rejects(run(a, threadId, 'retail'), 422);
        assert.equal((await a.threads.get(threadId)).status, 'busy');
        assert.equal(await a.runs.cancel(threadId, event.data.run_id), undefined);
        cancelled = true;
      },
    });
    assert.ok(cancelled);
    assert.ok(!result.events.some((e) => e.event === 'messages'), 'a cancelled run streams no answer');
    assert.equal(result.values.messages.length, 1);
    const thread = await a.threads.get(threadId);
    assert.equal(thread.status, 'idle');
    assert.equal(thread.values.messages.length, 1);
    await rejects(a.runs.cancel(threadId, '00000000-0000-4000-8000-000000000000'), 404);
  });

  test('client faults are 4xx problems, never 5xx (the SDK retries 5xx)', async () => {
    const { thread_id: threadId } = await a.threads.create();
    await rejects(a.runs.stream(threadId, 'agent', { input: {} }).next(), 400);
    await rejects(a.runs.stream(threadId, 'someone-else', { input: { messages: [{ type: 'human', content: 'x' }] } }).next(), 404);
    await rejects(a.runs.stream('00000000-0000-4000-8000-000000000000', 'agent', { input: { messages: [{ type: 'human', content: 'x' }] } }).next(), 404);
    const response = await fetch(`${URL}/threads/search`, { method: 'POST', headers: { 'x-api-key': KEY_A }, body: '{"limit": ' });
    assert.equal(response.status, 400);
    assert.equal((await response.json()).code, 'invalid_json');
  });

  test('a body without application/json is parsed (the Next.js passthrough drops Content-Type)', async () => {
    const response = await fetch(`${URL}/threads`, { method: 'POST', headers: { 'x-api-key': KEY_A }, body: '{"metadata":{"via":"proxy"}}' });
    assert.equal(response.status, 200);
    assert.equal((await response.json()).metadata.via, 'proxy');
  });
});

describe('auth and CORS as agent-chat-ui needs them', () => {
  test('a bad key gets 401, and so does no key at all', async () => {
    const bad = new Client({ apiUrl: URL, apiKey: 'icp_0123456789abcdef_not-a-real-secret' });
    await rejects(bad.threads.search({ limit: 1 }), 401);
    const tampered = new Client({ apiUrl: URL, apiKey: `${KEY_A.slice(0, -2)}xx` });
    await rejects(tampered.threads.create(), 401);
    const response = await fetch(`${URL}/threads/search`, { method: 'POST', body: '{}' });
    assert.equal(response.status, 401);
    assert.equal((await response.json()).code, 'unauthorized');
  });

  test('the gateway\'s bearer token works too', async () => {
    const bearer = new Client({ apiUrl: URL, defaultHeaders: { authorization: `Bearer ${token({ tenant_id: 'lg-b' })}` } });
    const thread = await bearer.threads.create({ metadata: { via: 'jwt' } });
    assert.equal((await b.threads.get(thread.thread_id)).metadata.via, 'jwt');
  });

  test('preflight and error responses carry CORS headers', async () => {
    const preflight = await fetch(`${URL}/threads/search`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-api-key' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
    assert.match(preflight.headers.get('access-control-allow-headers'), /x-api-key/);

    const missing = await fetch(`${URL}/threads/00000000-0000-4000-8000-000000000000`, { headers: { origin: 'http://localhost:3000', 'x-api-key': KEY_A } });
    assert.equal(missing.status, 404);
    assert.equal(missing.headers.get('access-control-allow-origin'), '*');
    const refused = await fetch(`${URL}/threads/search`, { method: 'POST', headers: { origin: 'http://localhost:3000' }, body: '{}' });
    assert.equal(refused.status, 401);
    assert.equal(refused.headers.get('access-control-allow-origin'), '*');
  });
});
