// The one logging interface the core uses. The extension passes a LogOutputChannel, the CLI a stderr
// writer when --verbose is on. Callers must hand it already-redacted text (see redactSecrets).
export interface Logger {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

const ignore = () => {};
export const silentLogger: Logger = { trace: ignore, debug: ignore, info: ignore, warn: ignore, error: ignore };
