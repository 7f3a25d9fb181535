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
} else if (argv[0] === 'build' && process.platform === 'linux' && process.env.MALLOC_ARENA_MAX === undefined) {
  // A build runs render workers, libvips and libuv threads at once; glibc gives each thread its own
  // malloc arena, and the arenas' fragmentation costs about 150–200 MB of resident memory on a
  // 6-branch week (measured: 1.13–1.26 GB → 0.96–1.04 GB). glibc reads it only at start-up, so the
  // build runs in a child process started with it; signals are passed on, its exit status returned.
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit', env: { ...process.env, MALLOC_ARENA_MAX: '2' } });
  // Ctrl-C reaches the whole foreground group, the child included: wait for it to stop
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  const [code, signal] = await new Promise((done) => child.on('exit', (c, s) => done([c, s])));
  if (signal) {
    // end the way the child ended, so a caller sees the same signal
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  }
  process.exitCode = code ?? 1;
} else {
  // `wendu lint` and `wendu build` run from a bundle of plain JavaScript when one can be had
  // (bundle.js): no tsx to load and no TypeScript to transpile at start-up
  const fast = argv[0] === 'lint' || argv[0] === 'build' ? await (await import('./bundle.js')).bundled(argv[0]) : undefined;
  if (fast) process.exitCode = await fast.run(argv.slice(1));
  else {
    const { register } = await import('tsx/esm/api');
    register();
    const { main } = await import('./main.ts');
    process.exitCode = await main(argv);
  }
}
