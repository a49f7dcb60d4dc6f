import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { MESSAGE_LANGUAGES } from '../../scripts/message-languages.mjs';

// A translation costs an app nothing unless it imports it: no module of the
// package reaches src/messages/ but the catalogue's own entry.

async function inputsOf(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    jsx: 'automatic',
    logLevel: 'silent',
    external: ['react', 'react-dom', '@tanstack/react-query', '@radix-ui/*', 'date-fns'],
  });
  return Object.keys(result.metafile.inputs);
}

describe('translations in a bundle', () => {
  it('are in no bundle of the main entry, the core or the server', async () => {
    for (const entry of ['src/index.ts', 'src/core/index.ts', 'src/server/index.ts']) {
      const inputs = await inputsOf(entry);
      expect(inputs.length, entry).toBeGreaterThan(10);
      expect(inputs.filter((path) => path.startsWith('src/messages/')), entry).toEqual([]);
    }
  });

  it('each entry brings only its own catalogue, and none of the components', async () => {
    for (const language of MESSAGE_LANGUAGES) {
      const inputs = await inputsOf(`src/messages/${language}.ts`);
      expect(inputs.filter((path) => path.startsWith('src/messages/'))).toEqual([`src/messages/${language}.ts`]);
      expect(inputs.filter((path) => path.startsWith('src/components/') || path.startsWith('src/react/'))).toEqual([]);
    }
  });
});
