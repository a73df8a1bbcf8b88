import { describe, expect, it, vi } from 'vitest';
import { API_METHOD_NAMES } from '../../../electron/contract/api';

const exposeInMainWorld = vi.fn();
const ipcRenderer = { invoke: vi.fn(), send: vi.fn(), on: vi.fn(), removeListener: vi.fn() };
vi.mock('electron', () => ({ contextBridge: { exposeInMainWorld }, ipcRenderer }));

describe('preload entry', () => {
  it('exposes window.lunStudio with the named methods and subscribe only — never ipcRenderer', async () => {
    await import('../../../electron/preload/index');
    expect(exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [key, api] = exposeInMainWorld.mock.calls[0] as [string, Record<string, unknown>];
    expect(key).toBe('lunStudio');
    expect(Object.keys(api).sort()).toEqual([...API_METHOD_NAMES, 'subscribe'].sort());
    expect(Object.values(api)).not.toContain(ipcRenderer);
    expect(Object.values(api)).not.toContain(ipcRenderer.invoke);
  });
});
