/** Which files each parse worker takes: its own kinds first, the earliest first, within the window. */
import { describe, expect, it } from 'vitest';
import { JobQueues, fileKind } from '../../ingest/job-queues';

/** Every file once, whichever worker asks, until none is left. */
function drain(q: JobQueues, order: number[], emitted = () => 0, max = 2): number[][] {
	const taken: number[][] = order.map(() => []);
	for (let turn = 0; q.remaining > 0; turn++) {
		const w = order[turn % order.length];
		taken[w].push(...q.take(w, emitted(), max));
	}
	return taken;
}

describe('JobQueues', () => {
	it('gives each kind a home worker, the largest kinds shared out first', () => {
		const kinds = ['html', 'txt', 'html', 'docx', 'html', 'txt', 'html', 'docx'];
		const [a, b] = drain(new JobQueues(kinds, 2), [0, 1]);
		// html (4 files) to worker 0; txt and docx (2 + 2) to worker 1: each takes its own, in order.
		expect(a).toEqual([0, 2, 4, 6]);
		expect(b).toEqual([1, 3, 5, 7]);
	});

	it('lets a worker with nothing of its own take the earliest file of another kind', () => {
		const q = new JobQueues(['html', 'html', 'html', 'txt'], 2);
		expect(q.take(1, 0, 1)).toEqual([3]);
		expect(q.take(1, 0, 2)).toEqual([0, 1]);
		expect(q.take(0, 0, 4)).toEqual([2]);
		expect(q.remaining).toBe(0);
		expect(q.take(0, 0, 4)).toEqual([]);
	});

	it('takes no file further than the window past the next result to hand on, unless nothing else is left', () => {
		// Ten web pages, then ten text files: worker 1's text files would wait for all the pages.
		const kinds = [...Array(10).fill('html'), ...Array(10).fill('txt')];
		const q = new JobQueues(kinds, 2, 4);
		expect(q.take(1, 0, 2)).toEqual([0, 1]);
		expect(q.take(1, 7, 2)).toEqual([10, 2]);
		const only = new JobQueues(['txt', 'txt', 'txt'], 2, 1);
		expect(only.take(0, 0, 3)).toEqual([0, 1, 2]);
	});

	it('hands out every file exactly once with one kind or many', () => {
		for (const kinds of [Array(9).fill('txt'), ['pdf', 'txt', 'html', 'docx', 'md', 'txt', 'html']]) {
			const taken = drain(new JobQueues(kinds, 3), [0, 1, 2], () => 0, 3).flat();
			expect(taken.sort((x, y) => x - y)).toEqual(kinds.map((_, i) => i));
		}
	});

	it('knows a file by its extension, a web page by either', () => {
		expect(['a/b.HTM', 'c.html', 'd.page.txt', 'e.docx', 'noext'].map(fileKind)).toEqual(['html', 'html', 'txt', 'docx', '']);
	});
});
