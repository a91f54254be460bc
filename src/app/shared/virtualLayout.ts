import { elementScroll, type Virtualizer } from '@tanstack/react-virtual';

// The virtualizer's own observers read the list's size and scroll position when it mounts, and each drawn item's
// height, which lays the page out in the middle of React's commit (the import preview: one task of 60-140 ms). These
// take the same figures from ResizeObserver and scroll events, which the browser reports after its own layout.

/** Boxes the user has scrolled: one never scrolled is at its top. */
const scrolled = new WeakSet<Element>();

type List = Virtualizer<HTMLDivElement, Element>;

function observeElementRect(instance: List, report: (rect: { width: number; height: number }) => void) {
  const element = instance.scrollElement;
  if (!element) return;
  const observer = new ResizeObserver(([entry]) => entry && report({ width: Math.round(entry.contentRect.width), height: Math.round(entry.contentRect.height) }));
  observer.observe(element);
  return () => observer.disconnect();
}

/** The pause after which a scroll counts as over, as the virtualizer's own observer waits. */
const SCROLL_SETTLED_MS = 150;

function observeElementOffset(instance: List, report: (offset: number, isScrolling: boolean) => void) {
  const element = instance.scrollElement;
  if (!element) return;
  let settle: ReturnType<typeof setTimeout> | undefined;
  const onScroll = () => {
    scrolled.add(element);
    report(element.scrollTop, true);
    clearTimeout(settle);
    settle = setTimeout(() => report(element.scrollTop, false), SCROLL_SETTLED_MS);
  };
  element.addEventListener('scroll', onScroll, { passive: true });
  return () => {
    clearTimeout(settle);
    element.removeEventListener('scroll', onScroll);
  };
}

/** An item's height as ResizeObserver reported it; until it has, the last one known or the estimate. */
function measureElement(element: Element, entry: ResizeObserverEntry | undefined, instance: List): number {
  const box = entry?.borderBoxSize[0];
  if (box) return Math.round(box.blockSize);
  const index = instance.indexFromElement(element);
  return instance.itemSizeCache.get(instance.options.getItemKey(index)) ?? instance.options.estimateSize(index);
}

/** A list mounts by scrolling to where it is; writing the top of a box never scrolled would lay the page out. */
function scrollToFn(offset: number, options: { adjustments?: number; behavior?: ScrollBehavior }, instance: List): void {
  const element = instance.scrollElement;
  if (element && !scrolled.has(element) && offset + (options.adjustments ?? 0) === 0) return;
  elementScroll(offset, options, instance);
}

/** `useVirtualizer` options for a list in a scrolling box that starts `viewHeight` pixels high. */
export function measuredAfterLayout(viewHeight: number) {
  return { initialRect: { width: 0, height: viewHeight }, observeElementRect, observeElementOffset, measureElement, scrollToFn };
}
