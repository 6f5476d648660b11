import type { NextConfig } from 'next';

/** Where `next dev` finds the functions: the ports of the local stack. */
const DEV_ROUTES = [
  { source: '/api/todo/:path*', destination: 'http://localhost:8081/:path*' },
  { source: '/api/chat/:path*', destination: 'http://localhost:8083/:path*' },
  { source: '/mcp', destination: 'http://localhost:8082/mcp' },
];

const nextConfig: NextConfig = {
  // a static site in out/: nginx (or the local gateway) serves it and proxies /api and /mcp
  output: 'export',
  // rewrites do not exist in a static export; only the dev server proxies with them
  ...(process.env.NODE_ENV === 'development' && { rewrites: async () => DEV_ROUTES }),
};

export default nextConfig;
