// Raw TCP / TLS exchanges with a running browser shell, and a real `serve` process to aim them at.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tls from 'node:tls';

const ROOT = path.resolve(__dirname, '..', '..');
const REGISTER = path.join(ROOT, 'test', 'host', 'fixtures', 'ts-register.cjs');
const SERVE = path.join(ROOT, 'electron', 'host', 'web', 'serve.ts');

export interface Exchange {
  /** Everything the server sent before it closed (latin1). */
  response: string;
  /** False: the server neither closed nor finished within the time limit. */
  closed: boolean;
  ms: number;
}

/** Connects, writes `bytes`, half-closes, and reads until the server closes (or `timeoutMs`). A server
 * drops a response it had not sent yet when the client half-closes first (Node's default); `keepOpen` waits
 * for the response head before half-closing — for requests whose answer matters — or at most
 * `halfCloseAfterMs`. */
export function exchange(
  port: number,
  bytes: Buffer,
  options: { tls?: boolean; timeoutMs?: number; keepOpen?: boolean; halfCloseAfterMs?: number } = {},
): Promise<Exchange> {
  const started = Date.now();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket: net.Socket = options.tls
      ? tls.connect({ host: '127.0.0.1', port, rejectUnauthorized: false, servername: '' })
      : net.connect({ host: '127.0.0.1', port });
    let done = false;
    const finish = (closed: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ response: Buffer.concat(chunks).toString('latin1'), closed, ms: Date.now() - started });
    };
    const timer = setTimeout(() => finish(false), options.timeoutMs ?? 5000);
    socket.on(options.tls ? 'secureConnect' : 'connect', () => {
      socket.write(bytes);
      if (!options.keepOpen) socket.end();
      else if (options.halfCloseAfterMs !== undefined)
        setTimeout(() => socket.end(), options.halfCloseAfterMs).unref();
    });
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      // keepOpen: half-close once a response head is in (the server then finishes and closes).
      if (options.keepOpen && Buffer.concat(chunks).includes('\r\n\r\n')) socket.end();
    });
    socket.on('error', () => finish(true));
    socket.on('close', () => finish(true));
  });
}

/** The status code of the first response line, or undefined when nothing HTTP-like came back. */
export function statusOf(response: string): number | undefined {
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(response);
  return match ? Number(match[1]) : undefined;
}

export interface ServeProcess {
  child: ChildProcess;
  url: URL;
  port: number;
  stderr: () => string;
  alive: () => boolean;
  stop: () => Promise<void>;
}

/** A self-signed EC certificate for 127.0.0.1 (fast handshakes). */
export function makeCertificate(dir: string): { cert: string; key: string } {
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  return { cert, key };
}

/** `serve` as a user runs it (TypeScript sources through the test register), on the simulator, with its
 * own LUN_STUDIO_HOME and a stand-in renderer build. Resolves once it printed its URL. */
export async function startServe(
  args: string[],
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<ServeProcess> {
  const child = spawn(process.execPath, ['-r', REGISTER, SERVE, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const line = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve printed no URL:\n${stderr}`)), timeoutMs);
    const check = () => {
      const first = stdout.split('\n')[0]!;
      if (stdout.includes('\n')) {
        clearTimeout(timer);
        resolve(first.trim());
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited ${code} before printing its URL:\n${stderr}`));
    });
  });
  const url = new URL(line);
  return {
    child,
    url,
    port: Number(url.port),
    stderr: () => stderr,
    alive: () => child.exitCode === null && child.signalCode === null,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** A temp LUN_STUDIO_HOME with a small simulator topology and a stand-in renderer build (index.html, one
 * asset, a secret next to the root and a symlink inside it pointing at that secret). */
/** `subsystems` (default 1) arrays of `drives` (default 2) drives each. */
export function makeServeHome(options: { drives?: number; subsystems?: number } = {}): {
  dir: string;
  env: Record<string, string>;
  args: string[];
  cleanup: () => void;
} {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lun-raw-'));
  const renderer = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  fs.writeFileSync(
    path.join(renderer, 'index.html'),
    '<!doctype html><title>LUN Studio</title><script src="/assets/app.js"></script>',
  );
  fs.writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log("app");');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'top secret');
  fs.symlinkSync(path.join(dir, 'secret.txt'), path.join(renderer, 'assets', 'link-out.txt'));
  const topology = path.join(dir, 'topology.json');
  fs.writeFileSync(
    topology,
    JSON.stringify({
      subsystems: Array.from({ length: options.subsystems ?? 1 }, (_, i) => ({
        name: i === 0 ? 'Raw Array' : `Raw Array ${i + 1}`,
        supportedTypes: ['simple', 'stripe'],
        stripeSizes: [65536],
        initRateBytesPerSec: 4 * 1024 ** 3,
        drives: Array.from({ length: options.drives ?? 2 }, (_, slot) => ({
          name: `Bay ${String(slot).padStart(2, '0')}`,
          sizeBytes: 64 * 1024 ** 3,
          bus: Math.floor(slot / 256),
          slot: slot % 256,
          status: 'online',
          health: 'healthy',
          hotSpare: false,
        })),
        faults: [],
      })),
    }),
  );
  return {
    dir,
    env: { LUN_STUDIO_HOME: path.join(dir, 'home'), LUN_STUDIO_RENDERER_DIR: renderer },
    args: [
      '--sim-topology',
      topology,
      '--sim-state',
      path.join(dir, 'sim-state.json'),
      '--journal',
      path.join(dir, 'journal.ndjson'),
    ],
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
