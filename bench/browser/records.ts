// Customer-like records for storage benchmarks: the size and index shape of a real customer row, seeded so every
// run writes the same bytes.
import { mulberry32 } from '../../src/analytics/random';

export interface BenchRecord {
  id: string;
  name: string;
  email: string;
  phone: string;
  company: string;
  owner: string;
  lifecycle: string;
  tags: string[];
  notes: string;
  createdAt: number;
  updatedAt: number;
}


const FIRST = ['Ada', 'Liam', 'Mei', 'Noah', 'Olivia', 'Wei', 'Sofia', 'Hiro', 'Amara', 'Lucas', '伟', '芳', '娜', '敏'];
const LAST = ['Smith', 'Chen', 'García', 'Müller', 'Okafor', 'Tanaka', 'Rossi', 'Kowalski', '王', '李', '张', '刘'];
const COMPANIES = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Tyrell', '华为', '海尔'];
const TAGS = ['vip', 'newsletter', 'trade-show', 'referral', 'wholesale', 'retail', 'beta', 'partner', 'apac', 'emea'];
const STAGES = ['lead', 'prospect', 'customer', 'churned'];

export function makeRecords(count: number, seed = 1): BenchRecord[] {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const start = Date.UTC(2024, 0, 1);
  const records: BenchRecord[] = [];
  for (let i = 0; i < count; i += 1) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const createdAt = start + Math.floor(random() * 700 * 86_400_000);
    const tags = [...new Set([pick(TAGS), pick(TAGS), pick(TAGS)].slice(0, 1 + Math.floor(random() * 3)))];
    records.push({
      id: `${createdAt.toString(16).padStart(12, '0')}-${i.toString(16).padStart(8, '0')}`,
      name: `${first} ${last}`,
      email: `customer${i}@example.com`,
      phone: `+4420${String(70000000 + i).padStart(8, '0')}`,
      company: `${pick(COMPANIES)} ${pick(['Ltd', 'GmbH', 'Inc', '有限公司'])}`,
      owner: `member-${Math.floor(random() * 8)}`,
      lifecycle: pick(STAGES),
      tags,
      notes: 'Prefers email; asked about volume pricing and delivery to the regional office next quarter.',
      createdAt,
      updatedAt: createdAt + Math.floor(random() * 30 * 86_400_000),
    });
  }
  return records;
}
