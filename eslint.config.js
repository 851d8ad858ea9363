import js from '@eslint/js';
import fs from 'node:fs';
import path from 'node:path';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// One-way layers (ARCHITECTURE.md): each folder of src/ may import only the folders below it.
//   lib · envelope → api → reader → reader-service → sandbox
//   api, lib, reader-service → model → images → engine → ui → features → app
// Tests may reach across layers: the api's contract tests run against the sandbox, for one.
// One rule object per folder: ESLint keeps only the last no-restricted-imports that matches a file,
// so each folder lists every pattern it is bound by.
const restrict = (files, patterns) => ({
  files,
  ignores: ['**/*.test.ts', '**/*.test.tsx'],
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});
const layerPatterns = (forbidden) =>
  forbidden.map((name) => ({ group: [`@/${name}`, `@/${name}/*`], message: `This layer must not import ${name}.` }));
const APP_LAYERS = ['model', 'images', 'engine', 'ui', 'features', 'app'];
// A feature is a screen: it never imports another feature; inside itself it uses relative paths.
const FEATURES = fs.readdirSync(path.join(import.meta.dirname, 'src/features'));
const ownFeatureOnly = (own) => ({
  group: ['@/features/*', `!@/features/${own}`, `!@/features/${own}/*`],
  message: 'A feature never imports another feature: what two screens share lives in a layer below them.',
});

export default tseslint.config(
  { ignores: ['dist', 'dist-e2e', 'node_modules', 'test-results', 'playwright-report', 'public/samples', 'bench'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // `import { type X }` keeps the module as a side-effect import: it would be bundled for a type.
      '@typescript-eslint/no-import-type-side-effects': 'error',
    },
  },
  { files: ['src/**/*.tsx'], ...reactHooks.configs.flat.recommended },
  restrict(['src/envelope/**'], [{ group: ['@/*'], message: 'src/envelope imports nothing of ours.' }]),
  restrict(['src/api/**'], layerPatterns(['sandbox', 'reader', 'reader-service', ...APP_LAYERS])),
  restrict(
    ['src/sandbox/**'],
    [
      ...layerPatterns(APP_LAYERS),
      { group: ['@/envelope/*'], message: 'The sandbox reaches the envelope only through @/envelope.' },
    ],
  ),
  // What every screen uses, in plain TypeScript: card views, fields, rules, masking, the cover, text.
  restrict(['src/model/**'], layerPatterns(['sandbox', 'images', 'engine', 'ui', 'features', 'app'])),
  // Reading image files in the browser: preflight, thumbnails, display decodes.
  restrict(['src/images/**'], layerPatterns(['sandbox', 'engine', 'ui', 'features', 'app'])),
  // The headless app: no React, no screens.
  restrict(['src/engine/**'], layerPatterns(['sandbox', 'ui', 'features', 'app'])),
  // React's side of the engine and the pieces every screen shares.
  restrict(['src/ui/**'], layerPatterns(['sandbox', 'features', 'app'])),
  ...FEATURES.map((own) =>
    restrict([`src/features/${own}/**`], [...layerPatterns(['sandbox', 'app']), ownFeatureOnly(own)]),
  ),
  // The reader as a service: its worker and the page's end of it. It knows the reader, the service's
  // result shapes (the reader answers in them) and nothing of the app.
  restrict(
    ['src/reader-service/**'],
    [
      {
        group: ['@/*', '!@/lib', '!@/lib/*', '!@/reader', '!@/api', '@/api/*', '!@/api/types'],
        message: 'src/reader-service imports nothing of ours but @/reader, @/lib and the API’s types.',
      },
      { regex: '^@/api$', message: 'src/reader-service uses the API’s types only (@/api/types).' },
    ],
  ),
  // The on-device reader is plain TypeScript for a worker or Node: of ours, it may use only @/lib.
  restrict(
    ['src/reader/**'],
    [{ group: ['@/*', '!@/lib', '!@/lib/*'], message: 'src/reader imports nothing of the app but @/lib.' }],
  ),
  restrict(
    ['src/lib/**'],
    [{ group: ['@/*', '../*'], message: 'src/lib is shared code: it imports nothing of the app.' }],
  ),
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**', 'scripts/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
);
