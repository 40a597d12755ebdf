/** Only the ECharts parts the app draws with (keeps the bundle small). */
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart, SunburstChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, TitleComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, HeatmapChart, LineChart, SunburstChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, TitleComponent, CanvasRenderer]);

export { echarts };
