import { useLiveQuery } from 'dexie-react-hooks';
import type { Member } from '../../../domain/member';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';

/** The workspace's members by id, for owner and author names. */
export function useMembers(): Map<string, Member> {
  const { db } = useWorkspace();
  const members = useLiveQuery(() => db.members.toArray(), [db]);
  return new Map((members ?? []).map((member) => [member.id, member]));
}
