// `face-inspector detect <image-or-url>...` — the CLI, as a function of (argv, env, io) so tests run
// it in-process. Exit codes: 0 success, 1 validation/service/network error, 2 usage error.
// The key comes only from FACE_API_KEY: a --key flag would leak it into shell history and `ps`.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  FaceApiError, buildDetectOptions, createAzureProvider, errorMessage, isLoopbackHost, redactSecrets,
  type DetectOutcome, type FaceDetectionResult, type FaceProvider, type ImageSource, type Logger, type NameOf,
} from '../core/index';
import { formatOutcome } from './format';
import pkg from '../../package.json';
import type * as LocalModuleNs from '../local/index';

type LocalModule = typeof LocalModuleNs;

export interface CliIO {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** Defaults to fs.readFile; tests may substitute. */
  readFile?: (path: string) => Promise<Uint8Array>;
}

export const USAGE = `Usage: face-inspector detect <image-or-url>... [options]

Detect faces with Azure AI Face (or the offline local detector) and print what the service returns.

Options:
  --provider azure|local     default: azure if an endpoint is set, else local
  --endpoint URL             Face resource endpoint (or env FACE_API_ENDPOINT)
  --api-version V            v1.2 (default), v1.2-preview.1, v1.1-preview.1, v1.0
  --detection-model M        detection_03 (default), detection_01, detection_02
  --recognition-model M      recognition_04 (default) .. recognition_01
  --attributes a,b|none      attributes to return (default: what the detection model supports)
  --landmarks, --no-landmarks  return the 27 landmarks (default on)
  --face-id                  return face IDs (needs Limited Access approval)
  --face-id-ttl N            face ID lifetime in seconds, 60..86400
  --return-recognition-model include the recognition model in each face
  --timeout SECONDS          per attempt (default 30)
  --max-retries N            retries on 429/503/connection resets (default 3)
  --verbose                  log requests to stderr (the key is never shown)
  --json                     print JSON: the faces array (one input) or an object keyed by input
  --help, --version

The API key is read from the FACE_API_KEY environment variable only.`;

/** How validation messages name things in the CLI. */
const CLI_NAMES: Record<string, string> = {
  endpoint: '--endpoint (or FACE_API_ENDPOINT)',
  apiVersion: '--api-version',
  detectionModel: '--detection-model',
  recognitionModel: '--recognition-model',
  returnFaceAttributes: '--attributes',
  returnFaceLandmarks: '--landmarks/--no-landmarks',
  returnFaceId: '--face-id',
  faceIdTimeToLive: '--face-id-ttl',
  returnRecognitionModel: '--return-recognition-model',
  timeoutSeconds: '--timeout',
  maxRetries: '--max-retries',
  key: 'the FACE_API_KEY environment variable',
  auth: 'the authentication (the CLI uses FACE_API_KEY)',
  proxy: 'HTTPS_PROXY',
};
export const cliNameOf: NameOf = (field) => CLI_NAMES[field] ?? field;

class UsageError extends Error {}

const OPTIONS = {
  provider: { type: 'string' },
  endpoint: { type: 'string' },
  'api-version': { type: 'string' },
  'detection-model': { type: 'string' },
  'recognition-model': { type: 'string' },
  attributes: { type: 'string' },
  landmarks: { type: 'boolean' },
  'face-id': { type: 'boolean' },
  'face-id-ttl': { type: 'string' },
  'return-recognition-model': { type: 'boolean' },
  timeout: { type: 'string' },
  'max-retries': { type: 'string' },
  verbose: { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

export async function main(argv: readonly string[], env: Record<string, string | undefined>, io: CliIO): Promise<number> {
  const key = env.FACE_API_KEY?.trim() || undefined;
  const hide = (text: string) => redactSecrets(text, [key]);
  const fail = (code: number, message: string) => {
    io.stderr.write(`face-inspector: ${hide(message)}\n`);
    return code;
  };
  try {
    return await run(argv, env, io, key);
  } catch (e) {
    if (e instanceof UsageError) return fail(2, `${e.message}\nRun "face-inspector --help" for usage.`);
    // One line, never a stack trace.
    return fail(1, errorMessage(e, [key]).replace(/\s*\n\s*/g, ' '));
  }
}

function parse(argv: readonly string[]) {
  if (argv.some((a) => a === '--key' || a.startsWith('--key='))) {
    throw new UsageError('There is no --key option: put the key in the FACE_API_KEY environment variable (flags end up in shell history).');
  }
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, allowNegative: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

function integer(flag: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag} expects a whole number${min > 0 ? ` >= ${min}` : ' >= 0'}, got "${value}".`);
  return n;
}

async function run(argv: readonly string[], env: Record<string, string | undefined>, io: CliIO, key: string | undefined): Promise<number> {
  const { values, positionals } = parse(argv);
  if (values.help) { io.stdout.write(`${USAGE}\n`); return 0; }
  if (values.version) { io.stdout.write(`${pkg.version}\n`); return 0; }

  const [command, ...inputs] = positionals;
  if (command !== 'detect') throw new UsageError(command ? `Unknown command "${command}": the only command is "detect".` : 'Missing command: face-inspector detect <image-or-url>...');
  if (inputs.length === 0) throw new UsageError('detect needs at least one image file or URL.');

  const endpoint = values.endpoint ?? env.FACE_API_ENDPOINT;
  const providerKind = values.provider ?? (endpoint ? 'azure' : 'local');
  if (providerKind !== 'azure' && providerKind !== 'local') throw new UsageError(`--provider must be azure or local, got "${providerKind}".`);
  const ttl = integer('--face-id-ttl', values['face-id-ttl'], 0);
  const maxRetries = integer('--max-retries', values['max-retries'], 0);
  const timeoutSeconds = values.timeout === undefined ? undefined : Number(values.timeout);
  if (timeoutSeconds !== undefined && !(timeoutSeconds > 0)) throw new UsageError(`--timeout expects a number of seconds > 0, got "${values.timeout}".`);

  const options = buildDetectOptions({
    apiVersion: values['api-version'],
    detectionModel: values['detection-model'],
    recognitionModel: values['recognition-model'],
    returnFaceAttributes: values.attributes,
    returnFaceLandmarks: values.landmarks,
    returnFaceId: values['face-id'],
    faceIdTimeToLive: ttl,
    returnRecognitionModel: values['return-recognition-model'],
  });
  const logger = values.verbose ? stderrLogger(io, key) : undefined;

  let provider: FaceProvider & { close?(): Promise<void> };
  if (providerKind === 'azure') {
    if (!key) throw new FaceApiError('validation', 'No API key: set the FACE_API_KEY environment variable to your Face resource key.');
    const proxy = env.HTTPS_PROXY ?? env.https_proxy;
    provider = createAzureProvider({
      endpoint: endpoint ?? '',
      auth: { kind: 'key', key },
      timeoutMs: timeoutSeconds === undefined ? undefined : timeoutSeconds * 1000,
      maxRetries,
      proxy: proxy && !isLoopbackUrl(endpoint) ? proxy : undefined,
      logger,
      nameOf: cliNameOf,
    });
  } else {
    // Loaded only when used (it pulls in TensorFlow). require, not import(): both tsx (tests) and the
    // esbuild CJS bundle provide it, while native import() cannot resolve a .ts path under tsx.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createLocalProvider } = require('../local/index') as LocalModule;
    provider = createLocalProvider({ logger });
  }

  const results: Record<string, FaceDetectionResult[]> = {};
  let failed = 0;
  try {
    for (const input of inputs) {
      try {
        const outcome: DetectOutcome = await provider.detect(await imageFrom(input, providerKind, io), options);
        results[input] = outcome.faces;
        if (!values.json) io.stdout.write(`${formatOutcome(input, outcome)}\n`);
      } catch (e) {
        failed++;
        const prefix = inputs.length > 1 ? `${input}: ` : '';
        io.stderr.write(`face-inspector: ${prefix}${errorMessage(e, [key]).replace(/\s*\n\s*/g, ' ')}\n`);
      }
    }
  } finally {
    await provider.close?.();
  }
  if (values.json && (failed === 0 || inputs.length > 1)) {
    io.stdout.write(`${JSON.stringify(inputs.length === 1 ? results[inputs[0]] : results, null, 2)}\n`);
  }
  return failed ? 1 : 0;
}

const isUrl = (input: string) => /^https?:\/\//i.test(input);

function isLoopbackUrl(endpoint: string | undefined): boolean {
  try { return isLoopbackHost(new URL(endpoint ?? '').hostname); } catch { return false; }
}

async function imageFrom(input: string, provider: 'azure' | 'local', io: CliIO): Promise<ImageSource> {
  if (isUrl(input)) {
    if (provider === 'local') throw new FaceApiError('validation', `The local detector needs a file, not a URL: download ${input} first, or use --provider azure.`);
    return { kind: 'url', url: input };
  }
  try {
    const bytes = await (io.readFile ?? readFile)(input);
    return { kind: 'bytes', bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), name: input };
  } catch (e) {
    const code = (e as { code?: string }).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (e as Error).message;
    throw new FaceApiError('validation', `Cannot read ${input}: ${why}.`);
  }
}

function stderrLogger(io: CliIO, key: string | undefined): Logger {
  const line = (level: string) => (message: string) => { io.stderr.write(`[${level}] ${redactSecrets(message, [key])}\n`); };
  return { trace: line('trace'), debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') };
}
