import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // The read model's store drivers are native or heavy Node modules: load them at run time
  // from node_modules rather than bundling them.
  serverExternalPackages: ['@tlc/tenant-lookup', '@tlc/event-store', 'better-sqlite3', 'pg', 'mongodb'],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
