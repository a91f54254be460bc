import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROJECTION_VERSION } from '../../../data/projection';
import type { WorkspaceApi } from '../../../data/api/leaderApi';
import { formatBytes } from '../../shared/formatBytes';
import { formatDateTime, formatNumber } from '../../shared/format';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';

type Diagnostics = Awaited<ReturnType<WorkspaceApi['diagnostics']>>;

/** What the workspace holds on this device: each document's records, size and load time; the read model's state. */
export function DiagnosticsSection() {
  const { t, i18n } = useTranslation();
  const client = useWorkspace();
  const [diagnostics, setDiagnostics] = useState<Diagnostics | null>(null);
  const [rebuilding, setRebuilding] = useState(false);
  const refresh = useCallback(() => void client.call('diagnostics').then(setDiagnostics), [client]);
  useEffect(refresh, [refresh]);

  const handleRebuild = async () => {
    setRebuilding(true);
    try {
      await client.call('rebuildReadModel');
    } finally {
      setRebuilding(false);
      refresh();
    }
  };

  return (
    <section className="card" aria-labelledby="diagnostics-title">
      <h2 id="diagnostics-title">{t('diagnostics.title')}</h2>
      <p className="muted">{t('diagnostics.hint')}</p>
      <p>
        {t('diagnostics.projectionVersion', { version: PROJECTION_VERSION })}
        {diagnostics && diagnostics.skipped > 0 && <> · {t('diagnostics.skipped', { count: diagnostics.skipped })}</>}
      </p>
      {diagnostics && (
        <div className="table-scroller" tabIndex={0}>
          <table className="data-table" data-testid="diagnostics">
            <thead>
              <tr>
                <th scope="col">{t('diagnostics.document')}</th>
                <th scope="col">{t('diagnostics.records')}</th>
                <th scope="col">{t('diagnostics.size')}</th>
                <th scope="col">{t('diagnostics.loadTime')}</th>
                <th scope="col">{t('diagnostics.projected')}</th>
              </tr>
            </thead>
            <tbody>
              {diagnostics.documents.map((doc) => (
                <tr key={doc.doc}>
                  <th scope="row">
                    {doc.doc}
                    {doc.open && <span className="muted"> · {t('diagnostics.inMemory')}</span>}
                  </th>
                  <td>{formatNumber(doc.records, i18n.language)}</td>
                  <td>{doc.bytes === null ? '—' : formatBytes(doc.bytes, i18n.language)}</td>
                  <td>{t('diagnostics.ms', { ms: Math.round(doc.loadMs) })}</td>
                  <td>{doc.projectedAt ? formatDateTime(doc.projectedAt, i18n.language) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="row">
        <button type="button" className="button button-secondary" onClick={refresh}>
          {t('diagnostics.refresh')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => void handleRebuild()} disabled={rebuilding}>
          {rebuilding ? t('diagnostics.rebuilding') : t('diagnostics.rebuild')}
        </button>
      </div>
    </section>
  );
}
