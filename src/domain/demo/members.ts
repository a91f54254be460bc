import type { MemberId } from '../ids';
import { Rng, STREAM_MEMBERS } from './random';
import type { DemoMember } from './types';
import { uuidV7 } from './uuidV7';

const ENGLISH_MEMBERS = [
  'Alice Carter', 'Ben Okafor', 'Priya Shah', 'Tom Becker', 'Sofia Rossi', 'Daniel Kim', 'Emily Turner', 'Lucas Meyer',
];
const CHINESE_MEMBERS = ['王磊', '李娜', '陈晓燕', '张伟', '刘洋', '赵敏', '周杰', '林静'];

/** Member ids carry a fixed creation time (the team "joined" on Monday 8 January 2024, 09:00 UTC). */
export const DEMO_TEAM_JOINED_AT = Date.UTC(2024, 0, 8, 9, 0, 0);

function takeDistinct(rng: Rng, pool: readonly string[], count: number): string[] {
  const left = [...pool];
  const out: string[] = [];
  for (let i = 0; i < count && left.length > 0; i++) out.push(left.splice(rng.int(left.length), 1)[0] as string);
  return out;
}

/** The demo team: 5-8 members, at least two with English and two with Chinese names, the same for the same seed. */
export function demoMembers(seed: number): DemoMember[] {
  const rng = Rng.of(seed, STREAM_MEMBERS);
  const count = rng.between(5, 8);
  const chinese = rng.between(2, count - 2);
  const names = [...takeDistinct(rng, ENGLISH_MEMBERS, count - chinese), ...takeDistinct(rng, CHINESE_MEMBERS, chinese)];
  // Shuffle (Fisher-Yates) so the owner of the workspace is not always English.
  for (let i = names.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [names[i], names[j]] = [names[j] as string, names[i] as string];
  }
  return names.map((displayName, i) => ({
    id: uuidV7(DEMO_TEAM_JOINED_AT + i * 60_000 + rng.int(60_000), rng) as MemberId,
    displayName,
  }));
}
