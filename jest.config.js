// Jest in native ESM mode (run through `node --experimental-vm-modules`), TypeScript via SWC
// with legacy decorators and metadata so NestJS DI works exactly as it does in the build.
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      keepClassNames: true,
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

const workspaces = {
  '^@tlc/api-client$': '<rootDir>/libs/api-client/src/index.ts',
  '^@tlc/tenant-events$': '<rootDir>/libs/tenant-events/src/index.ts',
  '^@tlc/tenant-events/subdomain$': '<rootDir>/libs/tenant-events/src/subdomain.ts',
  '^@tlc/tenant-events/lifecycle$': '<rootDir>/libs/tenant-events/src/lifecycle.ts',
  '^@tlc/event-store$': '<rootDir>/libs/event-store/src/index.ts',
  '^@tlc/event-store/testing$': '<rootDir>/libs/event-store/src/testing/index.ts',
  '^@tlc/tenant-lookup$': '<rootDir>/projections/tenant-lookup/src/index.ts',
  '^@tlc/bench-simulator$': '<rootDir>/tools/bench-simulator/src/index.ts',
  '^@tlc/provisioning$': '<rootDir>/services/provisioning/src/index.ts',
  '^@tlc/mail-catcher$': '<rootDir>/tools/mail-catcher/src/index.ts',
};

const base = {
  rootDir: '.',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: { ...workspaces, '^(\\.{1,2}/.*)\\.js$': '$1' },
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/web/.next/'],
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/'],
};

export default {
  // A project-level testTimeout is ignored by Jest; int and e2e tests start real processes.
  testTimeout: 180000,
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/**/src/**/*.unit.spec.ts'] },
    { ...base, displayName: 'int', testMatch: ['<rootDir>/**/src/**/*.int.spec.ts'] },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/**/*.e2e.spec.ts'] },
    // Opt-in: against a real frappe-bench (FRAPPE_BENCH_PATH), never in `npm test`.
    { ...base, displayName: 'frappe', testMatch: ['<rootDir>/**/src/**/*.frappe.spec.ts'] },
  ],
};
