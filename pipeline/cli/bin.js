#!/usr/bin/env node
// The `wendu` command. The pipeline is TypeScript run through tsx, so there is no build step
// between editing a template rule and running the batch. `--help` and `--version` are answered
// from the command table (commands.js, plain JavaScript) before tsx loads; a command's own
// module is imported only when that command runs; `wendu lint` from a bundle (bundle.js).
import { answerWithoutCommand, colorWanted } from './commands.js';

// `wendu lint … | head`: a reader that stops early is not an error
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

const argv = process.argv.slice(2);
const quick = answerWithoutCommand(argv, colorWanted(process.stdout.isTTY, process.env), colorWanted(process.stderr.isTTY, process.env));
if (quick) {
  if (quick.stdout) process.stdout.write(quick.stdout);
  if (quick.stderr) process.stderr.write(quick.stderr);
  process.exitCode = quick.code;
} else {
  // `wendu lint` runs from a bundle of plain JavaScript when one can be had (bundle.js): no tsx to
  // load and no TypeScript to transpile at start-up
  const fast = argv[0] === 'lint' ? await (await import('./bundle.js')).bundled('lint') : undefined;
  if (fast) process.exitCode = await fast.run(argv.slice(1));
  else {
    const { register } = await import('tsx/esm/api');
    register();
    const { main } = await import('./main.ts');
    process.exitCode = await main(argv);
  }
}
