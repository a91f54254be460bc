import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useDeals } from '../hooks/useDeals';
import { usePipelineSettings } from '../hooks/usePipelineSettings';
import '../pipeline.css';
import { StageEditor } from './StageEditor';

/** Where the team sets up its pipeline (a workspace setting, shared by every device). */
export function StagesPage() {
  const { t } = useTranslation();
  const settings = usePipelineSettings();
  const data = useDeals();
  if (!settings || !data) return null;
  return (
    <section className="page">
      <h1>{t('pipeline.stages.title')}</h1>
      <p>
        <Link href="/pipeline">{t('pipeline.page.back')}</Link>
      </p>
      <StageEditor stages={settings.stages} deals={data.deals} />
    </section>
  );
}
