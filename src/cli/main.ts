// sanctuary-rules: tools for policy officers and testers. Each command lives in commands/<name>.ts.
// Exit codes: 0 success, 1 the rules or scenarios have problems, 2 the command was used wrongly.
import { commandList, type Command, type CommandName } from './commandList';

const commands: Record<CommandName, () => Command> = {
  /* eslint-disable @typescript-eslint/no-require-imports -- commands load on demand, so one command's start-up costs nothing for another */
  check: () => require('./commands/check').check as Command,
  test: () => require('./commands/test').test as Command,
  diff: () => require('./commands/diff').diff as Command,
  matrix: () => require('./commands/matrix').matrix as Command,
  export: () => require('./commands/export').exportCommand as Command,
  import: () => require('./commands/import').importCommand as Command,
  /* eslint-enable @typescript-eslint/no-require-imports */
};

function help(): string {
  const lines = Object.values(commandList).map(({ usage, summary }) => `  ${usage}\n      ${summary}`);
  return ['usage: sanctuary-rules <command> [options]', '', ...lines].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(help());
    return name ? 0 : 2;
  }
  const load = Object.hasOwn(commands, name) ? commands[name as CommandName] : undefined;
  if (!load) {
    console.error(`sanctuary-rules: unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  try {
    return await load().run(args);
  } catch (error) {
    console.error(`sanctuary-rules ${name}: ${(error as Error).message}`);
    return 2;
  }
}
