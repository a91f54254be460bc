import Papa from 'papaparse';
import type { CustomerFields, CustomerKind, LifecycleStage } from '../domain/customer';
import { CHANNELS, type Channel } from '../domain/fields';
import { INTERACTION_TYPES, InteractionFieldsSchema, type InteractionType, type ScoreScale } from '../domain/interaction';
import { normaliseTags, type Region } from '../domain/normalise';
import { toFieldIssues, validateNewCustomer, type CustomerInput } from '../domain/validation';
import type { RowProblem, SourceRow } from './csv';
import type { CustomerKeyKind, CustomerMapping, CustomerTarget, InteractionMapping } from './mapping';
import {
  cleanAmount,
  cleanBoolean,
  cleanChoice,
  cleanDate,
  cleanDateTime,
  cleanEmail,
  cleanName,
  cleanPhone,
  cleanScore,
  cleanText,
  isHan,
  splitList,
  type ChangeRule,
  type Cleaned,
  type DateOrder,
} from './values';

export interface CleanOptions {
  /** Phones without a country code are read in this region. */
  region: Region;
  dateOrder: DateOrder;
  /** How "1,234" / "1.234" read when only one separator is present. */
  decimalSeparator: '.' | ',';
  /** Amounts with no currency symbol or column are in this currency. */
  defaultCurrency: string;
}

/** One cell changed by cleaning: shown in the preview, the original is never lost. */
export interface CellChange {
  row: number;
  column: number;
  from: string;
  to: string;
  rules: ChangeRule[];
}

/**
 * Something wrong in a row: `column` null for the whole row (a malformed record, a missing name). An error refuses
 * the row; a warning says what cleaning assumed. The UI translates `import.issue.<code>`.
 */
export interface RowIssue {
  row: number;
  column: number | null;
  value: string;
  code: string;
  severity: 'error' | 'warning';
}

export interface CleanedRow<T> {
  row: number;
  /** Absent when the row has an error. */
  value?: T;
  changes: CellChange[];
  issues: RowIssue[];
}

const GENDER_WORDS = {
  male: 'male', m: 'male', man: 'male', 男: 'male', 先生: 'male',
  female: 'female', f: 'female', woman: 'female', 女: 'female', 女士: 'female',
  other: 'other', 其他: 'other', diverse: 'other', nonbinary: 'other',
} as const;

/** HubSpot's stages fold into Rapport's four. */
const LIFECYCLE_WORDS: Record<string, LifecycleStage> = {
  lead: 'lead', subscriber: 'lead', marketingqualifiedlead: 'lead', mql: 'lead', 线索: 'lead', 潜在客户: 'lead',
  prospect: 'prospect', salesqualifiedlead: 'prospect', sql: 'prospect', opportunity: 'prospect', 商机: 'prospect',
  意向客户: 'prospect',
  customer: 'customer', evangelist: 'customer', 客户: 'customer', 成交客户: 'customer', 老客户: 'customer',
  churned: 'churned', lost: 'churned', former: 'churned', formercustomer: 'churned', 流失: 'churned', 流失客户: 'churned',
};

const KIND_WORDS: Record<string, CustomerKind> = {
  person: 'person', individual: 'person', contact: 'person', people: 'person', 个人: 'person', 人: 'person',
  company: 'company', organization: 'company', organisation: 'company', business: 'company', account: 'company',
  公司: 'company', 企业: 'company', 机构: 'company',
};

const CHANNEL_WORDS: Record<string, Channel> = {
  ...Object.fromEntries(CHANNELS.map((channel) => [channel.replaceAll('-', ''), channel])),
  mail: 'email', 邮件: 'email', call: 'phone', 电话: 'phone', text: 'sms', 短信: 'sms', wechat: 'chat', 微信: 'chat',
  whatsapp: 'chat', 面谈: 'in-person', 见面: 'in-person', 网站: 'web',
};

const INTERACTION_WORDS: Record<string, InteractionType> = {
  ...Object.fromEntries(INTERACTION_TYPES.map((type) => [type, type])),
  order: 'purchase', sale: 'purchase', transaction: 'purchase', 购买: 'purchase', 订单: 'purchase', 消费: 'purchase',
  phonecall: 'call', 电话: 'call', 邮件: 'email', 会议: 'meeting', 拜访: 'meeting', 备注: 'note', 咨询: 'inquiry',
  反馈: 'feedback', 投诉: 'complaint', 调查: 'survey',
};

/** A clean value per target, gathered from every column mapped to it. */
type Gathered = Partial<Record<CustomerTarget, { values: unknown[]; columns: number[] }>>;

function record(row: SourceRow, column: number, cleaned: Cleaned<unknown>, shown: string, out: CleanedRow<unknown>): boolean {
  const raw = row.cells[column] ?? '';
  if (!cleaned.ok) {
    out.issues.push({ row: row.row, column, value: raw, code: cleaned.code, severity: 'error' });
    return false;
  }
  if (shown !== raw) out.changes.push({ row: row.row, column, from: raw, to: shown, rules: cleaned.rules });
  return true;
}

function cleanCell(target: CustomerTarget, raw: string, options: CleanOptions): Array<Cleaned<unknown>> {
  switch (target) {
    case 'name':
    case 'givenName':
    case 'familyName':
      return [cleanName(raw)];
    case 'email':
      return splitList(raw).map(cleanEmail);
    case 'phone':
      return splitList(raw).map((part) => cleanPhone(part, options.region));
    case 'tags': {
      const tags = normaliseTags(splitList(raw));
      return [{ ok: true, value: tags, rules: tags.join(', ') === raw ? [] : ['list_split'] }];
    }
    case 'birthday':
      return [cleanDate(raw, options.dateOrder)];
    case 'gender':
      return [cleanChoice(raw, GENDER_WORDS)];
    case 'lifecycle':
      return [cleanChoice(raw, LIFECYCLE_WORDS)];
    case 'kind':
      return [cleanChoice(raw, KIND_WORDS)];
    case 'preferredChannel':
      return [cleanChoice(raw, CHANNEL_WORDS)];
    case 'consentEmail':
    case 'consentSms':
    case 'consentPhone':
      return [cleanBoolean(raw)];
    case 'needs': {
      const value = raw.trim();
      return [{ ok: true, value, rules: value === raw ? [] : ['trimmed'] }];
    }
    default:
      return [cleanText(raw)];
  }
}

function shownValue(values: readonly unknown[]): string {
  return values.map((value) => (Array.isArray(value) ? value.join(', ') : String(value))).join('; ');
}

/** Given and family name as one: 王 + 芳 → 王芳 (Han, family first, no space), Mary + Smith → Mary Smith. */
export function combineName(given: string | undefined, family: string | undefined): string | undefined {
  if (!given || !family) return given || family || undefined;
  return isHan(given) && isHan(family) ? family + given : `${given} ${family}`;
}

/**
 * Cleans one row of a customer file with its mapping and validates the result against the customer schema. Every
 * changed cell is listed; every cell that cannot be read, and every schema rule the result breaks, is an issue on
 * the column it came from.
 */
export function cleanCustomerRow(row: SourceRow, mapping: CustomerMapping, options: CleanOptions): CleanedRow<CustomerFields> {
  const out: CleanedRow<CustomerFields> = { row: row.row, changes: [], issues: [] };
  const gathered: Gathered = {};
  const custom: Record<string, string> = {};
  mapping.columns.forEach((rule, column) => {
    const raw = row.cells[column] ?? '';
    if (rule.kind === 'ignore' || raw.trim() === '') return;
    if (rule.kind === 'custom') {
      const text = cleanText(raw);
      if (record(row, column, text, text.ok ? text.value : raw, out) && text.ok) custom[rule.key] = text.value;
      return;
    }
    const cleaned = cleanCell(rule.field, raw, options);
    const good = cleaned.filter((c): c is Extract<Cleaned<unknown>, { ok: true }> => c.ok);
    const bad = cleaned.find((c) => !c.ok);
    if (bad) record(row, column, bad, raw, out);
    else {
      const rules = [...new Set(good.flatMap((c) => c.rules))];
      if (cleaned.length > 1) rules.push('list_split');
      record(row, column, { ok: true, value: null, rules }, shownValue(good.map((c) => c.value)), out);
    }
    const slot = (gathered[rule.field] ??= { values: [], columns: [] });
    slot.values.push(...good.map((c) => c.value));
    slot.columns.push(column);
  });

  const first = <T>(target: CustomerTarget) => gathered[target]?.values[0] as T | undefined;
  const input: CustomerInput = {};
  const scalarTargets = ['company', 'title', 'birthday', 'gender', 'source', 'lifecycle', 'kind', 'preferredChannel',
    'consentEmail', 'consentSms', 'consentPhone'] as const;
  for (const target of scalarTargets) if (gathered[target]) input[target] = first(target);
  input.name = first<string>('name') ?? combineName(first('givenName'), first('familyName'));
  if (gathered.email) input.emails = gathered.email.values;
  if (gathered.phone) input.phones = gathered.phone.values;
  if (gathered.tags) input.tags = normaliseTags(gathered.tags.values.flat() as string[]);
  if (gathered.address) input.address = (gathered.address.values as string[]).join(', ');
  if (gathered.needs) input.needs = (gathered.needs.values as string[]).join('\n');
  if (Object.keys(custom).length) input.custom = custom;
  if (input.name === undefined && typeof input.company === 'string') {
    input.name = input.company;
    input.kind ??= 'company';
    out.issues.push({ row: row.row, column: gathered.company?.columns[0] ?? null, value: input.company, code: 'name_from_company', severity: 'warning' });
  }

  // Custom-field issues name no column: the schema reports them by key, and keys are the user's to rename.
  const columnsOf = (targets: readonly CustomerTarget[]) =>
    mapping.columns.flatMap((rule, column) => (rule.kind === 'field' && targets.includes(rule.field) ? [column] : []));
  const columnOf = (field: string, index?: number): number | null => {
    if (field === 'custom') return null;
    const target = field === 'emails' ? 'email' : field === 'phones' ? 'phone' : (field as CustomerTarget);
    const listed = gathered[target]?.columns;
    if (listed && index !== undefined) return listed[Math.min(index, listed.length - 1)] ?? null;
    const named = field === 'name' ? columnsOf(['name', 'givenName', 'familyName']) : columnsOf([target]);
    return named[0] ?? null;
  };
  const validated = validateNewCustomer(input, options.region);
  if (validated.ok) {
    if (!out.issues.some((issue) => issue.severity === 'error')) out.value = validated.value;
    return out;
  }
  for (const issue of validated.issues) {
    const column = columnOf(issue.field, issue.index);
    const value = column === null ? '' : (row.cells[column] ?? '');
    out.issues.push({ row: row.row, column, value, code: issue.code, severity: 'error' });
  }
  return out;
}

/** A row of a history file before its customer is found: the key says whom it belongs to. */
export interface InteractionRow {
  customerKey: { by: CustomerKeyKind; value: string };
  type: InteractionType;
  at: number;
  amountMinor?: number;
  currency?: string;
  subject?: string;
  body?: string;
  score?: number;
  scoreScale?: ScoreScale;
}

const SCALE_WORDS: Record<string, ScoreScale> = { nps: 'nps', netpromoterscore: 'nps', 净推荐值: 'nps', csat: 'csat', satisfaction: 'csat', 满意度: 'csat' };

const CUSTOMER_RESOLVED_LATER = '00000000-0000-7000-8000-000000000000';

/** Cleans one row of an interactions / transactions file and checks it against the interaction rules. */
export function cleanInteractionRow(row: SourceRow, mapping: InteractionMapping, options: CleanOptions): CleanedRow<InteractionRow> {
  const out: CleanedRow<InteractionRow> = { row: row.row, changes: [], issues: [] };
  const cell = (column: number | null) => (column === null ? '' : (row.cells[column] ?? '').trim());
  const read = <T>(column: number | null, clean: (raw: string) => Cleaned<T>, shown: (value: T) => string): T | undefined => {
    if (column === null || cell(column) === '') return undefined;
    const cleaned = clean(row.cells[column] ?? '');
    return record(row, column, cleaned, cleaned.ok ? shown(cleaned.value) : '', out) && cleaned.ok ? cleaned.value : undefined;
  };
  const missing = (column: number | null, code = 'required') =>
    out.issues.push({ row: row.row, column, value: cell(column), code, severity: 'error' });

  const key = mapping.customerKey;
  const keyCleaner = (raw: string): Cleaned<string> =>
    key?.by === 'email' ? cleanEmail(raw) : key?.by === 'phone' ? cleanPhone(raw, options.region) : key?.by === 'name' ? cleanName(raw) : cleanText(raw);
  const keyValue = key ? read(key.column, keyCleaner, String) : undefined;
  if (key && keyValue === undefined && cell(key.column) === '') missing(key.column);
  if (!key) missing(null, 'no_customer_column');

  const at = read(mapping.at, (raw) => cleanDateTime(raw, options.dateOrder), (ms) => new Date(ms).toISOString());
  if (mapping.at === null) missing(null, 'no_date_column');
  else if (cell(mapping.at) === '') missing(mapping.at);

  const score = read(mapping.score, cleanScore, String);
  const scoreScale = score === undefined ? undefined : (read(mapping.scale, (raw) => cleanChoice(raw, SCALE_WORDS), String) ?? mapping.defaultScale);
  // A row with a score is a survey answer unless its own type says otherwise.
  const type = read(mapping.type, (raw) => cleanChoice(raw, INTERACTION_WORDS), String) ?? (score === undefined ? mapping.defaultType : 'survey');
  const columnCurrency = read(mapping.currency, (raw) => {
    const code = raw.trim().toUpperCase();
    return /^[A-Z]{3}$/.test(code) ? { ok: true, value: code, rules: code === raw ? [] : ['trimmed'] } : { ok: false, code: 'currency_mismatch' };
  }, String);
  const money = read(
    mapping.amount,
    (raw) => cleanAmount(raw, options.defaultCurrency, options.decimalSeparator, columnCurrency),
    (m) => `${m.amountMinor} ${m.currency}`,
  );
  const subject = read(mapping.subject, cleanText, String);
  const body = mapping.body === null ? undefined : cell(mapping.body) || undefined;

  if (out.issues.length || keyValue === undefined || at === undefined || !key) return out;
  const value: InteractionRow = { customerKey: { by: key.by, value: keyValue }, type, at };
  if (money) Object.assign(value, money);
  if (subject) value.subject = subject;
  if (body) value.body = body;
  if (score !== undefined && type === 'survey') Object.assign(value, { score, scoreScale });
  // The customer is found later (by the worker); a stand-in id lets every other rule of an interaction run now
  // (zod skips the cross-field rules of an object that misses a required field).
  const checked = InteractionFieldsSchema.safeParse({ ...value, customerId: CUSTOMER_RESOLVED_LATER });
  const issues = checked.success ? [] : toFieldIssues(checked.error.issues);
  const columnOfField: Record<string, number | null> = {
    amountMinor: mapping.amount,
    currency: mapping.currency ?? mapping.amount,
    at: mapping.at,
    type: mapping.type,
    subject: mapping.subject,
    body: mapping.body,
    score: mapping.score,
    scoreScale: mapping.scale ?? mapping.score,
  };
  // Without a currency column a missing amount is also a missing currency: one issue on the amount column.
  const reported = new Set<string>();
  for (const issue of issues) {
    const column = columnOfField[issue.field] ?? null;
    if (reported.has(`${column}:${issue.code}`)) continue;
    reported.add(`${column}:${issue.code}`);
    out.issues.push({ row: row.row, column, value: cell(column), code: issue.code, severity: 'error' });
  }
  if (!issues.length) out.value = value;
  return out;
}

/** A record the reader could not split into cells is an issue of its whole row. */
export function rowProblemIssue(problem: RowProblem): RowIssue {
  return { row: problem.row, column: null, value: problem.cells.join(' | ').slice(0, 500), code: problem.code, severity: 'error' };
}

/**
 * The error report a user downloads: one line per issue (row, column name, value, reason), with a BOM so Excel reads
 * Chinese text, and cells that look like formulas escaped so opening the report cannot run them.
 */
export function errorReportCsv(issues: readonly RowIssue[], header: readonly string[]): string {
  const rows = [...issues]
    .sort((a, b) => a.row - b.row || (a.column ?? -1) - (b.column ?? -1))
    .map((issue) => [String(issue.row), issue.column === null ? '' : (header[issue.column] ?? `Column ${issue.column + 1}`), issue.value, issue.code]);
  return '\uFEFF' + Papa.unparse({ fields: ['row', 'column', 'value', 'reason'], data: rows }, { escapeFormulae: true, newline: '\r\n' });
}
