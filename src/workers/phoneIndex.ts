// Customers by the digits of their phone numbers. A user types a number's tail or its national part, so each phone
// is kept under the suffixes they would type (phoneTerms), and a query's digits find every suffix they begin.
// These are nearly all distinct: at 100,000 demo customers 454k of the full-text index's 486k terms, each a node of
// its tree with maps of its own; the index took 386 MB with them and 78 MB without (Node, which does not compress
// pointers). Here they take 38 MB: plain arrays, grouped by their first digits and bisected.
import { countBelow } from '../analytics/sorted';

/** People type a phone number's tail or its national part, not its country code: index the useful suffixes. */
export function phoneTerms(phone: string): string[] {
  const digits = phone.replace(/\D/g, '');
  const terms = new Set([digits]);
  for (const length of [4, 7, 8, 10, 11]) if (digits.length > length) terms.add(digits.slice(-length));
  return [...terms];
}

/**
 * Entries are grouped by their first digits: a query of at most that many digits takes whole groups, a longer one
 * bisects one group, and a change touches one group, never every entry.
 */
const GROUP_DIGITS = 4;

/** Suffixes and, at the same index, whose each one is; put in order by the first query that bisects the group. */
interface Group {
  terms: string[];
  owners: string[];
  sorted: boolean;
}

export class PhoneIndex {
  private readonly groups = new Map<string, Group>();
  /** Each customer's suffixes, to take them out again. */
  private readonly ofCustomer = new Map<string, readonly string[]>();

  /** Replaces the customer's phones. */
  set(id: string, phones: readonly string[]): void {
    this.remove(id);
    const terms = [...new Set(phones.flatMap(phoneTerms))];
    if (terms.length === 0) return;
    this.ofCustomer.set(id, terms);
    for (const term of terms) {
      const key = term.slice(0, GROUP_DIGITS);
      let group = this.groups.get(key);
      if (!group) this.groups.set(key, (group = { terms: [], owners: [], sorted: true }));
      group.terms.push(term);
      group.owners.push(id);
      group.sorted = group.terms.length === 1;
    }
  }

  remove(id: string): void {
    const terms = this.ofCustomer.get(id);
    if (!terms) return;
    this.ofCustomer.delete(id);
    for (const term of terms) {
      const group = this.groups.get(term.slice(0, GROUP_DIGITS)) as Group;
      for (let i = group.sorted ? countBelow(group.terms, term) : 0; i < group.terms.length; i++) {
        if (group.terms[i] !== term || group.owners[i] !== id) continue;
        group.terms.splice(i, 1);
        group.owners.splice(i, 1);
        break;
      }
    }
  }

  clear(): void {
    this.groups.clear();
    this.ofCustomer.clear();
  }

  /** Whether one of the customer's phones has a suffix beginning with `digits`. */
  has(id: string, digits: string): boolean {
    return this.ofCustomer.get(id)?.some((term) => term.startsWith(digits)) === true;
  }

  /** The customers one of whose phones has a suffix beginning with `digits`. */
  withPrefix(digits: string): Set<string> {
    const found = new Set<string>();
    if (digits.length <= GROUP_DIGITS) {
      // Every suffix in a group begins with its key.
      for (const [key, group] of this.groups) if (key.startsWith(digits)) for (const owner of group.owners) found.add(owner);
      return found;
    }
    const group = this.groups.get(digits.slice(0, GROUP_DIGITS));
    if (!group) return found;
    sortGroup(group);
    for (let i = countBelow(group.terms, digits); i < group.terms.length && (group.terms[i] as string).startsWith(digits); i++) {
      found.add(group.owners[i] as string);
    }
    return found;
  }
}

function sortGroup(group: Group): void {
  if (group.sorted) return;
  const { terms, owners } = group;
  const order = Array.from(terms.keys()).sort((a, b) => ((terms[a] as string) < (terms[b] as string) ? -1 : (terms[a] as string) > (terms[b] as string) ? 1 : 0));
  group.terms = order.map((i) => terms[i] as string);
  group.owners = order.map((i) => owners[i] as string);
  group.sorted = true;
}
