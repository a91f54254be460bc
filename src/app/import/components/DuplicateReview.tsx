import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GROUP_PAGE, type DuplicateDecision, type PreviewGroup, type ShownPreview } from '../../../workers/importContract';
import { measuredAfterLayout } from '../../shared/virtualLayout';
import type { ImportFlow } from '../hooks/useImportFlow';

const DECISIONS = ['merge', 'keep', 'skip'] as const satisfies readonly DuplicateDecision[];
/** A group of two with its choices; groups are measured once drawn. */
const ESTIMATED_HEIGHT = 190;

/**
 * The duplicates the check found, each with a choice: merge, keep both, or skip; and a choice for all. A file can
 * hold thousands of groups: only those in view are drawn, and the worker hands them over a page at a time.
 */
interface ReviewProps {
  preview: ShownPreview;
  flow: Pick<ImportFlow, 'decisionFor' | 'decide' | 'decideAll' | 'loadGroups'>;
}

export function DuplicateReview(props: ReviewProps) {
  // A new check starts with no pages loaded.
  return <GroupReview key={props.preview.id} {...props} />;
}

function GroupReview({ preview, flow }: ReviewProps) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const [pages, setPages] = useState<ReadonlyMap<number, PreviewGroup[]>>(() => new Map([[0, preview.firstGroups]]));
  const asked = useRef(new Set<number>([0]));
  const virtualizer = useVirtualizer({
    count: preview.groupCount,
    getScrollElement: () => scroller.current,
    estimateSize: () => ESTIMATED_HEIGHT,
    overscan: 4,
    // `.duplicate-scroller` is at most 70 % of the window high.
    ...measuredAfterLayout(Math.round(window.innerHeight * 0.7)),
  });
  const items = virtualizer.getVirtualItems();
  // The pages the drawn groups fall in: the visible ones and a few on either side, in order.
  const firstPage = Math.floor((items[0]?.index ?? 0) / GROUP_PAGE);
  const lastPage = Math.floor((items.at(-1)?.index ?? 0) / GROUP_PAGE);
  const { loadGroups } = flow;
  useEffect(() => {
    for (let page = firstPage; page <= lastPage; page++) {
      if (asked.current.has(page)) continue;
      asked.current.add(page);
      void loadGroups(preview, page * GROUP_PAGE).then((groups) => setPages((current) => new Map(current).set(page, groups)));
    }
  }, [firstPage, lastPage, loadGroups, preview]);

  return (
    <section aria-labelledby="import-duplicates" className="import-duplicates">
      <h2 id="import-duplicates">{t('import.duplicates')}</h2>
      <p className="muted">{t('import.duplicatesHint')}</p>
      {preview.groupCount === 0 ? (
        <p className="muted">{t('import.duplicatesNone')}</p>
      ) : (
        <>
          <div className="toolbar">
            <span>{t('import.bulk')}:</span>
            {DECISIONS.map((decision) => (
              <button key={decision} type="button" className="button button-secondary" onClick={() => flow.decideAll(decision)} data-testid={`bulk-${decision}`}>
                {t(`import.decision.${decision}`)}
              </button>
            ))}
          </div>
          <div ref={scroller} className="duplicate-scroller">
            <ul className="plain-list" style={{ height: virtualizer.getTotalSize() }}>
              {items.map((item) => {
                const group = pages.get(Math.floor(item.index / GROUP_PAGE))?.[item.index % GROUP_PAGE];
                return (
                  <li key={item.index} ref={virtualizer.measureElement} data-index={item.index} className="duplicate-item" style={{ transform: `translateY(${item.start}px)` }}>
                    {group ? <DuplicateGroupCard group={group} decision={flow.decisionFor(group)} onDecide={(decision) => flow.decide(group.key, decision)} /> : <div className="card duplicate-group duplicate-loading" aria-busy="true" />}
                  </li>
                );
              })}
            </ul>
          </div>
        </>
      )}
    </section>
  );
}

function DuplicateGroupCard({ group, decision, onDecide }: { group: PreviewGroup; decision: DuplicateDecision; onDecide: (decision: DuplicateDecision) => void }) {
  const { t } = useTranslation();
  return (
    <div className="card duplicate-group" data-testid="duplicate-group">
      <ul className="plain-list">
        {group.members.map((member) => (
          <li key={member.ref.source === 'file' ? `row-${member.ref.row}` : member.ref.id}>
            <span className="badge">{member.ref.source === 'file' ? t('import.fileRow', { row: member.ref.row }) : t('import.inWorkspace')}</span>{' '}
            <strong>{member.name}</strong> <span className="muted">{[member.email, member.phone, member.company].filter(Boolean).join(' · ')}</span>
          </li>
        ))}
      </ul>
      <p className="muted">
        {t('import.score', { score: Math.round(group.score * 100) })} ·{' '}
        {t('import.reasonsLabel', { reasons: group.reasons.map((reason) => t(`import.matchReason.${reason}`)).join(', ') })}
      </p>
      <div className="toolbar" role="radiogroup" aria-label={t('import.duplicates')}>
        {DECISIONS.map((choice) => (
          <label key={choice} className="checkbox">
            <input type="radio" name={`duplicate-${group.key}`} checked={decision === choice} onChange={() => onDecide(choice)} />
            <span>{t(`import.decision.${choice}`)}</span>
          </label>
        ))}
      </div>
    </div>
  );
}
