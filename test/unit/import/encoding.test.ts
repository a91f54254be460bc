import { describe, expect, test } from 'vitest';
import { ChunkDecoder, decodeText, detectEncoding } from '../../../src/import/encoding';
import { ImportError } from '../../../src/import/errors';
import { fixtureBytes } from './fixtures';

const hex = (text: string) => new Uint8Array(text.match(/../g)?.map((byte) => parseInt(byte, 16)) ?? []);

// "姓名,手机,公司,生日\r\n王芳,138 1234 5678,华为技术有限公司,1990年5月6日\r\n李 伟,+86 139-0000-1111,腾讯,19851203\r\n"
// encoded by Python's gb18030 codec; the fixture file holds exactly these bytes.
const GB18030_HEX =
  'd0d5c3fb2ccad6bbfa2cb9abcbbe2cc9fac8d50d0acdf5b7bc2c313338203132333420353637382cbbaaceaabcbccaf5d3d0cfdeb9abcbbe2c3139' +
  '3930c4ea35d4c236c8d50d0ac0ee20ceb02c2b3836203133392d303030302d313131312cccdad1b62c31393835313230330d0a';
const GB18030_TEXT = '姓名,手机,公司,生日\r\n王芳,138 1234 5678,华为技术有限公司,1990年5月6日\r\n李 伟,+86 139-0000-1111,腾讯,19851203\r\n';
const UTF16_TEXT = 'Name,Email,Phone\r\nZoë Müller,zoe@example.de,+49 30 123456\r\n陈静,chen.jing@example.cn,13700001111\r\n';

describe('detectEncoding and decodeText', () => {
  test('a GB18030 file (Chinese Excel "CSV") is recognised as invalid UTF-8 that decodes cleanly as GB18030', () => {
    const bytes = fixtureBytes('chinese-gb18030.csv');
    expect(bytes).toEqual(hex(GB18030_HEX));
    expect(detectEncoding(bytes)).toEqual({ encoding: 'gb18030', evidence: 'decodes_as_gb18030', bomLength: 0 });
    expect(decodeText(bytes).text).toBe(GB18030_TEXT);
  });

  test('UTF-16 LE with a BOM and UTF-16 BE without one (by the NUL pattern)', () => {
    const le = fixtureBytes('contacts-utf16le.csv');
    expect(detectEncoding(le)).toEqual({ encoding: 'utf-16le', evidence: 'bom', bomLength: 2 });
    expect(decodeText(le).text).toBe(UTF16_TEXT);
    const be = fixtureBytes('contacts-utf16be-nobom.csv');
    expect(detectEncoding(be)).toEqual({ encoding: 'utf-16be', evidence: 'nul_pattern', bomLength: 0 });
    expect(decodeText(be).text).toBe(UTF16_TEXT);
  });

  test('UTF-8 with and without a BOM; the BOM is not part of the text', () => {
    const plain = new TextEncoder().encode('名字,Email\n');
    expect(detectEncoding(plain)).toEqual({ encoding: 'utf-8', evidence: 'valid_utf8', bomLength: 0 });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...plain]);
    expect(detectEncoding(withBom)).toEqual({ encoding: 'utf-8', evidence: 'bom', bomLength: 3 });
    expect(decodeText(withBom).text).toBe('名字,Email\n');
  });

  test('a manual override wins over detection', () => {
    const bytes = hex(GB18030_HEX);
    const asUtf8 = decodeText(bytes, 'utf-8');
    expect(asUtf8.encoding).toEqual({ encoding: 'utf-8', evidence: 'chosen', bomLength: 0 });
    expect(asUtf8.text.startsWith('\uFFFD')).toBe(true);
    expect(decodeText(bytes, 'gb18030').text).toBe(GB18030_TEXT);
  });

  test('a UTF-8 sample cut inside a character is still UTF-8', () => {
    const bytes = new TextEncoder().encode('a'.repeat(65_535) + '王');
    expect(detectEncoding(bytes).encoding).toBe('utf-8');
  });

  test('empty and binary files are refused with their reason', () => {
    expect(() => detectEncoding(new Uint8Array())).toThrow(new ImportError('empty_file'));
    // The start of a zip (.xlsx): "PK\x03\x04" and binary header fields.
    const zip = hex('504b0304140006000800000021006c0e8f1c7a010000a8050000130008025b436f6e74656e745f54797065735d2e786d6c20a2040228a000');
    expect(() => detectEncoding(zip)).toThrow(expect.objectContaining({ code: 'binary_file' }));
  });

  test('ChunkDecoder joins a character split between two slices', () => {
    const bytes = hex(GB18030_HEX);
    const decoder = new ChunkDecoder(detectEncoding(bytes));
    let text = '';
    for (let i = 0; i < bytes.length; i += 3) text += decoder.push(bytes.subarray(i, i + 3));
    expect(text + decoder.end()).toBe(GB18030_TEXT);
  });
});
