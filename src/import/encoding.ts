import { ImportError } from './errors';

export const TEXT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030'] as const;
export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];

/** How the encoding was recognised, so the UI can say why and offer the override. */
export type EncodingEvidence = 'bom' | 'nul_pattern' | 'valid_utf8' | 'decodes_as_gb18030' | 'chosen';

export interface DetectedEncoding {
  encoding: TextEncodingName;
  evidence: EncodingEvidence;
  /** Bytes of byte-order mark at the start, to skip. */
  bomLength: number;
}

/** How many bytes detection looks at: enough for several rows of a spreadsheet export. */
export const DETECTION_SAMPLE_BYTES = 64 * 1024;

function bomOf(bytes: Uint8Array): DetectedEncoding | null {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', evidence: 'bom', bomLength: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', evidence: 'bom', bomLength: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', evidence: 'bom', bomLength: 2 };
  return null;
}

/**
 * Text in UTF-16 without a BOM has a NUL in every other byte for ASCII characters (digits, commas, line ends):
 * at odd positions for little-endian, at even positions for big-endian.
 */
function utf16ByNulPattern(sample: Uint8Array): TextEncodingName | null {
  let evenNul = 0;
  let oddNul = 0;
  const pairs = Math.floor(sample.length / 2);
  for (let i = 0; i < pairs * 2; i += 2) {
    if (sample[i] === 0) evenNul++;
    if (sample[i + 1] === 0) oddNul++;
  }
  if (pairs < 2) return null;
  if (oddNul / pairs > 0.3 && evenNul / pairs < 0.05) return 'utf-16le';
  if (evenNul / pairs > 0.3 && oddNul / pairs < 0.05) return 'utf-16be';
  return null;
}

function decodesCleanly(encoding: TextEncodingName, sample: Uint8Array): boolean {
  try {
    // stream: true so a multi-byte character cut at the end of the sample is not counted as an error.
    new TextDecoder(encoding, { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Control characters that never occur in a text export: C0 codes other than tab, line ends, form feed, escape. */
function isBinaryCode(code: number): boolean {
  return code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0b && code !== 0x0c && code !== 0x0d && code !== 0x1b;
}

function looksBinary(text: string): boolean {
  let control = 0;
  const sample = text.slice(0, 4096);
  for (let i = 0; i < sample.length; i++) if (isBinaryCode(sample.charCodeAt(i))) control++;
  return control > 0 && control / Math.max(sample.length, 1) > 0.01;
}

/**
 * Recognises the encoding of a file from its first bytes: a BOM, the NUL pattern of UTF-16, valid UTF-8, else
 * GB18030 (what Chinese Excel saves as "CSV") when the bytes decode cleanly as that. Throws `binary_file` for
 * anything that is not text in one of them (an .xlsx, an image), `empty_file` for no bytes at all.
 */
export function detectEncoding(bytes: Uint8Array): DetectedEncoding {
  if (bytes.length === 0) throw new ImportError('empty_file');
  const sample = bytes.subarray(0, DETECTION_SAMPLE_BYTES);
  const detected = detectTextEncoding(sample);
  if (!detected || looksBinary(new TextDecoder(detected.encoding).decode(sample.subarray(detected.bomLength)))) {
    throw new ImportError('binary_file');
  }
  return detected;
}

function detectTextEncoding(sample: Uint8Array): DetectedEncoding | null {
  const bom = bomOf(sample);
  if (bom) return bom;
  const utf16 = utf16ByNulPattern(sample);
  if (utf16) return { encoding: utf16, evidence: 'nul_pattern', bomLength: 0 };
  if (decodesCleanly('utf-8', sample)) return { encoding: 'utf-8', evidence: 'valid_utf8', bomLength: 0 };
  if (decodesCleanly('gb18030', sample)) return { encoding: 'gb18030', evidence: 'decodes_as_gb18030', bomLength: 0 };
  return null;
}

/** The encoding to read a file with: the user's choice when made, else the detected one. */
export function resolveEncoding(bytes: Uint8Array, override?: TextEncodingName): DetectedEncoding {
  if (!override) return detectEncoding(bytes);
  const bom = bomOf(bytes);
  return { encoding: override, evidence: 'chosen', bomLength: bom && bom.encoding === override ? bom.bomLength : 0 };
}

/** Decodes a whole file (small files, tests); large ones go through {@link ChunkDecoder}. */
export function decodeText(bytes: Uint8Array, override?: TextEncodingName): { text: string; encoding: DetectedEncoding } {
  const encoding = resolveEncoding(bytes, override);
  const decoder = new ChunkDecoder(encoding);
  return { text: decoder.push(bytes) + decoder.end(), encoding };
}

/**
 * Decodes a file read in slices: a character split between two slices is held back until the next one, and the BOM
 * is dropped. Bytes that are not valid in the encoding become U+FFFD, which cleaning then reports per cell.
 */
export class ChunkDecoder {
  private readonly decoder: TextDecoder;
  private bomToSkip: number;

  constructor(encoding: DetectedEncoding) {
    // ignoreBOM: the BOM is skipped by length here, so a BOM-like first character under an override is not lost.
    this.decoder = new TextDecoder(encoding.encoding, { ignoreBOM: true });
    this.bomToSkip = encoding.bomLength;
  }

  push(bytes: Uint8Array): string {
    let input = bytes;
    if (this.bomToSkip > 0) {
      const skip = Math.min(this.bomToSkip, input.length);
      input = input.subarray(skip);
      this.bomToSkip -= skip;
    }
    return this.decoder.decode(input, { stream: true });
  }

  end(): string {
    return this.decoder.decode();
  }
}
