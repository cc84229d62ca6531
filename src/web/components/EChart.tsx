import * as echarts from 'echarts';
import { useEffect, useRef } from 'preact/hooks';

/**
 * One ECharts chart: renders `option`, re-renders when it changes, resizes with the page, and
 * reports clicks on a series item (cross-filtering).
 */
export function EChart(props: {
  option: echarts.EChartsCoreOption;
  label: string;
  height?: number;
  onItemClick?: (name: string) => void;
}) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | undefined>(undefined);
  useEffect(() => {
    chart.current = echarts.init(el.current!, undefined, { renderer: 'canvas' });
    const resize = () => chart.current?.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.current?.dispose();
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption({ aria: { enabled: true }, animation: false, ...props.option }, true);
    chart.current?.off('click');
    if (props.onItemClick) chart.current?.on('click', (p) => props.onItemClick!(String(p.name)));
  }, [props.option, props.onItemClick]);
  return (
    <div
      ref={el}
      class="chart"
      role="img"
      aria-label={props.label}
      style={{ height: `${props.height ?? 280}px` }}
    />
  );
}
