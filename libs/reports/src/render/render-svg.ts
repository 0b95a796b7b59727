import * as echarts from 'echarts';

/**
 * One chart rendered to an SVG string by ECharts' server-side renderer (no DOM, no browser): the
 * report stays a self-contained file that prints and converts to PDF as drawn.
 */
export function renderChartSvg(option: echarts.EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
