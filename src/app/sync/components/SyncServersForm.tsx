import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isSignalingUrl } from '../../../data/sync/signalingUrl';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';

type Server = 'signalingUrl' | 'relayUrl';

/** The team's signaling server (peers) and relay this device uses; both empty keep the device to itself. */
export function SyncServersForm({ current, onSaved }: { current: Record<Server, string>; onSaved: () => void }) {
  const { t } = useTranslation();
  const client = useWorkspace();
  const [urls, setUrls] = useState(current);
  const [invalid, setInvalid] = useState<Server[]>([]);
  const [saved, setSaved] = useState(false);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = { signalingUrl: urls.signalingUrl.trim(), relayUrl: urls.relayUrl.trim() };
    const wrong = (Object.keys(trimmed) as Server[]).filter((server) => trimmed[server] !== '' && !isSignalingUrl(trimmed[server]));
    setInvalid(wrong);
    if (wrong.length > 0) return;
    await client.call('configureSync', trimmed);
    setSaved(true);
    onSaved();
  };

  const field = (server: Server, label: string, hint: string, placeholder: string) => (
    <label className="field">
      <span>{label}</span>
      <input
        name={server}
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        value={urls[server]}
        onChange={(event) => {
          setUrls({ ...urls, [server]: event.target.value });
          setInvalid(invalid.filter((other) => other !== server));
          setSaved(false);
        }}
        aria-invalid={invalid.includes(server)}
        aria-describedby={`sync-${server}-hint`}
      />
      {invalid.includes(server) && (
        <span className="field-error" role="alert">
          {t('sync.invalidServer')}
        </span>
      )}
      <span className="muted" id={`sync-${server}-hint`}>
        {hint}
      </span>
    </label>
  );

  return (
    <form className="sync-servers" onSubmit={(event) => void handleSubmit(event)} noValidate>
      {field('signalingUrl', t('sync.server'), t('sync.serverHint'), 'ws://192.168.1.10:4444')}
      {field('relayUrl', t('sync.relay'), t('sync.relayHint'), 'wss://relay.example.com')}
      <div className="row">
        <button type="submit" className="button button-secondary">
          {t('sync.save')}
        </button>
        {saved && <span role="status">{t('sync.saved')}</span>}
      </div>
    </form>
  );
}
