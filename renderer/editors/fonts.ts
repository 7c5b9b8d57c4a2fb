/**
 * The bundled text fonts: Noto for every script the workbench is tested on
 * (the UDHR cases of bench/udhr-cases.ts: Latin, Cyrillic, Thai, Japanese,
 * Chinese, Korean, Arabic, Hebrew, Devanagari, Tamil), so no reviewer sees tofu for
 * want of an installed font. The @fontsource stylesheets declare each font
 * in unicode-range subsets: the browser downloads only the subsets the text
 * on the page uses (a Thai–English pair never loads a CJK file).
 *
 * Regular weight only for the large CJK families (the UI's bold falls back
 * to synthetic bold there); Thai keeps its semibold for the headers.
 */
import '@fontsource/noto-sans-thai/400.css';
import '@fontsource/noto-sans-thai/600.css';
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/600.css';
import '@fontsource/noto-sans-jp/400.css';
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-kr/400.css';
import '@fontsource/noto-sans-arabic/400.css';
import '@fontsource/noto-sans-hebrew/400.css';
import '@fontsource/noto-sans-devanagari/400.css';
import '@fontsource/noto-sans-tamil/400.css';

/** Han characters look different in Japanese, Chinese and Korean: the document's language picks which CJK font comes first. */
const cjkOrder: Record<'ja' | 'zh' | 'ko', readonly string[]> = {
  ja: ['Noto Sans JP', 'Noto Sans SC', 'Noto Sans KR'],
  zh: ['Noto Sans SC', 'Noto Sans JP', 'Noto Sans KR'],
  ko: ['Noto Sans KR', 'Noto Sans JP', 'Noto Sans SC'],
};

/** The font stack for text in `language` (a BCP-47 tag; Japanese order when absent or not CJK). */
export function textFontFamilyFor(language?: string): string {
  const primary = (language ?? '').toLowerCase().split('-')[0];
  const cjk = primary === 'zh' || primary === 'ko' || primary === 'ja' ? cjkOrder[primary] : cjkOrder.ja;
  return ["'Noto Sans Thai'", "'Noto Sans'", ...cjk.map((name) => `'${name}'`), "'Noto Sans Arabic'", "'Noto Sans Hebrew'", "'Noto Sans Devanagari'", "'Noto Sans Tamil'", 'sans-serif'].join(', ');
}
