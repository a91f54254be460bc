import { create } from 'zustand';

/** Which of the shell's two dialogs is open (UI state only): the command palette or the shortcuts help sheet. */
interface PaletteState {
  open: 'palette' | 'help' | null;
  openPalette: () => void;
  openHelp: () => void;
  close: () => void;
}

export const usePaletteUi = create<PaletteState>((set) => ({
  open: null,
  openPalette: () => set({ open: 'palette' }),
  openHelp: () => set({ open: 'help' }),
  close: () => set({ open: null }),
}));
