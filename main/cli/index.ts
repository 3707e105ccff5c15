// Entry of the `pejling` command line (see README.md, "Command line").
// Each subcommand lives in ./commands/<name>.ts and exports `run(args): Promise<number>`.
import { CliError } from './cli-error';

interface Command {
  summary: string;
  usage: string;
  /** A command module may export `help` (its full --help text); otherwise `usage` is shown. */
  load: () => Promise<{ run: (args: string[]) => Promise<number>; help?: string }>;
}

const commands: Record<string, Command> = {
  new: {
    summary: 'create a strategy from a template',
    usage: 'pejling new --template <kk|odder|brk|blank> --out FILE.json',
    load: () => import('./commands/new'),
  },
  validate: {
    summary: 'check that a file follows the interchange format',
    usage: 'pejling validate FILE [--lang da|en]',
    load: () => import('./commands/validate'),
  },
  check: {
    summary: "list the strategy's quality findings",
    usage: 'pejling check FILE [--json] [--lang da|en]',
    load: () => import('./commands/check'),
  },
  export: {
    summary: 'export the publishable Word document',
    usage: 'pejling export FILE --docx OUT.docx [--style NAME] [--part strategy|plan:<id>|status]',
    load: () => import('./commands/export'),
  },
  import: {
    summary: 'import a strategy written in Word, with its structure recognised',
    usage: 'pejling import FILE.docx --out FILE.json [--perspective-level N] [--focus-area-level N]',
    load: () => import('./commands/import'),
  },
  versions: {
    summary: 'list the named versions of a .pejling document (read one as FILE.pejling@<name>)',
    usage: 'pejling versions FILE.pejling [--json] [--lang da|en]',
    load: () => import('./commands/versions'),
  },
  server: {
    summary: 'run the sync server (also serves the app in browser mode)',
    usage: 'pejling server [--host 127.0.0.1] [--port 4455] [--data DIR] [--auth FILE]',
    load: () => import('./commands/server'),
  },
};

function help(): string {
  const width = Math.max(...Object.keys(commands).map((c) => c.length));
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}\n  ${' '.repeat(width)}  ${c.usage}`);
  return [
    'Pejling: IT and digitalisation strategies for Danish municipalities.',
    '',
    'Usage: pejling <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'FILE is an interchange JSON file (.json) or a document saved by the app (.pejling).',
    "Run 'pejling <command> --help' for a command's options.",
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(help());
    return 0;
  }
  if (name === '--version' || name === '-v') {
    const pkg = (await import('../../package.json', { with: { type: 'json' } })).default as { version: string };
    console.log(pkg.version);
    return 0;
  }
  const command = commands[name];
  if (!command) throw new CliError(`Unknown command '${name}'. Run 'pejling --help' for the list.`, 2);
  const module = await command.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(module.help ?? `Usage: ${command.usage}`);
    return 0;
  }
  return module.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof CliError) {
      console.error(`pejling: ${error.message}`);
      process.exitCode = error.exitCode;
    } else {
      // An unexpected failure is still one readable line; PEJLING_DEBUG=1 shows the stack.
      const message = error instanceof Error ? error.message : String(error);
      console.error(`pejling: internal error: ${message}`);
      if (process.env.PEJLING_DEBUG) console.error(error);
      process.exitCode = 70;
    }
  },
);
