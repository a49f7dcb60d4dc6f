import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/** The machine the figures came from: they mean little without it. */
export function describeMachine(chromiumVersion) {
  let cpu = 'unknown';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((entry) => entry.startsWith('model name'));
    if (line) cpu = line.split(':').slice(1).join(':').trim();
  } catch {
    // Not Linux: fall back to what Node says.
  }
  return {
    cpus: availableParallelism(),
    cpu,
    node: process.version,
    chromium: chromiumVersion,
    platform: `${process.platform} ${process.arch}`,
  };
}
