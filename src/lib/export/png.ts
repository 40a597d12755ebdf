/**
 * A chart as a PNG for reports: 2× pixel ratio, white background, with the title, the filters and
 * the data's origin drawn above and below the chart.
 */
import type { ECharts } from 'echarts/core';

export async function chartPng(chart: ECharts, title: string, filters: string, origin: string): Promise<Blob> {
	const ratio = 2;
	const src = chart.getDataURL({ type: 'png', pixelRatio: ratio, backgroundColor: '#fff' });
	const img = new Image();
	img.src = src;
	await img.decode();
	const pad = 16 * ratio;
	const head = 56 * ratio;
	const foot = 24 * ratio;
	const canvas = document.createElement('canvas');
	canvas.width = img.width + pad * 2;
	canvas.height = img.height + head + foot;
	const ctx = canvas.getContext('2d')!;
	ctx.fillStyle = '#fff';
	ctx.fillRect(0, 0, canvas.width, canvas.height);
	ctx.fillStyle = '#222';
	const font = '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif';
	ctx.font = `600 ${18 * ratio}px ${font}`;
	ctx.fillText(title, pad, 26 * ratio);
	ctx.fillStyle = '#666';
	ctx.font = `${12 * ratio}px ${font}`;
	ctx.fillText(filters, pad, 46 * ratio);
	ctx.drawImage(img, pad, head);
	ctx.fillStyle = '#8a5a00';
	ctx.fillText(origin, pad, head + img.height + 16 * ratio);
	return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG failed'))), 'image/png'));
}
