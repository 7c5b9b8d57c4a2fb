/**
 * The largest document the workbench opens, in bytes: 20 MiB is some 100,000
 * paragraphs of news text. Larger documents are refused with a clear message
 * rather than freezing the editor. One figure for every way a document comes in:
 * a path, an upload to the browser host, a document named by an alignment file.
 */
export const maxDocumentBytes = 20 * 1024 * 1024;
