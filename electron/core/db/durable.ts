/** Writes that must be on the disk before the next step depends on them (a power cut, a kill). */
import fs from 'node:fs';

/** Makes a file's bytes durable before anything depends on them. */
export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a rename durable; Windows cannot open a folder for this and does not need it. */
export function fsyncDir(dir: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Not supported here (Windows): NTFS journals the rename itself.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

export function copyDurably(from: string, to: string): void {
  fs.copyFileSync(from, to);
  fsyncFile(to);
}
