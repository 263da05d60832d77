// `npm run emulator`: the Face API contract emulator — a local test server, not Azure — until Ctrl-C.
import { CLI_USAGE, parseCliArgs } from './cliArgs';
import { fixtureFaceSource, localFaceSource } from './faceSource';
import { startEmulator } from './server';

async function main(): Promise<void> {
  const { faces, help, ...options } = parseCliArgs(process.argv.slice(2));
  if (help) {
    console.log(CLI_USAGE);
    return;
  }
  const faceSource = faces === 'local' ? await localFaceSource() : faces === 'fixtures' ? fixtureFaceSource : undefined;
  // startEmulator logs the banner with the URL and the face source in use.
  const emulator = await startEmulator({ ...options, faceSource, log: (line) => console.log(line) });
  console.log(`Endpoint: ${emulator.url}   (e.g. POST ${emulator.url}/face/v1.2/detect)`);
  process.once('SIGINT', () => void emulator.close().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  console.error(CLI_USAGE);
  process.exit(1);
});
