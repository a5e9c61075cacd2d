/** Entry point of dist/cli.js. Sets process.exitCode instead of calling process.exit, so piped output is never cut. */
import { runCli } from './run-cli';
import { errorMessage } from '../core/text';

// A closed pipe (`… | head`) is not an error worth a stack trace: stop writing quietly.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exitCode = process.exitCode ?? 0;
  else throw err;
});

const io = {
  out: (text: string) => void process.stdout.write(text),
  err: (text: string) => void process.stderr.write(text),
  now: () => new Date(),
};

runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`error: ${errorMessage(err)}\n`);
    process.exitCode = 2;
  },
);
