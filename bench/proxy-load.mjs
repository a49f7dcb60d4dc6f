// `node bench/proxy-load.mjs [--dist <dir>] [--seconds 10] [--cache-ttl <ms>] [--rss-only]`: the proxy
// under load, over real sockets, in front of the Sequence fake (its own process,
// as Sequence would be). Needs a build (`npm run build`) and Debian's wrk
// (`node scripts/ensure-debian-packages.mjs wrk`).
//
// 1. `GET /credits?limit=20` of a customer with 250 grants, 1 and 10
//    connections: requests per second and p99 latency, from wrk (which corrects
//    for coordinated omission: a stall, such as the read that refills the cache,
//    counts for every request it held up) and from a plain closed-loop Node
//    client in another process (each request's own time).
// 2. 150 anonymous 1 MiB PUTs to a missing path, all at once, from another
//    process: the proxy process's RSS before, at its peak and after.
// `--dist` points at another build (say, of main) to compare.
import { execFile, spawn } from 'node:child_process';
import { Agent, createServer, request as httpRequest } from 'node:http';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index === -1 ? fallback : args[index + 1];
};
const dist = resolve(option('dist', new URL('../dist', import.meta.url).pathname));
const load = (entry) => import(pathToFileURL(resolve(dist, entry)).href);
const TODAY = '2026-03-15';

/** Role "fake": serve the Sequence fake and print its base URL. */
async function serveFake() {
  const { createFakeSequence, createGrantFixtures } = await load('testing.js');
  const { startFakeSequenceServer } = await load('testing-node.js');
  const fixtures = createGrantFixtures({ today: TODAY, seed: 11 });
  const fake = createFakeSequence({ grants: fixtures.manyGrants(250), today: TODAY });
  const server = await startFakeSequenceServer(fake);
  process.stdout.write(`${JSON.stringify({ baseUrl: server.baseUrl, customerId: fixtures.customerId })}\n`);
}

/** Role "client": `connections` keep-alive connections sending requests one after another for `seconds`; prints req/s and p99. */
async function closedLoop(url, seconds, connections) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const { hostname, port, pathname, search } = new URL(url);
  const latencies = [];
  const end = performance.now() + seconds * 1000;
  const once = () =>
    new Promise((done) => {
      const started = performance.now();
      httpRequest({ host: hostname, port, path: `${pathname}${search}`, agent, headers: { Cookie: 'session=bench' } }, (incoming) => {
        incoming.resume();
        incoming.on('end', () => done(latencies.push(performance.now() - started)));
      }).end();
    });
  await Promise.all(Array.from({ length: connections }, async () => {
    while (performance.now() < end) await once();
  }));
  latencies.sort((a, b) => a - b);
  process.stdout.write(`${JSON.stringify({ rps: latencies.length / seconds, p99: latencies[Math.floor(latencies.length * 0.99)] })}\n`);
  agent.destroy();
}

/** Role "puts": 150 concurrent anonymous 1 MiB PUTs to `url`; prints the statuses seen. */
async function sendPuts(url) {
  const body = Buffer.alloc(1_048_576, 120);
  const { hostname, port, pathname } = new URL(url);
  const statuses = await Promise.all(
    Array.from(
      { length: 150 },
      () =>
        new Promise((done) => {
          const outgoing = httpRequest({ host: hostname, port, method: 'PUT', path: pathname, headers: { 'Content-Length': String(body.length) } }, (incoming) => {
            incoming.resume();
            incoming.on('end', () => done(incoming.statusCode));
          });
          outgoing.on('error', (error) => done(error.code ?? 'error'));
          outgoing.end(body);
        }),
    ),
  );
  const counts = {};
  for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
  process.stdout.write(`${JSON.stringify(counts)}\n`);
}

function firstLine(child) {
  return new Promise((resolveLine, reject) => {
    let text = '';
    child.stdout.on('data', (chunk) => {
      text += chunk;
      if (text.includes('\n')) resolveLine(JSON.parse(text.slice(0, text.indexOf('\n'))));
    });
    child.once('exit', (code) => reject(new Error(`child exited with ${code}`)));
  });
}

/** wrk's `--latency` output: requests per second and the 99th percentile, in ms. */
function readWrk(output) {
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1]);
  const [, value, unit] = /99%\s+([\d.]+)(us|ms|s)/.exec(output) ?? [];
  const p99 = Number(value) * (unit === 'us' ? 0.001 : unit === 's' ? 1000 : 1);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0);
  return { rps, p99, non2xx };
}

async function main() {
  const { createCreditsProxy, toNodeHandler } = await load('server.js');
  const fakeChild = spawn(process.execPath, [new URL(import.meta.url).pathname, '--role', 'fake', '--dist', dist], { stdio: ['ignore', 'pipe', 'inherit'] });
  const { baseUrl, customerId } = await firstLine(fakeChild);
  const cacheTtl = option('cache-ttl', undefined);
  const proxy = createCreditsProxy({
    clientId: 'fake-sequence-client-id',
    clientSecret: 'fake-sequence-client-secret',
    sequenceBaseUrl: baseUrl,
    basePath: '/api/credits-proxy',
    getCustomerId: (request) => ((request.headers.get('Cookie') ?? '').includes('session=bench') ? customerId : null),
    logger: () => undefined,
    ...(cacheTtl === undefined ? {} : { cacheTtlMs: Number(cacheTtl) }),
  });
  const server = createServer(toNodeHandler(proxy));
  await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const seconds = option('seconds', '10');
  const results = [];
  // Warm up (JIT, connections, the first upstream read) before anything is timed, for both builds alike.
  for (let round = 0; round < 200; round += 1) {
    await (await fetch(`${origin}/api/credits-proxy/credits?limit=20`, { headers: { Cookie: 'session=bench' } })).arrayBuffer();
  }
  try {
    // --rss-only: the PUT test in a fresh process, with no garbage of the load test before it.
    for (const connections of args.includes('--rss-only') ? [] : [1, 10]) {
      // Asynchronously: the proxy answers wrk from this very process.
      const target = `${origin}/api/credits-proxy/credits?limit=20`;
      const { stdout: output } = await promisify(execFile)('wrk', ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', '-H', 'Cookie: session=bench', target], {
        encoding: 'utf8',
      });
      results.push({ connections, by: 'wrk', ...readWrk(output) });
      const client = spawn(process.execPath, [new URL(import.meta.url).pathname, '--role', 'client', '--url', target, '--seconds', seconds, '--connections', String(connections)], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      results.push({ connections, by: 'Node client', ...(await firstLine(client)) });
    }
    const rss = () => process.memoryUsage().rss;
    globalThis.gc?.();
    const before = rss();
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rss())), 5);
    const putsChild = spawn(process.execPath, [new URL(import.meta.url).pathname, '--role', 'puts', '--url', `${origin}/api/credits-proxy/nope`], { stdio: ['ignore', 'pipe', 'inherit'] });
    const statuses = await firstLine(putsChild);
    clearInterval(sampler);
    const after = rss();
    const mb = (bytes) => `${(bytes / 1_048_576).toFixed(0)} MB`;
    process.stdout.write(`dist: ${dist}${cacheTtl === undefined ? '' : `, cacheTtlMs ${cacheTtl}`}\n`);
    for (const { connections, by, rps, p99, non2xx } of results) {
      process.stdout.write(`GET /credits?limit=20, ${connections} connection(s), ${seconds} s, ${by}: ${rps.toFixed(0)} req/s, p99 ${p99.toFixed(1)} ms${non2xx ? `, ${non2xx} non-2xx` : ''}\n`);
    }
    process.stdout.write(`150 × 1 MiB anonymous PUT to a missing path: answers ${JSON.stringify(statuses)}; proxy RSS ${mb(before)} before, ${mb(peak)} peak, ${mb(after)} after\n`);
  } finally {
    server.closeAllConnections();
    server.close();
    fakeChild.kill();
  }
}

const role = option('role', 'main');
if (role === 'fake') await serveFake();
else if (role === 'puts') await sendPuts(option('url'));
else if (role === 'client') await closedLoop(option('url'), Number(option('seconds', '10')), Number(option('connections', '1')));
else await main();
