import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README.md', () => {
  it('keeps the two-command quick start at the top', () => {
    const quickStart = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('## Install'));
    expect(quickStart).toContain('npm ci && npm run storybook');
    expect(quickStart).toContain('npm ci && npm test');
  });

  it('has the component and hook reference of the current sources (node scripts/reference.mjs)', () => {
    // Throws (exit 1) with what to run when the README is out of date.
    expect(() => execFileSync(process.execPath, ['scripts/reference.mjs', '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});
