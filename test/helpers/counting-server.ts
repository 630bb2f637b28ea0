import { createServer, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** A 1 × 1 PNG, the answer to every request for a picture. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** A web server on 127.0.0.1 that counts what is asked of it; paths under `/hang` are never answered. */
export interface CountingServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Every path requested, in order. */
  hits: string[];
  close(): Promise<void>;
}

export async function startCountingServer(): Promise<CountingServer> {
  const hits: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((request, response: ServerResponse) => {
    const path = request.url ?? '/';
    hits.push(path);
    if (path.startsWith('/hang')) return;
    if (path.endsWith('.css')) {
      response.writeHead(200, { 'content-type': 'text/css' }).end('section { outline: 1px solid red; }');
      return;
    }
    response.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    hits,
    close: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}

/**
 * A deck naming `origin` in each way a deck can ask a page for a web resource: a global
 * `style` directive (line 5), `@import` in `<style>` (line 9), a picture (line 14) and a
 * `_backgroundImage` directive (line 18, slide 2).
 */
export function remoteDeck(origin: string, picture = 'picture.png'): string {
  return `---
marp: true
theme: improvement-service
style: |
  section { background-image: url("${origin}/style-directive.png"); }
---

<style>
@import url("${origin}/import.css");
</style>

## One

![Remote](${origin}/${picture})

---

<!-- _backgroundImage: url('${origin}/background.png') -->

## Two

Text.
`;
}
