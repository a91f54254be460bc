import { FileUp } from 'lucide-react';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';

const ACCEPT = '.csv,.tsv,.txt,.xlsx,.vcf,.vcard,.json,text/csv,text/tab-separated-values,text/vcard,application/json';

/** A file chosen with the picker or dropped on it. */
export function FilePicker({ onFile, label, testId = 'import-file' }: { onFile: (file: File) => void; label?: string; testId?: string }) {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);
  const handleDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  };
  return (
    <div
      className={`file-drop${over ? ' file-drop-over' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={handleDrop}
    >
      <label className="button">
        <FileUp aria-hidden="true" size={18} />
        <span>{label ?? t('import.chooseFile')}</span>
        <input
          type="file"
          accept={ACCEPT}
          className="visually-hidden"
          data-testid={testId}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) onFile(file);
          }}
        />
      </label>
      <span className="muted">{t('import.fileHint')}</span>
    </div>
  );
}
