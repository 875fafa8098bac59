import type { TtctBridge } from '../../shared/contract';

declare global {
  interface Window {
    ttct: TtctBridge;
  }
}

export {};
