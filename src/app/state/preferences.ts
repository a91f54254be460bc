import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { isLanguage, type Language } from '../i18n/languages';

interface PreferencesState {
  /** null until the user picks one; the browser's preferred language applies meanwhile. */
  language: Language | null;
  setLanguage: (language: Language) => void;
}

// localStorage rather than IndexedDB: the language must be known synchronously, before the first paint.
export const usePreferences = create<PreferencesState>()(
  persist(
    (set) => ({
      language: null,
      setLanguage: (language) => set({ language }),
    }),
    {
      name: 'rapport.preferences',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      merge: (persisted, current) => {
        const language = (persisted as { language?: unknown } | undefined)?.language;
        return { ...current, language: isLanguage(language) ? language : null };
      },
    },
  ),
);
