import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTokenBlocks, readTokens } from '../../stories/support/tokens';

const css = readFileSync(new URL('../../src/styles/tokens.css', import.meta.url), 'utf8');
const components = readFileSync(new URL('../../src/styles/components.css', import.meta.url), 'utf8');

describe('tokens.css', () => {
  const blocks = readTokenBlocks(css);

  it('gives data-theme="system" exactly the dark theme', () => {
    expect([...blocks.system.values]).toEqual([...blocks.dark.values]);
  });

  it('has a dark value for every light colour, and only for those', () => {
    expect([...blocks.dark.values.keys()].sort()).toEqual([...blocks.light.values.keys()].sort());
    for (const name of blocks.base.values.keys()) expect(blocks.light.values.has(name)).toBe(false);
  });

  it('never uses light-dark(), which host pipelines rewrite', () => {
    expect(css.replace(/\/\*[\s\S]*?\*\//g, '')).not.toContain('light-dark(');
    expect(components.replace(/\/\*[\s\S]*?\*\//g, '')).not.toContain('light-dark(');
  });

  it('says where each token is used, and the components use every token and no other', () => {
    const tokens = readTokens(css);
    for (const token of tokens) expect(token.use, token.name).not.toBe('');
    const declared = new Set(tokens.map((token) => token.name));
    const used = new Set([...components.matchAll(/var\((--crg-[\w-]+)/g)].map(([, name]) => name!));
    // Set by the components themselves (a meter's fill, where today is on a chart's axis), not theme tokens.
    used.delete('--crg-meter-fill');
    used.delete('--crg-today-at');
    expect([...used].filter((name) => !declared.has(name))).toEqual([]);
    expect([...declared].filter((name) => !used.has(name))).toEqual([]);
  });
});
