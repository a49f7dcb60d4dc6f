// Child processes of the consumer check: commands whose output is kept for
// the report, and servers started in their own process group so stopping one
// also stops what it spawned (npm, next-server), and nothing else.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

/**
 * The environment for builds and servers: the caller's, without any
 * `SEQUENCE_*` variable (the apps must build and run without secrets) and
 * without Next's telemetry (no network here).
 */
export function cleanEnv(extra = {}) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('SEQUENCE_')));
  return { ...env, NEXT_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...extra };
}

/** Runs a command to its end; resolves with its exit code, its output (stdout and stderr interleaved) and its duration. */
export function run(command, args, { cwd, env = cleanEnv() }) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ code: -1, output: `${output}\n${error.message}`, seconds: (performance.now() - started) / 1000 }));
    child.on('close', (code) => resolve({ code: code ?? -1, output, seconds: (performance.now() - started) / 1000 }));
  });
}

/** A port nobody listens on right now, on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts a server and waits until `url` answers 200. Rejects, with the
 * server's output, when it exits first or is not up within `timeoutMs` (a
 * guard against hanging, far beyond the second or two it takes).
 */
export async function startServer(command, args, { cwd, env = cleanEnv(), url, timeoutMs = 120_000 }) {
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  let exited = null;
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const closed = new Promise((resolve) => child.on('close', (code, signal) => resolve((exited = { code, signal }))));
  child.on('error', (error) => (output += `\n${error.message}`));

  const stop = async () => {
    if (exited === null) {
      signalGroup(child.pid, 'SIGTERM');
      const stopped = await Promise.race([closed, sleep(10_000).then(() => null)]);
      if (stopped === null) {
        signalGroup(child.pid, 'SIGKILL');
        await closed;
      }
    }
  };

  const deadline = performance.now() + timeoutMs;
  while (exited === null && performance.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      if (response.ok) return { stop, output: () => output };
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  await stop();
  const why = exited === null ? `did not answer ${url} within ${timeoutMs / 1000} s` : `exited (${exited.signal ?? `code ${exited.code}`}) before answering ${url}`;
  throw new Error(`${command} ${args.join(' ')} ${why}:\n${output}`);
}

/** Signals the process group of a server this script started (and only that). */
function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}
