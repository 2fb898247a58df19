import { describe, expect, it } from 'vitest';
import { safeFileName } from './fileNames';

describe('safeFileName', () => {
  it('keeps an ordinary title', () => {
    expect(safeFileName('Russia and Venezuela, November 2025', 'docx')).toBe(
      'Russia and Venezuela, November 2025.docx',
    );
  });

  it('cannot escape the folder: separators and dot-dot are removed', () => {
    for (const hostile of [
      '../../etc/passwd',
      '..\\..\\Windows\\win.ini',
      '/abs/path',
      'a/../../b',
    ]) {
      const name = safeFileName(hostile, 'md');
      expect(name).not.toMatch(/[/\\]/);
      expect(name.startsWith('.')).toBe(false);
    }
    expect(safeFileName('../../etc/passwd', 'md')).toBe('etc passwd.md');
  });

  it('drops control and reserved characters, and reserved device names', () => {
    expect(safeFileName('a\u0000b\nc:d*e?f"g<h>i|j', 'csv')).toBe('a b c d e f g h i j.csv');
    expect(safeFileName('CON', 'txt')).toBe('claimdesk.txt');
    expect(safeFileName('...', 'txt', 'note')).toBe('note.txt');
    expect(safeFileName('   ', 'pdf')).toBe('claimdesk.pdf');
  });

  it('keeps non-Latin titles and cuts long ones to 80 characters', () => {
    expect(safeFileName('Захарова о Венесуэле 🇷🇺', 'pdf')).toBe('Захарова о Венесуэле 🇷🇺.pdf');
    expect(safeFileName('x'.repeat(300), 'pdf')).toBe(`${'x'.repeat(80)}.pdf`);
  });
});
