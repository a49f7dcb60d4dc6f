import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The core stays framework-free: the lint config forbids React there.
describe('lint rule: src/core never imports React', () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const lint = async (code: string, filePath: string) => {
    const [result] = await eslint.lintText(code, { filePath });
    return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports');
  };

  it.each([
    "import { useState } from 'react';",
    "import { jsx } from 'react/jsx-runtime';",
    "import { createRoot } from 'react-dom/client';",
    "import { useQuery } from '@tanstack/react-query';",
    "import * as Dialog from '@radix-ui/react-dialog';",
    "import { useCreditGrants } from '../react/hooks';",
  ])('rejects %s in src/core', async (code) => {
    const messages = await lint(`${code}\nexport const x = 1;\n`, 'src/core/example.ts');
    expect(messages).toHaveLength(1);
    expect(messages[0]?.message).toMatch(/src\/core must not import/);
  });

  it('allows React outside src/core and date-fns inside it', async () => {
    expect(await lint("import { useState } from 'react';\nexport const x = useState;\n", 'src/react/example.ts')).toEqual([]);
    expect(await lint("import { format } from 'date-fns';\nexport const x = format;\n", 'src/core/example.ts')).toEqual([]);
  });
});
