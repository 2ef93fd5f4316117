import type { Config } from './config.ts';

/**
 * Every secret value the configuration holds, for the logger to redact by value: a signing secret
 * or a client secret has no shape a pattern could find in a library's log message.
 */
export function configuredSecrets(config: Config): string[] {
  const slack = config.slack;
  const secrets = [
    slack?.botToken,
    slack?.signingSecret,
    slack?.appToken,
    slack?.oauth?.clientSecret,
    slack?.oauth?.stateSecret,
    config.discord?.token,
    config.metricsToken,
    databasePassword(config.database),
    ...(config.encryptionKeys ?? []).flatMap(({ key }) => [key.toString('base64'), key.toString('hex')]),
  ];
  return secrets.filter((secret): secret is string => Boolean(secret));
}

function databasePassword(database: string): string | undefined {
  if (!/^postgres(ql)?:\/\//i.test(database)) return undefined;
  try {
    return decodeURIComponent(new URL(database).password) || undefined;
  } catch {
    return undefined;
  }
}
