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

// Extension files that must not need the VS Code API at run time: they are unit-tested in plain
// Node. They may import vscode for types only (`import type`), and only such files.
const vscodeFreeExtensionFiles = [
  'src/extension/activationClock.ts',
  'src/extension/commandIds.ts',
  'src/extension/dispose.ts',
  'src/extension/chat/chatSession.ts',
  'src/extension/chat/contextMeter.ts',
  'src/extension/chat/conversation.ts',
  'src/extension/chat/conversationFile.ts',
  'src/extension/chat/conversationMerge.ts',
  'src/extension/chat/conversationProblems.ts',
  'src/extension/chat/conversationStore.ts',
  'src/extension/chat/deltaBatcher.ts',
  'src/extension/chat/gitignore.ts',
  'src/extension/chat/historyIndex.ts',
  'src/extension/chat/mentionMatch.ts',
  'src/extension/chat/sessionTurn.ts',
  'src/extension/chat/turnCheckpoint.ts',
  'src/extension/chat/turnAttempt.ts',
  'src/extension/chat/turnRunner.ts',
  'src/extension/chat/views.ts',
  'src/extension/connection/baseUrl.ts',
  'src/extension/connection/clientLease.ts',
  'src/extension/connection/keyCheck.ts',
  'src/extension/connection/modelCatalog.ts',
  'src/extension/connection/overrideCheck.ts',
  'src/extension/refactor/codeFence.ts',
  'src/extension/refactor/costEstimate.ts',
  'src/extension/refactor/fenceStream.ts',
  'src/extension/refactor/hunkDecisions.ts',
  'src/extension/refactor/lineDiff.ts',
  'src/extension/refactor/proposalText.ts',
  'src/extension/refactor/rangeTracker.ts',
  'src/extension/refactor/recentInstructions.ts',
  'src/extension/refactor/refactorPrompt.ts',
  'src/extension/settings/configSnapshot.ts',
  'src/extension/settings/settingProblems.ts',
  'src/extension/settings/settingValues.ts',
  'src/extension/settings/settingsTable.ts',
  'src/extension/status/liveRate.ts',
  'src/extension/status/modelSwitch.ts',
  'src/extension/status/statusText.ts',
  'src/extension/chat/turnOutcome.ts',
  'src/extension/chat/spend.ts',
  'src/extension/connection/learnedStore.ts',
  'src/extension/status/modelGroups.ts',
  'src/extension/lazyFeature.ts',
  'src/extension/status/servedLedger.ts',
  'src/extension/status/switchCost.ts',
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
    // Runs after the block above for these files, so it repeats its rules and adds vscode.
    files: vscodeFreeExtensionFiles,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'undici', message: 'Only src/anthropic imports undici.' },
            {
              name: 'vscode',
              allowTypeImports: true,
              message: 'This file runs in plain Node (unit tests): import vscode for types only.',
            },
          ],
          patterns: [
            {
              group: ['**/webview/**'],
              message: 'The host talks to the webview only through src/shared/protocol.ts.',
            },
            {
              group: [
                '**/quickPick',
                '**/log',
                '**/*Feature',
                '**/chatController',
                '**/chatSession',
                '**/chatViewProvider',
                '**/editorActions',
                '**/backend',
                '**/apiKey*',
                '**/config',
                '**/settingWriter',
                '**/statusBar',
                '**/streamActivity',
                '**/pickers',
                '**/speedToggle',
                '**/refactorCommand',
                '**/refactorStream',
                '**/refactorOutcome',
                '**/instructionPicker',
                '**/proposalControls',
                '**/proposalDocuments',
                '**/rangeWatch',
                '**/selectionContext',
                '**/inlineProposal',
                '**/proposalLenses',
                '**/proposalDiff',
                '**/refactorConclusion',
                '**/refactorMessages',
                '**/refactorRequest',
                '**/retryOffer',
              ],
              allowTypeImports: true,
              message: 'That file uses the VS Code API at run time: import it for types only.',
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
