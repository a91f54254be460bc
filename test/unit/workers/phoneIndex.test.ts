import { describe, expect, test } from 'vitest';
import { PhoneIndex, phoneTerms } from '../../../src/workers/phoneIndex';
import { seededRandom } from '../../../src/analytics/random';

describe('PhoneIndex', () => {
  test('finds a customer by any suffix a user would type, and forgets a changed or removed number', () => {
    const phones = new PhoneIndex();
    phones.set('a', ['+8613812345678']);
    phones.set('b', ['+14155550123', '+8613900001111']);
    expect([...phones.withPrefix('5678')]).toEqual(['a']);
    expect([...phones.withPrefix('1381234')]).toEqual(['a']);
    expect([...phones.withPrefix('12345')]).toEqual(['a']);
    expect([...phones.withPrefix('415555')]).toEqual(['b']);
    expect([...phones.withPrefix('139')]).toEqual(['b']);
    expect([...phones.withPrefix('1')].sort()).toEqual(['a', 'b']);
    expect([...phones.withPrefix('56789')]).toEqual([]);
    expect(phones.has('b', '0123')).toBe(true);
    expect(phones.has('a', '0123')).toBe(false);

    phones.set('a', ['+8613812349999']);
    expect([...phones.withPrefix('5678')]).toEqual([]);
    expect([...phones.withPrefix('9999')]).toEqual(['a']);
    phones.remove('b');
    expect([...phones.withPrefix('139')]).toEqual([]);
    expect([...phones.withPrefix('1')]).toEqual(['a']);
    phones.set('b', []);
    expect(phones.has('b', '1')).toBe(false);
  });

  test('answers as a scan of every customer would, through small and large batches of changes', () => {
    const seed = 20261201;
    console.log(`phone index seed ${seed}`);
    const random = seededRandom(seed);
    const digits = (length: number) => Array.from({ length }, () => Math.floor(random() * 10)).join('');
    const phones = new PhoneIndex();
    const truth = new Map<string, string[]>();
    const check = () => {
      for (const query of ['1', '13', '55', '0123', digits(3), digits(4), digits(7)]) {
        const expected = [...truth].filter(([, numbers]) => numbers.flatMap(phoneTerms).some((term) => term.startsWith(query))).map(([id]) => id).sort();
        expect([...phones.withPrefix(query)].sort(), query).toEqual(expected);
      }
    };
    // 2,000 customers at once (sorted whole), then rounds of a few edits (inserted in place), re-sets of unchanged
    // numbers (duplicates) and removals, then a large round again.
    const round = (changes: number, ids: number) => {
      for (let i = 0; i < changes; i++) {
        const id = `c${Math.floor(random() * ids)}`;
        if (random() < 0.15) {
          phones.remove(id);
          truth.delete(id);
        } else {
          const numbers = random() < 0.3 && truth.has(id) ? (truth.get(id) as string[]) : Array.from({ length: Math.floor(random() * 3) }, () => `+86${digits(11)}`);
          phones.set(id, numbers);
          if (numbers.length) truth.set(id, numbers);
          else truth.delete(id);
        }
      }
      check();
    };
    round(2000, 2000);
    for (let r = 0; r < 20; r++) round(5, 2000);
    round(1500, 2000);
    for (let r = 0; r < 5; r++) round(40, 2000);
  });
});
