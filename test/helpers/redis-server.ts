import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's redis-server, which `node scripts/ensure-debian-packages.mjs redis-server` installs. */
export const REDIS_SERVER_PATH = '/usr/bin/redis-server';

/** A redis-server of the test's own on 127.0.0.1, with nothing saved to disk. */
export interface TestRedisServer {
  readonly url: string;
  readonly port: number;
  /** Kills the server (SIGKILL: a crash, not a shutdown); everything in it is lost. */
  stop(): Promise<void>;
  /** Starts it again, empty, on the same port. */
  start(): Promise<void>;
  close(): Promise<void>;
}

/** A port no one listens on right now, found the way the OS hands out ephemeral ones. */
function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * The environment for redis-server: this one, without libfaketime. `npm run
 * test:any-day` runs the tests under faketime, which redis-server (its own
 * clock, threads, jemalloc) does not start under; the server's clock is not
 * what those runs test.
 */
function serverEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'LD_PRELOAD' && !name.startsWith('FAKETIME')));
}

function launch(port: number, dir: string): Promise<ChildProcess> {
  // No persistence: a restart loses everything, the worst case the proxy must survive.
  const child = spawn(REDIS_SERVER_PATH, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--protected-mode', 'yes'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: serverEnvironment(),
  });
  return new Promise((resolve, reject) => {
    let output = '';
    // A guard, far beyond the few milliseconds it takes: say what redis-server printed rather than hang.
    const guard = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`redis-server was not ready after 20 s:\n${output}`));
    }, 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(guard);
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        resolve(child);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(guard);
      reject(new Error(`redis-server exited (${String(code)}) before it was ready:\n${output}`));
    });
  });
}

/**
 * Starts Debian's `redis-server` on a free loopback port. Fails, saying what
 * to install, when it is not there: tests that need Redis never skip
 * silently (`npm test` installs it first, as root).
 */
export async function startRedisServer(): Promise<TestRedisServer> {
  if (!existsSync(REDIS_SERVER_PATH)) {
    throw new Error(
      `These tests run a real Redis, and ${REDIS_SERVER_PATH} is not installed. Run \`node scripts/ensure-debian-packages.mjs redis-server\` ` +
        '(as root it installs Debian’s redis-server package; otherwise it prints the apt-get command), or run `npm test`, which does it first.',
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'crg-redis-'));
  let port = 0;
  let child: ChildProcess | null = null;
  // The probed port may be taken between the probe and redis binding it: try another.
  for (let attempt = 0; child === null; attempt += 1) {
    port = await freeLoopbackPort();
    try {
      child = await launch(port, dir);
    } catch (error) {
      if (attempt >= 4) throw error;
    }
  }
  const kill = async () => {
    const running = child;
    child = null;
    if (running === null || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGKILL');
    });
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: kill,
    async start() {
      child = await launch(port, dir);
    },
    async close() {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
