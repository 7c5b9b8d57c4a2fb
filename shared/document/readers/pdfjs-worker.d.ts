/**
 * pdf.js's worker module has no type declarations; the reader only hands its
 * message handler to pdf.js (shared/document/readers/pdf.ts), so it runs in-process
 * and bundles need no worker file beside them.
 */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
