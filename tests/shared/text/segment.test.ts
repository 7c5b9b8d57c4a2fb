import { test } from 'node:test';
import assert from 'node:assert/strict';
import { words } from '../../../shared/text/segment.ts';

test('Thai words come from Intl.Segmenter, which knows where Thai words end', () => {
  assert.deepEqual(words('เกาหลีใต้และญี่ปุ่นตั้งแต่วันจันทร์นี้', 'th'), ['เกาหลีใต้', 'และ', 'ญี่ปุ่น', 'ตั้งแต่', 'วัน', 'จันทร์', 'นี้']);
});

test("the platform's sentence mode still does not split Thai (why shared/text/space-clauses.ts cuts Thai at spaces)", () => {
  const thai = 'ก่อนหน้านี้ รัฐบาลทั้งสองได้จัดหาเวชภัณฑ์สำหรับสนามรบ เสื้อเกราะ หมวก';
  const sentences = [...new Intl.Segmenter('th', { granularity: 'sentence' }).segment(thai)];
  assert.equal(sentences.length, 1);
});
