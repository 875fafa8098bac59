import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { capEntry, createLogger } from '../../electron/core/log';
import { tempDir } from './helpers';

describe('the log', () => {
  it('caps one huge entry, keeping its head and tail and saying how much was left out', () => {
    const dir = tempDir('ttct-log-');
    const log = createLogger(dir);
    log.error('imports.open failed', new Error(`payload ${'x'.repeat(2_500_000)} end`));
    const text = fs.readFileSync(log.file, 'utf8');
    expect(text.length).toBeLessThan(10_000);
    expect(text).toContain('imports.open failed');
    expect(text).toMatch(/bỏ bớt \d+ ký tự/);
    expect(capEntry('ngắn', 100)).toBe('ngắn');
  });

  it('keeps the history when a failing call is logged again and again', () => {
    const dir = tempDir('ttct-log-');
    const log = createLogger(dir, false, { maxFileBytes: 64 * 1024, keep: 5, maxEntryChars: 2000 });
    log.info('Opened the database: the first entry of the day');
    for (let i = 0; i < 2000; i++) log.error('reports.get failed', new Error('x'.repeat(5000)));
    log.info('next');
    const files = fs.readdirSync(dir).filter((f) => f.startsWith('app.log'));
    const all = files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n');
    expect(all).toContain('Opened the database: the first entry of the day');
    expect(all).toContain('repeated 1999 more time(s)');
  });

  it('rotates at its size limit and keeps the rotated files it is told to', () => {
    const dir = tempDir('ttct-log-');
    const log = createLogger(dir, false, { maxFileBytes: 4096, keep: 3, maxEntryChars: 1000 });
    for (let i = 0; i < 400; i++) log.info(`entry ${i} ${'y'.repeat(200)}`);
    const files = fs.readdirSync(dir).sort();
    expect(files).toEqual(['app.log', 'app.log.1', 'app.log.2', 'app.log.3']);
    expect(fs.readFileSync(path.join(dir, 'app.log'), 'utf8')).toContain('entry 399');
  });
});
