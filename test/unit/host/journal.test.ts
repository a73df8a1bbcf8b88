import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Operation } from '../../../electron/contract/model';
import { spawnSync } from 'node:child_process';
import { Journal } from '../../../electron/host/journal';

function op(id: string, state: Operation['state']): Operation {
  return {
    id,
    kind: 'createLun',
    subsystemId: 's',
    request: { subsystemId: 's', type: 'simple', sizeBytes: 1024 },
    state,
    percent: state === 'succeeded' ? 100 : null,
    startedAt: state === 'queued' ? null : '2026-01-01T00:00:00.000Z',
    endedAt: ['succeeded', 'failed', 'canceled'].includes(state) ? '2026-01-01T00:01:00.000Z' : null,
    bytesPerSecond: null,
    etaSeconds: null,
  };
}

describe('Journal', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lun-journal-'));
    file = path.join(dir, 'sub', 'journal.ndjson');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads back the last state of every operation; unfinished ones become interrupted (and say so in the file)', () => {
    const first = Journal.open(file);
    expect(first.readBack.operations).toEqual([]);
    first.journal.record(op('a', 'queued'));
    first.journal.record(op('b', 'queued'));
    first.journal.record(op('a', 'running'));
    first.journal.record(op('a', 'succeeded'));
    first.journal.record(op('b', 'running'));
    first.journal.close();

    const second = Journal.open(file);
    second.journal.close();
    const states = Object.fromEntries(second.readBack.operations.map((o) => [o.id, o.state]));
    expect(states).toEqual({ a: 'succeeded', b: 'interrupted' });
    expect(second.readBack.interrupted.map((o) => o.id)).toEqual(['b']);
    expect(second.readBack.interrupted[0]!.endedAt).not.toBeNull();

    const third = Journal.open(file);
    third.journal.close();
    expect(third.readBack.interrupted).toEqual([]);
    expect(third.readBack.operations.find((o) => o.id === 'b')?.state).toBe('interrupted');
  });

  it('drops a torn last line, truncates it away and keeps appending cleanly', () => {
    const { journal } = Journal.open(file);
    journal.record(op('a', 'succeeded'));
    journal.close();
    fs.appendFileSync(file, '{"v":1,"at":"2026-01-01T00:00:00.000Z","op":{"id":"b","st');

    const reopened = Journal.open(file);
    expect(reopened.readBack.droppedTail).toBe(true);
    expect(reopened.readBack.corruptLines).toBe(0);
    expect(reopened.readBack.operations.map((o) => o.id)).toEqual(['a']);
    reopened.journal.record(op('c', 'failed'));
    reopened.journal.close();

    const again = Journal.open(file);
    again.journal.close();
    expect(again.readBack.droppedTail).toBe(false);
    expect(again.readBack.corruptLines).toBe(0);
    expect(again.readBack.operations.map((o) => o.id)).toEqual(['a', 'c']);
  });

  it('skips and counts corrupt lines in the middle', () => {
    const good = (o: Operation): string => JSON.stringify({ v: 1, at: 'x', op: o });
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(
      file,
      [
        good(op('a', 'succeeded')),
        'garbage',
        '{"v":1,"op":{"id":"z","state":"exploded"}}',
        good(op('b', 'canceled')),
        '',
      ].join('\n'),
    );
    const { journal, readBack } = Journal.open(file);
    journal.close();
    expect(readBack.corruptLines).toBe(2);
    expect(readBack.droppedTail).toBe(false);
    expect(readBack.operations.map((o) => [o.id, o.state])).toEqual([
      ['a', 'succeeded'],
      ['b', 'canceled'],
    ]);
  });

  it('compacts a long file to one line per operation', () => {
    const { journal } = Journal.open(file);
    for (let i = 0; i < 30; i += 1) {
      journal.record(op(`o${i}`, 'queued'));
      journal.record(op(`o${i}`, 'running'));
      journal.record(op(`o${i}`, 'succeeded'));
    }
    journal.close();
    const reopened = Journal.open(file, { compactAboveLines: 50, keepOperations: 10 });
    reopened.journal.close();
    expect(reopened.readBack.operations).toHaveLength(10);
    expect(reopened.readBack.operations[9]!.id).toBe('o29');
    expect(fs.readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(10);
  });

  it("belongs to one live process at a time; a dead owner's lock is taken over", () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(`${file}.lock`, String(process.ppid)); // a live process that is not us
    expect(() => Journal.open(file)).toThrow(expect.objectContaining({ code: 'E_JOURNAL_BUSY' }));

    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    fs.writeFileSync(`${file}.lock`, String(dead));
    const { journal } = Journal.open(file);
    expect(JSON.parse(fs.readFileSync(`${file}.lock`, 'utf8'))).toMatchObject({ pid: process.pid });
    journal.close();
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });
});
