// The browser shell never dies from input. A real `serve` process (plain HTTP, then TLS) gets thousands of
// generated raw requests — request lines, targets, versions, headers (duplicate, oversize, folded, binary),
// bodies and encodings, torn at any byte — each on its own connection. Every one must be answered or
// closed within 5 s, and after each one the same process answers a normal request for the app.
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  exchange,
  makeCertificate,
  makeServeHome,
  startServe,
  statusOf,
  type ServeProcess,
} from './raw-client';

const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const PLAIN_RUNS = Number(process.env.RAW_HTTP_RUNS ?? 4200);
const TLS_RUNS = Number(process.env.RAW_HTTP_TLS_RUNS ?? 1000);
const FRAME_RUNS = Number(process.env.RAW_WS_RUNS ?? 600);
const FRAME_TLS_RUNS = Number(process.env.RAW_WS_TLS_RUNS ?? 200);
/** Connections in flight at once (each lane: one generated request, then one normal request). */
const LANES = 4;

interface Target {
  port: number;
  host: string;
  tls: boolean;
  /** The access token (the page offers it as a WebSocket subprotocol). */
  token: string;
}

// Placeholders filled in per server: {HOST} the right Host value, {ORIGIN} the right Origin.
// {TOKEN}: the access token, as the page offers it in the handshake.
const EOL = fc.oneof({ weight: 6, arbitrary: fc.constant('\r\n') }, fc.constantFrom('\n', '\r', ''));
const method = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom('GET', 'GET', 'GET', 'HEAD', 'POST', 'PUT', 'OPTIONS') },
  fc.constantFrom('DELETE', 'TRACE', 'CONNECT', 'PATCH', 'PRI', 'get', 'G ET', '', 'GET GET', '\0GET'),
  fc.stringMatching(/^[A-Z]{1,12}$/),
  fc.string({ unit: 'binary-ascii', maxLength: 12 }),
);
const target = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      '//[',
      '//[',
      '/[',
      '//',
      '/',
      '/api',
      '/api?x=1',
      '/%',
      '/%E0%A4%A',
      '/%00',
      '/%2e%2e/secret.txt',
      '/..%2f..%2fsecret.txt',
      '/assets/../../secret.txt',
      '/assets/link-out.txt',
      '/index.html',
      '/assets/app.js',
      '/?token=',
      '/?token=%',
      '/?%',
      '/#frag',
      '*',
      'http://[::1',
      'http://127.0.0.1/',
      '//evil.example/x',
      'ws://[',
      '/\u00e9\u{1F600}',
      '/' + 'a'.repeat(9000),
      '/?' + 'q=1&'.repeat(3000),
    ),
  },
  { weight: 3, arbitrary: fc.webPath() },
  fc.webUrl(),
  fc.string({ unit: 'binary-ascii', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }).map((s) => `/${s}`),
);
const version = fc.oneof(
  { weight: 8, arbitrary: fc.constant('HTTP/1.1') },
  fc.constantFrom('HTTP/1.0', 'HTTP/2.0', 'HTTP/0.9', 'HTTP/9.9', 'http/1.1', 'HTTP/1.1 x', ''),
);
const header = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      'Accept: text/html',
      'Connection: keep-alive',
      'Connection: close',
      'Origin: {ORIGIN}',
      'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    ),
  },
  fc.constantFrom(
    'Host: {HOST}\r\nHost: {HOST}',
    'Host: {HOST}\r\nHost: evil.example',
    'Host: evil.example',
    'Host: localhost',
    'Host: [',
    'Host: ',
    'Host:{HOST}',
    ' Host: {HOST}',
    'Origin: {ORIGIN}',
    'Origin: http://evil.example',
    'Origin: null',
    'Origin: [',
    'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    'Upgrade: websocket\r\nConnection: Upgrade',
    'Upgrade: h2c\r\nConnection: Upgrade, HTTP2-Settings',
    'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 8\r\nSec-WebSocket-Key: short',
    'Sec-WebSocket-Protocol: lun-studio.v1, lun-studio.token.forged',
    'Sec-WebSocket-Protocol: ,,,',
    'Cookie: lun_studio_session_1=x',
    'Cookie: lun_studio_session_1={TOKEN}',
    'Sec-WebSocket-Protocol: lun-studio.v1, lun-studio.token.{TOKEN}',
    'Sec-WebSocket-Protocol: lun-studio.token.{TOKEN}',
    'Cookie: ;;=;',
    'Content-Length: 5',
    'Content-Length: 100000',
    'Content-Length: -1',
    'Content-Length: 5\r\nContent-Length: 6',
    'Content-Length: 1e3',
    'Transfer-Encoding: chunked',
    'Transfer-Encoding: chunked\r\nContent-Length: 3',
    'Transfer-Encoding: gzip, chunked',
    'Transfer-Encoding: identity',
    'Connection: keep-alive',
    'Connection: close',
    'Expect: 100-continue',
    'Accept-Encoding: gzip, br, *;q=0',
    'X-Folded: a\r\n b',
    'NoColonHere',
    ': empty-name',
    'Bad Name: x',
    'X-Nul: a\0b',
    'X-Big: ' + 'x'.repeat(20_000),
    'X-Many: 1\r\n'.repeat(300) + 'X-Last: 1',
  ),
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.stringMatching(/^[A-Za-z-]{1,20}$/), fc.string({ unit: 'grapheme-ascii', maxLength: 40 }))
      .map(([name, value]) => `${name}: ${value}`),
  },
  fc
    .tuple(fc.stringMatching(/^[A-Za-z-]{1,20}$/), fc.string({ unit: 'binary-ascii', maxLength: 40 }))
    .map(([name, value]) => `${name}: ${value}`),
);
const body = fc.oneof(
  fc.constant(''),
  fc.constantFrom('5\r\nhello\r\n0\r\n\r\n', 'zz\r\n', '0\r\n\r\n', 'ffffffffffffffff\r\nx'),
  fc.string({ unit: 'binary-ascii', maxLength: 64 }),
);
const structured = fc
  .record({
    method,
    target,
    version,
    host: fc.oneof({ weight: 4, arbitrary: fc.constant(['Host: {HOST}']) }, fc.constant([])),
    token: fc.oneof(
      fc.constant(['Sec-WebSocket-Protocol: lun-studio.v1, lun-studio.token.{TOKEN}']),
      fc.constant([]),
    ),
    headers: fc.array(header, { maxLength: 4 }),
    eol: EOL,
    body,
    cut: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, fc.nat()),
  })
  .map(({ method, target, version, host, token, headers, eol, body, cut }) => {
    const lines = [...host, ...token, ...headers].map((h) => h + eol).join('');
    const text = `${method} ${target} ${version}${eol}${lines}${eol}${body}`;
    return { text, cut };
  });
const request = fc.oneof(
  { weight: 9, arbitrary: structured },
  fc
    .uint8Array({ maxLength: 200 })
    .map((bytes) => ({ text: Buffer.from(bytes).toString('latin1'), cut: null })),
);

function bytesFor(t: Target, generated: { text: string; cut: number | null }): Buffer {
  const origin = `${t.tls ? 'https' : 'http'}://${t.host}`;
  const text = generated.text
    .replaceAll('{HOST}', t.host)
    .replaceAll('{ORIGIN}', origin)
    .replaceAll('{TOKEN}', t.token);
  const bytes = Buffer.from(text, 'utf8');
  return generated.cut === null ? bytes : bytes.subarray(0, generated.cut % (bytes.length + 1));
}

function normalRequest(t: Target): Buffer {
  return Buffer.from(`GET / HTTP/1.1\r\nHost: ${t.host}\r\nConnection: close\r\n\r\n`);
}

interface Tally {
  requests: number;
  byStatus: Map<string, number>;
  slowestMs: number;
}

/** Runs the requests through `LANES` lanes; each is followed by a normal request. `whole`: the request is
 * complete, so its answer is awaited (up to 100 ms, then half-close); a torn one half-closes at once. */
async function hammer(
  serve: ServeProcess,
  t: Target,
  requests: readonly { bytes: Buffer; whole: boolean }[],
): Promise<Tally> {
  const tally: Tally = { requests: 0, byStatus: new Map(), slowestMs: 0 };
  let next = 0;
  const lane = async () => {
    while (next < requests.length) {
      const { bytes, whole } = requests[next++]!;
      const got = await exchange(t.port, bytes, { tls: t.tls, keepOpen: whole, halfCloseAfterMs: 100 });
      const what = JSON.stringify(bytes.toString('latin1').slice(0, 300));
      expect(got.closed, `no answer and no close within 5 s for ${what}`).toBe(true);
      expect(serve.alive(), `serve died after ${what}\n${serve.stderr()}`).toBe(true);
      const after = await exchange(t.port, normalRequest(t), { tls: t.tls, keepOpen: true });
      expect(statusOf(after.response), `normal request after ${what}`).toBe(200);
      expect(after.response).toContain('<title>LUN Studio</title>');
      const key = String(statusOf(got.response) ?? (got.response === '' ? 'closed' : 'non-HTTP'));
      tally.byStatus.set(key, (tally.byStatus.get(key) ?? 0) + 1);
      tally.slowestMs = Math.max(tally.slowestMs, got.ms);
      tally.requests += 1;
    }
  };
  await Promise.all(Array.from({ length: LANES }, lane));
  return tally;
}

/** WebSocket frames as a client could send them after a good handshake: well-formed and not (any opcode,
 * reserved bits, unmasked, lengths that lie, oversize, fragments, control frames too long, bad UTF-8). */
const frame = fc
  .record({
    fin: fc.boolean(),
    rsv: fc.oneof({ weight: 5, arbitrary: fc.constant(0) }, fc.integer({ min: 1, max: 7 })),
    opcode: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(1, 1, 1, 2, 8, 9, 10, 0) },
      fc.integer({ min: 0, max: 15 }),
    ),
    masked: fc.oneof({ weight: 6, arbitrary: fc.constant(true) }, fc.constant(false)),
    payload: fc.oneof(
      fc.constantFrom(
        '{"id":"1","method":"listOperations"}',
        '{"id":"2","method":"getInventory","params":{"refresh":true}}',
        '{"id":"3","method":"createLuns","params":{"request":{"subsystemId":"x","type":"simple","sizeBytes":-1},"count":1e9}}',
        '{"id":null}',
        '[]',
        '{',
      ),
      fc.json(),
      fc.string({ unit: 'binary', maxLength: 200 }),
    ),
    lie: fc.oneof({ weight: 6, arbitrary: fc.constant(null) }, fc.constantFrom(126, 127, 0, 5)),
  })
  .map(({ fin, rsv, opcode, masked, payload, lie }) => {
    const body = Buffer.from(payload, 'utf8');
    const head: number[] = [(fin ? 0x80 : 0) | (rsv << 4) | opcode];
    const len = lie ?? body.length;
    if (lie === 127) head.push((masked ? 0x80 : 0) | 127, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff);
    else if (len >= 126) head.push((masked ? 0x80 : 0) | 126, (len >> 8) & 0xff, len & 0xff);
    else head.push((masked ? 0x80 : 0) | len);
    if (!masked) return Buffer.concat([Buffer.from(head), body]);
    const key = [0x12, 0x34, 0x56, 0x78];
    return Buffer.concat([Buffer.from([...head, ...key]), body.map((b, i) => b ^ key[i % 4]!)]);
  });
const frames = fc.oneof(
  { weight: 5, arbitrary: fc.array(frame, { minLength: 1, maxLength: 6 }).map((f) => Buffer.concat(f)) },
  fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
);

/** A good, signed-in handshake for the API (the page's). */
function handshake(t: Target): Buffer {
  return Buffer.from(
    `GET /api HTTP/1.1\r\nHost: ${t.host}\r\nOrigin: ${t.tls ? 'https' : 'http'}://${t.host}\r\n` +
      'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n' +
      `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Protocol: lun-studio.v1, lun-studio.token.${t.token}\r\n\r\n`,
  );
}

function report(name: string, tally: Tally): void {
  const statuses = [...tally.byStatus.entries()]
    .sort()
    .map(([k, v]) => `${k}×${v}`)
    .join(' ');
  console.log(
    `[raw-http] ${name}: ${tally.requests} requests (seed ${SEED}), answers ${statuses}, slowest ${tally.slowestMs} ms`,
  );
}

/** The exact requests of the report: each must get its status and leave the host serving. */
const KNOWN: { name: string; text: string; status: number }[] = [
  { name: 'GET //[', text: 'GET //[ HTTP/1.1\r\nHost: {HOST}\r\n\r\n', status: 400 },
  {
    name: 'GET //[ with Upgrade',
    text:
      'GET //[ HTTP/1.1\r\nHost: {HOST}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
      'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
    status: 400,
  },
  {
    name: 'GET //[ with a wrong Host',
    text: 'GET //[ HTTP/1.1\r\nHost: evil.example\r\n\r\n',
    status: 403,
  },
  { name: 'two Host headers', text: 'GET / HTTP/1.1\r\nHost: {HOST}\r\nHost: {HOST}\r\n\r\n', status: 400 },
  {
    name: 'two Host headers, the second foreign',
    text: 'GET / HTTP/1.1\r\nHost: {HOST}\r\nHost: evil.example\r\n\r\n',
    status: 400,
  },
  {
    name: 'two Host headers on an upgrade',
    text:
      'GET /api HTTP/1.1\r\nHost: {HOST}\r\nHost: {HOST}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
      'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
    status: 400,
  },
  {
    name: 'a symlink out of the served folder',
    text: 'GET /assets/link-out.txt HTTP/1.1\r\nHost: {HOST}\r\n\r\n',
    status: 404,
  },
  { name: 'no Host at all', text: 'GET / HTTP/1.1\r\n\r\n', status: 400 },
  {
    name: 'an oversize header',
    text: `GET / HTTP/1.1\r\nHost: {HOST}\r\nX-Big: ${'x'.repeat(20_000)}\r\n\r\n`,
    status: 431,
  },
  { name: 'a request line of garbage', text: '\u0001\u0002\u0003 / HTTP/1.1\r\n\r\n', status: 400 },
];

for (const secure of [false, true]) {
  describe(`raw requests over ${secure ? 'TLS' : 'plain TCP'}`, () => {
    const home = makeServeHome();
    let serve: ServeProcess;
    let t: Target;

    beforeAll(async () => {
      const args = ['--port', '0', ...home.args];
      if (secure) {
        const { cert, key } = makeCertificate(home.dir);
        args.push('--tls-cert', cert, '--tls-key', key);
      }
      serve = await startServe(args, home.env);
      expect(serve.url.protocol).toBe(secure ? 'https:' : 'http:');
      const token = serve.url.hash.slice('#token='.length);
      t = { port: serve.port, host: serve.url.host, tls: secure, token };
    });
    afterAll(async () => {
      await serve?.stop();
      home.cleanup();
    });

    it.each(KNOWN)('$name → $status, and the host serves the next request', async (known) => {
      const got = await exchange(t.port, bytesFor(t, { text: known.text, cut: null }), {
        tls: secure,
        keepOpen: true,
      });
      expect(statusOf(got.response)).toBe(known.status);
      expect(serve.alive()).toBe(true);
      const after = await exchange(t.port, normalRequest(t), { tls: secure, keepOpen: true });
      expect(statusOf(after.response)).toBe(200);
    });

    it('answers a file it cannot read with 500 and lives on', async () => {
      // Larger than fs.readFile can hold: a real read error on a file that exists (sparse, no disk used).
      const big = path.join(home.env.LUN_STUDIO_RENDERER_DIR!, 'assets', 'huge.js');
      fs.closeSync(fs.openSync(big, 'w'));
      fs.truncateSync(big, 3 * 1024 ** 3);
      try {
        const got = await exchange(
          t.port,
          Buffer.from(`GET /assets/huge.js HTTP/1.1\r\nHost: ${t.host}\r\n\r\n`),
          { tls: secure, keepOpen: true },
        );
        expect(statusOf(got.response)).toBe(500);
        expect(serve.alive()).toBe(true);
        expect(
          statusOf((await exchange(t.port, normalRequest(t), { tls: secure, keepOpen: true })).response),
        ).toBe(200);
      } finally {
        fs.rmSync(big);
      }
    });

    it(`survives ${secure ? TLS_RUNS : PLAIN_RUNS} generated requests, each answered or closed, the app served after each`, async () => {
      const runs = secure ? TLS_RUNS : PLAIN_RUNS;
      const samples = fc.sample(request, { numRuns: runs, seed: SEED + (secure ? 1 : 0) });
      const tally = await hammer(
        serve,
        t,
        samples.map((sample) => ({ bytes: bytesFor(t, sample), whole: sample.cut === null })),
      );
      report(secure ? 'TLS' : 'plain', tally);
      expect(tally.requests).toBe(runs);
      expect(serve.alive()).toBe(true);
    }, 120_000);

    it(`survives ${secure ? FRAME_TLS_RUNS : FRAME_RUNS} signed-in WebSockets sending any frames, the app served after each`, async () => {
      const runs = secure ? FRAME_TLS_RUNS : FRAME_RUNS;
      const samples = fc.sample(frames, { numRuns: runs, seed: SEED + (secure ? 3 : 2) });
      const tally = await hammer(
        serve,
        t,
        samples.map((bytes) => ({ bytes: Buffer.concat([handshake(t), bytes]), whole: true })),
      );
      report(secure ? 'TLS WebSocket frames' : 'WebSocket frames', tally);
      expect(tally.requests).toBe(runs);
      // Every handshake was good: the frames reached the API connection.
      expect(tally.byStatus.get('101')).toBe(runs);
    }, 120_000);
  });
}
