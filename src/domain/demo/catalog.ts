import type { Rng } from './random';

/**
 * What the demo business sells: office furniture and workplace fit-outs, to people (retail) and firms (wholesale).
 * Prices are in US dollars; other currencies are converted with rough rates.
 */
export interface Product {
  /** Lower case, to sit inside a sentence ("the standing desk"). */
  en: string;
  zh: string;
  priceUsd: number;
}

/** Ordered by price, so a purchase amount finds a product that could plausibly cost that much. */
export const PRODUCTS: readonly Product[] = [
  { en: 'replacement parts', zh: '替换配件', priceUsd: 25 },
  { en: 'cable tray kit', zh: '理线套装', priceUsd: 35 },
  { en: 'footrest', zh: '脚踏', priceUsd: 45 },
  { en: 'chair mat', zh: '椅垫', priceUsd: 49 },
  { en: 'desk lamp', zh: '护眼台灯', priceUsd: 59 },
  { en: 'monitor arm', zh: '显示器支架', priceUsd: 129 },
  { en: 'whiteboard', zh: '白板', priceUsd: 189 },
  { en: 'filing cabinet', zh: '文件柜', priceUsd: 219 },
  { en: 'bookshelf', zh: '书架', priceUsd: 279 },
  { en: 'ergonomic office chair', zh: '人体工学办公椅', priceUsd: 349 },
  { en: 'annual maintenance plan', zh: '年度维保服务', priceUsd: 480 },
  { en: 'standing desk', zh: '升降办公桌', priceUsd: 599 },
  { en: 'storage lockers', zh: '储物柜', priceUsd: 1200 },
  { en: 'meeting table', zh: '会议桌', priceUsd: 1450 },
  { en: 'lounge sofa set', zh: '办公沙发组合', priceUsd: 2200 },
  { en: 'reception desk', zh: '前台接待台', priceUsd: 3100 },
  { en: 'acoustic phone booth', zh: '隔音电话亭', priceUsd: 6900 },
  { en: 'office fit-out (workstations)', zh: '办公室整体工位方案', priceUsd: 24000 },
];

/** Products worth a showroom visit, a demo or a quote (not spare parts). */
const SHOWCASE: readonly Product[] = PRODUCTS.filter((product) => product.priceUsd >= 59 && !product.en.includes('plan'));

/** A product a customer who spends about `spendUsd` per order would ask about, be shown or be quoted. */
export function interestFor(rng: Rng, spendUsd: number): Product {
  const ceiling = Math.max(150, spendUsd * 1.5);
  let top = 0;
  while (top + 1 < SHOWCASE.length && (SHOWCASE[top + 1] as Product).priceUsd <= ceiling) top++;
  return SHOWCASE[Math.max(0, top - rng.int(Math.min(4, top + 1)))] as Product;
}

/** A product and quantity that plausibly add up to `amountUsd` (the amount itself stays as drawn). */
export function productFor(rng: Rng, amountUsd: number): { product: Product; quantity: number } {
  let top = 0;
  while (top + 1 < PRODUCTS.length && (PRODUCTS[top + 1] as Product).priceUsd <= amountUsd) top++;
  const index = Math.max(0, top - rng.int(Math.min(4, top + 1)));
  const product = PRODUCTS[index] as Product;
  const quantity = Math.min(60, Math.max(1, Math.round(amountUsd / product.priceUsd)));
  return { product, quantity };
}

export interface CurrencyRule {
  /** Units of this currency per US dollar (rough, for plausible amounts only). */
  perUsd: number;
  /** Minor units per major unit is 10^digits (cents: 2; yen: 0). */
  digits: number;
}

const CURRENCIES: Record<string, CurrencyRule> = {
  USD: { perUsd: 1, digits: 2 },
  EUR: { perUsd: 0.92, digits: 2 },
  GBP: { perUsd: 0.79, digits: 2 },
  CNY: { perUsd: 7.2, digits: 2 },
  HKD: { perUsd: 7.8, digits: 2 },
  JPY: { perUsd: 150, digits: 0 },
  KRW: { perUsd: 1350, digits: 0 },
  CAD: { perUsd: 1.36, digits: 2 },
  AUD: { perUsd: 1.5, digits: 2 },
  CHF: { perUsd: 0.88, digits: 2 },
  SGD: { perUsd: 1.35, digits: 2 },
  INR: { perUsd: 83, digits: 2 },
};

/** The rule for an ISO 4217 code; an unknown but well-formed code is treated like the dollar. */
export function currencyRule(code: string): CurrencyRule {
  if (!/^[A-Z]{3}$/.test(code)) throw new RangeError(`demo currency must be an ISO 4217 code, got ${code}`);
  return CURRENCIES[code] ?? { perUsd: 1, digits: 2 };
}

/** US dollars to integer minor units: whole units from 100 up (as invoices usually are), cents below. */
export function toMinorUnits(amountUsd: number, rule: CurrencyRule): number {
  const major = amountUsd * rule.perUsd;
  const scale = 10 ** rule.digits;
  const minor = major >= 100 ? Math.round(major) * scale : Math.round(major * scale);
  return Math.max(1, minor);
}
