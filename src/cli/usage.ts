// Wrong usage, said one way by every command: what is wrong and the usage line, on stderr, with exit status 2.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {}

/** A command's options and positionals, read by node:util; an unknown or malformed option is wrong usage. */
export function parseCommandArgs<O extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: O,
) {
  try {
    return parseArgs({ args, options, allowPositionals: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Runs a command's body; a UsageError it throws becomes the message and exit status 2. */
export async function explainingUsage(
  name: string,
  usage: string,
  run: () => Promise<number> | number,
): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`sanctuary-rules ${name}: ${error.message}\nusage: sanctuary-rules ${usage}`);
    return 2;
  }
}
