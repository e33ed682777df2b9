// Lint: TypeScript, React hooks, accessibility, import order and type-only imports, and the
// layout's boundaries (docs/architecture.md) as rules, so they are checked rather than promised.
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const SERVER_MODULE = {
  regex: '\\.server(\\.tsx?)?$',
  message: 'Pure modules and components never import server modules.',
  allowTypeImports: true,
};
const NODE_MODULE = { regex: '^node:', message: 'Pure modules and components never import Node modules.' };
const FEATURE = { regex: '^#app/features/', message: 'platform/ and ui/ are generic: they never import a feature.' };
const ROUTE = { regex: '^#app/routes/', message: 'Imports flow one way: routes → features → platform and ui.' };
const JOB = { regex: '^#app/jobs/', message: 'Jobs use features; nothing but the worker entry imports jobs.' };

const restrict = (...patterns) => ['error', { patterns }];

/**
 * The browser build keeps only a route's browser exports and drops the rest by tree-shaking, but it
 * keeps a call made at module level, such as `export const loader = route(...)`: and there route()
 * is an empty `.server` module, so the page's module would fail to load. Marked pure, it goes.
 */
const pureRouteExports = {
  meta: { type: 'problem', messages: { pure: 'Mark it `/* @__PURE__ */`, so the browser build drops it (see docs/architecture.md).' } },
  create(context) {
    return {
      'Program > ExportNamedDeclaration > VariableDeclaration > VariableDeclarator > CallExpression.init'(node) {
        const pure = context.sourceCode.getCommentsBefore(node).some((comment) => /[@#]__PURE__/.test(comment.value));
        if (!pure) context.report({ node, messageId: 'pure' });
      },
    };
  },
};
const TESTS = ['**/*.test.ts', '**/*.test.tsx'];

export default tseslint.config(
  { ignores: ['build/', 'public/build/', 'app/generated/', 'node_modules/', '.data/', 'test-results/', 'playwright-report/', '.cache/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    settings: { 'import-x/internal-regex': '^#app/' },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-import-type-side-effects': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'import-x/first': 'error',
      'import-x/no-duplicates': ['error', { 'prefer-inline': true }],
      'import-x/order': [
        'error',
        {
          groups: ['builtin', 'external', 'internal', ['parent', 'sibling', 'index'], 'type'],
          alphabetize: { order: 'asc', caseInsensitive: true },
          'newlines-between': 'never',
        },
      ],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  { files: ['**/*.tsx'], ...jsxA11y.flatConfigs.recommended },
  {
    files: ['**/*.tsx'],
    rules: {
      // A table that scrolls sideways is a focusable region, so keyboard users can scroll it (axe's
      // scrollable-region-focusable); nothing else that is not interactive takes tabIndex 0.
      'jsx-a11y/no-noninteractive-tabindex': ['error', { roles: ['tabpanel', 'region'], tags: [] }],
      // Components (react-aria's dialog buttons) manage focus themselves.
      'jsx-a11y/no-autofocus': ['error', { ignoreNonDOM: true }],
    },
  },
  {
    // GOV.UK's error summary takes the focus when it appears, also without JavaScript.
    files: ['app/ui/error-summary.tsx'],
    rules: { 'jsx-a11y/no-autofocus': 'off' },
  },
  // The layout's boundaries. Each file falls in exactly one of these groups.
  {
    files: ['app/platform/**/*.{ts,tsx}', 'app/ui/**/*.{ts,tsx}', 'app/i18n/**/*.{ts,tsx}'],
    ignores: ['**/*.server.ts', ...TESTS],
    rules: { '@typescript-eslint/no-restricted-imports': restrict(FEATURE, ROUTE, JOB, SERVER_MODULE, NODE_MODULE) },
  },
  {
    files: ['app/platform/**/*.server.ts', 'app/i18n/**/*.server.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': restrict(FEATURE, ROUTE, JOB) },
  },
  {
    files: ['app/features/**/*.{ts,tsx}'],
    ignores: ['**/*.server.ts', ...TESTS],
    rules: { '@typescript-eslint/no-restricted-imports': restrict(ROUTE, JOB, SERVER_MODULE, NODE_MODULE) },
  },
  {
    files: ['app/features/**/*.server.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': restrict(ROUTE, JOB) },
  },
  {
    files: ['app/jobs/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': restrict(ROUTE) },
  },
  {
    files: ['app/routes/**/*.{ts,tsx}'],
    plugins: { routes: { rules: { 'pure-exports': pureRouteExports } } },
    rules: { 'routes/pure-exports': 'error' },
  },
  {
    // Routes are adapters: they reach the database only through features (healthz through platform/health.server.ts).
    files: ['app/routes/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(
        { regex: '^#app/platform/db\\.server', message: 'Routes reach the database through a feature.' },
        JOB,
      ),
    },
  },
);
