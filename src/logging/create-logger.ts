import pino, { type Logger as PinoLogger } from 'pino';
import { redactSecrets, scrubSecrets } from './redact-secrets.ts';

/**
 * Structured JSON logs on stderr (stdout belongs to the console adapter's replies). Every
 * argument and every child binding is scrubbed before pino sees it: values under secret keys at
 * any depth, and token-shaped text anywhere, since a token can hide in an error message or a URL.
 */
export function createLogger(level: string, destination: NodeJS.WritableStream = process.stderr): PinoLogger {
  const logger = pino(
    {
      level,
      base: { service: 'eujp' },
      hooks: {
        logMethod(args, method) {
          const [first, ...rest] = args as unknown[];
          // pino copies a lone Error's message into `msg` before serializers run: give it an
          // explicit, scrubbed message instead.
          if (first instanceof Error && rest.length === 0) {
            method.call(this, { err: scrubSecrets(first) }, redactSecrets(first.message));
            return;
          }
          method.apply(this, args.map((arg) => scrubSecrets(arg)) as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
  return withScrubbedChildBindings(logger);
}

// pino writes child bindings once, at child(), past the logMethod hook and its formatters
// (formatters.bindings only sees the base): scrub them on the way in, for children of children too.
function withScrubbedChildBindings(logger: PinoLogger): PinoLogger {
  const createChild = logger.child.bind(logger);
  logger.child = ((bindings: pino.Bindings, options?: pino.ChildLoggerOptions) =>
    withScrubbedChildBindings(
      createChild(scrubSecrets(bindings), options),
    )) as unknown as PinoLogger['child'];
  return logger;
}
