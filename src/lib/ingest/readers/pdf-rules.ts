/**
 * The ruling lines of a PDF page (table borders), from pdf.js's operator list: straight path
 * segments transformed into page space. Rectangles (pdfkit, LibreOffice) and single strokes or
 * thin filled bars (Word) all come out as horizontal and vertical segments.
 */
export interface HSegment {
	y: number;
	x0: number;
	x1: number;
}

export interface VSegment {
	x: number;
	y0: number;
	y1: number;
}

export interface Rules {
	h: HSegment[];
	v: VSegment[];
}

type Matrix = [number, number, number, number, number, number];

function multiply(m: Matrix, n: Matrix): Matrix {
	return [
		m[0] * n[0] + m[1] * n[2],
		m[0] * n[1] + m[1] * n[3],
		m[2] * n[0] + m[3] * n[2],
		m[2] * n[1] + m[3] * n[3],
		m[4] * n[0] + m[5] * n[2] + n[4],
		m[4] * n[1] + m[5] * n[3] + n[5]
	];
}

/** pdf.js path data (v5): moveTo 0 x y, lineTo 1 x y, curveTo 2 (6 numbers), quadraticCurveTo 3 (4), closePath 4. */
const ARGS = [2, 2, 6, 4, 0];

/**
 * `ops` maps pdf.js operator names to codes (pdfjs OPS). A path format pdf.js may change gives no
 * segments: the reader then falls back on text positions alone.
 */
export function rulesOf(fnArray: number[], argsArray: unknown[], ops: Record<string, number>): Rules {
	const h: HSegment[] = [];
	const v: VSegment[] = [];
	let ctm: Matrix = [1, 0, 0, 1, 0, 0];
	const stack: Matrix[] = [];
	const at = (x: number, y: number): [number, number] => [ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]];
	const segment = (a: [number, number], b: [number, number]) => {
		const [x0, y0] = at(...a);
		const [x1, y1] = at(...b);
		if (Math.abs(y1 - y0) < 1 && Math.abs(x1 - x0) >= 4) h.push({ y: (y0 + y1) / 2, x0: Math.min(x0, x1), x1: Math.max(x0, x1) });
		else if (Math.abs(x1 - x0) < 1 && Math.abs(y1 - y0) >= 4) v.push({ x: (x0 + x1) / 2, y0: Math.min(y0, y1), y1: Math.max(y0, y1) });
	};
	for (let i = 0; i < fnArray.length; i++) {
		const fn = fnArray[i];
		if (fn === ops.save) stack.push(ctm);
		else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
		else if (fn === ops.transform) ctm = multiply(argsArray[i] as Matrix, ctm);
		else if (fn === ops.constructPath) {
			const args = argsArray[i] as unknown[];
			const paint = args?.[0];
			// A clipping path (ended without painting) draws nothing: Word clips every text run.
			if (paint === ops.endPath) continue;
			const filled = paint === ops.fill || paint === ops.eoFill;
			const box = args?.[2] as ArrayLike<number> | undefined;
			// A filled shape is a rule only as a thin bar; a filled box (shading, background) is not.
			if (filled && box && box.length >= 4 && Math.min(Math.abs(box[2] - box[0]), Math.abs(box[3] - box[1])) > 2.5) continue;
			const data = args?.[1];
			const paths = Array.isArray(data) ? data : [];
			for (const path of paths) {
				if (!path || typeof (path as ArrayLike<number>).length !== 'number') continue;
				const d = path as ArrayLike<number>;
				let start: [number, number] | null = null;
				let current: [number, number] | null = null;
				for (let k = 0; k < d.length;) {
					const op = d[k];
					const n = ARGS[op];
					if (n === undefined) break;
					if (op === 0) start = current = [d[k + 1], d[k + 2]];
					else if (op === 1) {
						const next: [number, number] = [d[k + 1], d[k + 2]];
						if (current) segment(current, next);
						current = next;
					} else if (op === 2 || op === 3) current = [d[k + n - 1], d[k + n]];
					else if (op === 4 && current && start) {
						segment(current, start);
						current = start;
					}
					k += n + 1;
				}
			}
		}
	}
	return { h, v };
}
