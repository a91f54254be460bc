import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readStorageStatus, requestPersistentStorage, type StorageStatus } from '../../../platform/storage';
import { formatBytes } from '../../shared/formatBytes';

export function StorageSection() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<StorageStatus | null>(null);
  const [refused, setRefused] = useState(false);

  useEffect(() => {
    let live = true;
    void readStorageStatus().then((next) => live && setStatus(next));
    return () => {
      live = false;
    };
  }, []);

  const handlePersist = async () => {
    const granted = await requestPersistentStorage();
    setRefused(!granted);
    setStatus(await readStorageStatus());
  };

  return (
    <section className="card">
      <h2>{t('settings.storage')}</h2>
      {status && (
        <>
          <p data-testid="storage-usage">
            {status.usage !== null && status.quota !== null
              ? t('settings.storageUsage', {
                  used: formatBytes(status.usage, i18n.language),
                  available: formatBytes(status.quota, i18n.language),
                })
              : t('settings.storageUnknown')}
          </p>
          {status.persisted !== null && (
            <p className="muted">{status.persisted ? t('settings.persisted') : t('settings.notPersisted')}</p>
          )}
          {status.persisted === false && (
            <button type="button" className="button button-secondary" onClick={() => void handlePersist()}>
              {t('settings.persist')}
            </button>
          )}
          {refused && <p className="muted">{t('settings.persistRefused')}</p>}
        </>
      )}
    </section>
  );
}
