import type { CSSProperties } from 'react';
import type { PulseItem } from '../charts/builders/pulse-overlay';

interface Props {
  readonly items: readonly PulseItem[];
}

/**
 * The map's pulsing rings as positioned HTML over the static canvas markers. Only `transform` and
 * `opacity` animate (wall.css), which the compositor runs without main-thread work per frame.
 */
export function PulseOverlay({ items }: Props) {
  return (
    <div className="pulses" aria-hidden="true" data-pulses={items.length}>
      {items.map((p) => (
        <span
          key={p.key}
          className={`pulse pulse--${p.kind}`}
          style={
            {
              left: p.x,
              top: p.y,
              width: p.size,
              height: p.size,
              '--pulse-colour': p.colour,
            } as CSSProperties
          }
        />
      ))}
    </div>
  );
}
