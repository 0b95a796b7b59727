/**
 * Characters no message may carry in any string or key: C0 controls other than tab, newline and
 * return; DEL and the C1 controls; bidirectional formatting characters (Trojan Source: U+061C,
 * U+200E/F, U+202A-E, U+2066-9). One definition, used by the API before it produces and by the
 * ingest after it parses, so what one accepts the other never refuses.
 */
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** True when `text` holds a forbidden character. */
export function hasForbiddenCharacter(text: string): boolean {
  return FORBIDDEN.test(text);
}

interface Node {
  readonly value: unknown;
  readonly key: string | undefined;
  readonly parent: Node | undefined;
}

function pathOf(node: Node): string {
  const keys: string[] = [];
  for (let n: Node | undefined = node; n?.key !== undefined; n = n.parent) keys.unshift(n.key);
  return keys.length === 0 ? '(root)' : keys.join('.');
}

/**
 * The path of the first string or key under `value` that holds a forbidden character, e.g.
 * `summary` or `parties.0.name`; `(root)` for a bare string; undefined when there is none.
 * Iterative with parent links, so a hostile deep nesting costs linear time and no stack.
 */
export function findForbiddenText(value: unknown): string | undefined {
  const pending: Node[] = [{ value, key: undefined, parent: undefined }];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    const v = node.value;
    if (typeof v === 'string') {
      if (hasForbiddenCharacter(v)) return pathOf(node);
    } else if (v !== null && typeof v === 'object') {
      const entries = Array.isArray(v) ? v.map((c, i) => [String(i), c] as const) : Object.entries(v);
      for (const [key, child] of entries) {
        if (hasForbiddenCharacter(key)) return pathOf(node);
        pending.push({ value: child, key, parent: node });
      }
    }
  }
  return undefined;
}
