import { contextBridge, ipcRenderer } from 'electron';
import type { TtctBridge } from '../shared/contract';

const CHANNEL = /^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/;

/** The renderer gets exactly this and never ipcRenderer itself. */
const bridge: TtctBridge = {
  invoke(channel, input) {
    if (typeof channel !== 'string' || !CHANNEL.test(channel)) {
      return Promise.reject(new Error('Invalid channel'));
    }
    return ipcRenderer.invoke(channel, input);
  },
};

contextBridge.exposeInMainWorld('ttct', bridge);
