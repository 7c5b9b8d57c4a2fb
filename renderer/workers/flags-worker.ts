/**
 * Mismatch flags off the UI thread: numbers, names, URLs and quotations
 * compared between the sides of every link (shared/review/mismatch.ts). On a
 * 5,000-paragraph pair that is most of a second of work, which would
 * otherwise land between the reviewer's keystrokes.
 */
import { describeMismatch, findMismatches } from '../../shared/review/mismatch.ts';
import type { FlagsAnswer, FlagsRequest } from './flags-client.ts';

interface WorkerScope {
  onmessage: ((event: MessageEvent<FlagsRequest>) => void) | null;
  postMessage(message: FlagsAnswer): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { id, links, sourceLanguage, targetLanguage } = event.data;
  try {
    const found = findMismatches(links, { sourceLanguage, targetLanguage });
    const flags = found.flatMap((mismatches, link) =>
      mismatches.length === 0 ? [] : [{ link, flags: mismatches.map((mismatch) => ({ kind: mismatch.kind, message: describeMismatch(mismatch) })) }],
    );
    scope.postMessage({ id, flags });
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
