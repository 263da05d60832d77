// Command-line flags of `npm run emulator`, parsed into EmulatorOptions (kept apart from main.ts so
// they can be tested).
import { FAULT_KINDS, type FaultSpec } from './faults';
import { isOneOf } from './guards';

export interface EmulatorCliOptions {
  port?: number;
  keys?: string[];
  approvedForFaceId?: boolean;
  latencyMs?: number;
  rateLimit?: 'F0' | 'S0';
  retryAfterHeader?: boolean;
  faults?: FaultSpec[];
  faces?: 'local' | 'fixtures';
  help?: boolean;
}

export const CLI_USAGE = `Usage: npm run emulator -- [options]
  --port N                 listen on 127.0.0.1:N (default: a free port)
  --key KEY                accepted Ocp-Apim-Subscription-Key (repeatable; default emulator-key)
  --approved-face-id       allow returnFaceId=true (default: 403 UnsupportedFeature, as for an unapproved resource)
  --latency-ms N           delay every response by N ms
  --rate-limit F0|S0       throttle like the F0 (20/min) or S0 (10/s) tier
  --retry-after-header     also send Retry-After on 429 (undocumented for Face)
  --fault KIND[:TIMES]     inject a fault into the next TIMES requests (repeatable);
                           KIND is one of ${FAULT_KINDS.join(', ')}
  --faces local|fixtures   face source (default: local detector if it loads, else fixtures)`;

export function parseCliArgs(argv: readonly string[]): EmulatorCliOptions {
  const parsed: EmulatorCliOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--port': parsed.port = nonNegativeInteger(flag, value()); break;
      case '--key': (parsed.keys ??= []).push(value()); break;
      case '--approved-face-id': parsed.approvedForFaceId = true; break;
      case '--latency-ms': parsed.latencyMs = nonNegativeInteger(flag, value()); break;
      case '--rate-limit': parsed.rateLimit = choice(flag, value(), ['F0', 'S0'] as const); break;
      case '--retry-after-header': parsed.retryAfterHeader = true; break;
      case '--fault': (parsed.faults ??= []).push(parseFault(value())); break;
      case '--faces': parsed.faces = choice(flag, value(), ['local', 'fixtures'] as const); break;
      case '--help': case '-h': parsed.help = true; break;
      default: throw new Error(`Unknown option ${flag}`);
    }
  }
  return parsed;
}

function parseFault(text: string): FaultSpec {
  const [kind, times] = text.split(':');
  return { kind: choice('--fault', kind ?? '', FAULT_KINDS), ...(times === undefined ? {} : { times: nonNegativeInteger('--fault', times) }) };
}

function nonNegativeInteger(flag: string, text: string): number {
  if (!/^\d+$/.test(text)) throw new Error(`${flag} expects a whole number, got "${text}"`);
  return Number(text);
}

function choice<T extends string>(flag: string, text: string, allowed: readonly T[]): T {
  if (!isOneOf(text, allowed)) throw new Error(`${flag} expects one of ${allowed.join(', ')}, got "${text}"`);
  return text;
}
