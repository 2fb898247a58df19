import { describe, expect, it } from 'vitest';
import { exportFileName, MAX_BASE_LENGTH, safeBaseName } from './fileNames';

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
    expect(safeBaseName('CON')).toBe('CON case');
    expect(safeBaseName('nul.txt')).toBe('nul.txt case');
    expect(safeBaseName('report. ')).toBe('report');
  });

  it('drops control and bidi characters, and the characters Windows refuses', () => {
    expect(safeBaseName('a\u0000b\nc\td\u202Egnp.exe')).toBe('a b c d gnp.exe');
    expect(safeBaseName('what? <when> "who" | *')).toBe('what when who');
  });

  it('falls back to "case" when nothing is left, and bounds the length without splitting a character', () => {
    expect(safeBaseName('')).toBe('case');
    expect(safeBaseName(' ./\\.. ')).toBe('case');
    const long = `${'😀'.repeat(MAX_BASE_LENGTH - 1)}ab`;
    const cut = safeBaseName(long);
    expect([...cut]).toHaveLength(MAX_BASE_LENGTH);
    expect(cut.endsWith('😀a')).toBe(true);
    // The cut is whole characters only: no lone surrogate anywhere.
    expect(cut).not.toMatch(
      /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
    );
  });
});
