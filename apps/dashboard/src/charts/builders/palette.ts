/** Colours of the dark wall theme, shared by every builder and the CSS (see styles.css). */
export const THEME = {
  text: '#e6edf7',
  muted: '#8fa3bf',
  grid: '#1e2a44',
  panel: '#0b1628',
  red: '#ff3b3b',
  orange: '#ff9f1a',
  blue: '#3b9cff',
  // No red in the heat scale: red belongs to red alerts, which must stand out on the map.
  heat: ['#0f2a4f', '#1f5fa8', '#22a6c7', '#7dd3a8', '#f5c542'],
  series: ['#3b9cff', '#22d3ee', '#4ade80', '#f5c542', '#ff9f1a', '#f472b6', '#a78bfa', '#94a3b8'],
} as const;

/** Font sizes follow the viewport height so a 4K wall is not tiny: 1080 px → 1×, 2160 px → 2×. */
export function fontScale(viewportHeight: number): number {
  return Math.max(0.8, viewportHeight / 1080);
}
