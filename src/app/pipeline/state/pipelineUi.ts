import { create } from 'zustand';

export type PipelineView = 'board' | 'list';
export type DealStatusFilter = 'open' | 'won' | 'lost' | 'all';
export type DealSortKey = 'amount' | 'expectedClose';

/** The pipeline page's UI state (never data): view, list order, what the live region says, pending dialogs. */
interface PipelineUiState {
  view: PipelineView;
  status: DealStatusFilter;
  sort: { key: DealSortKey; descending: boolean };
  /** The deals list's optional columns shown, in order (a saved view may hide some). */
  columns: string[];
  /** The last move, for screen readers; the id makes a repeated sentence a new announcement. */
  announcement: { id: number; text: string } | null;
  /** A deal moved from the keyboard keeps focus once it shows in its new stage. */
  focusRequest: { dealId: string; stage: string } | null;
  /** The deal whose lost reason is being asked for. */
  losing: { id: string; title: string } | null;
  setView: (view: PipelineView) => void;
  setStatus: (status: DealStatusFilter) => void;
  sortBy: (key: DealSortKey) => void;
  setColumns: (columns: string[]) => void;
  /** Shows the list as a saved view holds it. */
  applyList: (list: { status: DealStatusFilter; sort: { key: DealSortKey; descending: boolean }; columns: string[] }) => void;
  announce: (text: string) => void;
  requestFocus: (request: { dealId: string; stage: string } | null) => void;
  setLosing: (deal: { id: string; title: string } | null) => void;
}

export const usePipelineUi = create<PipelineUiState>((set) => ({
  view: 'board',
  status: 'open',
  sort: { key: 'expectedClose', descending: false },
  columns: ['customer', 'stage', 'amount', 'probability', 'expectedClose', 'owner'],
  announcement: null,
  focusRequest: null,
  losing: null,
  setView: (view) => set({ view }),
  setStatus: (status) => set({ status }),
  // A second click on the same column reverses it; a new column starts with the biggest amount or the soonest date.
  sortBy: (key) => set(({ sort }) => ({ sort: sort.key === key ? { key, descending: !sort.descending } : { key, descending: key === 'amount' } })),
  setColumns: (columns) => set({ columns }),
  applyList: ({ status, sort, columns }) => set({ status, sort, columns }),
  announce: (text) => set(({ announcement }) => ({ announcement: { id: (announcement?.id ?? 0) + 1, text } })),
  requestFocus: (focusRequest) => set({ focusRequest }),
  setLosing: (losing) => set({ losing }),
}));
