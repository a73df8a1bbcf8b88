import { userPaths, type Env } from '../contract/user-paths';

/** LUN_STUDIO_JOURNAL overrides the default journal path (contract/user-paths.ts). */
export function defaultJournalPath(env: Env = process.env): string {
  return userPaths(env).journal;
}
