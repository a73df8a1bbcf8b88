import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import layers from './scripts/eslint/layers.mjs';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'native/build/',
      'dist/',
      'out/',
      'release/',
      'test-results/',
      'playwright-report/',
      'build-win/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.{js,cjs,mjs}'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // Imports go only downward through the layers: scripts/eslint/layers.mjs (test/unit/lint/layers.test.ts).
    files: ['electron/**/*.{ts,tsx,mts}', 'native/lib/**/*.{ts,tsx,mts}', 'renderer/**/*.{ts,tsx,mts}'],
    plugins: { layers },
    rules: { 'layers/imports': 'error' },
  },
);
