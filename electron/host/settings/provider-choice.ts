// The user's provider choice (simulator or VDS), remembered per user for every shell that owns the state
// (desktop, `serve`, a lun-studio command with no owner running): <config>/provider.json, next to the
// desktop's own settings (a file of its own, so neither store rewrites the other's keys). An explicit
// --provider still wins; without a saved choice the default is VDS on Windows, the simulator elsewhere.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HRESULT, LunStudioError } from '../../contract/errors';
import type { ProviderOption } from '../../contract/api';
import { PROVIDER_NAMES, type ProviderName } from '../../contract/model';
import { userPaths, type Env } from '../../contract/user-paths';
import { providerLabel } from '../storage-service';

export const PROVIDER_CHOICE_FILE = 'provider.json';

/** What can load here: the simulator everywhere, VDS only on Windows. */
export function availableProviders(platform: NodeJS.Platform = process.platform): ProviderName[] {
  return platform === 'win32' ? ['sim', 'vds'] : ['sim'];
}

/** Why a provider cannot load here, or undefined when it can. */
export function unavailableReason(
  provider: ProviderName,
  platform: NodeJS.Platform = process.platform,
): string | undefined {
  if (availableProviders(platform).includes(provider)) return undefined;
  return `The ${provider === 'vds' ? 'Virtual Disk Service' : provider} provider cannot load on this system (${platform}): VDS is available on Windows only.`;
}

/** Every provider, each saying whether it can load here and why not. */
export function providerOptions(platform: NodeJS.Platform = process.platform): ProviderOption[] {
  return PROVIDER_NAMES.map((name) => {
    const reason = unavailableReason(name, platform);
    return {
      name,
      label: providerLabel(name),
      available: reason === undefined,
      ...(reason ? { reason } : {}),
    };
  });
}

function choiceFile(env: Env): string {
  return path.join(userPaths(env).configDir, PROVIDER_CHOICE_FILE);
}

/** The saved choice, if there is a readable one that can load on this platform. */
export function readProviderChoice(
  env: Env = process.env,
  platform: NodeJS.Platform = process.platform,
): ProviderName | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(choiceFile(env), 'utf8')) as { provider?: unknown };
    const name = parsed?.provider;
    return availableProviders(platform).find((candidate) => candidate === name);
  } catch {
    return undefined;
  }
}

/** Saves the choice (temp file + rename); refuses a provider that cannot load here. */
export function saveProviderChoice(
  provider: ProviderName,
  env: Env = process.env,
  platform: NodeJS.Platform = process.platform,
): void {
  const reason = unavailableReason(provider, platform);
  if (reason) {
    throw new LunStudioError({
      code: 'E_PROVIDER_UNAVAILABLE',
      hresult: HRESULT.E_INVALIDARG,
      message: reason,
      action: 'Choose the simulated array; VDS is available on Windows only.',
      field: 'provider',
    });
  }
  const file = choiceFile(env);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify({ provider }, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(temp, file);
}
