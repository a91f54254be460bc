import { describe, expect, test } from 'vitest';
import { candidateScore, matchScore, rankPalette, stepIndex, type PaletteCandidate } from '../../../src/app/palette/utils/rank';

describe('matchScore', () => {
  test.each([
    ['ada', 'Ada', 100],
    ['ada', 'Ada Buyer', 80],
    ['buy', 'Ada Buyer', 60],
    ['ad bu', 'Ada Buyer', 50],
    ['da b', 'Ada Buyer', 40],
    ['adb', 'Ada Buyer', 10],
    ['xyz', 'Ada Buyer', 0],
    ['', 'anything', 1],
  ])('%j in %j scores %i', (query, text, score) => {
    expect(matchScore(query, text)).toBe(score);
  });

  test('case, accents and surrounding spaces are ignored', () => {
    expect(matchScore('  JOSE ', 'José Álvarez')).toBe(80);
    expect(matchScore('alvarez', 'José Álvarez')).toBe(60);
  });

  test('Chinese text matches by characters anywhere', () => {
    expect(matchScore('王芳', '王芳')).toBe(100);
    expect(matchScore('芳', '王芳')).toBe(40);
    expect(matchScore('客户', '客户')).toBe(100);
  });

  test('one character never matches as a scattered subsequence', () => {
    expect(matchScore('q', 'Ada Buyer')).toBe(0);
  });
});

const item = (id: string, group: PaletteCandidate['group'], label: string, extra: Partial<PaletteCandidate> = {}): PaletteCandidate => ({ id, group, label, ...extra });

describe('rankPalette', () => {
  const pages = [item('page:/', 'pages', 'Home'), item('page:/customers', 'pages', 'Customers'), item('page:/pipeline', 'pages', 'Pipeline')];
  const actions = [item('action:newCustomer', 'actions', 'New customer'), item('action:undo', 'actions', 'Undo the last change')];

  test('without a query: pages then actions as given, and no records', () => {
    const sections = rankPalette('', [item('customer:1', 'customers', 'Ada', { prematched: true }), ...pages, ...actions]);
    expect(sections.map((section) => [section.group, section.items.map((entry) => entry.id)])).toEqual([
      ['pages', ['page:/', 'page:/customers', 'page:/pipeline']],
      ['actions', ['action:newCustomer', 'action:undo']],
    ]);
  });

  test('with a query: only matches, the best group first, the best match first within it', () => {
    const sections = rankPalette('cust', [item('customer:1', 'customers', 'Custer Ltd', { prematched: true }), ...pages, ...actions]);
    expect(sections.map((section) => [section.group, section.items.map((entry) => entry.id)])).toEqual([
      ['customers', ['customer:1']],
      ['pages', ['page:/customers']],
      ['actions', ['action:newCustomer']],
    ]);
  });

  test('a customer the worker found by email stays, after the ones whose name matches', () => {
    const customers = [item('customer:email', 'customers', 'Zoe Lang', { prematched: true }), item('customer:name', 'customers', 'Ada Buyer', { prematched: true })];
    const [first] = rankPalette('ada', customers);
    expect(first?.items.map((entry) => entry.id)).toEqual(['customer:name', 'customer:email']);
  });

  test('a deal that does not match is left out (deals are not pre-matched)', () => {
    expect(rankPalette('fleet', [item('deal:1', 'deals', 'Fleet renewal'), item('deal:2', 'deals', 'Spare parts')])).toEqual([
      { group: 'deals', items: [expect.objectContaining({ id: 'deal:1' })] },
    ]);
  });

  test('ties keep the given order (the worker relevance), and each group is capped', () => {
    const many = Array.from({ length: 10 }, (_, index) => item(`customer:${index}`, 'customers', `Ada ${index}`, { prematched: true }));
    const [section] = rankPalette('ada', many);
    expect(section?.items.map((entry) => entry.id)).toEqual(['customer:0', 'customer:1', 'customer:2', 'customer:3', 'customer:4', 'customer:5']);
  });

  test('keywords find an entry under another language, a little below a label match', () => {
    const home = item('page:/', 'pages', '首页', { keywords: ['Home'] });
    expect(candidateScore('home', home)).toBe(95);
    expect(rankPalette('home', [home])[0]?.items).toEqual([home]);
  });

  test('groups with an equal best score keep the fixed order: customers, deals, tickets, pages, actions', () => {
    const sections = rankPalette('renewal', [item('action:a', 'actions', 'Renewal'), item('ticket:t', 'tickets', 'Renewal'), item('deal:d', 'deals', 'Renewal')]);
    expect(sections.map((section) => section.group)).toEqual(['deals', 'tickets', 'actions']);
  });
});

describe('stepIndex', () => {
  test('moves and wraps around', () => {
    expect(stepIndex(0, 3, 1)).toBe(1);
    expect(stepIndex(2, 3, 1)).toBe(0);
    expect(stepIndex(0, 3, -1)).toBe(2);
    expect(stepIndex(-1, 3, -1)).toBe(2);
    expect(stepIndex(-1, 3, 1)).toBe(0);
    expect(stepIndex(0, 0, 1)).toBe(-1);
  });
});
