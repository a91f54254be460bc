import { useTranslation } from 'react-i18next';
import type { FieldControlProps } from '../../shared/components/FormField';
import { useMembers } from '../hooks/useMembers';

interface MemberSelectProps extends FieldControlProps {
  name: string;
  value: string;
  onChange: (memberId: string) => void;
}

/** One of the workspace's members, or nobody: a record's owner. */
export function MemberSelect({ value, onChange, ...control }: MemberSelectProps) {
  const { t } = useTranslation();
  const members = useMembers();
  return (
    <select {...control} value={value} onChange={(event) => onChange(event.target.value)}>
      <option value="">{t('common.notSet')}</option>
      {[...members.values()].map((member) => (
        <option key={member.id} value={member.id}>
          {member.displayName}
        </option>
      ))}
    </select>
  );
}
