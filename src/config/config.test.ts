/**
 * Every duration and count in the configuration has a range, checked at start
 * with a message naming the variable (issue 17 item 6). The timers matter most:
 * Node turns a delay above 2^31-1 ms into 1 ms, so DW_RETENTION_SWEEP_HOURS=597
 * ran sweeps back to back and DW_LOG_CHECKPOINT_SECONDS=2147484 wrote
 * checkpoints every millisecond.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, SETTINGS } from './config.js';

const NODE_TIMER_MAX_MS = 2 ** 31 - 1;

describe('bounded settings', () => {
  it.each([
    ['DW_RETENTION_SWEEP_HOURS', '597'],
    ['DW_LOG_CHECKPOINT_SECONDS', '2147484'],
    ['DW_SESSION_IDLE_MINUTES', '0'],
    ['DW_DB_POOL_SIZE', '0'],
    ['DW_DB_STATEMENT_TIMEOUT_MS', '1e3'],
    ['PORT', '70000'],
    ['DW_DB_LOCK_TIMEOUT_MS', '-5'],
  ])('%s=%s is refused with the range in the message', (name, value) => {
    const range = SETTINGS[name as keyof typeof SETTINGS];
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(`${name} must be a whole number from ${range.min} to ${range.max}, got "${value}"`);
  });

  it('the largest allowed timer settings stay within what setTimeout holds', () => {
    expect(SETTINGS.DW_RETENTION_SWEEP_HOURS.max * 3_600_000).toBeLessThanOrEqual(NODE_TIMER_MAX_MS);
    expect(SETTINGS.DW_LOG_CHECKPOINT_SECONDS.max * 1000).toBeLessThanOrEqual(NODE_TIMER_MAX_MS);
    const config = loadConfig({
      DW_RETENTION_SWEEP_HOURS: String(SETTINGS.DW_RETENTION_SWEEP_HOURS.max),
      DW_LOG_CHECKPOINT_SECONDS: String(SETTINGS.DW_LOG_CHECKPOINT_SECONDS.max),
    });
    expect(config.retentionSweepHours).toBe(168);
    expect(config.logCheckpointSeconds).toBe(86_400);
  });

  it('every default lies inside its own range', () => {
    for (const [name, { fallback, min, max }] of Object.entries(SETTINGS)) {
      expect(fallback, name).toBeGreaterThanOrEqual(min);
      expect(fallback, name).toBeLessThanOrEqual(max);
    }
  });

  it('reads the database pool and its timeouts', () => {
    const config = loadConfig({
      DW_DB_POOL_SIZE: '7', DW_DB_STATEMENT_TIMEOUT_MS: '1500',
      DW_DB_LOCK_TIMEOUT_MS: '250', DW_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '9000',
    });
    expect(config.database).toMatchObject({ poolSize: 7, statementTimeoutMs: 1500, lockTimeoutMs: 250, idleInTransactionTimeoutMs: 9000, connectTimeoutMs: 5000 });
  });
});
