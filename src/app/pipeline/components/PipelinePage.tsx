import { Plus, Settings2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useDeals } from '../hooks/useDeals';
import { usePipelineSettings } from '../hooks/usePipelineSettings';
import { usePipelineUi, type PipelineView } from '../state/pipelineUi';
import '../pipeline.css';
import { DealsTable } from './DealsTable';
import { ForecastPanel } from './ForecastPanel';
import { LoseDealDialog } from './LoseDealDialog';
import { PipelineAnnouncer } from './PipelineAnnouncer';
import { PipelineBoard } from './PipelineBoard';

const VIEWS: readonly PipelineView[] = ['board', 'list'];

/** The rep's day: the open deals by stage (or as a list), and what they add up to. */
export function PipelinePage() {
  const { t } = useTranslation();
  const settings = usePipelineSettings();
  const data = useDeals();
  const view = usePipelineUi((state) => state.view);
  const setView = usePipelineUi((state) => state.setView);
  if (!settings || !data) return null;
  return (
    <section className="page page-wide pipeline-page">
      <header className="page-header">
        <h1>{t('pipeline.title')}</h1>
        <div className="header-actions">
          <div className="segmented" role="group" aria-label={t('pipeline.view')}>
            {VIEWS.map((value) => (
              <button key={value} type="button" className="button button-secondary" aria-pressed={view === value} onClick={() => setView(value)} data-testid={`view-${value}`}>
                {t(`pipeline.views.${value}`)}
              </button>
            ))}
          </div>
          <Link href="/pipeline/stages" className="button button-secondary">
            <Settings2 aria-hidden="true" size={18} />
            <span>{t('pipeline.editStages')}</span>
          </Link>
          <Link href="/deals/new" className="button">
            <Plus aria-hidden="true" size={18} />
            <span>{t('pipeline.newDeal')}</span>
          </Link>
        </div>
      </header>
      {view === 'board' ? (
        <PipelineBoard deals={data.deals} customerNames={data.customerNames} stages={settings.stages} currency={settings.currency} />
      ) : (
        <DealsTable deals={data.deals} customerNames={data.customerNames} stages={settings.stages} />
      )}
      <ForecastPanel deals={data.deals} stages={settings.stages} currency={settings.currency} />
      <LoseDealDialog />
      <PipelineAnnouncer />
    </section>
  );
}
