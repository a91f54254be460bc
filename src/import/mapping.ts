import type { InteractionType, ScoreScale } from '../domain/interaction';

/** What a column of a customer file can fill; `givenName`/`familyName` combine into the customer's name. */
export const CUSTOMER_TARGETS = [
  'name',
  'givenName',
  'familyName',
  'email',
  'phone',
  'company',
  'title',
  'address',
  'birthday',
  'gender',
  'source',
  'tags',
  'lifecycle',
  'kind',
  'preferredChannel',
  'consentEmail',
  'consentSms',
  'consentPhone',
  'needs',
] as const;
export type CustomerTarget = (typeof CUSTOMER_TARGETS)[number];

/** Targets several columns may fill: lists gather, address parts and notes are joined in column order. */
export const MULTI_COLUMN_TARGETS: ReadonlySet<CustomerTarget> = new Set(['email', 'phone', 'tags', 'address', 'needs']);

export type ColumnRule =
  | { kind: 'field'; field: CustomerTarget }
  | { kind: 'custom'; key: string }
  | { kind: 'ignore' };

/** One rule per column of the file, by position; the user edits it after the automatic guess. */
export interface CustomerMapping {
  header: string[];
  columns: ColumnRule[];
}

/** Lower-case letters and digits only (Han kept): "E-mail 1 - Value" and "email1value" are the same header. */
export function normaliseHeader(header: string): string {
  return header.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

const CUSTOMER_SYNONYMS: Record<CustomerTarget, readonly string[]> = {
  name: ['name', 'fullname', 'contactname', 'displayname', 'customername', 'customer', 'contact', 'clientname',
    '姓名', '名字', '客户名称', '客户姓名', '联系人', '联系人姓名', '名称', '客户'],
  givenName: ['firstname', 'givenname', 'forename', '名'],
  familyName: ['lastname', 'familyname', 'surname', '姓'],
  email: ['email', 'emails', 'emailaddress', 'emailaddresses', 'mail', 'workemail', 'personalemail', '邮箱', '电子邮件', '电子邮箱', '邮件', '邮箱地址'],
  phone: ['phone', 'phones', 'phonenumber', 'phonenumbers', 'mobile', 'mobilephone', 'mobilephonenumber', 'cell', 'cellphone', 'telephone', 'tel',
    'businessphone', 'homephone', 'workphone', 'otherphone', '电话', '手机', '手机号', '手机号码', '联系电话', '电话号码',
    '座机', '联系方式'],
  company: ['company', 'companyname', 'accountname', 'account', 'organization', 'organisation', 'organizationname',
    'employer', '公司', '公司名称', '单位', '工作单位', '企业', '企业名称', '所属公司'],
  title: ['title', 'jobtitle', 'position', 'role', 'organizationtitle', '职位', '职务', '头衔', '岗位'],
  address: ['address', 'streetaddress', 'street', 'mailingstreet', 'mailingcity', 'mailingstateprovince',
    'mailingzippostalcode', 'mailingcountry', 'city', 'state', 'stateregion', 'province', 'postalcode', 'zip',
    'zipcode', 'country', 'countryregion', '地址', '通讯地址', '联系地址', '详细地址', '省', '省份', '市', '城市', '区',
    '区县', '邮编', '国家'],
  birthday: ['birthday', 'birthdate', 'dateofbirth', 'dob', '生日', '出生日期'],
  gender: ['gender', 'sex', '性别'],
  source: ['source', 'leadsource', 'originalsource', '来源', '客户来源', '渠道'],
  tags: ['tags', 'tag', 'labels', 'categories', 'groupmembership', '标签', '分类', '分组'],
  lifecycle: ['lifecyclestage', 'stage', 'lifecycle', '阶段', '客户阶段', '生命周期', '客户状态'],
  kind: ['customertype', 'contacttype', 'recordtype', '客户类型'],
  preferredChannel: ['preferredchannel', 'preferredcontactmethod', '首选渠道', '联系偏好'],
  consentEmail: ['emailconsent', 'emailoptin', '邮件许可'],
  consentSms: ['smsconsent', 'smsoptin', '短信许可'],
  consentPhone: ['phoneconsent', 'phoneoptin', '电话许可'],
  needs: ['notes', 'note', 'description', 'comments', 'comment', 'remarks', 'needs', '备注', '需求', '说明', '描述'],
};

const SYNONYM_TARGET = new Map<string, CustomerTarget>(
  Object.entries(CUSTOMER_SYNONYMS).flatMap(([target, names]) => names.map((n) => [n, target as CustomerTarget] as const)),
);

/** Google Contacts numbers repeated columns ("E-mail 2 - Value", "Organization 1 - Name"). */
const NUMBERED_PATTERNS: ReadonlyArray<readonly [RegExp, CustomerTarget | 'ignore']> = [
  [/^email\d+value$/, 'email'],
  [/^phone\d+value$/, 'phone'],
  [/^organization\d+name$/, 'company'],
  [/^organization\d+title$/, 'title'],
  [/^address\d+formatted$/, 'address'],
  // The parts repeat what "Address n - Formatted" holds; types and labels ("Mobile", "* myContacts") are not data.
  [/^address\d+(street|city|pobox|region|postalcode|country|extendedaddress)$/, 'ignore'],
  [/^(email|phone|address|organization|website|relation|event|im)\d+(type|label)$/, 'ignore'],
];

function guessTarget(header: string): CustomerTarget | 'ignore' | null {
  const key = normaliseHeader(header);
  const direct = SYNONYM_TARGET.get(key);
  if (direct) return direct;
  for (const [pattern, target] of NUMBERED_PATTERNS) if (pattern.test(key)) return target;
  return null;
}

function customKey(header: string, index: number): string {
  return header.trim().slice(0, 100) || `Column ${index + 1}`;
}

/**
 * Guesses a rule for each column from its header. A scalar field takes the first column that names it; a later one
 * becomes a custom field, so no value is silently overwritten. Unrecognised columns become custom fields (or are
 * ignored when asked).
 */
export function autoMapCustomers(header: readonly string[], unmapped: 'custom' | 'ignore' = 'custom'): CustomerMapping {
  const taken = new Set<CustomerTarget>();
  const columns = header.map((text, index): ColumnRule => {
    const target = guessTarget(text);
    if (target === 'ignore') return { kind: 'ignore' };
    if (target && (MULTI_COLUMN_TARGETS.has(target) || !taken.has(target))) {
      taken.add(target);
      return { kind: 'field', field: target };
    }
    if (normaliseHeader(text) === '') return { kind: 'ignore' };
    return unmapped === 'custom' ? { kind: 'custom', key: customKey(text, index) } : { kind: 'ignore' };
  });
  return { header: [...header], columns };
}

export type MappingProblem =
  | { code: 'no_name_column' }
  | { code: 'field_mapped_twice'; field: CustomerTarget; columns: number[] }
  | { code: 'custom_key_twice'; key: string; columns: number[] };

/** What the user must fix in an edited mapping before import: every customer needs a name source. */
export function checkCustomerMapping(mapping: CustomerMapping): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const byField = new Map<CustomerTarget, number[]>();
  const byKey = new Map<string, number[]>();
  mapping.columns.forEach((rule, index) => {
    if (rule.kind === 'field') byField.set(rule.field, [...(byField.get(rule.field) ?? []), index]);
    if (rule.kind === 'custom') byKey.set(rule.key, [...(byKey.get(rule.key) ?? []), index]);
  });
  const nameSources: CustomerTarget[] = ['name', 'givenName', 'familyName', 'company'];
  if (!nameSources.some((field) => byField.has(field))) problems.push({ code: 'no_name_column' });
  for (const [field, columns] of byField) {
    if (columns.length > 1 && !MULTI_COLUMN_TARGETS.has(field)) problems.push({ code: 'field_mapped_twice', field, columns });
  }
  for (const [key, columns] of byKey) if (columns.length > 1) problems.push({ code: 'custom_key_twice', key, columns });
  return problems;
}

/** How rows of a history file name their customer: an id from the other system, an email, a phone or a name. */
export const CUSTOMER_KEY_KINDS = ['id', 'email', 'phone', 'name'] as const;
export type CustomerKeyKind = (typeof CUSTOMER_KEY_KINDS)[number];

/** Columns of an interactions / transactions file, by position (null: not in the file). */
export interface InteractionMapping {
  header: string[];
  customerKey: { column: number; by: CustomerKeyKind } | null;
  at: number | null;
  type: number | null;
  /** The type of rows without a type column, or with an empty one. */
  defaultType: InteractionType;
  amount: number | null;
  currency: number | null;
  subject: number | null;
  body: number | null;
  /** A survey answer's score (rows with one are survey answers unless a type column says otherwise). */
  score: number | null;
  /** NPS or CSAT per row; without this column every score is on `defaultScale`. */
  scale: number | null;
  defaultScale: ScoreScale;
}

const INTERACTION_SYNONYMS = {
  id: ['customerid', 'clientid', 'contactid', 'accountid', 'memberid', 'id', 'customerno', 'customernumber',
    '客户编号', '客户id', '客户号', '会员号', '会员编号', '会员id'],
  email: ['email', 'customeremail', 'emailaddress', '邮箱', '电子邮件'],
  phone: ['phone', 'mobile', 'phonenumber', 'customerphone', '电话', '手机', '手机号'],
  name: ['customer', 'customername', 'name', 'contact', '客户', '客户名称', '姓名'],
  at: ['date', 'datetime', 'time', 'timestamp', 'orderdate', 'purchasedate', 'transactiondate', 'createdat', 'at',
    'answeredat', 'submittedat', 'responsedate', '日期', '时间', '下单时间', '交易时间', '购买日期', '订单日期', '提交时间'],
  type: ['type', 'interactiontype', 'activitytype', '类型'],
  amount: ['amount', 'total', 'dollarvalue', 'value', 'price', 'revenue', 'sales', 'spend', 'ordertotal',
    '金额', '总额', '消费金额', '实付金额', '订单金额'],
  currency: ['currency', 'currencycode', '币种', '货币'],
  subject: ['subject', 'product', 'item', 'productname', '主题', '商品', '商品名称'],
  body: ['notes', 'note', 'description', 'body', 'comment', 'comments', '备注', '内容', '评论'],
  score: ['score', 'rating', 'nps', 'npsscore', 'csat', 'csatscore', 'satisfaction', 'likelihoodtorecommend', '评分', '得分',
    '满意度', '推荐度'],
  scale: ['scale', 'scorescale', 'surveytype', 'survey', '量表', '调查类型'],
} as const;

/** A score column named for CSAT (or satisfaction) holds CSAT answers; any other, NPS. */
const CSAT_HEADERS: readonly string[] = ['csat', 'csatscore', 'satisfaction', '满意度'];

/** Guesses the columns of a history file from its header; the customer key prefers an id over email, phone, name. */
export function autoMapInteractions(header: readonly string[], defaultType: InteractionType = 'purchase'): InteractionMapping {
  const keys = header.map(normaliseHeader);
  const find = (names: readonly string[]): number | null => {
    const index = keys.findIndex((key) => names.includes(key));
    return index === -1 ? null : index;
  };
  let customerKey: InteractionMapping['customerKey'] = null;
  for (const by of CUSTOMER_KEY_KINDS) {
    const column = find(INTERACTION_SYNONYMS[by]);
    if (column !== null) {
      customerKey = { column, by };
      break;
    }
  }
  const score = find(INTERACTION_SYNONYMS.score);
  return {
    header: [...header],
    customerKey,
    at: find(INTERACTION_SYNONYMS.at),
    type: find(INTERACTION_SYNONYMS.type),
    defaultType,
    amount: find(INTERACTION_SYNONYMS.amount),
    currency: find(INTERACTION_SYNONYMS.currency),
    subject: find(INTERACTION_SYNONYMS.subject),
    body: find(INTERACTION_SYNONYMS.body),
    score,
    scale: find(INTERACTION_SYNONYMS.scale),
    defaultScale: score !== null && CSAT_HEADERS.includes(keys[score] as string) ? 'csat' : 'nps',
  };
}
