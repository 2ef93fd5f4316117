import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../core/ports.ts';

/**
 * Bolt and its Web API client log through this, so their messages land in our structured log
 * (tagged `slack`) under the same LOG_LEVEL instead of on the console.
 */
export function toBoltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  const forward =
    (method: 'debug' | 'info' | 'warn' | 'error') =>
    (...parts: unknown[]) =>
      logger[method]({ component: 'slack-bolt' }, parts.map(String).join(' '));
  return {
    debug: forward('debug'),
    info: forward('info'),
    warn: forward('warn'),
    error: forward('error'),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
