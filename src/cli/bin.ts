#!/usr/bin/env node
// Process bootstrap for the CLI: all logic is in cli.ts so tests can call main() in-process.
import { main } from './cli';

main(process.argv.slice(2), process.env, { stdout: process.stdout, stderr: process.stderr })
  .then((code) => process.exit(code));
