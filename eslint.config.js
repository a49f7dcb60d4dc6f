import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'storybook-static/',
      'coverage/',
      'node_modules/',
      'public/',
      'bench/results/',
      // The example apps' build output and generated files (their sources are linted).
      'examples/*/dist/',
      'examples/*/.next/',
      'examples/*/next-env.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      ecmaVersion: 2023,
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The core is framework-free: hooks and components build on it, never the other way.
    files: ['src/core/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(react|react-dom|@tanstack/react-query|@radix-ui/.*)(/.*)?$',
              message: 'src/core must not import React or React libraries; put React code in src/react or src/components.',
            },
            {
              regex: '^\\.\\./',
              message: 'src/core must not import from outside src/core.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.{ts,tsx}', 'stories/**/*.{ts,tsx}', 'scripts/**/*.{js,mjs,ts}'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
