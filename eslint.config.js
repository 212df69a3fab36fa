// ESLint 9 flat config: @eslint/js recommended + typescript-eslint recommended over the whole
// tree. Not the type-checked presets: they need a TypeScript program per workspace and take
// minutes on our two-core machines, and `tsc -p tsconfig.json --noEmit` already checks types.
// Each setting below that differs from the presets says why. Formatting is Prettier's job
// (`npm run lint` runs `prettier --check` too); no stylistic rules here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The Node.js globals the plain-JS scripts use (TypeScript files get theirs from @types/node). */
const nodeGlobals = Object.fromEntries(
  [
    'process',
    'console',
    'Buffer',
    'URL',
    'URLSearchParams',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'setImmediate',
    'queueMicrotask',
    'fetch',
    'AbortController',
    'TextEncoder',
    'TextDecoder',
    'structuredClone',
  ].map((g) => [g, 'readonly']),
);

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/',
      '**/dist/',
      '**/.next/',
      '**/.next-e2e/',
      'coverage/',
      'test-output/',
      'bench/results/',
      // Recorded real-bench transcripts (data).
      'tools/bench-simulator/fixtures/',
      // Generated: openapi-typescript's output and Next.js's type stub.
      'libs/api-client/src/schema.ts',
      'web/next-env.d.ts',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // A leading underscore is how this tree says "unused on purpose": a callback's ignored
      // parameter, a tuple slot, or a property dropped with `const { secret: _s, ...rest } = x`
      // (the commonest: taking a secret out of an object before it is logged or stored).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      // tsc's noFallthroughCasesInSwitch (tsconfig.base.json) checks this with types: it knows that
      // Next's notFound()/redirect() return `never`, which the untyped core rule cannot.
      'no-fallthrough': 'off',
    },
  },
  {
    // Tests and their support read untyped JSON answers (HTTP bodies, log lines, OpenAPI
    // documents) and poke at them; typing each would add casts, not safety. Shipped code keeps
    // the rule.
    files: ['**/*.spec.ts', '**/*.spec.tsx', '**/test-support/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: nodeGlobals },
  },
);
