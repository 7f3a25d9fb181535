#!/usr/bin/env node
// The `wendu` command. The pipeline is TypeScript run through tsx, so there is no build step
// between editing a template rule and running the batch. main.ts holds only the command table:
// each command's module is imported when that command runs, so `wendu --help` stays instant.
import { register } from 'tsx/esm/api';

// `wendu lint … | head`: a reader that stops early is not an error
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
