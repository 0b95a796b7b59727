import { ConfigError } from './config-error';
import { loadConfig } from './config';

describe('the notify section: deployment only', () => {
  it('keeps endpoints, secrets and delivery mechanics, not the notification policy', () => {
    const notify = loadConfig({}).notify;
    expect(notify).not.toHaveProperty('backupAfterMs');
    expect(notify).not.toHaveProperty('digestEveryMs');
    expect(notify.retry.maxAttempts).toBe(6);
  });

  it.each(['FQ_NOTIFY_BACKUP_AFTER_MS', 'FQ_NOTIFY_DIGEST_MS'])(
    '%s is refused with a pointer to the policy document, not silently ignored',
    (name) => {
      expect(() => loadConfig({ [name]: '60000' })).toThrow(ConfigError);
      expect(() => loadConfig({ [name]: '60000' })).toThrow(/notification policy/);
    },
  );
});
