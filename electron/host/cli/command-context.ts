// What every command gets: the opened provider (through the owner of the state), the output mode and line writers.
import type { StorageProvider } from '../../../native/lib/types';
import type { OwnerProvider } from '../owner/api-provider';
import type { CliIo } from './cli-io';

export interface CommandContext {
  io: CliIo;
  provider: OwnerProvider;
  json: boolean;
  now(): number;
}

export function writeLine(ctx: { io: CliIo }, line = ''): void {
  ctx.io.stdout.write(`${line}\n`);
}

export function writeLines(ctx: { io: CliIo }, lines: readonly string[]): void {
  for (const line of lines) writeLine(ctx, line);
}

export function writeJson(ctx: { io: CliIo }, value: unknown): void {
  writeLine(ctx, JSON.stringify(value));
}

/** "Provider: simulated array (state: /path)" — the first line of every human-readable output. */
export function providerHeader(provider: StorageProvider): string {
  if (provider.name === 'sim') {
    return `Provider: simulated array${provider.statePath ? ` (state: ${provider.statePath})` : ''}`;
  }
  return 'Provider: Virtual Disk Service (hardware providers)';
}

export function writeHeader(ctx: CommandContext): void {
  writeLine(ctx, providerHeader(ctx.provider));
  writeLine(ctx);
}
