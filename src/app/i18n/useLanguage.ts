import { useTranslation } from 'react-i18next';
import { usePreferences } from '../state/preferences';
import { switchLanguage } from './i18n';
import { isLanguage, type Language } from './languages';

export function useLanguage(): [Language, (language: Language) => void] {
  const { i18n } = useTranslation();
  const setLanguage = usePreferences((state) => state.setLanguage);
  const current = isLanguage(i18n.language) ? i18n.language : 'en';
  const change = (language: Language) => {
    setLanguage(language);
    void switchLanguage(language);
  };
  return [current, change];
}
