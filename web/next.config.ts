import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // The e2e harness builds into its own folder so a teammate's `next build` or `npm start` in
  // the same checkout never collides with it (Next refuses two builds of one distDir).
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // The read model's store drivers are native or heavy Node modules: load them at run time
  // from node_modules rather than bundling them.
  serverExternalPackages: ['@tlc/tenant-lookup', '@tlc/event-store', 'better-sqlite3', 'pg', 'mongodb'],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
