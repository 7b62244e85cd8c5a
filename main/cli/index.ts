import { processEnv } from './env';
import { runCli } from './run';

runCli(process.argv.slice(2), processEnv()).then((code) => {
  process.exitCode = code;
});
