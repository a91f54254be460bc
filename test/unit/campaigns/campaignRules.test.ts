import { describe, expect, test } from 'vitest';
import {
  campaignInteraction,
  campaignStates,
  campaignStats,
  checkCampaign,
  checkTemplate,
  contactLink,
  hasConsent,
  matchesAudience,
  mergeValuesOf,
  parseAudienceFilter,
  renderTemplate,
  resolveAudience,
  serializeAudienceFilter,
  splitName,
  type AudienceCustomer,
  type AudienceScore,
} from '../../../src/domain/campaigns';

const customer = (id: string, fields: Partial<AudienceCustomer> = {}): AudienceCustomer => ({ id, tags: [], lifecycle: 'lead', ...fields });

describe('audience filters', () => {
  test('stored with keys in a fixed order and empty values left out; read back as written', () => {
    const text = serializeAudienceFilter({ segment: 'recent.frequent.high_spend', tag: 'vip', lifecycle: undefined, ownerId: '' });
    expect(text).toBe('{"tag":"vip","segment":"recent.frequent.high_spend"}');
    expect(parseAudienceFilter(text)).toEqual({ tag: 'vip', segment: 'recent.frequent.high_spend' });
  });

  test('no filter is everyone; malformed text and unknown keys are not a filter', () => {
    expect(parseAudienceFilter(undefined)).toEqual({});
    expect(parseAudienceFilter('')).toEqual({});
    expect(parseAudienceFilter('{"tag":')).toBeNull();
    expect(parseAudienceFilter('{"city":"Paris"}')).toBeNull();
    expect(parseAudienceFilter('{"lifecycle":"vip"}')).toBeNull();
  });

  test('every condition must hold (AND); segments come from the analytics scores', () => {
    const ada = customer('ada', { tags: ['vip', 'beijing'], ownerId: 'm1', lifecycle: 'customer' });
    const score: AudienceScore = { segment: 'recent.frequent.high_spend', rfmSegment: 'champions' };
    expect(matchesAudience(ada, score, {})).toBe(true);
    expect(matchesAudience(ada, score, { tag: 'vip', ownerId: 'm1', lifecycle: 'customer', segment: 'recent.frequent.high_spend', rfmSegment: 'champions' })).toBe(true);
    expect(matchesAudience(ada, score, { tag: 'vip', lifecycle: 'lead' })).toBe(false);
    expect(matchesAudience(ada, score, { ownerId: 'm2' })).toBe(false);
    expect(matchesAudience(ada, undefined, { segment: 'recent.frequent.high_spend' })).toBe(false);
    expect(matchesAudience(ada, score, { rfmSegment: 'at_risk' })).toBe(false);
    expect(matchesAudience({ ...ada, deletedAt: 1 }, score, {})).toBe(false);
  });

  test('the audience keeps customers already reached who left the filter, never deleted ones, in input order', () => {
    const list = [
      customer('a', { tags: ['vip'] }),
      customer('b', { tags: [] }), // left the filter after being touched
      customer('c', { tags: ['vip'], deletedAt: 5 }),
      customer('d', { tags: ['vip'] }),
      customer('e', { tags: [] }),
    ];
    const audience = resolveAudience(list, () => undefined, { tag: 'vip' }, new Set(['b', 'c']));
    expect(audience.map((c) => c.id)).toEqual(['a', 'b', 'd']);
  });
});

describe('templates and merge fields', () => {
  const ada = { kind: 'person' as const, name: 'Ada Lovelace', company: 'Analytical Engines', title: 'CTO', emails: ['ada@example.com', 'ada2@example.com'], phones: ['+447700900123'] };
  const values = mergeValuesOf(ada, { owner: 'Bob', sender: 'Alice' });

  test('a customer’s values', () => {
    expect(values).toEqual({
      name: 'Ada Lovelace',
      firstName: 'Ada',
      lastName: 'Lovelace',
      company: 'Analytical Engines',
      title: 'CTO',
      email: 'ada@example.com',
      phone: '+447700900123',
      owner: 'Bob',
      sender: 'Alice',
    });
  });

  test('names: Latin first and last words, Chinese family name first (two characters in a four-character name)', () => {
    expect(splitName('Ada King Lovelace', 'person')).toEqual({ firstName: 'Ada', lastName: 'Lovelace' });
    expect(splitName('Cher', 'person')).toEqual({ firstName: 'Cher', lastName: '' });
    expect(splitName('王芳', 'person')).toEqual({ firstName: '芳', lastName: '王' });
    expect(splitName('李小龙', 'person')).toEqual({ firstName: '小龙', lastName: '李' });
    expect(splitName('欧阳娜娜', 'person')).toEqual({ firstName: '娜娜', lastName: '欧阳' });
    expect(splitName('Acme Ltd', 'company')).toEqual({ firstName: 'Acme Ltd', lastName: '' });
  });

  test('fields are filled in, with spaces inside the braces allowed', () => {
    expect(renderTemplate('Hi {{firstName}}, {{ company }} is invited. — {{sender}}', values)).toEqual({
      ok: true,
      text: 'Hi Ada, Analytical Engines is invited. — Alice',
      missing: [],
    });
  });

  test('a field the customer has no value for renders empty and is reported', () => {
    const wang = mergeValuesOf({ kind: 'person', name: '王芳', emails: [], phones: [] }, {});
    expect(renderTemplate('{{lastName}}{{firstName}}，您好！{{company}} {{title}}', wang)).toEqual({ ok: true, text: '王芳，您好！ ', missing: ['company', 'title'] });
  });

  test('unknown fields (wrong case, typos, empty) and an unclosed brace are each named with their position', () => {
    expect(checkTemplate('Dear {{Name}}, {{compnay}} {{}} {{name}}')).toEqual([
      { code: 'unknown_merge_field', name: 'Name', at: 5 },
      { code: 'unknown_merge_field', name: 'compnay', at: 15 },
      { code: 'unknown_merge_field', name: '', at: 27 },
    ]);
    expect(checkTemplate('Hi {{name}}, see {{company')).toEqual([{ code: 'unclosed_merge_field', name: '', at: 17 }]);
    expect(renderTemplate('Hi {{nmae}}', values)).toEqual({ ok: false, issues: [{ code: 'unknown_merge_field', name: 'nmae', at: 3 }] });
    expect(checkTemplate('No fields at all, just { braces }.')).toEqual([]);
  });

  test('a campaign is checked for its filter, its subject and template, and its dates', () => {
    expect(checkCampaign({ segmentQuery: '{"tag":"vip"}', subject: 'Hi {{firstName}}', template: 'Dear {{name}}' })).toEqual([]);
    expect(checkCampaign({ segmentQuery: 'nonsense', subject: 'Hi {{first}}', template: 'A {{x}} {{y}} {{', startAt: 10, endAt: 5 })).toEqual([
      { field: 'segmentQuery', code: 'invalid_filter' },
      { field: 'subject', code: 'unknown_merge_field' },
      { field: 'template', code: 'unknown_merge_field' },
      { field: 'template', code: 'unclosed_merge_field' },
      { field: 'endAt', code: 'ends_before_start' },
    ]);
  });
});

describe('links that open the device’s apps', () => {
  const who = { emails: ['ada+news@example.com'], phones: ['+8613800138000'] };

  test('mailto with subject and body (CRLF line breaks, everything escaped)', () => {
    expect(contactLink('email', who, { subject: 'Spring offer & more', body: 'Hi Ada,\nsee you?' })).toEqual({
      kind: 'link',
      href: 'mailto:ada+news@example.com?subject=Spring%20offer%20%26%20more&body=Hi%20Ada%2C%0D%0Asee%20you%3F',
    });
    expect(contactLink('email', who, { body: '' })).toEqual({ kind: 'link', href: 'mailto:ada+news@example.com' });
  });

  test('sms with a body, tel with the number; Chinese text is percent-encoded UTF-8', () => {
    expect(contactLink('sms', who, { body: '王芳，您好' })).toEqual({ kind: 'link', href: 'sms:+8613800138000?body=%E7%8E%8B%E8%8A%B3%EF%BC%8C%E6%82%A8%E5%A5%BD' });
    expect(contactLink('phone', who, { body: 'ignored' })).toEqual({ kind: 'link', href: 'tel:+8613800138000' });
  });

  test('no address or number: says which is missing; visits and events have no link', () => {
    expect(contactLink('email', { emails: [], phones: ['+8613800138000'] }, { body: 'x' })).toEqual({ kind: 'missing', need: 'email' });
    expect(contactLink('sms', { emails: ['a@b.co'], phones: [] }, { body: 'x' })).toEqual({ kind: 'missing', need: 'phone' });
    expect(contactLink('visit', who, { body: 'x' })).toEqual({ kind: 'in-person' });
    expect(contactLink('event', who, { body: 'x' })).toEqual({ kind: 'in-person' });
  });

  test('consent follows the channel', () => {
    const consent = { consentEmail: true, consentSms: false, consentPhone: false };
    expect([hasConsent('email', consent), hasConsent('sms', consent), hasConsent('phone', consent), hasConsent('event', consent)]).toEqual([true, false, false, true]);
  });
});

describe('touches, responses and rates', () => {
  test('touches are outbound, answers inbound, with the channel’s interaction type', () => {
    expect(campaignInteraction('email', 'touched')).toEqual({ type: 'email', channel: 'email', direction: 'outbound', outcome: 'touched' });
    expect(campaignInteraction('sms', 'responded')).toEqual({ type: 'note', channel: 'sms', direction: 'inbound', outcome: 'responded' });
    expect(campaignInteraction('phone', 'converted')).toEqual({ type: 'call', channel: 'phone', direction: 'inbound', outcome: 'converted' });
    expect(campaignInteraction('event', 'touched')).toEqual({ type: 'meeting', channel: 'in-person', direction: 'outbound', outcome: 'touched' });
  });

  test('audience 4; a, b, c touched (a twice); a responded, b converted; d untouched; x is not in the audience', () => {
    const states = campaignStates([
      { customerId: 'a', outcome: 'touched' },
      { customerId: 'a', outcome: 'touched' },
      { customerId: 'b', outcome: 'touched' },
      { customerId: 'c', outcome: 'touched' },
      { customerId: 'a', outcome: 'responded' },
      { customerId: 'b', outcome: 'converted' },
      { customerId: 'c', outcome: 'responded', deletedAt: 9 }, // taken back
      { customerId: 'x', outcome: 'converted' },
      { customerId: 'd', outcome: 'something else' },
    ]);
    expect(states.get('a')).toEqual({ touches: 2, responded: true, converted: false });
    expect(states.get('c')).toEqual({ touches: 1, responded: false, converted: false });
    expect(states.has('d')).toBe(false);
    expect(campaignStats(['a', 'b', 'c', 'd'], states)).toEqual({
      audience: 4,
      touched: 3,
      responded: 2,
      converted: 1,
      responseRate: 2 / 3,
      conversionRate: 1 / 3,
      reach: 3 / 4,
    });
  });

  test('an answer without a logged touch counts as reached; an empty campaign has no rates', () => {
    const states = campaignStates([{ customerId: 'a', outcome: 'converted' }]);
    expect(campaignStats(['a', 'b'], states)).toEqual({ audience: 2, touched: 1, responded: 1, converted: 1, responseRate: 1, conversionRate: 1, reach: 0.5 });
    expect(campaignStats([], new Map())).toEqual({ audience: 0, touched: 0, responded: 0, converted: 0, responseRate: null, conversionRate: null, reach: null });
    expect(campaignStats(['a', 'a'], new Map()).audience).toBe(1);
  });
});
