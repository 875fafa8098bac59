/**
 * `npm run web -- --data DIR [--port N]`: the app in a browser on 127.0.0.1, with the same core and a
 * database in DIR. For development previews and tests; clerks use the desktop app.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startHost } from '../electron/browser-host/server';

const { values } = parseArgs({
  options: { data: { type: 'string' }, port: { type: 'string' } },
});
const dataDir = path.resolve(values.data ?? '.data/web');
const port = values.port ? Number(values.port) : 5180;

async function main(): Promise<void> {
  const host = await startHost({ dataDir, port, rendererDir: path.resolve('out/renderer'), echoLog: true });
  console.log(`Dữ liệu: ${dataDir}`);
  console.log(`Mở trình duyệt tại: ${host.url}`);
  const stop = () => {
    void host.close().then(() => process.exit(0));
  };
  process.on('uncaughtException', (err) => host.core.log.error('Uncaught exception', err));
  process.on('unhandledRejection', (err) => host.core.log.error('Unhandled rejection', err));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
