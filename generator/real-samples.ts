/** Agency-years covered by the real documents shipped in data/documents: the generator leaves them out. */
export const REAL_SAMPLES = [{ agency: '管城回族区人民防空办公室', year: 2020 }];
