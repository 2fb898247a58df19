import { describe, expect, it } from 'vitest';
import {
  exportFileName,
  MAX_BASE_BYTES,
  MAX_BASE_LENGTH,
  safeBaseName,
  utf8Length,
} from './fileNames';

describe('export file names', () => {
  it('keeps an ordinary title, and adds the extension', () => {
    expect(exportFileName('Russia and Venezuela, November 2025', 'csv')).toBe(
      'Russia and Venezuela, November 2025.csv',
    );
    expect(safeBaseName('Захарова: «заявление»')).toBe('Захарова «заявление»');
  });

  it('cannot name another folder, a hidden file or a device', () => {
    expect(safeBaseName('../../etc/passwd')).toBe('etc passwd');
    expect(safeBaseName('..\\..\\Windows\\system32')).toBe('Windows system32');
    expect(safeBaseName('.bashrc')).toBe('bashrc');
    expect(safeBaseName('CON')).toBe('_CON');
    expect(safeBaseName('nul.txt')).toBe('_nul.txt');
    expect(safeBaseName('report. ')).toBe('report');
  });

  it('never gives a name Windows keeps for a device, whatever follows the device name', () => {
    for (const title of [
      'con.txt case',
      'COM1',
      'com1.docx x',
      'nul.tar.gz x',
      'aux .md',
      'LPT9.',
      'Com¹',
      'CONIN$',
    ]) {
      const name = exportFileName(title, 'csv');
      const stem = (name.split('.')[0] ?? '').replace(/[ .]+$/, '');
      expect(stem).not.toMatch(/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i);
      expect(name).not.toMatch(/[ .]$/);
    }
    // Names that only start like a device are left alone.
    expect(safeBaseName('Console report')).toBe('Console report');
    expect(safeBaseName('auxiliary')).toBe('auxiliary');
  });

  it('drops control and bidi characters, and the characters Windows refuses', () => {
    expect(safeBaseName('a\u0000b\nc\td\u202Egnp.exe')).toBe('a b c d gnp.exe');
    expect(safeBaseName('what? <when> "who" | *')).toBe('what when who');
  });

  it('counts UTF-8 bytes as an encoder does', () => {
    expect(utf8Length('abc')).toBe(3);
    expect(utf8Length('é')).toBe(2);
    expect(utf8Length('€')).toBe(3);
    expect(utf8Length('😀')).toBe(4);
    expect(utf8Length('Захарова 習近平')).toBe(16 + 1 + 9);
  });

  it('stays within 255 bytes however wide the characters', () => {
    const name = exportFileName('😀'.repeat(120), 'claimdesk.json');
    expect(utf8Length(name)).toBeLessThanOrEqual(255);
    expect(name.endsWith('😀.claimdesk.json')).toBe(true);
  });

  it('falls back to "case" when nothing is left, and bounds the length without splitting a character', () => {
    expect(safeBaseName('')).toBe('case');
    expect(safeBaseName(' ./\\.. ')).toBe('case');
    const long = `${'é'.repeat(MAX_BASE_LENGTH - 1)}ab`;
    const cut = safeBaseName(long);
    expect([...cut]).toHaveLength(MAX_BASE_LENGTH);
    expect(cut.endsWith('éa')).toBe(true);
    const emoji = safeBaseName('😀'.repeat(MAX_BASE_LENGTH));
    expect(utf8Length(emoji)).toBeLessThanOrEqual(MAX_BASE_BYTES);
    // The cut is whole characters only: no lone surrogate anywhere.
    expect(cut).not.toMatch(
      /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
    );
  });
});
