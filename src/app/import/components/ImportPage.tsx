import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useImportFlow } from '../hooks/useImportFlow';
import '../import.css';
import { ExportSection } from './ExportSection';
import { ImportHistory } from './ImportHistory';
import { ImportWizard } from './ImportWizard';
import { InterruptedJobs } from './InterruptedJobs';

export function ImportPage() {
  const { t } = useTranslation();
  const flow = useImportFlow();
  return (
    <section className="page page-wide import-page">
      <header className="page-header">
        <h1>{t('import.title')}</h1>
        <Link href="/import/duplicates" className="button button-secondary" data-testid="find-duplicates">
          {t('import.findDuplicates')}
        </Link>
      </header>
      <p className="muted">{t('import.lead')}</p>
      <InterruptedJobs flow={flow} />
      <ImportWizard flow={flow} />
      <ImportHistory />
      <ExportSection />
    </section>
  );
}
