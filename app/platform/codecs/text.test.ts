// Typed text split into paragraphs, whichever line breaks it was stored with.
import { describe, expect, it } from 'vitest';
import { paragraphsOf } from './text.ts';

describe('paragraphsOf', () => {
  it('splits at blank lines, LF or CRLF (text stored before forms made line breaks LF), and keeps single breaks', () => {
    expect(paragraphsOf('one\nstill one\n\ntwo')).toEqual(['one\nstill one', 'two']);
    expect(paragraphsOf('one\r\n\r\ntwo\r\n\r\n\r\nthree')).toEqual(['one', 'two', 'three']);
  });

  it('drops empty paragraphs, and has none for no text', () => {
    expect(paragraphsOf('\n\none\n\n  \n\n')).toEqual(['one']);
    expect(paragraphsOf(null)).toEqual([]);
  });
});
