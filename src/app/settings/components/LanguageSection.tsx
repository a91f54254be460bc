import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES } from '../../i18n/languages';
import { useLanguage } from '../../i18n/useLanguage';

export function LanguageSection() {
  const { t } = useTranslation();
  const [language, changeLanguage] = useLanguage();
  const id = useId();
  return (
    <section className="card">
      <h2>
        <label htmlFor={id}>{t('settings.language')}</label>
      </h2>
      <p className="muted">{t('settings.languageHint')}</p>
      <select
        id={id}
        value={language}
        onChange={(event) => {
          if (isLanguage(event.target.value)) changeLanguage(event.target.value);
        }}
      >
        {LANGUAGES.map((lang) => (
          <option key={lang} value={lang} lang={lang}>
            {LANGUAGE_NAMES[lang]}
          </option>
        ))}
      </select>
    </section>
  );
}
