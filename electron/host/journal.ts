// The operation journal: append-only JSON lines, one whole Operation (of any kind) per line, written at every state
// change (queued, running, final). Progress ticks are NOT journaled (a restart does not need them).
// Each line is written to the file synchronously (a SIGKILL right after record() returns loses nothing);
// the fsync that makes it survive a power cut runs off the event loop, one for every burst of lines, so a
// burst of a thousand state changes holds the loop for milliseconds, not a fsync per line.
// The file is compacted while running (and at open) whenever it holds more than `compactAboveLines` lines
// and more than twice as many as it needs: one line per kept operation (the newest `keepOperations`
// finished ones and every unfinished one).
// Read back at start line by line (memory bounded by the kept operations, not by the file size): the last
// line of each operation wins; operations without a final state were cut off by a crash or kill and
// become `interrupted`. A torn or corrupt last line is dropped (the file is truncated to the last complete
// line); a corrupt line in the middle is skipped and counted.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LunStudioError } from '../contract/errors';
import {
  DRIVE_OPERATION_KINDS,
  FINAL_OPERATION_STATES,
  OPERATION_KINDS,
  OPERATION_STATES,
  type Operation,
  type OperationKind,
} from '../contract/model';
import { fsErrorHresult, fsErrorText } from '../../native/lib/fs-errors';
import { lockJournal } from './journal-lock';

/** The journal file cannot be written (full or read-only disk, …): the real cause and the path. */
export function journalUnwritableError(file: string, error: unknown): LunStudioError {
  if (error instanceof LunStudioError && error.code === 'E_JOURNAL_UNWRITABLE') return error;
  return new LunStudioError({
    code: 'E_JOURNAL_UNWRITABLE',
    hresult: fsErrorHresult(error),
    message: `The operation journal ${file} cannot be written (${fsErrorText(error)}): new operations are refused until it can.`,
    action:
      'Free space on that disk or make the folder writable; LUN Studio notices by itself within seconds.',
  });
}

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
  /** Operations whose new state (`interrupted`) could not be written at open (the journal is unwritable). */
  unwritten: Operation[];
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
    typeof op.kind === 'string' &&
    (OPERATION_KINDS as readonly string[]).includes(op.kind) &&
    typeof op.request === 'object' &&
    op.request !== null &&
    namesWhatItWorksOn(op)
  );
}

/** A drive kind names the drive it works on; every other kind but createLun the LUN. */
function namesWhatItWorksOn(op: Partial<Operation>): boolean {
  if (op.kind === 'createLun') return true;
  if ((DRIVE_OPERATION_KINDS as readonly OperationKind[]).includes(op.kind!)) {
    return typeof op.driveTarget === 'object' && op.driveTarget !== null;
  }
  return typeof op.target === 'object' && op.target !== null;
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

/** The operations worth keeping, in order of last update: every unfinished one and the newest `keep`
 * finished ones (older finished ones are dropped as newer ones arrive). */
class KeptOperations {
  private readonly map = new Map<string, Operation>();
  private finished = 0;

  constructor(private readonly keep: number) {}

  get size(): number {
    return this.map.size;
  }

  values(): Operation[] {
    return [...this.map.values()];
  }

  /** Forgets every finished operation; returns their ids. */
  removeFinished(): string[] {
    const removed: string[] = [];
    for (const [id, op] of this.map) {
      if (!isFinal(op)) continue;
      this.map.delete(id);
      removed.push(id);
    }
    this.finished = 0;
    return removed;
  }

  set(op: Operation): void {
    const before = this.map.get(op.id);
    if (before) {
      this.map.delete(op.id); // re-insert: order = order of last update
      if (isFinal(before)) this.finished -= 1;
    }
    this.map.set(op.id, op);
    if (isFinal(op)) this.finished += 1;
    if (this.finished <= this.keep) return;
    for (const [id, kept] of this.map) {
      if (this.finished <= this.keep) break;
      if (!isFinal(kept)) continue;
      this.map.delete(id);
      this.finished -= 1;
    }
  }
}

interface ParsedFile {
  kept: KeptOperations;
  lines: number;
  corruptLines: number;
  droppedTail: boolean;
  /** Byte length of the valid prefix (everything up to and including the last good line's newline). */
  validLength: number;
}

const READ_CHUNK = 1024 * 1024;

/** Reads the file in chunks, one line at a time; never holds more than a chunk and one line. */
function readFile(file: string, keep: number): ParsedFile {
  const kept = new KeptOperations(keep);
  const result: ParsedFile = { kept, lines: 0, corruptLines: 0, droppedTail: false, validLength: 0 };
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return result;
    throw error;
  }
  const chunk = Buffer.alloc(READ_CHUNK);
  let carry: Buffer[] = [];
  let carryLength = 0;
  let offset = 0; // bytes consumed up to the end of the last complete line
  /** The last complete line was corrupt: [start offset, length with its newline]. */
  let lastCorrupt: [number, number] | undefined;
  const onLine = (line: Buffer, start: number): void => {
    if (lastCorrupt) {
      result.corruptLines += 1; // it was not the last line after all
      lastCorrupt = undefined;
    }
    const text = line.toString('utf8');
    if (text.trim() === '') return;
    const op = parseRecord(text);
    if (op) {
      kept.set(op);
      result.lines += 1;
    } else {
      lastCorrupt = [start, line.length + 1];
    }
  };
  try {
    for (;;) {
      const read = fs.readSync(fd, chunk, 0, READ_CHUNK, null);
      if (read === 0) break;
      let from = 0;
      for (;;) {
        const newline = chunk.indexOf(0x0a, from);
        if (newline < 0 || newline >= read) break;
        const piece = chunk.subarray(from, newline);
        const line = carryLength > 0 ? Buffer.concat([...carry, piece]) : piece;
        const start = offset;
        offset += line.length + 1;
        carry = [];
        carryLength = 0;
        onLine(line, start);
        from = newline + 1;
      }
      if (from < read) {
        carry.push(Buffer.from(chunk.subarray(from, read)));
        carryLength += read - from;
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  result.validLength = offset;
  if (carryLength > 0) {
    // A torn last line; a corrupt complete line before it was a line in the middle.
    result.droppedTail = true;
    if (lastCorrupt) result.corruptLines += 1;
  } else if (lastCorrupt) {
    // A corrupt *last* line (complete but unparseable): treat like a torn write.
    result.droppedTail = true;
    result.validLength = lastCorrupt[0];
  }
  return result;
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
  private readonly kept: KeptOperations;
  private readonly compactAbove: number;
  /** Lines in the file now. */
  private lines: number;
  /** An fsync is running off the loop / another one is wanted after it. */
  private syncing = false;
  private syncAgain = false;
  /** A background fsync failed: the next record() throws it (the lines it covered may be lost). */
  private syncError: Error | undefined;
  /** File descriptors replaced by a compaction, closed once their running fsync is done. */
  private readonly retired = new Set<number>();

  private constructor(
    file: string,
    fd: number,
    now: () => Date,
    unlock: () => void,
    kept: KeptOperations,
    lines: number,
    compactAbove: number,
  ) {
    this.path = file;
    this.fd = fd;
    this.now = now;
    this.unlock = unlock;
    this.kept = kept;
    this.lines = lines;
    this.compactAbove = compactAbove;
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
    const keep = options.keepOperations ?? 1000;
    const compactAbove = options.compactAboveLines ?? 5000;
    const parsed = readFile(file, keep);
    if (parsed.droppedTail) fs.truncateSync(file, parsed.validLength);

    let lines = parsed.lines;
    if (lines > compactAbove && lines > 2 * parsed.kept.size) {
      compact(file, parsed.kept.values(), now());
      lines = parsed.kept.size;
    }

    const fd = fs.openSync(file, 'a');
    const journal = new Journal(file, fd, now, unlock, parsed.kept, lines, compactAbove);
    const operations: Operation[] = [];
    const interrupted: Operation[] = [];
    const unwritten: Operation[] = [];
    for (const op of parsed.kept.values()) {
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
      try {
        journal.record(cut);
      } catch {
        unwritten.push(cut); // a full or read-only disk: the service retries these and refuses new work
      }
      interrupted.push(cut);
    }
    return {
      journal,
      readBack: {
        // The ones cut off now are the newest news: they stay in the history however long it is.
        operations: [...operations, ...interrupted].slice(-keep),
        interrupted,
        unwritten,
        corruptLines: parsed.corruptLines,
        droppedTail: parsed.droppedTail,
      },
    };
  }

  /** Appends the operation's current state (written before this returns; made durable by an fsync off the
   * event loop shortly after). Call at state changes only. Throws E_JOURNAL_UNWRITABLE (naming the path and
   * the cause) when the line cannot be written, or when an earlier fsync failed; a partly written line is
   * cut off again, so the next line that can be written starts on a line of its own. */
  record(op: Operation): void {
    if (this.fd === undefined) return;
    if (this.syncError) {
      const error = this.syncError;
      this.syncError = undefined;
      throw journalUnwritableError(this.path, error);
    }
    const record: JournalRecord = { v: 1, at: this.now().toISOString(), op };
    const fd = this.fd;
    let before: number | undefined;
    try {
      before = fs.fstatSync(fd).size;
      writeAll(fd, JSON.stringify(record) + '\n');
    } catch (error) {
      try {
        if (before !== undefined) fs.ftruncateSync(fd, before);
      } catch {
        // the read-back drops a torn last line anyway
      }
      throw journalUnwritableError(this.path, error);
    }
    this.lines += 1;
    this.kept.set(op);
    if (this.lines > this.compactAbove && this.lines > 2 * this.kept.size) {
      try {
        this.compactNow();
      } catch {
        this.scheduleSync(); // the line is written; compaction is tried again at a later line
      }
    } else this.scheduleSync();
  }

  /** Forgets every finished operation, durably: the file is rewritten with the unfinished ones only
   * (temp + fsync + rename, as a compaction), so a crash leaves either the old file or the new one. Returns
   * the ids forgotten. Throws E_JOURNAL_UNWRITABLE (nothing forgotten) when the file cannot be rewritten. */
  forgetFinished(): string[] {
    if (this.fd === undefined) return [];
    const kept = new KeptOperations(Number.MAX_SAFE_INTEGER);
    for (const op of this.kept.values()) if (!isFinal(op)) kept.set(op);
    try {
      compact(this.path, kept.values(), this.now());
    } catch (error) {
      throw journalUnwritableError(this.path, error);
    }
    const removed = this.kept.removeFinished();
    const old = this.fd;
    this.fd = fs.openSync(this.path, 'a');
    this.lines = this.kept.size;
    if (this.syncing) this.retired.add(old);
    else fs.closeSync(old);
    return removed;
  }

  /** Rewrites the file with the kept operations (temp + fsync + rename) and appends to the new one. */
  private compactNow(): void {
    const old = this.fd!;
    compact(this.path, this.kept.values(), this.now());
    this.fd = fs.openSync(this.path, 'a');
    this.lines = this.kept.size;
    if (this.syncing) this.retired.add(old);
    else fs.closeSync(old);
  }

  private scheduleSync(): void {
    if (this.syncing) {
      this.syncAgain = true;
      return;
    }
    const fd = this.fd;
    if (fd === undefined) return;
    this.syncing = true;
    fs.fsync(fd, (error) => {
      this.syncing = false;
      if (this.retired.delete(fd)) fs.close(fd, () => undefined);
      if (error && this.fd !== undefined) this.syncError = error;
      if (this.syncAgain) {
        this.syncAgain = false;
        this.scheduleSync();
      }
    });
  }

  /** Makes everything written durable (fsync on this thread), then closes. */
  close(): void {
    if (this.fd === undefined) return;
    const fd = this.fd;
    this.fd = undefined;
    try {
      fs.fsyncSync(fd);
    } finally {
      // A background fsync still running on this fd closes it when it is done.
      if (this.syncing) this.retired.add(fd);
      else fs.closeSync(fd);
      this.unlock();
    }
  }
}

/** Rewrites the journal with one line per kept operation: temp file + fsync + rename. */
function compact(file: string, operations: readonly Operation[], at: Date): void {
  const temp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(temp, 'w');
  try {
    try {
      writeAll(
        fd,
        operations.map((op) => JSON.stringify({ v: 1, at: at.toISOString(), op }) + '\n').join(''),
      );
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}
