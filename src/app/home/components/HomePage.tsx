import { useLiveQuery } from 'dexie-react-hooks';
import { Database, HardDrive, Plus, Smartphone, WifiOff } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useStore } from 'zustand';
import type { JobProgress } from '../../../data/api/context';
import { serviceWorkerStore } from '../../../pwa/serviceWorker';
import { isInteractionDoc } from '../../../sync/documentNames';
import { NextBestActions } from '../../insights/components/NextBestActions';
import { HomeComplaints } from '../../service/components/HomeComplaints';
import { HomeTasks } from '../../service/components/HomeTasks';
import { useCustomerCount } from '../../customers/hooks/useCustomerQuery';
import { formatDateTime, formatNumber } from '../../shared/format';
import { InstallButton } from '../../shell/components/InstallButton';
import { RapportMark } from '../../shell/components/RapportMark';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';
import { PipelineSummary } from './PipelineSummary';
import { TeamActivity } from './TeamActivity';

/** Demo sizes: 1,000 feels real and loads in seconds on a phone; the larger ones show how Rapport scales. */
const DEMO_SIZES = [1000, 10_000, 100_000] as const;
const DEMO_SEED = 20_261_122;
const RECENT = 8;

export function HomePage() {
  const client = useWorkspace();
  // Re-run on every change to customers: one key read, not a count of them all.
  const hasCustomers = useLiveQuery(async () => (await client.db.customers.limit(1).primaryKeys()).length > 0, [client.db]);
  const [progress, setProgress] = useState<JobProgress | null>(null);
  useEffect(() => client.on('progress', (next) => next.task === 'demo' && setProgress(next)), [client]);
  if (hasCustomers === undefined) return null;
  // The welcome screen stays while demo data loads, so its progress bar stays in view.
  const loading = progress !== null && progress.done < progress.total;
  return !hasCustomers || loading ? <EmptyWorkspace progress={progress} onProgress={setProgress} /> : <WorkspaceSummary />;
}

function EmptyWorkspace({ progress, onProgress }: { progress: JobProgress | null; onProgress: (progress: JobProgress | null) => void }) {
  const { t, i18n } = useTranslation();
  const client = useWorkspace();
  const offlineReady = useStore(serviceWorkerStore, (state) => state.offlineReady);
  const [failed, setFailed] = useState(false);
  const [size, setSize] = useState<number>(DEMO_SIZES[0]);

  const handleLoadDemo = async () => {
    setFailed(false);
    onProgress({ task: 'demo', done: 0, total: size });
    try {
      await client.call('loadDemo', size, DEMO_SEED);
    } catch {
      setFailed(true);
      onProgress(null);
    }
  };

  return (
    <section className="page welcome">
      <RapportMark size={64} />
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.lead')}</p>
      <p className="muted" data-testid="workspace-empty">
        {t('home.emptyWorkspace')}
      </p>
      <div className="welcome-actions">
        <label>
          <span className="visually-hidden">{t('home.demoSize')}</span>
          <select value={size} onChange={(event) => setSize(Number(event.target.value))} disabled={progress !== null} data-testid="demo-size">
            {DEMO_SIZES.map((option) => (
              <option key={option} value={option}>
                {t('home.demoCustomers', { count: formatNumber(option, i18n.language) })}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button" onClick={() => void handleLoadDemo()} disabled={progress !== null} data-testid="load-demo">
          <Database aria-hidden="true" size={18} />
          <span>{t('home.loadDemo')}</span>
        </button>
        <Link href="/customers/new" className="button button-secondary">
          <Plus aria-hidden="true" size={18} />
          <span>{t('home.addFirstCustomer')}</span>
        </Link>
      </div>
      {progress && (
        <div className="progress" role="status">
          <progress max={progress.total} value={progress.done} />
          <span>{t('home.loadingDemo', { done: formatNumber(progress.done, i18n.language), total: formatNumber(progress.total, i18n.language) })}</span>
        </div>
      )}
      {failed && <p className="field-error">{t('home.loadDemoFailed')}</p>}
      <ul className="welcome-points">
        <li>
          <WifiOff aria-hidden="true" size={20} />
          <span>{t('home.pointOffline')}</span>
        </li>
        <li>
          <HardDrive aria-hidden="true" size={20} />
          <span>{t('home.pointPrivate')}</span>
        </li>
        <li>
          <Smartphone aria-hidden="true" size={20} />
          <span>{t('home.pointInstall')}</span>
        </li>
      </ul>
      <InstallButton />
      {offlineReady && (
        <p className="status" role="status">
          {t('pwa.offlineReady')}
        </p>
      )}
    </section>
  );
}

function WorkspaceSummary() {
  const { t, i18n } = useTranslation();
  const { db, identity } = useWorkspace();
  // Counting 1M interactions takes most of a second and this query re-runs on every change: the projection keeps
  // each document's record count, so the total is a sum of a few dozen rows. The customers are counted by the list's
  // query worker, which keeps them in memory anyway.
  const interactions = useLiveQuery(async () => {
    const documents = await db.projection.toArray();
    return documents.filter((row) => isInteractionDoc(row.doc)).reduce((total, row) => total + row.records, 0);
  }, [db]);
  const customers = useCustomerCount();
  const recent = useLiveQuery(() => db.customers.where('[alive+updatedAt]').between([1, 0], [1, Infinity]).reverse().limit(RECENT).toArray(), [db]);
  return (
    <section className="page">
      <h1>{t('home.greeting', { name: identity.displayName })}</h1>
      {interactions !== undefined && (
        <div className="stats">
          <Link href="/customers" className="card stat">
            <span className="stat-value" data-testid="customer-total">
              {customers === null ? '…' : formatNumber(customers, i18n.language)}
            </span>
            <span className="muted">{t('home.customers')}</span>
          </Link>
          <div className="card stat">
            <span className="stat-value">{formatNumber(interactions, i18n.language)}</span>
            <span className="muted">{t('home.interactions')}</span>
          </div>
        </div>
      )}
      <PipelineSummary />
      <HomeTasks />
      <HomeComplaints />
      <NextBestActions />
      <TeamActivity />
      <section className="card">
        <h2>{t('home.recentlyUpdated')}</h2>
        <ul className="plain-list">
          {recent?.map((customer) => (
            <li key={customer.id}>
              <Link href={`/customers/${customer.id}`}>{customer.name}</Link>{' '}
              <span className="muted">{formatDateTime(customer.updatedAt, i18n.language)}</span>
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}
