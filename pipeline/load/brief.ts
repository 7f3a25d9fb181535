// The texts of a brief file, for `wendu lint` (which lints without loading the whole content folder).
export { briefSpans } from './markdown.ts';
