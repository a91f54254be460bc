import { Bookmark } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../../domain/validation';
import { canEditView, viewMatches, type ListState, type SavedView, type ViewList } from '../../../domain/views';
import { useMembers } from '../../customers/hooks/useMembers';
import { fieldMessage } from '../../shared/issueMessage';
import { useNotices } from '../../shared/state/notices';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';
import { useSavedViews } from '../hooks/useSavedViews';
import { handleMenuKeyDown, handleMenuToggle } from '../utils/listMenu';
import '../views.css';

interface ViewsMenuProps {
  list: ViewList;
  /** What the list shows now: saved as a view, and compared with each view to mark the one in use. */
  current: ListState;
  onApply: (state: ListState) => void;
}

/** A list's saved views: pick one, save the current filters, sort and columns as a new one, rename, share, delete. */
export function ViewsMenu({ list, current, onApply }: ViewsMenuProps) {
  const { t } = useTranslation();
  const client = useWorkspace();
  const members = useMembers();
  const showNotice = useNotices((state) => state.show);
  const views = useSavedViews(list);
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [renaming, setRenaming] = useState<{ id: string; name: string; issues: FieldIssue[] } | null>(null);
  const inUse = views.find((view) => viewMatches(list, view, current));
  const memberId = client.identity.memberId;

  const handleSave = async (event: FormEvent) => {
    event.preventDefault();
    const result = await client.call('saveView', { list, name, state: current, shared });
    if (!result.ok) return setIssues(result.issues);
    showNotice(t('views.saved', { name: name.trim() }));
    setName('');
    setShared(false);
    setIssues([]);
  };
  const handleRename = async (event: FormEvent) => {
    event.preventDefault();
    if (!renaming) return;
    const result = await client.call('updateView', renaming.id, { name: renaming.name });
    if (!result.ok) return setRenaming({ ...renaming, issues: result.issues });
    setRenaming(null);
  };
  const handleUpdate = async (view: SavedView) => {
    const result = await client.call('updateView', view.id, { state: current });
    if (result.ok) showNotice(t('views.updated', { name: view.name }));
  };
  // The box shows the new choice at once, until the projected view changes from the value it had when clicked.
  const [sharing, setSharing] = useState<Record<string, { from: boolean; to: boolean }>>({});
  const sharedShown = (view: SavedView) => {
    const pending = sharing[view.id];
    return pending && pending.from === view.shared ? pending.to : view.shared;
  };
  const handleShare = async (view: SavedView, next: boolean) => {
    setSharing((before) => ({ ...before, [view.id]: { from: view.shared, to: next } }));
    const result = await client.call('updateView', view.id, { shared: next });
    if (!result.ok) setSharing(({ [view.id]: _refused, ...rest }) => rest);
  };
  const handleDelete = async (view: SavedView) => {
    const result = await client.call('deleteView', view.id);
    if (result.ok) showNotice(t('views.deleted', { name: view.name }));
  };

  const nameError = fieldMessage(t, issues, 'name');
  const renameError = renaming ? fieldMessage(t, renaming.issues, 'name') : undefined;
  return (
    <details className="list-menu views-menu" onToggle={handleMenuToggle} onKeyDown={handleMenuKeyDown} data-testid={`views-${list}`}>
      <summary className="button button-secondary">
        <Bookmark aria-hidden="true" size={18} />
        <span>{inUse ? `${t('views.menu')}: ${inUse.name}` : t('views.menu')}</span>
      </summary>
      <div className="list-menu-panel" role="group" aria-label={t('views.menuLabel')}>
        {views.length ? (
          <ul className="views-list">
            {views.map((view) => {
              const own = canEditView(view, memberId);
              return (
                <li key={view.id} className="views-item" data-testid="view-item">
                  <div className="views-item-head">
                    <button type="button" className="views-apply" aria-pressed={view === inUse} onClick={() => onApply(view.state)} aria-label={t('views.apply', { name: view.name })}>
                      {view.name}
                    </button>
                    {view === inUse && <span className="badge">{t('views.inUse')}</span>}
                    {view.shared && (
                      <span className="muted views-owner">{own ? t('views.shared') : t('views.byOther', { name: members.get(view.ownerId)?.displayName ?? '?' })}</span>
                    )}
                  </div>
                  {own &&
                    (renaming?.id === view.id ? (
                      <form className="views-rename" onSubmit={(event) => void handleRename(event)}>
                        <label className="field">
                          <span>{t('views.renameLabel', { name: view.name })}</span>
                          <input
                            value={renaming.name}
                            onChange={(event) => setRenaming({ ...renaming, name: event.target.value })}
                            aria-invalid={renameError ? true : undefined}
                            aria-describedby={renameError ? `rename-error-${view.id}` : undefined}
                            data-testid="view-rename-input"
                          />
                        </label>
                        {renameError && (
                          <p className="field-error" id={`rename-error-${view.id}`} role="alert">
                            {renameError}
                          </p>
                        )}
                        <div className="views-actions">
                          <button type="submit" className="button">{t('views.renameSave')}</button>
                          <button type="button" className="button button-secondary" onClick={() => setRenaming(null)}>
                            {t('views.cancel')}
                          </button>
                        </div>
                      </form>
                    ) : (
                      <div className="views-actions">
                        <button type="button" className="button button-secondary" onClick={() => setRenaming({ id: view.id, name: view.name, issues: [] })} data-testid="view-rename">
                          {t('views.rename')}
                        </button>
                        <button type="button" className="button button-secondary" onClick={() => void handleUpdate(view)} disabled={view === inUse} data-testid="view-update">
                          {t('views.update')}
                        </button>
                        <label className="checkbox">
                          <input
                            type="checkbox"
                            checked={sharedShown(view)}
                            onChange={(event) => void handleShare(view, event.target.checked)}
                            data-testid="view-share"
                          />
                          <span>{t('views.sharedWithTeam')}</span>
                        </label>
                        <button type="button" className="button button-secondary" onClick={() => void handleDelete(view)} aria-label={t('views.deleteLabel', { name: view.name })} data-testid="view-delete">
                          {t('views.delete')}
                        </button>
                      </div>
                    ))}
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="muted">{t('views.none')}</p>
        )}
        <form className="views-save" onSubmit={(event) => void handleSave(event)}>
          <label className="field">
            <span>{t('views.saveAs')}</span>
            <input
              value={name}
              onChange={(event) => setName(event.target.value)}
              placeholder={t('views.name')}
              aria-invalid={nameError ? true : undefined}
              aria-describedby={nameError ? `view-name-error-${list}` : undefined}
              data-testid="view-name"
            />
          </label>
          {nameError && (
            <p className="field-error" id={`view-name-error-${list}`} role="alert">
              {nameError}
            </p>
          )}
          <label className="checkbox">
            <input type="checkbox" checked={shared} onChange={(event) => setShared(event.target.checked)} data-testid="view-share-new" />
            <span>{t('views.shareNew')}</span>
          </label>
          <button type="submit" className="button" data-testid="view-save">
            {t('views.save')}
          </button>
        </form>
      </div>
    </details>
  );
}
