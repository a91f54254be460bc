import { create } from 'zustand';

/** A short message after an action, with an Undo button when the action can be taken back (UI state only). */
export interface Notice {
  id: number;
  message: string;
  undoable: boolean;
}

interface NoticeState {
  notice: Notice | null;
  show: (message: string, undoable?: boolean) => void;
  dismiss: () => void;
}

let counter = 0;

export const useNotices = create<NoticeState>((set) => ({
  notice: null,
  show: (message, undoable = false) => set({ notice: { id: (counter += 1), message, undoable } }),
  dismiss: () => set({ notice: null }),
}));
