import { asciiHandle } from './people';
import { COMPANY_TLD, type RegionCode } from './places';
import type { Rng } from './random';

/** Company names (Latin and Chinese), their web domains and the industry each works in. */
export interface DemoCompany {
  name: string;
  domain: string;
  industry: string;
}

const LATIN_PREFIXES = [
  'Northwind', 'Bluebird', 'Summit', 'Harbor', 'Cedar', 'Redwood', 'Silverline', 'Brightway', 'Oakridge', 'Pinnacle',
  'Evergreen', 'Ironbridge', 'Lakeside', 'Meridian', 'Horizon', 'Keystone', 'Granite', 'Riverstone', 'Westfield',
  'Maple', 'Falcon', 'Atlas', 'Crescent', 'Beacon', 'Sterling', 'Willow', 'Copper', 'Juniper', 'Orchard', 'Foxglove',
  'Alder', 'Kingsbridge', 'Blackwood', 'Larkspur', 'Nordlicht', 'Elbe', 'Rhein', 'Isar',
];

/** [word in the name, industry recorded in the custom field] */
const LATIN_INDUSTRIES: readonly (readonly [string, string])[] = [
  ['Coffee Co.', 'Hospitality'], ['Logistics', 'Logistics'], ['Dental Group', 'Healthcare'],
  ['Architects', 'Architecture'], ['Design Studio', 'Design'], ['Realty', 'Real estate'],
  ['Consulting', 'Consulting'], ['Bakery', 'Food & beverage'], ['Fitness', 'Fitness'], ['Law', 'Legal'],
  ['Software', 'Software'], ['Engineering', 'Engineering'], ['Hotels', 'Hospitality'], ['Clinic', 'Healthcare'],
  ['Academy', 'Education'], ['Outfitters', 'Retail'], ['Print & Signs', 'Printing'], ['Coworking', 'Real estate'],
  ['Labs', 'Biotech'], ['Capital', 'Finance'],
];

const SUFFIX: Record<RegionCode, readonly string[]> = {
  US: ['Inc.', 'LLC', '', 'Co.'],
  GB: ['Ltd', 'Ltd', '', 'LLP'],
  DE: ['GmbH', 'GmbH', 'AG', 'GmbH & Co. KG'],
  CN: ['Ltd.', 'Co., Ltd.'],
};

const CN_CITIES: readonly (readonly [string, string])[] = [
  ['上海', 'sh'], ['北京', 'bj'], ['深圳', 'sz'], ['广州', 'gz'], ['杭州', 'hz'], ['苏州', 'su'], ['成都', 'cd'],
  ['南京', 'nj'], ['武汉', 'wh'], ['西安', 'xa'],
];
const CN_BRANDS: readonly (readonly [string, string])[] = [
  ['华信', 'huaxin'], ['恒通', 'hengtong'], ['嘉禾', 'jiahe'], ['锦程', 'jincheng'], ['宏达', 'hongda'],
  ['瑞丰', 'ruifeng'], ['鼎盛', 'dingsheng'], ['百川', 'baichuan'], ['金桥', 'jinqiao'], ['新元', 'xinyuan'],
  ['博远', 'boyuan'], ['天成', 'tiancheng'], ['众诚', 'zhongcheng'], ['明德', 'mingde'], ['星河', 'xinghe'],
  ['鸿运', 'hongyun'], ['安达', 'anda'], ['盛世', 'shengshi'], ['优品', 'youpin'], ['云帆', 'yunfan'],
  ['致远', 'zhiyuan'], ['润泽', 'runze'],
];
/** [name part, pinyin for the domain, industry] */
const CN_INDUSTRIES: readonly (readonly [string, string, string])[] = [
  ['贸易', 'trade', 'Trading'], ['科技', 'tech', 'Software'], ['餐饮管理', 'food', 'Hospitality'],
  ['物流', 'logistics', 'Logistics'], ['文化传媒', 'media', 'Media'], ['建筑设计', 'design', 'Architecture'],
  ['医疗器械', 'medical', 'Healthcare'], ['教育咨询', 'edu', 'Education'], ['家居', 'home', 'Retail'],
  ['酒店管理', 'hotel', 'Hospitality'], ['电子商务', 'ec', 'E-commerce'], ['咨询', 'consulting', 'Consulting'],
];

export function company(rng: Rng, region: RegionCode): DemoCompany {
  if (region === 'CN' && rng.chance(0.8)) {
    const [city, cityAscii] = rng.pick(CN_CITIES);
    const [brand, brandAscii] = rng.pick(CN_BRANDS);
    const [industryName, industryAscii, industry] = rng.pick(CN_INDUSTRIES);
    const domain = rng.chance(0.5) ? `${brandAscii}${industryAscii}` : `${cityAscii}${brandAscii}`;
    return { name: `${city}${brand}${industryName}有限公司`, domain: `${domain}.${rng.pick(COMPANY_TLD.CN)}`, industry };
  }
  const prefix = rng.pick(LATIN_PREFIXES);
  const [word, industry] = rng.pick(LATIN_INDUSTRIES);
  const suffix = rng.pick(SUFFIX[region]);
  const name = suffix ? `${prefix} ${word} ${suffix}` : `${prefix} ${word}`;
  const domainStem = rng.chance(0.6) ? asciiHandle(prefix + word.split(' ')[0]) : asciiHandle(prefix);
  return { name, domain: `${domainStem}.${rng.pick(COMPANY_TLD[region])}`, industry };
}

export function employeeCount(rng: Rng): number {
  // Most customers are small firms; a few are large.
  return Math.max(2, Math.round(Math.exp(rng.uniform(1.2, 7.5))));
}
