// Serves a built app on 127.0.0.1 for the end-to-end tests and benchmarks: a single-page-app fallback to
// index.html, files read on every request (so a test can swap a file to simulate a new release), no caching headers
// that would hide a service-worker update.
import { createServer } from 'node:http';
import sirv from 'sirv';

/**
 * @param {{ root: string, mounts?: Record<string, string> }} options
 *   root: the folder served at /; mounts: URL prefix (e.g. "/bench") to another folder.
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startStaticServer({ root, mounts = {} }) {
  const app = sirv(root, { dev: true, single: true, etag: false });
  const mounted = Object.entries(mounts).map(([prefix, dir]) => ({ prefix, serve: sirv(dir, { dev: true, etag: false }) }));
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    for (const { prefix, serve } of mounted) {
      if (url === prefix || url.startsWith(`${prefix}/`)) {
        req.url = url.slice(prefix.length) || '/';
        serve(req, res, () => notFound(res));
        return;
      }
    }
    app(req, res, () => notFound(res));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(undefined));
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('static server has no TCP address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** @param {import('node:http').ServerResponse} res */
function notFound(res) {
  res.statusCode = 404;
  res.end('Not found');
}
