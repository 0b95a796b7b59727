import type { EChartsOption } from 'echarts';
import { BarChart, HeatmapChart, LineChart, MapChart, PieChart, ScatterChart } from 'echarts/charts';
import {
  CalendarComponent,
  GeoComponent,
  GraphicComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';

/** The option type every builder returns; builders import it as a type only, never echarts itself. */
export type ChartOption = EChartsOption;

// Only what the builders use (the map's pulse is an HTML overlay, so no EffectScatterChart): 216 kB gzip instead of the full build's 367 kB (measured).
echarts.use([
  BarChart,
  HeatmapChart,
  LineChart,
  MapChart,
  PieChart,
  ScatterChart,
  CalendarComponent,
  GeoComponent,
  GraphicComponent, // the derived-township note on a county map (issue 21)
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

/** What a parent may ask of a mounted chart (PNG export; where a lon/lat of geo 0 is drawn). */
export interface ChartHandle {
  toDataUrl(): string | undefined;
  geoToPixel(lon: number, lat: number): readonly [number, number] | undefined;
}

export type ChartClick = { readonly name: string; readonly seriesName?: string; readonly data?: unknown };

interface Props {
  readonly option: ChartOption;
  /** GeoJSON maps to register before the option is set (keyed by map name). */
  readonly maps?: Readonly<Record<string, object>>;
  readonly onClick?: (p: ChartClick) => void;
  readonly className?: string;
  readonly label: string;
  readonly handle?: Ref<ChartHandle>;
  /** After each finished render (new option, resize, geo view change): positions may have moved. */
  readonly onLayout?: () => void;
}

/** Undefined until geo 0 exists and is laid out (map not registered yet, chart disposed). */
function geoToPixel(chart: echarts.ECharts | null, lon: number, lat: number) {
  if (chart === null || chart.isDisposed()) return undefined;
  const p: unknown = chart.convertToPixel({ geoIndex: 0 }, [lon, lat]);
  if (!Array.isArray(p)) return undefined;
  const [x, y] = p as unknown[];
  return typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y)
    ? ([x, y] as const)
    : undefined;
}

/** Maps are registered process-wide in echarts; this remembers which object each name holds. */
const registered = new Map<string, object>();

/**
 * THE ONLY importer of echarts (STYLE.md §13): init on mount, setOption on change, resize with its
 * box, dispose on unmount, so a wall that re-renders for days never leaks a chart instance.
 */
export function EChart({ option, maps, onClick, className, label, handle, onLayout }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;
  const layoutRef = useRef(onLayout);
  layoutRef.current = onLayout;

  useEffect(() => {
    const el = box.current;
    if (el === null) return undefined;
    const instance = echarts.init(el, null, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (p) => clickRef.current?.(p as ChartClick));
    // 'finished' (not 'rendered'): once per settled render, never per animation frame.
    instance.on('finished', () => layoutRef.current?.());
    // A box taken out of the page reports 0×0 before the cleanup below disconnects it; echarts 6.1.0
    // throws resizing a geo chart to that (apache/echarts#21706), so such a resize is skipped.
    const observer = new ResizeObserver(() => {
      if (el.isConnected && el.clientWidth > 0 && el.clientHeight > 0) instance.resize();
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    for (const [name, geoJson] of Object.entries(maps ?? {})) {
      // Registered again only when the GeoJSON object changed (configured file replacing the schematic).
      if (registered.get(name) !== geoJson) {
        echarts.registerMap(name, geoJson as Parameters<typeof echarts.registerMap>[1]);
        registered.set(name, geoJson);
      }
    }
    chart.current?.setOption(option, { notMerge: true, lazyUpdate: true });
  }, [option, maps]);

  useImperativeHandle(
    handle,
    () => ({
      toDataUrl: () => chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#050b18' }),
      geoToPixel: (lon, lat) => geoToPixel(chart.current, lon, lat),
    }),
    [],
  );

  return <div ref={box} className={className} role="img" aria-label={label} />;
}
