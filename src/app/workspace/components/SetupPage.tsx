import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceIdentity } from '../../../data/tabs';
import type { Region } from '../../../domain/normalise';
import type { Invite } from '../../../sync/peer/invite';
import { RapportMark } from '../../shell/components/RapportMark';
import { createIdentity } from '../state/identity';

const REGIONS: readonly { region: Region; currency: string }[] = [
  { region: 'US', currency: 'USD' },
  { region: 'CN', currency: 'CNY' },
  { region: 'GB', currency: 'GBP' },
  { region: 'DE', currency: 'EUR' },
  { region: 'FR', currency: 'EUR' },
  { region: 'HK', currency: 'HKD' },
  { region: 'SG', currency: 'SGD' },
  { region: 'JP', currency: 'JPY' },
  { region: 'AU', currency: 'AUD' },
  { region: 'CA', currency: 'CAD' },
  { region: 'IN', currency: 'INR' },
];

function guessRegion(): Region {
  const tag = navigator.language.split('-')[1]?.toUpperCase();
  if (navigator.language.toLowerCase().startsWith('zh')) return 'CN';
  return REGIONS.find((entry) => entry.region === tag)?.region ?? 'US';
}

/**
 * The first run: the user names themself, which stamps every change they make, and picks the workspace's region.
 * With an invite, the device joins that workspace instead, whose region and currency arrive with its data.
 */
export function SetupPage({ onCreated, invite }: { onCreated: (identity: WorkspaceIdentity) => void; invite?: Invite }) {
  const { t, i18n } = useTranslation();
  const [name, setName] = useState('');
  const [region, setRegion] = useState<Region>(guessRegion);
  const [error, setError] = useState(false);
  const regionNames = new Intl.DisplayNames([i18n.language], { type: 'region' });

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError(true);
      return;
    }
    const currency = REGIONS.find((entry) => entry.region === region)?.currency ?? 'USD';
    onCreated(createIdentity({ displayName: name, defaultRegion: region, currency }, invite));
  };

  return (
    <main className="setup" id="main">
      <form className="card setup-card" onSubmit={handleSubmit} noValidate>
        <RapportMark size={56} />
        <h1>{invite ? t('sync.join.title') : t('setup.title')}</h1>
        <p className="muted">{invite ? t('sync.join.lead') : t('setup.lead')}</p>
        <label className="field">
          <span>{t('setup.name')}</span>
          <input
            name="displayName"
            autoComplete="name"
            value={name}
            onChange={(event) => {
              setName(event.target.value);
              setError(false);
            }}
            aria-invalid={error}
            aria-describedby={error ? 'setup-name-error' : undefined}
            autoFocus
          />
          {error && (
            <span className="field-error" id="setup-name-error">
              {t('validation.required')}
            </span>
          )}
        </label>
        {!invite && (
          <label className="field">
            <span>{t('setup.region')}</span>
            <select name="region" value={region} onChange={(event) => setRegion(event.target.value as Region)}>
              {REGIONS.map((entry) => (
                <option key={entry.region} value={entry.region}>
                  {regionNames.of(entry.region)} ({entry.currency})
                </option>
              ))}
            </select>
            <span className="muted">{t('setup.regionHint')}</span>
          </label>
        )}
        <button type="submit" className="button">
          {invite ? t('sync.join.submit') : t('setup.start')}
        </button>
      </form>
    </main>
  );
}
