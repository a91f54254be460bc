import { useTranslation } from 'react-i18next';
import type { DuplicateDecision, PreviewGroup } from '../../../workers/importContract';

const DECISIONS = ['merge', 'keep', 'skip'] as const satisfies readonly DuplicateDecision[];
/** Groups drawn at once; the bulk choice applies to every group, shown or not. */
const SHOWN = 200;

/** The duplicates the check found, each with a choice: merge, keep both, or skip; and a choice for all. */
export function DuplicateReview({
  groups,
  decisions,
  onDecide,
  onDecideAll,
}: {
  groups: readonly PreviewGroup[];
  decisions: Readonly<Record<string, DuplicateDecision>>;
  onDecide: (key: string, decision: DuplicateDecision) => void;
  onDecideAll: (decision: DuplicateDecision) => void;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="import-duplicates" className="import-duplicates">
      <h2 id="import-duplicates">{t('import.duplicates')}</h2>
      <p className="muted">{t('import.duplicatesHint')}</p>
      {groups.length === 0 ? (
        <p className="muted">{t('import.duplicatesNone')}</p>
      ) : (
        <>
          <div className="toolbar">
            <span>{t('import.bulk')}:</span>
            {DECISIONS.map((decision) => (
              <button key={decision} type="button" className="button button-secondary" onClick={() => onDecideAll(decision)} data-testid={`bulk-${decision}`}>
                {t(`import.decision.${decision}`)}
              </button>
            ))}
          </div>
          <ul className="plain-list">
            {groups.slice(0, SHOWN).map((group) => (
              <li key={group.key} className="card duplicate-group" data-testid="duplicate-group">
                <ul className="plain-list">
                  {group.members.map((member) => (
                    <li key={member.ref.source === 'file' ? `row-${member.ref.row}` : member.ref.id}>
                      <span className="badge">{member.ref.source === 'file' ? t('import.fileRow', { row: member.ref.row }) : t('import.inWorkspace')}</span>{' '}
                      <strong>{member.name}</strong> <span className="muted">{[member.email, member.phone, member.company].filter(Boolean).join(' · ')}</span>
                    </li>
                  ))}
                </ul>
                <p className="muted">
                  {t('import.score', { score: Math.round(group.score * 100) })} ·{' '}
                  {t('import.reasonsLabel', { reasons: group.reasons.map((reason) => t(`import.matchReason.${reason}`)).join(', ') })}
                </p>
                <div className="toolbar" role="radiogroup" aria-label={t('import.duplicates')}>
                  {DECISIONS.map((decision) => (
                    <label key={decision} className="checkbox">
                      <input type="radio" name={`duplicate-${group.key}`} checked={decisions[group.key] === decision} onChange={() => onDecide(group.key, decision)} />
                      <span>{t(`import.decision.${decision}`)}</span>
                    </label>
                  ))}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
