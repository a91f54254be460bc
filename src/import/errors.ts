/** Why a whole file cannot be read; the UI translates `import.error.<code>`. */
export type ImportErrorCode = 'empty_file' | 'binary_file' | 'no_cards';

export class ImportError extends Error {
  readonly code: ImportErrorCode;

  constructor(code: ImportErrorCode) {
    super(`import: ${code.replaceAll('_', ' ')}`);
    this.name = 'ImportError';
    this.code = code;
  }
}
