/** A subcommand takes its own arguments and returns the process exit code. */
export type Command = (args: string[]) => Promise<number>;

/**
 * For a command that takes no arguments (start, migrate, seed-demo): `--help` or `-h` prints its usage and exits 0,
 * any other argument is refused with the usage and exits 2 — both before the command opens a database or starts a
 * server (`start --help` used to start one, `migrate --help` to migrate). Undefined without arguments: go on.
 */
export function withoutArguments(args: readonly string[], usage: string): number | undefined {
  if (args.length === 0) return undefined;
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(usage);
    return 0;
  }
  process.stderr.write(`This command takes no arguments, got: ${args.join(' ')}\n\n${usage}`);
  return 2;
}
