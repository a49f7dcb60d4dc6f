import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The proxy runs in edge runtimes and, behind MSW, in Storybook's browser;
// the fake's core is bundled into stories. Neither may reach a Node built-in
// at runtime. Walks the real import graph of each entry point.
const root = resolve(import.meta.dirname, '../..');
const builtins = new Set(builtinModules);

/** Runtime (not `import type`) module specifiers of a TypeScript file. */
function runtimeImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const specifiers: string[] = [];
  for (const match of source.matchAll(/^\s*(import|export)\s+(type\s+)?[^'";]*?\sfrom\s+'([^']+)'/gm)) {
    if (match[2] === undefined) specifiers.push(match[3]!);
  }
  for (const match of source.matchAll(/^\s*import\s+'([^']+)'/gm)) specifiers.push(match[1]!);
  for (const match of source.matchAll(/import\(\s*'([^']+)'\s*\)/g)) specifiers.push(match[1]!);
  return specifiers;
}

function resolveLocal(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, `${base}/index.ts`, base]) if (existsSync(candidate)) return candidate;
  throw new Error(`cannot resolve ${specifier} from ${from}`);
}

/** Every file reached from `entry` and every bare module it imports. */
function graph(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const specifier of runtimeImports(file)) {
      if (specifier.startsWith('.')) visit(resolveLocal(file, specifier));
      else packages.add(specifier);
    }
  };
  visit(resolve(root, entry));
  return { files: [...files].map((file) => relative(root, file)), packages: [...packages] };
}

const isNodeBuiltin = (specifier: string) => specifier.startsWith('node:') || builtins.has(specifier.split('/')[0]!);

describe('browser- and edge-safe entry points', () => {
  it.each(['src/server/index.ts', 'src/testing/index.ts'])('%s never imports a Node built-in at runtime', (entry) => {
    const { files, packages } = graph(entry);
    expect(files.length).toBeGreaterThan(3);
    expect(packages.filter(isNodeBuiltin)).toEqual([]);
  });

  it('keeps Redis out of react-credit-grants/server, and the redis package out of /server/redis (it drives the host’s client)', () => {
    const server = graph('src/server/index.ts');
    expect(server.files).not.toContain('src/server/redis.ts');
    expect(server.packages.filter((name) => name === 'redis' || name.startsWith('@redis/'))).toEqual([]);
    // Types only: no runtime import at all, so no Node built-in and no redis package.
    expect(graph('src/server/redis.ts')).toEqual({ files: ['src/server/redis.ts'], packages: [] });
  });

  it('keeps the fake’s Node server out of react-credit-grants/testing', () => {
    expect(graph('src/testing/index.ts').files).not.toContain('src/testing/node.ts');
    expect(graph('src/testing/node.ts').packages.filter(isNodeBuiltin)).toEqual(['node:http']);
  });

  it('sees through the walker: it does find a runtime node: import where there is one', () => {
    expect(runtimeImports(resolve(root, 'src/testing/node.ts'))).toContain('node:http');
    expect(runtimeImports(resolve(root, 'src/testing/node.ts'))).not.toContain('node:net');
  });
});
