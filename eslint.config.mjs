// ESLint flat config. The layer rules below are the project's architecture in executable form:
// a wrong import arrow fails `npm run lint`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'http',
  'https',
  'net',
  'crypto',
  'child_process',
  'stream',
  'url',
  'util',
  'events',
  'buffer',
  'zlib',
];

export default tseslint.config(
  // sample/ is the workspace `npm start` opens: code to try the extension on, not the project's.
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'artifacts/**', 'sample/**'] },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // The Messages API layer runs in plain Node and is tested there: no vscode.
    files: ['src/anthropic/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'src/anthropic must not depend on the VS Code API.' }],
          patterns: [
            {
              group: ['**/extension/**', '**/webview/**'],
              message: 'src/anthropic sits below extension and webview.',
            },
          ],
        },
      ],
    },
  },
  {
    // Shared code is used by both the host and the browser: no vscode, no Node, no undici.
    files: ['src/shared/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'src/shared is used by the webview too.' },
            { name: 'undici', message: 'Only src/anthropic talks HTTP.' },
          ],
          patterns: [
            { group: nodeBuiltins, message: 'src/shared is used by the webview: no Node built-ins.' },
            {
              group: ['**/extension/**', '**/webview/**', '**/anthropic/**'],
              message: 'src/shared is the bottom layer.',
            },
          ],
        },
      ],
    },
  },
  {
    // The webview is browser code that talks to the host only through the protocol.
    files: ['src/webview/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'The webview talks to the host only through src/shared/protocol.ts.' },
            { name: 'undici', message: 'The webview never reaches the network.' },
          ],
          patterns: [
            { group: nodeBuiltins, message: 'The webview runs in a browser: no Node built-ins.' },
            {
              group: ['**/extension/**', '**/anthropic/**'],
              message: 'The webview may import only src/shared and its own files.',
            },
          ],
        },
      ],
    },
  },
  {
    // The extension layer uses the client, never the HTTP library directly.
    files: ['src/extension/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'undici', message: 'Only src/anthropic imports undici.' }],
          patterns: [
            {
              group: ['**/webview/**'],
              message: 'The host talks to the webview only through src/shared/protocol.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        URL: 'readonly',
      },
    },
  },
  {
    // Test files use mocha's `this` and chai-less asserts; loosen only what mocha idioms need.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
);
