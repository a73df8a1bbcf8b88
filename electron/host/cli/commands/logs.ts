// logs: prints lun-studio.log (or, with --audit, audit.log) from the per-user log folder; --follow keeps
// printing what is appended until Ctrl-C. Opens no provider.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { userPaths } from '../../../contract/user-paths';
import { AUDIT_FILE, LOG_FILE } from '../../log/host-log';
import { EXIT, type ExitCode } from '../cli-error';
import type { CliIo } from '../cli-io';

function printFrom(file: string, offset: number, io: CliIo): number {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    return 0;
  }
  if (size < offset) offset = 0; // rotated: the new file from its start
  if (size === offset) return offset;
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(size - offset);
    fs.readSync(fd, buffer, 0, buffer.length, offset);
    io.stdout.write(buffer.toString('utf8'));
  } finally {
    fs.closeSync(fd);
  }
  return size;
}

export async function logsCommand(
  io: CliIo,
  options: { audit: boolean; follow: boolean; pollMs?: number },
): Promise<ExitCode> {
  const file = path.join(userPaths(io.env).logDir, options.audit ? AUDIT_FILE : LOG_FILE);
  const empty = !fs.existsSync(file) || fs.statSync(file).size === 0;
  if (empty && !options.follow) {
    io.stderr.write(`No ${options.audit ? 'audit trail' : 'log'} yet: ${file} is empty or missing.\n`);
    return EXIT.ok;
  }
  let offset = printFrom(file, 0, io);
  if (!options.follow) return EXIT.ok;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => (offset = printFrom(file, offset, io)), options.pollMs ?? 250);
    const unsubscribe = io.onInterrupt(() => {
      clearInterval(timer);
      unsubscribe();
      resolve();
    });
  });
  return EXIT.ok;
}
