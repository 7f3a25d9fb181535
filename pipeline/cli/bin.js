#!/usr/bin/env node
// The `wendu` command. The pipeline is TypeScript run through tsx, so there is no build step
// between editing a template rule and running the batch.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
