import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { now } from '../../../platform/clock';
import { useMembers } from '../../customers/hooks/useMembers';
import { formatDateTime } from '../../shared/format';
import { customerNamesOf } from '../../shared/hooks/useCustomerRecords';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';

const SHOWN = 8;

/** What the team logged last, newest first: who, what kind of interaction, with whom, when. */
export function TeamActivity() {
  const { t, i18n } = useTranslation();
  const { db } = useWorkspace();
  const members = useMembers();
  const activity = useLiveQuery(async () => {
    // Planned meetings and calls lie ahead: activity is what has happened.
    const rows = await db.interactions.where('at').belowOrEqual(now()).reverse().filter((row) => row.alive === 1).limit(SHOWN).toArray();
    return { rows, customers: await customerNamesOf(db, rows) };
  }, [db]);
  return (
    <section className="card" aria-labelledby="team-activity-title" data-testid="team-activity">
      <h2 id="team-activity-title">{t('home.teamActivity')}</h2>
      {activity?.rows.length === 0 && <p className="muted">{t('home.teamActivityEmpty')}</p>}
      <ul className="plain-list">
        {activity?.rows.map((row) => (
          <li key={row.id} data-testid="team-activity-item">
            <Link href={`/customers/${row.customerId}`}>
              {t('home.teamActivityItem', {
                member: members.get(row.createdBy)?.displayName ?? t('history.someone'),
                type: t(`interaction.types.${row.type}`),
                customer: activity.customers.get(row.customerId) ?? '…',
              })}
            </Link>{' '}
            <span className="muted">{formatDateTime(row.at, i18n.language)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
