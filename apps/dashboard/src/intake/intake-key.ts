/**
 * The `Idempotency-Key` of the intake form (issue 17 #10): the same key while the clerk re-sends
 * the same case (a timeout, a network error), a new key as soon as the request differs (a
 * corrected field, the next citizen). The API then answers a retry with the first case instead of
 * recording a second one, and refuses a reused key with another body (IDEMPOTENCY_KEY_REUSED) —
 * which this class never sends.
 */
export class IntakeKey {
  private last: { readonly body: string; readonly key: string } | undefined;

  constructor(private readonly newKey: () => string = randomKey) {}

  for(request: unknown): string {
    const body = JSON.stringify(request);
    if (this.last?.body !== body) this.last = { body, key: this.newKey() };
    return this.last.key;
  }
}

/** 128 random bits as hex: `getRandomValues`, unlike `randomUUID`, works on plain-http LAN pages too. */
function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
