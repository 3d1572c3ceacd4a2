import { run } from './main.js';

/** The executable entry: runs the CLI and exits with its status; never an unhandled crash. */
run(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (err: unknown) => {
    process.stderr.write(`jixiao: internal error: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exitCode = 3;
  },
);
