import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEV_FUNCTIONS, DEV_ROUTES } from '../next.config';

/** A location of the image's nginx that proxies to a function. */
interface NginxRoute {
  location: string;
  exact: boolean;
  function: string;
  rewrite?: { pattern: RegExp; replacement: string };
}

/** Reads the proxied locations as devstack's gateway (WebServerConfig) reads them. */
function nginxRoutes(): NginxRoute[] {
  const template = readFileSync(new URL('../nginx/default.conf.template', import.meta.url), 'utf8');
  const routes: NginxRoute[] = [];
  for (const [, exact, location, body] of template.matchAll(/^\s*location\s+(=\s*)?(\S+)\s*\{([^}]*)}/gm)) {
    const proxy = /proxy_pass\s+\$(\w+)_url;/.exec(body);
    if (!proxy) continue;
    const rewrite = /rewrite\s+(\S+)\s+(\S+)\s+break;/.exec(body);
    routes.push({
      location,
      exact: exact !== undefined,
      function: proxy[1],
      // nginx's $1 is JavaScript's $1 too
      rewrite: rewrite ? { pattern: new RegExp(rewrite[1]), replacement: rewrite[2] } : undefined,
    });
  }
  return routes;
}

/** Where nginx sends a path: the function and the path it sees, or nothing. */
function viaNginx(routes: NginxRoute[], path: string): string | undefined {
  const route = routes.find((r) => (r.exact ? path === r.location : path.startsWith(r.location)));
  if (!route) return undefined;
  return `${route.function} ${route.rewrite ? path.replace(route.rewrite.pattern, route.rewrite.replacement) : path}`;
}

/** Where the dev server sends a path, by Next.js's `:path*` rewrite rules. */
function viaDevServer(path: string): string | undefined {
  for (const { source, destination } of DEV_ROUTES) {
    const pattern = new RegExp(`^${source.replace('/:path*', '(?:/(.*))?')}$`);
    const match = pattern.exec(path);
    if (!match) continue;
    const url = new URL(destination.replace(':path*', match[1] ?? ''));
    const fn = Object.entries(DEV_FUNCTIONS).find(([, base]) => new URL(base).origin === url.origin)?.[0];
    return `${fn} ${url.pathname}`;
  }
  return undefined;
}

describe('the dev server routes as the image gateway does', () => {
  const routes = nginxRoutes();

  it('finds the functions in the nginx template', () => {
    expect(routes.map((r) => r.function).sort()).toEqual(Object.keys(DEV_FUNCTIONS).sort());
  });

  it('sends each proxied location to the same function and path', () => {
    for (const route of routes) {
      const paths = route.exact ? [route.location] : [`${route.location}listTasks`, `${route.location}a/b`];
      for (const path of paths) {
        expect(viaDevServer(path), path).toBe(viaNginx(routes, path));
      }
    }
  });

  it('proxies nothing that nginx serves itself', () => {
    for (const path of ['/', '/tasks', '/healthz', '/mcp/extra', '/api/other/x', '/_next/static/a.js']) {
      expect(viaNginx(routes, path), path).toBeUndefined();
      expect(viaDevServer(path), path).toBeUndefined();
    }
  });

  it('has no dev route the template lacks', () => {
    expect(DEV_ROUTES).toHaveLength(routes.length);
  });
});
