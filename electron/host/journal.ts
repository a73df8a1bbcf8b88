// The operation journal: append-only JSON lines, one whole Operation per line, written at every state
// change (queued, running, final) and fsync'ed each time. Progress ticks are NOT journaled (they would
// cost an fsync several times a second per operation and a restart does not need them).
// Read back at start: the last line of each operation wins; operations without a final state were cut
// off by a crash or kill and become `interrupted`. A torn or corrupt last line is dropped (the file is
// truncated to the last complete line); a corrupt line in the middle is skipped and counted.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FINAL_OPERATION_STATES, OPERATION_STATES, type Operation } from '../contract/model';
import { lockJournal } from './journal-lock';

export interface JournalRecord {
  v: 1;
  at: string;
  op: Operation;
}

export interface JournalReadBack {
  /** Latest state of every operation, oldest first; unfinished ones already turned `interrupted`. */
  operations: Operation[];
  /** The operations this start found unfinished (now `interrupted`). */
  interrupted: Operation[];
  /** Unparseable lines in the middle of the file (skipped). */
  corruptLines: number;
  /** True when the last line was torn or corrupt (dropped). */
  droppedTail: boolean;
}

export interface JournalOptions {
  now?: () => Date;
  /** Operations kept when the file is compacted (the newest ones). Default 1000. */
  keepOperations?: number;
  /** Compact at open when the file holds more than this many lines (and more than 2 per operation, or more
   * operations than kept). Default 5000. */
  compactAboveLines?: number;
}

function isOperation(value: unknown): value is Operation {
  if (typeof value !== 'object' || value === null) return false;
  const op = value as Partial<Operation>;
  return (
    typeof op.id === 'string' &&
    op.id.length > 0 &&
    typeof op.state === 'string' &&
    (OPERATION_STATES as readonly string[]).includes(op.state) &&
    typeof op.request === 'object' &&
    op.request !== null
  );
}

function parseRecord(line: string): Operation | undefined {
  try {
    const record = JSON.parse(line) as Partial<JournalRecord>;
    return record && record.v === 1 && isOperation(record.op) ? record.op : undefined;
  } catch {
    return undefined;
  }
}

export function isFinal(op: Operation): boolean {
  return FINAL_OPERATION_STATES.includes(op.state);
}

interface ParsedFile {
  latest: Map<string, Operation>;
  lines: number;
  corruptLines: number;
  droppedTail: boolean;
  /** Byte length of the valid prefix (everything up to and including the last good line's newline). */
  validLength: number;
}

function parseFile(text: string): ParsedFile {
  const latest = new Map<string, Operation>();
  const lines = text.split('\n');
  // text ends with '\n' ⇒ the last element is ''. Anything else there is a torn line.
  const tail = lines.pop() ?? '';
  let corruptLines = 0;
  let droppedTail = tail.length > 0;
  let validLength = Buffer.byteLength(text) - Buffer.byteLength(tail);
  let count = 0;
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const op = parseRecord(line);
    if (op) {
      latest.delete(op.id); // re-insert: Map order = order of last update
      latest.set(op.id, op);
      count += 1;
      return;
    }
    if (index === lines.length - 1 && !droppedTail) {
      // A corrupt *last* line (complete but unparseable): treat like a torn write.
      droppedTail = true;
      validLength -= Buffer.byteLength(line) + 1;
    } else {
      corruptLines += 1;
    }
  });
  return { latest, lines: count, corruptLines, droppedTail, validLength };
}

function writeAll(fd: number, text: string): void {
  const buffer = Buffer.from(text);
  let offset = 0;
  while (offset < buffer.length) offset += fs.writeSync(fd, buffer, offset, buffer.length - offset);
}

export class Journal {
  readonly path: string;
  private fd: number | undefined;
  private readonly now: () => Date;
  private readonly unlock: () => void;

  private constructor(file: string, fd: number, now: () => Date, unlock: () => void) {
    this.path = file;
    this.fd = fd;
    this.now = now;
    this.unlock = unlock;
  }

  /** Opens (creating when needed) and reads back the journal. Never throws on bad content, only on I/O
   * errors or E_JOURNAL_BUSY (another live process owns it). */
  static open(file: string, options: JournalOptions = {}): { journal: Journal; readBack: JournalReadBack } {
    const now = options.now ?? (() => new Date());
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const unlock = lockJournal(file);
    try {
      return Journal.openLocked(file, options, now, unlock);
    } catch (error) {
      unlock();
      throw error;
    }
  }

  private static openLocked(
    file: string,
    options: JournalOptions,
    now: () => Date,
    unlock: () => void,
  ): { journal: Journal; readBack: JournalReadBack } {
    let text = '';
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const parsed = parseFile(text);
    if (parsed.droppedTail) fs.truncateSync(file, parsed.validLength);

    const keep = options.keepOperations ?? 1000;
    const compactAbove = options.compactAboveLines ?? 5000;
    if (parsed.lines > compactAbove && (parsed.lines > 2 * parsed.latest.size || parsed.latest.size > keep)) {
      compact(file, [...parsed.latest.values()].slice(-keep), now());
    }

    const fd = fs.openSync(file, 'a');
    const journal = new Journal(file, fd, now, unlock);
    const operations: Operation[] = [];
    const interrupted: Operation[] = [];
    for (const op of parsed.latest.values()) {
      if (isFinal(op)) {
        operations.push(op);
        continue;
      }
      const cut: Operation = {
        ...op,
        state: 'interrupted',
        endedAt: now().toISOString(),
        bytesPerSecond: null,
        etaSeconds: null,
      };
      journal.record(cut);
      operations.push(cut);
      interrupted.push(cut);
    }
    return {
      journal,
      readBack: {
        operations: operations.slice(-keep),
        interrupted,
        corruptLines: parsed.corruptLines,
        droppedTail: parsed.droppedTail,
      },
    };
  }

  /** Appends the operation's current state and fsyncs. Call at state changes only. */
  record(op: Operation): void {
    if (this.fd === undefined) return;
    const record: JournalRecord = { v: 1, at: this.now().toISOString(), op };
    writeAll(this.fd, JSON.stringify(record) + '\n');
    fs.fsyncSync(this.fd);
  }

  close(): void {
    if (this.fd === undefined) return;
    fs.closeSync(this.fd);
    this.fd = undefined;
    this.unlock();
  }
}

/** Rewrites the journal with one line per kept operation: temp file + fsync + rename. */
function compact(file: string, operations: Operation[], at: Date): void {
  const temp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(temp, 'w');
  try {
    writeAll(fd, operations.map((op) => JSON.stringify({ v: 1, at: at.toISOString(), op }) + '\n').join(''));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
}
