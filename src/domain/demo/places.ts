import type { Channel } from '../fields';
import { Weighted, type Rng } from './random';

/** The regions demo customers live in: names, phones (valid E.164), addresses, e-mail providers, time zone. */
export type RegionCode = 'US' | 'GB' | 'DE' | 'CN';

export const REGIONS = new Weighted<RegionCode>([
  ['US', 34],
  ['CN', 31],
  ['GB', 21],
  ['DE', 14],
]);

/** Hours from UTC (standard time; daylight saving ignored): interactions fall in local working hours. */
export const UTC_OFFSET_HOURS: Record<RegionCode, number> = { US: -5, GB: 0, DE: 1, CN: 8 };

export const REGION_TAG: Record<RegionCode, string> = { US: 'americas', GB: 'emea', DE: 'emea', CN: 'apac' };

export const COMPANY_TLD: Record<RegionCode, readonly string[]> = {
  US: ['com', 'com', 'com', 'io', 'co'],
  GB: ['co.uk', 'co.uk', 'com'],
  DE: ['de', 'de', 'com'],
  CN: ['cn', 'com.cn', 'com'],
};

export const EMAIL_PROVIDERS: Record<RegionCode, Weighted<string>> = {
  US: new Weighted([
    ['gmail.com', 40], ['yahoo.com', 12], ['outlook.com', 15], ['icloud.com', 12], ['hotmail.com', 8],
    ['aol.com', 3], ['comcast.net', 3],
  ]),
  GB: new Weighted([
    ['gmail.com', 35], ['outlook.com', 15], ['hotmail.co.uk', 15], ['yahoo.co.uk', 10], ['btinternet.com', 10],
    ['icloud.com', 8], ['sky.com', 5],
  ]),
  DE: new Weighted([
    ['gmx.de', 25], ['web.de', 25], ['gmail.com', 20], ['t-online.de', 15], ['outlook.de', 8], ['posteo.de', 3],
  ]),
  CN: new Weighted([
    ['qq.com', 40], ['163.com', 25], ['126.com', 12], ['sina.com', 6], ['foxmail.com', 8], ['gmail.com', 5],
    ['aliyun.com', 4],
  ]),
};

export const PREFERRED_CHANNEL: Record<RegionCode, Weighted<Channel>> = {
  US: new Weighted<Channel>([['email', 45], ['phone', 25], ['sms', 15], ['in-person', 10], ['web', 5]]),
  GB: new Weighted<Channel>([['email', 50], ['phone', 20], ['sms', 15], ['in-person', 10], ['chat', 5]]),
  DE: new Weighted<Channel>([['email', 60], ['phone', 25], ['in-person', 10], ['sms', 5]]),
  CN: new Weighted<Channel>([['chat', 45], ['phone', 25], ['email', 15], ['in-person', 10], ['sms', 5]]),
};

interface UsCity {
  city: string;
  state: string;
  areaCodes: readonly string[];
  zip: string;
}

const US_CITIES: readonly UsCity[] = [
  { city: 'New York', state: 'NY', areaCodes: ['212', '646', '917', '718'], zip: '100' },
  { city: 'Los Angeles', state: 'CA', areaCodes: ['213', '310', '323'], zip: '900' },
  { city: 'Chicago', state: 'IL', areaCodes: ['312', '773'], zip: '606' },
  { city: 'Houston', state: 'TX', areaCodes: ['713', '832'], zip: '770' },
  { city: 'Phoenix', state: 'AZ', areaCodes: ['602', '480'], zip: '850' },
  { city: 'Philadelphia', state: 'PA', areaCodes: ['215', '267'], zip: '191' },
  { city: 'San Francisco', state: 'CA', areaCodes: ['415', '628'], zip: '941' },
  { city: 'Seattle', state: 'WA', areaCodes: ['206'], zip: '981' },
  { city: 'Boston', state: 'MA', areaCodes: ['617', '857'], zip: '021' },
  { city: 'Austin', state: 'TX', areaCodes: ['512', '737'], zip: '787' },
  { city: 'Denver', state: 'CO', areaCodes: ['303', '720'], zip: '802' },
  { city: 'Atlanta', state: 'GA', areaCodes: ['404', '678'], zip: '303' },
  { city: 'Miami', state: 'FL', areaCodes: ['305', '786'], zip: '331' },
  { city: 'Portland', state: 'OR', areaCodes: ['503', '971'], zip: '972' },
  { city: 'Minneapolis', state: 'MN', areaCodes: ['612'], zip: '554' },
];
const US_STREETS = [
  'Main St', 'Oak Ave', 'Maple Ave', 'Park Blvd', '2nd St', 'Elm St', 'Washington St', 'Lake Dr', 'Cedar Ln',
  'Pine St', 'Market St', 'Broadway', 'Sunset Blvd', 'Madison Ave', 'Lincoln Way', 'Highland Ave',
];

const GB_CITIES: readonly (readonly [string, readonly string[]])[] = [
  ['London', ['E1', 'N1', 'SE1', 'EC1V', 'W1D', 'SW11', 'NW3']],
  ['Manchester', ['M1', 'M4', 'M20']],
  ['Birmingham', ['B1', 'B5', 'B15']],
  ['Leeds', ['LS1', 'LS6']],
  ['Bristol', ['BS1', 'BS8']],
  ['Edinburgh', ['EH1', 'EH3']],
  ['Glasgow', ['G1', 'G12']],
  ['Liverpool', ['L1', 'L8']],
  ['Cambridge', ['CB1', 'CB2']],
  ['Oxford', ['OX1', 'OX4']],
];
const GB_STREETS = [
  'High Street', 'Station Road', 'Church Lane', 'Victoria Road', 'Mill Lane', 'Park Road', 'King Street',
  "Queen's Road", 'London Road', 'Green Lane', 'The Crescent', 'Albert Street',
];
const GB_POSTCODE_LETTERS = [...'ABDEFGHJLNPQRSTUWXYZ'];

const DE_CITIES: readonly (readonly [string, readonly string[]])[] = [
  ['Berlin', ['10', '12', '13']],
  ['Hamburg', ['20', '22']],
  ['München', ['80', '81']],
  ['Köln', ['50', '51']],
  ['Frankfurt am Main', ['60']],
  ['Stuttgart', ['70']],
  ['Düsseldorf', ['40']],
  ['Leipzig', ['04']],
  ['Dresden', ['01']],
  ['Hannover', ['30']],
];
const DE_STREETS = [
  'Hauptstraße', 'Bahnhofstraße', 'Gartenstraße', 'Schulstraße', 'Bergstraße', 'Lindenstraße', 'Goethestraße',
  'Schillerstraße', 'Friedrichstraße', 'Kirchweg', 'Am Markt', 'Rosenweg',
];

const CN_CITIES: readonly (readonly [string, readonly string[]])[] = [
  ['上海市', ['浦东新区', '徐汇区', '静安区', '闵行区', '长宁区']],
  ['北京市', ['朝阳区', '海淀区', '东城区', '西城区']],
  ['深圳市', ['南山区', '福田区', '罗湖区', '宝安区']],
  ['广州市', ['天河区', '越秀区', '海珠区']],
  ['杭州市', ['西湖区', '滨江区', '拱墅区']],
  ['成都市', ['武侯区', '锦江区', '高新区']],
  ['南京市', ['鼓楼区', '建邺区']],
  ['苏州市', ['姑苏区', '工业园区']],
  ['武汉市', ['武昌区', '江汉区']],
  ['西安市', ['雁塔区', '碑林区']],
];
const CN_STREETS = [
  '人民路', '中山路', '解放路', '建设路', '南京路', '长江路', '科技园路', '世纪大道', '学院路', '和平路', '文三路',
  '天府大道',
];

/** A postal address in the region's own format; the US city also decides the phone's area code. */
export function address(rng: Rng, region: RegionCode, usCity: number): string {
  switch (region) {
    case 'US': {
      const city = US_CITIES[usCity] as UsCity;
      return `${rng.between(10, 9899)} ${rng.pick(US_STREETS)}, ${city.city}, ${city.state} ${city.zip}${rng.digits(2)}`;
    }
    case 'GB': {
      const [city, areas] = rng.pick(GB_CITIES);
      const inward = `${rng.between(1, 9)}${rng.pick(GB_POSTCODE_LETTERS)}${rng.pick(GB_POSTCODE_LETTERS)}`;
      return `${rng.between(1, 220)} ${rng.pick(GB_STREETS)}, ${city} ${rng.pick(areas)} ${inward}`;
    }
    case 'DE': {
      const [city, zips] = rng.pick(DE_CITIES);
      return `${rng.pick(DE_STREETS)} ${rng.between(1, 140)}, ${rng.pick(zips)}${rng.digits(3)} ${city}`;
    }
    case 'CN': {
      const [city, districts] = rng.pick(CN_CITIES);
      const building = rng.chance(0.5) ? `${rng.between(1, 30)}栋${rng.between(1, 28)}0${rng.between(1, 9)}室` : '';
      return `${city}${rng.pick(districts)}${rng.pick(CN_STREETS)}${rng.between(1, 999)}号${building}`;
    }
  }
}

export function pickUsCity(rng: Rng): number {
  return rng.int(US_CITIES.length);
}

const CN_MOBILE_PREFIXES = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '157',
  '158', '159', '166', '176', '177', '180', '181', '182', '183', '185', '186', '187', '188', '189', '198', '199',
];
const DE_MOBILE_PREFIXES: readonly (readonly [string, number])[] = [
  ['151', 8], ['152', 8], ['157', 8], ['159', 8], ['160', 7], ['162', 7], ['163', 7], ['170', 7], ['171', 7],
  ['172', 7], ['173', 7], ['174', 7], ['175', 7], ['176', 8], ['177', 7], ['178', 7], ['179', 7],
];
/** UK mobiles 07xxx; 07700 900xxx (reserved for drama) and 07911 are avoided, libphonenumber rejects parts of them. */
const GB_SECOND_DIGITS = ['1', '3', '4', '5', '7', '8', '9'];

/** A mobile (or, in the US, any) number valid under libphonenumber's metadata, in E.164. */
export function phone(rng: Rng, region: RegionCode, usCity: number): string {
  switch (region) {
    case 'US': {
      const city = US_CITIES[usCity] as UsCity;
      // Exchange codes are [2-9]XX but not N11 (service codes).
      let exchange = `${rng.between(2, 9)}${rng.digits(2)}`;
      if (exchange.endsWith('11')) exchange = `${exchange.slice(0, 2)}2`;
      return `+1${rng.pick(city.areaCodes)}${exchange}${rng.digits(4)}`;
    }
    case 'GB': {
      const second = rng.pick(GB_SECOND_DIGITS);
      const third = second === '7' || second === '9' ? String(rng.between(2, 9)) : rng.digits(1);
      return `+447${second}${third}${rng.digits(7)}`;
    }
    case 'DE': {
      const [prefix, rest] = rng.pick(DE_MOBILE_PREFIXES);
      return `+49${prefix}${rng.digits(rest)}`;
    }
    case 'CN':
      return `+86${rng.pick(CN_MOBILE_PREFIXES)}${rng.digits(8)}`;
  }
}
