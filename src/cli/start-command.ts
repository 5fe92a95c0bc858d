/** `dossierwijzer start`: migrate, seed the demo (when enabled), serve HTTP until stopped. */
import { loadConfig } from '../config/config.js';
import { seedDemo } from '../demo/seed-demo.js';
import { createApp } from '../http/app.js';
import type { Command } from './command.js';

export const startCommand: Command = async () => {
  const config = loadConfig();
  const app = await createApp(config);
  let demoLines: string[] = [];
  if (config.demo) {
    const seed = await seedDemo(app.deps.db, app.deps.masterKey, app.deps.now());
    demoLines = [
      '',
      `Demo mode (DW_DEMO=true): fictional organisation ${seed.created ? 'created' : 'already present'}.`,
      `Demo log-ins (password for all: ${seed.password}):`,
      ...seed.users.map((u) => `  ${u.username.padEnd(20)} ${u.role.padEnd(26)} ${u.displayName}`),
    ];
  }
  const address = await app.server.listen({ host: config.host, port: config.port });
  const database = config.databaseUrl === undefined ? `PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  process.stdout.write([
    `Dossierwijzer is running at ${address}`,
    `  API documentation: ${address}/api/docs`,
    `  Database: ${database}`,
    ...demoLines,
    '',
  ].join('\n'));
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await app.close();
  return 0;
};
