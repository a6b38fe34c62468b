#!/usr/bin/env node
// The recordlint command. Kept tiny so start-up stays fast: the CLI module
// loads commander only, and everything heavy when a run needs it.
import module from 'node:module';

// Node 22.1+ caches compiled code between runs; a no-op on Node 20.
module.enableCompileCache?.();

// `recordlint ... | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

let cli;
try {
  cli = await import('../dist/src/cli.js');
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('cli.js')) {
    process.stderr.write('recordlint: not built yet: run npm run build\n');
    process.exit(2);
  }
  throw error;
}
process.exitCode = await cli.main(process.argv);
