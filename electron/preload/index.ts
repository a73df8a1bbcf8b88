// The sandboxed preload (after electron/fiddle): window.lunStudio with one named method per API method
// and subscribe(). The page never sees ipcRenderer or a way to invoke an arbitrary channel.
import { contextBridge, ipcRenderer } from 'electron';
import { createLunStudioBridge } from './bridge';

contextBridge.exposeInMainWorld('lunStudio', createLunStudioBridge(ipcRenderer));
