import type { NextConfig } from 'next';

/** Where `next dev` finds the functions: the ports of the local stack. */
export const DEV_FUNCTIONS = {
  todo: 'http://localhost:8081',
  mcp: 'http://localhost:8082',
  chat: 'http://localhost:8083',
};

/**
 * The gateway's function routes for the dev server, as nginx/default.conf.template routes
 * them in the image (src/devRoutes.test.ts compares the two).
 */
export const DEV_ROUTES = [
  { source: '/api/todo/:path*', destination: `${DEV_FUNCTIONS.todo}/:path*` },
  { source: '/api/chat/:path*', destination: `${DEV_FUNCTIONS.chat}/:path*` },
  { source: '/mcp', destination: `${DEV_FUNCTIONS.mcp}/mcp` },
];

const nextConfig: NextConfig = {
  // a static site in out/: nginx (or the local gateway) serves it and proxies /api and /mcp
  output: 'export',
  // rewrites do not exist in a static export; only the dev server proxies with them
  ...(process.env.NODE_ENV === 'development' && { rewrites: async () => DEV_ROUTES }),
};

export default nextConfig;
