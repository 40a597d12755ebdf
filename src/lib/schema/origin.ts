/** Where a report came from. Generated documents carry this line in their own text. */
export type Origin = 'document' | 'generated';

export const GENERATED_MARKER = '本报告由示例数据生成器生成，不是任何机关发布的真实文件';

export const ORIGIN_LABELS: Record<Origin, { zh: string; en: string }> = {
	document: { zh: '真实文件', en: 'real document' },
	generated: { zh: '示例数据', en: 'generated' }
};
