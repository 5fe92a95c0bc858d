// One tool for lint and format: ESLint with typescript-eslint (type-aware) and @stylistic.
import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // web/src/shared/api-schema.ts is generated (npm run api:types; src/http/web-api-types.test.ts keeps it current).
  { ignores: ['dist/', 'node_modules/', 'data/', 'web/dist/', 'coverage/', 'bench-results/', 'web/src/shared/api-schema.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  stylistic.configs.customize({ semi: true, quotes: 'single', indent: 2, arrowParens: true, braceStyle: '1tbs' }),
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', '*.ts', 'bin/*.js'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@stylistic/max-len': ['warn', { code: 160, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreComments: true }],
      '@stylistic/operator-linebreak': 'off',
    },
  },
  {
    // One gate (issue 14): only the gate, the owners' stores, the SQL layer itself and the plumbing that opens and
    // scopes the database (http, cli) import values from src/db/ — among them txOf, the one way to a scope's transaction;
    // any file may name its types. src/db/db-imports.test.ts holds the same line under npm test.
    files: ['src/**/*.ts'],
    ignores: [
      'src/db/**', 'src/access/gate*.ts', 'src/**/*-store.ts', 'src/http/**', 'src/cli/**',
      'src/bench/**', 'src/fuzz/**', 'src/crash/**', 'src/test-support/**', 'src/**/*.test.ts',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{
          group: ['**/db/*'], allowTypeImports: true,
          message: 'Reach the database through the gate (access/gate.ts) and the owner\'s store (*-store.ts); only types may be imported from db/.',
        }],
      }],
    },
  },
  {
    files: ['bin/*.js'],
    languageOptions: { globals: { process: 'readonly' } },
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    // The web application (React, TSX): text and expressions share a line, as in prose; hooks follow React's rules.
    files: ['web/**/*.ts', 'web/**/*.tsx'],
    ...reactHooks.configs.flat.recommended,
    rules: { ...reactHooks.configs.flat.recommended.rules, '@stylistic/jsx-one-expression-per-line': 'off' },
  },
  {
    files: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@stylistic/max-statements-per-line': 'off',
    },
  },
);
