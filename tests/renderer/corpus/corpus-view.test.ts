/**
 * The corpus view's pure helpers (renderer/corpus/): how shared anchors are
 * ordered and labelled for a reader, and what the browser's folder picker says
 * about each folder.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anchorLabel, orderAnchors } from '../../../renderer/corpus/corpus-view.ts';
import { describeFolders } from '../../../renderer/corpus/folder-picker.ts';

test('shared anchors: names first, then numbers by value, then the rest', () => {
  assert.deepEqual(orderAnchors(['number:80', 'known-name:region:JP', 'name:stoltenberg', 'number:7', 'url:https://nato.int', 'name:kishida']), [
    'name:kishida',
    'name:stoltenberg',
    'number:7',
    'number:80',
    'known-name:region:JP',
    'url:https://nato.int',
  ]);
});

test('anchor labels: the value, names capitalised, known names by their last part, addresses whole', () => {
  assert.equal(anchorLabel('number:80'), '80');
  assert.equal(anchorLabel('name:stoltenberg'), 'Stoltenberg');
  assert.equal(anchorLabel('known-name:currency:JPY'), 'JPY');
  assert.equal(anchorLabel('url:https://www.nato.int/news'), 'https://www.nato.int/news');
});

test('the folder picker says what each folder is', () => {
  const described = describeFolders(['/home/u/ws', '/app/corpus', '/data/articles'], '/home/u/ws', '/data/articles');
  assert.deepEqual(
    described.map((folder) => folder.description),
    ['The workspace: where the browser host saves', 'The sample corpus that comes with the workbench', 'Named on the command line (--folder)'],
  );
});
