import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { MergeResult } from '../../../data/api/importApi';
import type { CustomerId } from '../../../domain/ids';
import type { WorkspaceDuplicate } from '../../../workers/importContract';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';
import { useImportWorker } from '../hooks/useImportWorker';
import '../import.css';

/** The oldest record (UUIDv7 ids sort by creation) is the one other records most likely point at. */
function oldest(group: WorkspaceDuplicate): string {
  return [...group.members].sort((a, b) => a.id.localeCompare(b.id))[0]?.id ?? '';
}

/** Customers already in the workspace that look like one person, each group mergeable into the record chosen. */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const client = useWorkspace();
  const worker = useImportWorker();
  const [groups, setGroups] = useState<WorkspaceDuplicate[] | null>(null);
  const [survivors, setSurvivors] = useState<Record<string, string>>({});
  const [merged, setMerged] = useState<MergeResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { workspaceId } = client.identity;

  // Bumped after a merge or its undo, to look again.
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    void worker.run({ kind: 'findDuplicates', workspaceId }).then((answer) => {
      if (current && answer.kind === 'duplicates') setGroups(answer.groups);
    });
    return () => {
      current = false;
    };
  }, [worker, workspaceId, round]);
  const search = () => setRound((value) => value + 1);

  const handleMerge = async (group: WorkspaceDuplicate, key: string) => {
    const survivor = survivors[key] ?? oldest(group);
    setBusy(true);
    setError(null);
    try {
      const others = group.members.map((member) => member.id).filter((id) => id !== survivor) as CustomerId[];
      setMerged(await client.call('mergeCustomers', survivor as CustomerId, others));
      search();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  const handleUndo = async () => {
    if (!merged) return;
    setBusy(true);
    try {
      await client.call('undoImportJob', merged.jobId);
      setMerged(null);
      search();
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="page page-wide import-page">
      <header className="page-header">
        <h1>{t('import.duplicatesTitle')}</h1>
      </header>
      <p className="muted">{t('import.duplicatesLead')}</p>
      {merged && (
        <div className="banner" role="status" data-testid="merge-done">
          <p>{t('import.merged')}</p>
          <ul className="plain-list">
            {merged.decisions.map((decision) => (
              <li key={decision.field} className="muted">
                {t('import.wonBy', { field: decision.field, rule: t(`import.rule.${decision.rule}`) })}
              </li>
            ))}
          </ul>
          <div className="toolbar">
            <Link href={`/customers/${merged.survivorId}`} className="button button-secondary">
              {t('customers.title')}
            </Link>
            <button type="button" className="button button-secondary" onClick={() => void handleUndo()} disabled={busy} data-testid="undo-merge">
              {t('import.undoMerge')}
            </button>
          </div>
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {t('import.mergeFailed', { reason: error })}
        </p>
      )}
      {groups === null ? (
        <p aria-live="polite">{t('import.searching')}</p>
      ) : groups.length === 0 ? (
        <p className="empty">{t('import.duplicatesNone')}</p>
      ) : (
        <ul className="plain-list">
          {groups.map((group) => {
            const key = group.members.map((member) => member.id).join();
            const survivor = survivors[key] ?? oldest(group);
            return (
              <li key={key} className="card duplicate-group" data-testid="workspace-duplicate">
                <fieldset className="plain-fieldset">
                  <legend className="muted">
                    {t('import.score', { score: Math.round(group.score * 100) })} ·{' '}
                    {t('import.reasonsLabel', { reasons: group.reasons.map((reason) => t(`import.matchReason.${reason}`)).join(', ') })}
                  </legend>
                  {group.members.map((member) => (
                    <label key={member.id} className="checkbox">
                      <input type="radio" name={`survivor-${key}`} checked={survivor === member.id} onChange={() => setSurvivors((current) => ({ ...current, [key]: member.id }))} />
                      <span>
                        <Link href={`/customers/${member.id}`}>{member.name}</Link>{' '}
                        <span className="muted">{[member.email, member.phone, member.company].filter(Boolean).join(' · ')}</span>
                      </span>
                    </label>
                  ))}
                </fieldset>
                <button type="button" className="button" onClick={() => void handleMerge(group, key)} disabled={busy} data-testid="merge-group">
                  {t('import.merge')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
