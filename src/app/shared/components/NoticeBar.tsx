import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useUndoState, useWorkspace } from '../../workspace/hooks/useWorkspace';
import { useNotices } from '../state/notices';

const VISIBLE_MS = 8000;

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** Shows the last action's notice with Undo, and binds Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z outside text fields. */
export function NoticeBar() {
  const { t } = useTranslation();
  const client = useWorkspace();
  const { canUndo } = useUndoState();
  const notice = useNotices((state) => state.notice);
  const dismiss = useNotices((state) => state.dismiss);
  const show = useNotices((state) => state.show);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(dismiss, VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [notice, dismiss]);

  useEffect(() => {
    const handleKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'z' || isTyping(event.target)) return;
      event.preventDefault();
      void client.call(event.shiftKey ? 'redo' : 'undo').then((ref) => ref && show(t(event.shiftKey ? 'notice.redone' : 'notice.undone')));
    };
    window.addEventListener('keydown', handleKey);
    return () => window.removeEventListener('keydown', handleKey);
  }, [client, show, t]);

  if (!notice) return null;
  const handleUndo = async () => {
    dismiss();
    if (await client.call('undo')) show(t('notice.undone'));
  };
  return (
    <div className="toast" role="status" aria-live="polite" data-testid="notice">
      <span>{notice.message}</span>
      <div className="toast-actions">
        {notice.undoable && canUndo && (
          <button type="button" className="button" onClick={() => void handleUndo()}>
            {t('common.undo')}
          </button>
        )}
        <button type="button" className="button button-secondary" onClick={dismiss}>
          {t('pwa.dismiss')}
        </button>
      </div>
    </div>
  );
}
