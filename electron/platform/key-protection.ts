import { safeStorage } from 'electron';
import type { KeyProtectionPort } from '../core/ports';

/**
 * The database key wrapped by the OS for this user: DPAPI on Windows, the keychain on macOS, the
 * Secret Service or KWallet on Linux. Linux without a keyring falls back to a fixed, publicly
 * known password ("basic_text"): that is no protection, so it counts as none, and the recovery key
 * is asked for at each start instead.
 */
export async function createSafeStorageProtection(): Promise<KeyProtectionPort> {
  const available = await safeStorage.isAsyncEncryptionAvailable();
  const weak = process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
  if (!available || weak) {
    const none = (): never => {
      throw new Error('No OS key protection on this machine');
    };
    return { kind: null, protect: async () => none(), unprotect: async () => none() };
  }
  return {
    kind: 'os',
    protect: (secret) => safeStorage.encryptStringAsync(secret),
    unprotect: async (wrapped) => (await safeStorage.decryptStringAsync(wrapped)).result,
  };
}
