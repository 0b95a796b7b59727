import { THEME } from './palette';

/** A county's derived township areas drawn inside its outline (the map must then say they are derived). */
export interface TownshipLayers {
  /** The county's feature: drawn as the thicker outline, unlabelled, not shaded. */
  readonly countyName: string;
  /** The townships' area features, by name. */
  readonly names: readonly string[];
  /** Township names on their areas (off when bubbles of their own names sit on them). */
  readonly labels: boolean;
  /** The note on the map that these borders are derived (派生的乡镇边界，仅示意). */
  readonly note: string;
}

/** Sizes at scale 1 and the note's corner: the analysis desk's, or a wall's read across a room. */
export interface TownshipLayerStyle {
  readonly fontSize: number;
  readonly borderWidth: number;
  /** The bottom corner of the note (the wall keeps its heat legend in the bottom left). */
  readonly noteSide: 'left' | 'right';
}

export const DESK_TOWNSHIPS: TownshipLayerStyle = { fontSize: 12, borderWidth: 0.6, noteSide: 'left' };

/** Thin township borders, the county's outline over them, and the note in a bottom corner. */
export function townshipLayers(t: TownshipLayers, scale: number, style = DESK_TOWNSHIPS) {
  const font = Math.round(style.fontSize * scale);
  const inset = Math.round(10 * scale);
  return {
    regions: [
      {
        name: t.countyName,
        silent: true,
        label: { show: false },
        itemStyle: { areaColor: 'transparent', borderColor: '#8fb4ec', borderWidth: 2.5 * scale },
      },
      ...t.names.map((name) => ({
        name,
        label: {
          show: t.labels,
          color: THEME.text,
          fontSize: font,
          // A dark halo keeps the names readable on the brightest shading.
          textBorderColor: THEME.panel,
          textBorderWidth: 2 * scale,
        },
        itemStyle: {
          borderColor: '#4a6a9c',
          borderWidth: style.borderWidth * scale,
          borderType: 'solid' as const,
        },
      })),
    ],
    graphic: [
      {
        type: 'text' as const,
        ...(style.noteSide === 'left' ? { left: inset } : { right: inset }),
        bottom: Math.round(8 * scale),
        silent: true,
        style: { text: t.note, fill: THEME.muted, fontSize: font },
      },
    ],
  };
}
