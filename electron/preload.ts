import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { TtctBridge } from '../shared/contract';

const CHANNEL = /^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/;
const EVENT_CHANNEL = 'ttct:event';

/** The renderer gets exactly this and never ipcRenderer itself. */
const bridge: TtctBridge = {
  invoke(channel, input) {
    if (typeof channel !== 'string' || !CHANNEL.test(channel)) {
      return Promise.reject(new Error('Invalid channel'));
    }
    return ipcRenderer.invoke(channel, input);
  },
  on(event, listener) {
    const wrapped = (_e: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('ttct', bridge);
