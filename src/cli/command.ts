/** A subcommand takes its own arguments and returns the process exit code. */
export type Command = (args: string[]) => Promise<number>;
