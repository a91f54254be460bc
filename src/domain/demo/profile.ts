import type { CustomerFields } from '../customer';
import type { Channel } from '../fields';
import type { MemberId } from '../ids';
import { COMPANY_SHARE, SOURCES, type Archetype } from './archetypes';
import { company as drawCompany, employeeCount, type DemoCompany } from './companies';
import type { History } from './history';
import {
  CHINESE_FAMILY,
  CHINESE_GIVEN,
  ENGLISH_FAMILY,
  ENGLISH_GIVEN,
  ENGLISH_NAMES_IN_CHINA,
  GERMAN_FAMILY,
  GERMAN_GIVEN,
  TITLES_DE,
  TITLES_EN,
  TITLES_ZH,
  type FamilyName,
  type GivenName,
} from './people';
import { EMAIL_PROVIDERS, PREFERRED_CHANNEL, REGION_TAG, address, phone, pickUsCity, type RegionCode } from './places';
import { Weighted, type Rng } from './random';

/** Who a demo customer is: name, contact details, company, and the fields that follow from their history. */

const CHINESE_SURNAMES = new Weighted<FamilyName>(CHINESE_FAMILY);

export interface Identity {
  kind: 'person' | 'company';
  region: RegionCode;
  name: string;
  /** Share of this customer's interactions written in Chinese. */
  zhShare: number;
  emails: string[];
  phones: string[];
  company?: DemoCompany;
  title?: string;
  address?: string;
  gender?: 'female' | 'male' | 'other';
  birthday?: string;
  source: string;
}

interface PersonName {
  name: string;
  given: GivenName;
  family: FamilyName;
  han: boolean;
}

function personName(rng: Rng, region: RegionCode): PersonName {
  const roll = rng.next();
  if ((region === 'CN' && roll < 0.9) || (region === 'US' && roll < 0.07) || (region !== 'CN' && roll < 0.03)) {
    const family = CHINESE_SURNAMES.draw(rng);
    const given = rng.pick(CHINESE_GIVEN);
    return { name: family.name + given.name, given, family, han: true };
  }
  if (region === 'CN') {
    const family = CHINESE_SURNAMES.draw(rng);
    const given = rng.pick(ENGLISH_NAMES_IN_CHINA);
    return { name: `${given.name} ${capitalise(family.ascii)}`, given, family, han: false };
  }
  const german = region === 'DE' && roll < 0.88;
  const given = rng.pick(german ? GERMAN_GIVEN : ENGLISH_GIVEN);
  const family = rng.pick(german ? GERMAN_FAMILY : ENGLISH_FAMILY);
  return { name: `${given.name} ${family.name}`, given, family, han: false };
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

function personalEmail(rng: Rng, region: RegionCode, person: PersonName): string {
  const provider = EMAIL_PROVIDERS[region].draw(rng);
  if (provider === 'qq.com' && rng.chance(0.5)) return `${rng.between(10_000_000, 2_999_999_999)}@qq.com`;
  const first = person.given.ascii;
  const last = person.family.ascii;
  let handle: string;
  switch (rng.int(6)) {
    case 0:
      handle = `${first}.${last}`;
      break;
    case 1:
      handle = person.han ? `${last}${first}` : `${first}${last}`;
      break;
    case 2:
      handle = `${first.charAt(0)}${last}`;
      break;
    case 3:
      handle = person.han ? `${last}.${first}` : `${first}_${last}`;
      break;
    case 4:
      handle = `${first}.${last}${rng.digits(2)}`;
      break;
    default:
      handle = person.han ? `${last}${first}${rng.between(1970, 2005)}` : `${first}${last.charAt(0)}${rng.between(70, 99)}`;
  }
  return `${handle}@${provider}`;
}

const COMPANY_MAILBOXES: Record<RegionCode, readonly string[]> = {
  US: ['info', 'sales', 'office', 'purchasing', 'hello'],
  GB: ['info', 'enquiries', 'office', 'accounts', 'hello'],
  DE: ['info', 'kontakt', 'einkauf', 'office'],
  CN: ['info', 'service', 'sales', 'hr'],
};

/** Chance that a person is a contact at a firm (with a company and a title). */
const EMPLOYED: Record<Archetype, number> = {
  loyal: 0.25,
  growing: 0.4,
  fader: 0.25,
  oneTime: 0.15,
  newLead: 0.3,
  staleLead: 0.3,
  bigTicket: 0.85,
  occasional: 0.2,
};

function isoBirthday(rng: Rng, nowYear: number): string {
  const year = nowYear - rng.between(19, 75);
  const month = rng.between(1, 12);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  const day = rng.between(1, days);
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

export function drawIdentity(rng: Rng, archetype: Archetype, region: RegionCode, nowYear: number): Identity {
  const kind = rng.chance(COMPANY_SHARE[archetype]) ? 'company' : 'person';
  const usCity = pickUsCity(rng);
  const source = SOURCES[kind].draw(rng);
  const phoneCount = rng.chance(0.1) ? 0 : rng.chance(0.06) ? 2 : 1;
  const phones: string[] = [];
  for (let i = 0; i < phoneCount; i++) {
    const number = phone(rng, region, usCity);
    if (!phones.includes(number)) phones.push(number);
  }

  if (kind === 'company') {
    const firm = drawCompany(rng, region);
    const han = /[\u4e00-\u9fff]/.test(firm.name);
    const emails = rng.chance(0.93) ? [`${rng.pick(COMPANY_MAILBOXES[region])}@${firm.domain}`] : [];
    const identity: Identity = {
      kind,
      region,
      name: firm.name,
      zhShare: region === 'CN' ? (han ? 0.8 : 0.4) : 0,
      emails,
      phones,
      company: firm,
      source,
    };
    if (rng.chance(0.8)) identity.address = address(rng, region, usCity);
    return identity;
  }

  const person = personName(rng, region);
  const emails: string[] = [];
  const employed = rng.chance(EMPLOYED[archetype]);
  const firm = employed ? drawCompany(rng, region) : undefined;
  const noEmail = rng.chance(region === 'CN' ? 0.18 : 0.06);
  if (!noEmail) {
    if (firm && rng.chance(0.65)) {
      const first = person.given.ascii;
      const last = person.family.ascii;
      emails.push(`${rng.chance(0.6) ? `${first}.${last}` : `${first.charAt(0)}${last}`}@${firm.domain}`);
      if (rng.chance(0.2)) emails.push(personalEmail(rng, region, person));
    } else {
      emails.push(personalEmail(rng, region, person));
      if (rng.chance(0.06)) {
        const second = personalEmail(rng, region, person);
        if (second !== emails[0]) emails.push(second);
      }
    }
  }
  const identity: Identity = {
    kind,
    region,
    name: person.name,
    zhShare: region === 'CN' ? (person.han ? 0.75 : 0.35) : person.han ? 0.1 : 0,
    emails,
    phones,
    source,
  };
  if (firm) {
    identity.company = firm;
    const titles = region === 'CN' && person.han ? TITLES_ZH : region === 'DE' && rng.chance(0.6) ? TITLES_DE : TITLES_EN;
    identity.title = rng.pick(titles);
  }
  if (rng.chance(0.45)) identity.address = address(rng, region, usCity);
  if (rng.chance(0.85)) identity.gender = rng.chance(0.01) ? 'other' : person.given.gender;
  if (rng.chance(0.3)) identity.birthday = isoBirthday(rng, nowYear);
  return identity;
}

const NEEDS: Record<'en' | 'zh', readonly string[]> = {
  en: [
    'Furnishing a new office for about 25 people next quarter.',
    'Wants height-adjustable desks for the whole team.',
    'Prefers delivery outside business hours.',
    'Budget-conscious; asks for volume discounts.',
    'Needs invoices with PO numbers.',
    'Interested in the annual maintenance plan.',
    'Back problems: ergonomic chairs are the priority.',
    'Sustainable materials matter to them.',
    'Home office; limited space, likes compact designs.',
    'Decides quickly when samples can be tried in the showroom.',
  ],
  zh: [
    '新办公室装修,下季度需要约 30 个工位。',
    '希望批量采购有折扣。',
    '需要开具增值税专用发票。',
    '偏好周末送货。',
    '关注环保材料。',
    '老板重视人体工学椅。',
    '居家办公,空间有限,喜欢小巧的款式。',
    '希望先到展厅试用再决定。',
  ],
};

export interface FieldsInput {
  identity: Identity;
  archetype: Archetype;
  history: History;
  ownerId: MemberId | undefined;
}

/** The customer's fields, in the order of the schema; lifecycle and tags follow from what happened. */
export function customerFields(rng: Rng, { identity, archetype, history, ownerId }: FieldsInput): CustomerFields {
  const isCompany = identity.kind === 'company';
  const lifecycle: CustomerFields['lifecycle'] =
    archetype === 'newLead' || archetype === 'staleLead'
      ? history.engaged
        ? 'prospect'
        : 'lead'
      : archetype === 'fader' && rng.chance(0.55)
        ? 'churned'
        : 'customer';
  const consentEmail = identity.emails.length > 0 && rng.chance(identity.region === 'CN' ? 0.55 : 0.72);
  const consentSms = identity.phones.length > 0 && rng.chance(0.35);
  const consentPhone = identity.phones.length > 0 && rng.chance(0.5);

  const tags: string[] = [];
  if (rng.chance(0.85)) tags.push(REGION_TAG[identity.region]);
  if (isCompany ? rng.chance(0.75) : identity.company ? rng.chance(0.25) : false) tags.push('wholesale');
  else if (!isCompany && rng.chance(0.6)) tags.push('retail');
  const vipFrom = isCompany ? 25_000 : 3_000;
  if ((history.spentUsd >= vipFrom && rng.chance(0.9)) || (history.purchases > 0 && rng.chance(0.01))) tags.push('vip');
  if (consentEmail && rng.chance(0.6)) tags.push('newsletter');
  if (identity.source === 'trade show' && rng.chance(0.8)) tags.push('trade-show');
  if (identity.source === 'referral' && rng.chance(0.7)) tags.push('referral');
  if ((identity.source === 'partner' && rng.chance(0.7)) || (isCompany && rng.chance(0.06))) tags.push('partner');
  if (archetype === 'bigTicket' && isCompany && rng.chance(0.6)) tags.push('key-account');
  if (rng.chance(archetype === 'oneTime' || archetype === 'occasional' ? 0.15 : 0.04)) tags.push('price-sensitive');
  if (rng.chance(0.05)) tags.push('sustainability');
  if (archetype === 'fader' && lifecycle !== 'churned' && history.complaints > 0 && rng.chance(0.3)) tags.push('at-risk');
  if (archetype === 'newLead' && history.engaged && rng.chance(0.3)) tags.push('hot-lead');

  let preferredChannel: Channel | undefined;
  if (rng.chance(0.75)) {
    preferredChannel = PREFERRED_CHANNEL[identity.region].draw(rng);
    if (preferredChannel === 'email' && identity.emails.length === 0) preferredChannel = 'phone';
  }
  const needs = rng.chance(0.3) ? rng.pick(NEEDS[identity.zhShare >= 0.5 && rng.chance(0.85) ? 'zh' : 'en']) : undefined;
  const employer = !isCompany ? identity.company?.name : undefined;
  // In the schema's order, so the JSON reads naturally; optional fields only when they have a value.
  return {
    kind: identity.kind,
    name: identity.name,
    emails: identity.emails,
    phones: identity.phones,
    ...(employer !== undefined ? { company: employer } : {}),
    ...(identity.title !== undefined ? { title: identity.title } : {}),
    ...(identity.address !== undefined ? { address: identity.address } : {}),
    ...(identity.birthday !== undefined ? { birthday: identity.birthday } : {}),
    ...(identity.gender !== undefined ? { gender: identity.gender } : {}),
    source: identity.source,
    ...(ownerId !== undefined ? { ownerId } : {}),
    tags,
    lifecycle,
    ...(preferredChannel !== undefined ? { preferredChannel } : {}),
    consentEmail,
    consentSms,
    consentPhone,
    ...(needs !== undefined ? { needs } : {}),
    ...(isCompany && identity.company
      ? { custom: { industry: identity.company.industry, employees: employeeCount(rng) } }
      : {}),
  };
}
