/** `dossierwijzer start`: migrate, seed the demo (when enabled), serve HTTP until stopped. */
import { loadConfig } from '../config/config.js';
import { seedDemo } from '../demo/seed-demo.js';
import { checkDurability, durabilityProblem } from '../db/durability-check.js';
import { createApp } from '../http/app.js';
import type { Command } from './command.js';

export const startCommand: Command = async () => {
  const config = loadConfig();
  const app = await createApp(config);
  const durability = await checkDurability(app.deps.db);
  if (!durability.durable) {
    if (process.env.NODE_ENV === 'production') {
      process.stderr.write(`Refusing to start in production: ${durabilityProblem(durability, config.databaseUrl === undefined)}\n`);
      await app.close();
      return 1;
    }
    process.stderr.write(`Warning: ${durabilityProblem(durability, config.databaseUrl === undefined)}\n`);
  }
  let demoLines: string[] = [];
  if (config.demo) {
    const seed = await seedDemo(app.deps.db, app.deps.masterKey, app.deps.now());
    demoLines = [
      '',
      `Demo mode (DW_DEMO=true): fictional organisation ${seed.created ? 'created' : 'already present'}.`,
      `Demo log-ins (password for all: ${seed.password}; second factor: the TOTP secret below, in any authenticator app):`,
      ...seed.users.map((u) => {
        const totp = seed.totp.find((t) => t.username === u.username);
        return `  ${u.username.padEnd(20)} ${u.role.padEnd(26)} ${u.displayName.padEnd(20)} TOTP ${totp?.secret ?? '(enrol at first log-in)'}`;
      }),
      'TOTP URIs (paste into an authenticator app, or turn into a QR code):',
      ...seed.totp.map((t) => `  ${t.otpauthUri}`),
      'These secrets are printed only because this is demo mode (DW_DEMO=true); never run demo mode with real data.',
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
