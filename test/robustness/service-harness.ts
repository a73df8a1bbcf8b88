// Helpers for robustness suites that run the host's StorageService over the REAL simulator.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Operation } from '../../electron/contract/model';
import type { SimState } from '../../native/lib/raw-addon';
import { StorageService, type StorageServiceOptions } from '../../electron/host/storage-service';
import type { TopologyFile } from '../native/helpers/topologies';

export interface ServiceDir {
  dir: string;
  statePath: string;
  topologyPath: string;
  journalPath: string;
  open(options?: StorageServiceOptions): Promise<StorageService>;
  readState(): Promise<SimState>;
  cleanup(): Promise<void>;
}

export async function serviceDir(topology: TopologyFile): Promise<ServiceDir> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lun-robust-'));
  const topologyPath = path.join(dir, 'topology.json');
  await writeFile(topologyPath, JSON.stringify(topology));
  const statePath = path.join(dir, 'sim-state.json');
  const journalPath = path.join(dir, 'journal.ndjson');
  return {
    dir,
    statePath,
    topologyPath,
    journalPath,
    open: (options = {}) =>
      StorageService.open({
        provider: 'sim',
        simStatePath: statePath,
        simTopologyPath: topologyPath,
        journalPath,
        pollIntervalMs: 20,
        warn: () => undefined,
        ...options,
      }),
    readState: async () => JSON.parse(await readFile(statePath, 'utf8')) as SimState,
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

const FINAL = new Set(['succeeded', 'failed', 'canceled', 'interrupted']);

/** Resolves once every listed operation reached a final state (polls the service's list). */
export async function settled(service: StorageService, ids: readonly string[], timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ops = service.listOperations().filter((op) => ids.includes(op.id));
    if (ops.length === ids.length && ops.every((op) => FINAL.has(op.state))) return ops;
    if (Date.now() > deadline) {
      const open = ops.filter((op) => !FINAL.has(op.state)).map((op) => `${op.id} ${op.state}`);
      throw new Error(`operations still not final after ${timeoutMs} ms: ${open.join(', ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Resolves with the operation once `predicate` holds for it. */
export async function waitForOperation(
  service: StorageService,
  id: string,
  predicate: (op: Operation) => boolean,
  timeoutMs = 30_000,
): Promise<Operation> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const op = service.listOperations().find((candidate) => candidate.id === id);
    if (op && predicate(op)) return op;
    if (Date.now() > deadline) throw new Error(`operation ${id} never reached the awaited condition`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export interface AccountingProblem {
  where: string;
  problem: string;
}

/** Checks the simulator state's capacity accounting: every extent inside its drive, no two extents
 * overlapping, every LUN's extents adding up to at least its size. Returns the problems (none = exact). */
export function accountingProblems(state: SimState): AccountingProblem[] {
  const problems: AccountingProblem[] = [];
  for (const s of state.subsystems) {
    const drives = new Map(s.drives.map((d) => [d.id, d]));
    const byDrive = new Map<string, Array<{ start: number; end: number; lun: string }>>();
    for (const lun of s.luns) {
      let total = 0;
      for (const e of lun.extents) {
        const drive = drives.get(e.driveId);
        if (!drive)
          problems.push({ where: `${s.name}/${lun.name}`, problem: `extent on unknown drive ${e.driveId}` });
        else if (e.offsetBytes + e.lengthBytes > drive.sizeBytes)
          problems.push({ where: `${s.name}/${lun.name}`, problem: `extent past the end of ${drive.name}` });
        if (e.lengthBytes <= 0) problems.push({ where: `${s.name}/${lun.name}`, problem: 'empty extent' });
        total += e.lengthBytes;
        const list = byDrive.get(e.driveId) ?? [];
        list.push({ start: e.offsetBytes, end: e.offsetBytes + e.lengthBytes, lun: lun.name });
        byDrive.set(e.driveId, list);
      }
      if (total < lun.sizeBytes)
        problems.push({
          where: `${s.name}/${lun.name}`,
          problem: `extents ${total} < size ${lun.sizeBytes}`,
        });
    }
    for (const [driveId, list] of byDrive) {
      list.sort((a, b) => a.start - b.start);
      for (let i = 1; i < list.length; i += 1) {
        if (list[i]!.start < list[i - 1]!.end)
          problems.push({
            where: `${s.name}/${drives.get(driveId)?.name ?? driveId}`,
            problem: `${list[i - 1]!.lun} and ${list[i]!.lun} overlap`,
          });
      }
    }
  }
  return problems;
}

/** Bytes allocated on each drive by the state's LUNs. */
export function allocatedByDrive(state: SimState): Map<string, number> {
  const used = new Map<string, number>();
  for (const s of state.subsystems)
    for (const lun of s.luns)
      for (const e of lun.extents) used.set(e.driveId, (used.get(e.driveId) ?? 0) + e.lengthBytes);
  return used;
}
