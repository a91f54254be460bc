import { describe, expect, test } from 'vitest';
import { newPathFor, openCustomerId, SEQUENCE_MS, ShortcutReader, type KeyPress } from '../../../src/app/shortcuts/utils/keymap';

const press = (key: string, at: number, extra: Partial<KeyPress> = {}): KeyPress => ({ key, at, ctrlKey: false, metaKey: false, altKey: false, typing: false, ...extra });

describe('ShortcutReader', () => {
  test('Ctrl+K and Cmd+K open the palette, even while typing', () => {
    const reader = new ShortcutReader();
    expect(reader.read(press('k', 0, { ctrlKey: true, typing: true }))).toEqual({ kind: 'palette' });
    expect(reader.read(press('K', 0, { metaKey: true }))).toEqual({ kind: 'palette' });
  });

  test('g then c, p, t, h go to the pages', () => {
    const reader = new ShortcutReader();
    const go = (letter: string) => {
      expect(reader.read(press('g', 0))).toBeNull();
      return reader.read(press(letter, 500));
    };
    expect(go('c')).toEqual({ kind: 'go', path: '/customers' });
    expect(go('p')).toEqual({ kind: 'go', path: '/pipeline' });
    expect(go('t')).toEqual({ kind: 'go', path: '/tickets' });
    expect(go('h')).toEqual({ kind: 'go', path: '/' });
  });

  test('the second key of a sequence must come soon, and an unknown one ends it', () => {
    const reader = new ShortcutReader();
    reader.read(press('g', 0));
    expect(reader.read(press('c', SEQUENCE_MS + 1))).toBeNull();
    reader.read(press('g', 10_000));
    expect(reader.read(press('x', 10_100))).toBeNull();
    expect(reader.read(press('c', 10_200))).toBeNull();
  });

  test('?, / and n; Shift alone does not break a sequence', () => {
    const reader = new ShortcutReader();
    expect(reader.read(press('?', 0))).toEqual({ kind: 'help' });
    expect(reader.read(press('/', 0))).toEqual({ kind: 'search' });
    expect(reader.read(press('n', 0))).toEqual({ kind: 'new' });
    reader.read(press('g', 0));
    expect(reader.read(press('Shift', 100))).toBeNull();
    expect(reader.read(press('C', 200))).toEqual({ kind: 'go', path: '/customers' });
  });

  test('single keys do nothing while typing or with a modifier', () => {
    const reader = new ShortcutReader();
    expect(reader.read(press('?', 0, { typing: true }))).toBeNull();
    expect(reader.read(press('n', 0, { ctrlKey: true }))).toBeNull();
    expect(reader.read(press('g', 0, { typing: true }))).toBeNull();
    expect(reader.read(press('c', 100))).toBeNull();
  });
});

describe('newPathFor', () => {
  test.each([
    ['/customers', '/customers/new'],
    ['/customers/abc', '/customers/new'],
    ['/pipeline', '/deals/new'],
    ['/deals/d1', '/deals/new'],
    ['/tickets', '/tickets/new'],
    ['/tasks', '/tasks?new=1'],
    ['/campaigns', '/campaigns/new'],
    ['/', null],
    ['/settings', null],
  ])('%s -> %s', (location, path) => {
    expect(newPathFor(location)).toBe(path);
  });
});

describe('openCustomerId', () => {
  test('only a customer page, not the list, the new form or an edit form', () => {
    expect(openCustomerId('/customers/c1')).toBe('c1');
    expect(openCustomerId('/customers')).toBeNull();
    expect(openCustomerId('/customers/new')).toBeNull();
    expect(openCustomerId('/customers/c1/edit')).toBeNull();
  });
});
