import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { Hono } from 'hono';

export const fieldApps = ['crewlink', 'mdt', 'portal', 'console'] as const;
export type FieldAppId = (typeof fieldApps)[number];

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.webmanifest': 'application/manifest+json',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.txt': 'text/plain',
  '.wasm': 'application/wasm', '.map': 'application/json',
};

async function readIfFile(path: string): Promise<Buffer | undefined> {
  try {
    if (!(await stat(path)).isFile()) return undefined;
    return await readFile(path);
  } catch {
    return undefined;
  }
}

/**
 * Serves each built app at `/<app>/`: hashed assets cached for a year, the service worker and
 * HTML never cached (so an update is seen), and unknown paths fall back to the app's index.html.
 */
export function appRoutes(appsDir: string) {
  const app = new Hono();
  app.get('/', (c) => c.html(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Field suite</title></head><body><h1>Field suite</h1><ul>${
      fieldApps.map((a) => `<li><a href="/${a}/">${a}</a></li>`).join('')}</ul></body></html>`,
  ));
  for (const id of fieldApps) {
    const root = join(appsDir, id, 'dist');
    app.get(`/${id}`, (c) => c.redirect(`/${id}/`, 301));
    app.get(`/${id}/*`, async (c) => {
      let rel: string;
      try {
        rel = decodeURIComponent(c.req.path.slice(id.length + 2));
      } catch {
        return c.json({ error: { code: 'bad_request', message: 'malformed path' } }, 400);
      }
      const safe = normalize(`/${rel}`).slice(1);
      let file = safe === '' ? 'index.html' : safe;
      let body = await readIfFile(join(root, file));
      if (!body && !extname(file)) {
        file = 'index.html';
        body = await readIfFile(join(root, file));
      }
      if (!body) {
        return c.json({ error: { code: 'not_found', message: `no such file in ${id}: ${safe}` } }, 404);
      }
      const type = contentTypes[extname(file)] ?? 'application/octet-stream';
      const immutable = file.startsWith('assets/');
      c.header('Content-Type', type);
      c.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      if (file === 'sw.js') c.header('Service-Worker-Allowed', `/${id}/`);
      return c.body(new Uint8Array(body));
    });
  }
  return app;
}
