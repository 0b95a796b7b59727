import { useEffect, useRef } from 'react';
import { type CommandKind } from './commands';

const ACTIONS: Readonly<Record<string, CommandKind>> = {
  a: 'acknowledge',
  d: 'dispatch',
  e: 'escalate',
  r: 'resolve',
  s: 'silence',
};
const MOVES: Readonly<Record<string, number>> = { j: 1, ArrowDown: 1, k: -1, ArrowUp: -1 };

interface Keys {
  /** False while a form is open: its fields take the keys. */
  readonly enabled: boolean;
  readonly onMove: (step: number) => void;
  readonly onAction: (kind: CommandKind) => void;
}

/** Console shortcuts on the window; the listener is removed on unmount. */
export function useDutyKeys(keys: Keys): void {
  const ref = useRef(keys);
  ref.current = keys;
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const target = e.target as HTMLElement | null;
      if (!ref.current.enabled || e.ctrlKey || e.metaKey || e.altKey) return;
      if (target !== null && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return;
      const move = MOVES[e.key];
      const action = ACTIONS[e.key];
      if (move !== undefined) ref.current.onMove(move);
      else if (action !== undefined) ref.current.onAction(action);
      else return;
      // The key opened a form: keep the letter out of the field that is about to take focus.
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
