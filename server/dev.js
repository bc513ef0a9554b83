#!/usr/bin/env node
// The dev server behind `npm start`: the dashboard and SDK as static files on 127.0.0.1.
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { staticFiles } from './static.js';

const webRoot = fileURLToPath(new URL('../web/', import.meta.url));

export function createDevServer({ handlers = [] } = {}) {
  const serveWeb = staticFiles(webRoot, '/');
  return createServer(async (req, res) => {
    try {
      for (const h of handlers) if (await h(req, res)) return;
      if (req.url === '/' ) {
        res.writeHead(302, { location: '/app/' });
        return res.end();
      }
      if (serveWeb(req, res)) return;
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    } catch (err) {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('internal error');
      console.error('dev server:', err.message);
    }
  });
}

export function listen(server, port, host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server.address()));
  });
}

async function main() {
  const port = Number(process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT must be a port number, got "${process.env.PORT}"`);
    process.exit(1);
  }
  const server = createDevServer();
  try {
    const addr = await listen(server, port);
    console.log(`trypost dashboard: http://127.0.0.1:${addr.port}/app/`);
  } catch (err) {
    if (err.code === 'EADDRINUSE') console.error(`port ${port} is already in use; set PORT to another one`);
    else console.error(`cannot listen on port ${port}: ${err.message}`);
    process.exit(1);
  }
  const stop = () => {
    console.log('stopping');
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
