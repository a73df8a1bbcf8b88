// Usage text for `lun-studio --help` and `lun-studio help COMMAND`.
import type { CommandName } from './args';

const GLOBAL_USAGE = `Usage: lun-studio [--provider sim|vds] [--sim-state FILE] [--sim-topology FILE] [--json] COMMAND

Commands:
  subsystems                       list the storage subsystems (arrays)
  drives     SUBSYSTEM             list a subsystem's drives
  luns       SUBSYSTEM             list a subsystem's LUNs
  max-size   SUBSYSTEM --type TYPE [--drives ID,ID,…] [--stripe-size SIZE]
                                   the largest LUN that can be created
  create-lun SUBSYSTEM --type TYPE --size SIZE|max [--drives ID,…] [--unmask LIST]
             [--stripe-size SIZE] [--count N]
                                   create LUNs, showing progress
  extend-lun SUBSYSTEM LUN (--by SIZE | --to SIZE | --to max) [--drives ID,…]
                                   grow a LUN, showing progress
  shrink-lun SUBSYSTEM LUN (--by SIZE | --to SIZE) --yes
                                   make a LUN smaller (the data past the new end is lost)
  delete-lun SUBSYSTEM LUN --yes [--even-if-unmasked]
                                   delete a LUN and its data
  set-mask   SUBSYSTEM LUN --unmask LIST
                                   change which hosts see a LUN
  max-extend SUBSYSTEM LUN [--drives ID,…]
                                   how much a LUN can grow
  lun        SUBSYSTEM LUN         a LUN's details: its extents on each drive, the drives that hurt it,
                                   its identification data
  recover-lun SUBSYSTEM LUN        rebuild a degraded LUN after its failed drive was replaced, showing progress
  identify   SUBSYSTEM DRIVE on|off
                                   blink a drive's identify light (or stop it)
  hot-spare  SUBSYSTEM DRIVE on|off
                                   make an unused drive a hot spare (or a regular drive again)
  replace-drive SUBSYSTEM OLD NEW --yes
                                   move a failed drive's extents to an unassigned drive or a hot spare
  sim fail-drive|restore-drive SUBSYSTEM DRIVE
                                   simulated array only: break a drive on purpose, or bring it back
  operations [--kind KIND] [--state STATE] [--clear-finished]
                                   the history of operations (every kind), newest first
  status                           who owns the state, its control endpoint, journal and state paths
  logs [--audit] [--follow]        print the log (or the audit trail of array changes); --follow waits for more
  help COMMAND                     details of one command
  completion bash|zsh|powershell   print a shell completion script: commands, options, values, subsystem names
                                   (bash: source <(lun-studio completion bash); PowerShell: lun-studio
                                   completion powershell | Out-String | Invoke-Expression, e.g. in $PROFILE)

Options:
  --provider sim|vds   sim = the built-in simulated array, vds = Windows Virtual Disk Service
                       (default: vds on Windows, sim elsewhere)
  --sim-state FILE     where the simulated array keeps its state (env LUN_STUDIO_SIM_STATE)
  --sim-topology FILE  the array to start from when the state file does not exist yet
                       (env LUN_STUDIO_SIM_TOPOLOGY)
  --json               machine-readable output (JSON arrays and objects; NDJSON events, each with its
                       "kind", for create-lun, extend-lun, shrink-lun, delete-lun, set-mask, recover-lun,
                       identify, hot-spare and replace-drive)
  -h, --help           this text
  -V, --version        the version

One process per user owns the state: the desktop app or \`npm run serve\` when one runs (every command
then goes through it: its queue, its journal, its progress monitor), else the command itself while it runs.
LUN_STUDIO_HOME puts every per-user file (state, journal, control endpoint) under one folder.

SUBSYSTEM is an id or a case-insensitive unique name; LUN is an id or a name unique in that subsystem;
DRIVE (OLD, NEW) is a drive id or a name unique in that subsystem.
SIZE is bytes, or a number with a unit: KB MB GB TB PB (powers of 1000) or KiB MiB GiB TiB PiB
(powers of 1024); units are case-insensitive, decimals must give a whole number of bytes (1.5GiB).

Exit codes: 0 ok, 1 provider or operation error, 2 usage or invalid input (including an unknown
subsystem, LUN or drive, shrink-lun / delete-lun / replace-drive without --yes: they say what would be lost
or moved and change nothing, and sim on the vds provider), 130 canceled (Ctrl-C cancels the running operation and waits for the provider).`;

const COMMAND_USAGE: Readonly<Record<CommandName, string>> = {
  subsystems: `Usage: lun-studio subsystems [--json]

Lists every storage subsystem: name, status, health, LUN types, capacity, free space, drive and LUN counts.
--json prints one JSON array of subsystems (sizes in bytes).`,
  drives: `Usage: lun-studio drives SUBSYSTEM [--json]

Lists the drives of SUBSYSTEM (id or name), DiskRAID style: Drive ###, name, status, health, size, free,
bus, slot, flags (Unassigned, Hot spare, Hot spare standby, Hot spare in use, …, and Identifying while the
identify light blinks) and the id to use with --drives. --json prints one JSON array of drives ("flags",
"identifying":true while the light blinks).`,
  luns: `Usage: lun-studio luns SUBSYSTEM [--json]

Lists the LUNs of SUBSYSTEM (id or name): name, type, size, status, health, unmasking list, drives.
--json prints one JSON array of LUNs.`,
  'max-size': `Usage: lun-studio max-size SUBSYSTEM --type TYPE [--drives ID,ID,…] [--stripe-size SIZE] [--json]

The largest LUN of TYPE that SUBSYSTEM can create now (on the given drives, in that order, or on the drives
the provider picks). --json prints {"maxBytes":N}.
TYPE: simple, span, stripe, mirror, parity, raid10, raid6, auto, faultTolerant, nonFaultTolerant.
--drives: drive ids or names, comma-separated. --stripe-size: one of the subsystem's stripe sizes.`,
  'create-lun': `Usage: lun-studio create-lun SUBSYSTEM --type TYPE --size SIZE|max [--drives ID,…] [--unmask LIST]
                              [--stripe-size SIZE] [--count N] [--json]

Creates a LUN and shows its progress (a bar on a terminal, a line every 10 % otherwise), then the LUN.
  --size SIZE|max   bytes or a number with a unit (500GB, 1.5TiB); max = the largest possible size
                    (with --count N: the largest for one LUN now, for each of them; refused when N of
                    that size do not fit)
  --drives ID,…     drives to use, in order (ids or names); default: the provider picks
  --unmask LIST     hosts that see the LUN: * (all), "" (none) or ;-separated IQN
                    (iqn.1991-05.com.microsoft:host1), eui.+16 hex, naa.+16/32 hex or 16-hex WWN
  --stripe-size SIZE  one of the subsystem's stripe sizes
  --count N         create N LUNs (1–64) with these settings, as one batch
The creations go through the owner of the state (see \`lun-studio status\`): they appear in its journal and
live in its progress monitor.
A batch follows the same rules as in the app: it is refused (exit 2, nothing started) when N LUNs of a
specific type do not fit in the free space; the owner runs up to 4 at a time, the rest wait queued in
order; a LUN that fails stops none of the others. A line is printed as each LUN ends (on a terminal under
one progress line for the batch: "12 LUNs: 3 done, 4 running, 5 queued · 41 % · ETA 2:05"), then
"N of M LUNs created" (and how many failed or were canceled). Exit 0 when all were created, else the
exit code of the first one that failed (130 when any was canceled).
--json prints NDJSON events, each with kind "createLun", operationId and index (0-based):
  {"event":"queued"} (only one that waits behind others) {"event":"started"}
  {"event":"progress","percent":N|null} then {"event":"done","lun":{…}},
  {"event":"error","code":"VDS_E_…","hresult":"0x…","message":"…"} or {"event":"canceled"}.
Ctrl-C cancels every LUN of the batch not finished yet (running ones are rolled back by the provider,
queued ones never start) and exits 130; press it again to see that the command is still waiting for
the provider, a third time to stop waiting.`,
  'extend-lun': `Usage: lun-studio extend-lun SUBSYSTEM LUN (--by SIZE | --to SIZE | --to max) [--drives ID,…] [--json]

Grows LUN (id, or a name unique in SUBSYSTEM) and shows its progress like create-lun, then its new size
(the provider may round up to its allocation unit).
  --by SIZE        add SIZE
  --to SIZE        grow to a total of SIZE
  --to max         add as much as the drives allow (see max-extend)
  --drives ID,…    drives to take the space from, in order (ids or names); default: the provider picks
--json prints NDJSON events, each with kind "extendLun" and operationId: {"event":"started"}
{"event":"progress","percent":N|null} then {"event":"done","lun":{…}} (the LUN with its new size),
{"event":"error",…} or {"event":"canceled"}.
Refused (exit 1, E_LUN_BUSY, naming it) while another operation runs or waits on that LUN.
Ctrl-C cancels the extend (the provider rolls it back: the LUN keeps its size) and exits 130.`,
  'shrink-lun': `Usage: lun-studio shrink-lun SUBSYSTEM LUN (--by SIZE | --to SIZE) --yes [--json]

Makes LUN smaller, showing its progress. The data past the new end is lost: shrink the file system on the
LUN first. Without --yes nothing changes: it says what would be lost and exits 2.
  --by SIZE   remove SIZE from the end
  --to SIZE   shrink to a total of SIZE
The provider refuses a size below its minimum, saying it. --json: NDJSON events with kind "shrinkLun",
ending with {"event":"done","lun":{…}} (the new size). Ctrl-C cancels it and exits 130.`,
  'delete-lun': `Usage: lun-studio delete-lun SUBSYSTEM LUN --yes [--even-if-unmasked] [--json]

Deletes LUN and all the data on it; its space is free again on its drives. Without --yes nothing changes: it
says what would be lost and exits 2. A LUN that hosts still see (its unmasking list is not "") is refused
(exit 2) unless --even-if-unmasked is given too; so is a LUN with an operation running or waiting on it.
--json: {"event":"started"} then {"event":"done","lun":{…}} (the LUN as it was), each with kind "deleteLun".`,
  'set-mask': `Usage: lun-studio set-mask SUBSYSTEM LUN --unmask LIST [--json]

Sets which hosts see LUN (IVdsLun::SetMask), replacing its unmasking list.
  --unmask LIST   * (all), "" (none) or ;-separated IQN (iqn.1991-05.com.microsoft:host1), eui.+16 hex,
                  naa.+16/32 hex or 16-hex WWN
--json: {"event":"started"} then {"event":"done","lun":{…}}, each with kind "setLunMask".`,
  'max-extend': `Usage: lun-studio max-extend SUBSYSTEM LUN [--drives ID,…] [--json]

How many bytes LUN can grow by now (on the given drives, in that order, or on the drives the provider picks).
--json prints {"maxBytes":N}.`,
  lun: `Usage: lun-studio lun SUBSYSTEM LUN [--json]

The details of LUN (id, or a name unique in SUBSYSTEM): type, size, stripe size, status, health, unmasking
list, identification, its drives and the extents on each (drive, offset, size), the failed drives that hurt
it, and its identification data (vendor, product, revision, serial number and the device identifiers such as
its NAA name) where the provider gives it.
--json prints one object: the LUN's fields (as \`luns --json\`) plus
"extents":[{"driveId","offsetBytes","sizeBytes"},…] (grouped by drive in the LUN's drive order),
"failedDriveIds":[…] and "identificationData":{"vendorId",…,"identifiers":[{"type","codeSet",
"association","value"},…]} (absent when the provider gives none).`,
  'recover-lun': `Usage: lun-studio recover-lun SUBSYSTEM LUN [--json]

Rebuilds LUN (IVdsLun::Recover) after the failed drive that made it degraded was replaced (replace-drive) or
came back, showing its progress like extend-lun; the LUN is rebuilding while it runs and healthy at the end.
Refused (exit 1, VDS_E_OPERATION_DENIED) while it still has an extent on a failed drive (replace it first),
when it is healthy (nothing to recover) and for a LUN without redundancy that failed (its data is gone:
delete it and create it again); E_LUN_BUSY while another operation runs or waits on it.
--json prints NDJSON events, each with kind "recoverLun" and operationId: {"event":"started"}
{"event":"progress","percent":N|null} then {"event":"done","lun":{…}}, {"event":"error",…} or
{"event":"canceled"}. Ctrl-C cancels it (the LUN stays degraded) and exits 130.`,
  identify: `Usage: lun-studio identify SUBSYSTEM DRIVE on|off [--json]

Turns the identify light of DRIVE (id or name) on, so it can be found in the rack, or off again (IVdsMaintenance
BlinkLight); \`drives\` shows "Identifying" in its flags ("identifying":true with --json) while it is on.
--json: {"event":"started"} then {"event":"done","drive":{…}}, each with kind "identifyDrive".
E_DRIVE_BUSY (exit 1) while another operation runs or waits on the drive.`,
  'hot-spare': `Usage: lun-studio hot-spare SUBSYSTEM DRIVE on|off [--json]

on: makes DRIVE a hot spare (flags Hot spare, Hot spare standby): it stands in for a drive that fails where the
array does that by itself, and its space is not offered for new LUNs. Only a drive with no LUN on it that has
not failed: a drive in use is refused (exit 1, VDS_E_DEVICE_IN_USE) naming its LUNs. off: a regular unassigned
drive again (refused while the spare stands in for a failed drive).
--json: {"event":"started"} then {"event":"done","drive":{…}}, each with kind "setHotSpare".`,
  'replace-drive': `Usage: lun-studio replace-drive SUBSYSTEM OLD NEW --yes [--json]

Replaces drive OLD (usually failed) by NEW, an unassigned drive or a standby hot spare at least as large as the
extents it takes over (IVdsSubSystem::ReplaceDrive): every extent of OLD moves to NEW and OLD is left
unassigned. The LUNs it hurt stay degraded until \`lun-studio recover-lun\` rebuilds them; the command lists
them. Without --yes nothing changes: it says which LUNs would move and exits 2.
Refused (exit 1, E_LUN_BUSY) while an operation runs or waits on a LUN with an extent on OLD; too small a NEW
is refused with VDS_E_NOT_ENOUGH_SPACE saying how much it needs.
--json: {"event":"started"} then {"event":"done","drive":{…},"lunsToRecover":[…]}, each with kind
"replaceDrive".`,
  sim: `Usage: lun-studio sim fail-drive|restore-drive SUBSYSTEM DRIVE [--json]

Simulated array only (demos, training, tests): fail-drive breaks DRIVE on purpose (status and health failed):
a mirror, parity, raid10 or raid6 LUN on it becomes degraded, a simple, span or stripe LUN fails.
restore-drive brings it back online; a LUN it hurt stays degraded until recover-lun. Not an operation
(nothing in \`operations\`), but written to the audit trail. Refused with exit 2 on the vds provider.
--json prints the drive after it.`,
  operations: `Usage: lun-studio operations [--kind KIND] [--state STATE] [--json]
       lun-studio operations --clear-finished [--json]

The owner's history of operations: running and queued ones first, then the finished ones, newest first (the
progress monitor's order): kind, LUN or drive, state, progress, start and end, result or error code, id.
  --kind KIND     only createLun, extendLun, shrinkLun, deleteLun, setLunMask, recoverLun, identifyDrive,
                  setHotSpare or replaceDrive
  --state STATE   only queued, running, succeeded, failed, canceled or interrupted
  --clear-finished  forget every finished operation (here, in the journal and in every open monitor);
                  queued and running ones stay
--json prints one JSON array of operations (as the API returns them); with --clear-finished {"removed":N}.`,
  status: `Usage: lun-studio status [--json]

Says which process owns this user's LUN Studio state (desktop app, browser shell or a lun-studio command;
pid and start time), its control endpoint, the simulator state file and the operation journal.
--json prints one object: owner (null when none runs), endpoint, statePath, journalPath, ownerLock.`,
  logs: `Usage: lun-studio logs [--audit] [--follow]

Prints this user's LUN Studio log (JSON lines from every shell: desktop app, browser shell, lun-studio) from
the per-user log folder; --audit prints the audit trail instead: one line per change to an array (time, OS
user, shell, provider, subsystem, object, request, outcome, HRESULT). --follow keeps printing lines as they
are written, until Ctrl-C.`,
};

export function usageText(topic?: CommandName): string {
  return topic ? COMMAND_USAGE[topic] : GLOBAL_USAGE;
}
