import { useCallback, useEffect, useRef, useState, type MouseEvent as ReactMouseEvent, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';

/** Where a dragged card is: the pointer, the grab offset within the card, and the stage under the pointer. */
export interface DealDrag {
  dealId: string;
  title: string;
  x: number;
  y: number;
  offsetX: number;
  offsetY: number;
  width: number;
  /** The stage of the drop zone under the pointer, if any. */
  over: string | null;
}

/** A press becomes a drag after this many pixels, so a click on the card's link still opens the deal. */
const DRAG_THRESHOLD = 6;
/** Near a side of the board the board scrolls, so a phone can reach a column off screen. */
const EDGE = 48;
const EDGE_STEP = 18;

function stageUnder(x: number, y: number): string | null {
  const zone = document.elementFromPoint(x, y)?.closest<HTMLElement>('[data-drop-stage]');
  return zone?.dataset.dropStage ?? null;
}

/**
 * Drag and drop of deal cards with pointer events, so mouse, pen and touch share one path. A mouse drags the whole
 * card; touch drags only from the card's handle, so a finger elsewhere still scrolls the board. Escape cancels.
 */
export function useDealDrag(board: RefObject<HTMLElement | null>, onDrop: (dealId: string, stage: string) => void) {
  const [drag, setDrag] = useState<DealDrag | null>(null);
  const stop = useRef<(() => void) | null>(null);
  const suppressClick = useRef(false);
  const drop = useRef(onDrop);
  useEffect(() => {
    drop.current = onDrop;
  }, [onDrop]);
  useEffect(() => () => stop.current?.(), []);

  const start = useCallback(
    (event: ReactPointerEvent<HTMLElement>, deal: { id: string; title: string }, fromHandle: boolean) => {
      if (event.button !== 0 || stop.current || (event.pointerType !== 'mouse' && !fromHandle)) return;
      if (event.target instanceof HTMLSelectElement) return;
      const card = event.currentTarget.closest<HTMLElement>('[data-deal-card]') ?? event.currentTarget;
      const rect = card.getBoundingClientRect();
      const pointerId = event.pointerId;
      const from = { x: event.clientX, y: event.clientY };
      let current: DealDrag | null = null;
      if (fromHandle) event.preventDefault();

      const move = (moved: PointerEvent) => {
        if (moved.pointerId !== pointerId) return;
        if (!current && Math.hypot(moved.clientX - from.x, moved.clientY - from.y) < DRAG_THRESHOLD) return;
        moved.preventDefault();
        const scroller = board.current;
        if (scroller) {
          const bounds = scroller.getBoundingClientRect();
          if (moved.clientX < bounds.left + EDGE) scroller.scrollLeft -= EDGE_STEP;
          else if (moved.clientX > bounds.right - EDGE) scroller.scrollLeft += EDGE_STEP;
        }
        current = {
          dealId: deal.id,
          title: deal.title,
          x: moved.clientX,
          y: moved.clientY,
          offsetX: from.x - rect.left,
          offsetY: from.y - rect.top,
          width: rect.width,
          over: stageUnder(moved.clientX, moved.clientY),
        };
        setDrag(current);
      };
      const end = (ended: PointerEvent) => {
        if (ended.pointerId !== pointerId) return;
        const target = ended.type === 'pointerup' && current ? stageUnder(ended.clientX, ended.clientY) : null;
        suppressClick.current = current !== null;
        // The click that ends a drag comes before any timer; a drag that ends off the card brings none to swallow.
        setTimeout(() => (suppressClick.current = false), 0);
        finish();
        if (target) drop.current(deal.id, target);
      };
      const cancel = (key: KeyboardEvent) => {
        if (key.key !== 'Escape') return;
        suppressClick.current = current !== null;
        finish();
      };
      const finish = () => {
        window.removeEventListener('pointermove', move);
        window.removeEventListener('pointerup', end);
        window.removeEventListener('pointercancel', end);
        window.removeEventListener('keydown', cancel);
        stop.current = null;
        setDrag(null);
      };
      window.addEventListener('pointermove', move, { passive: false });
      window.addEventListener('pointerup', end);
      window.addEventListener('pointercancel', end);
      window.addEventListener('keydown', cancel);
      stop.current = finish;
    },
    [board],
  );

  /** Swallows the click that ends a drag, so dropping a card does not also open it. */
  const handleClickCapture = useCallback((event: ReactMouseEvent) => {
    if (!suppressClick.current) return;
    suppressClick.current = false;
    event.preventDefault();
    event.stopPropagation();
  }, []);

  return { drag, start, handleClickCapture };
}
