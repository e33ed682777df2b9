import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseForm, rawForm } from './forms.ts';

const Schema = z.object({
  name: z.string().trim().min(1, 'required').max(5, 'tooLong'),
  count: z.coerce.number({ error: 'invalid' }).int('invalid'),
  on: z.literal('on').optional(),
  kind: z.enum(['A', 'B']),
});

describe('parseForm', () => {
  it('gives the value when every field is right', () => {
    const form = new URLSearchParams({ name: ' Li ', count: '3', on: 'on', kind: 'A' });
    expect(parseForm(form, Schema)).toEqual({
      ok: true,
      value: { name: 'Li', count: 3, on: 'on', kind: 'A' },
      values: { name: ' Li ', count: '3', on: 'on', kind: 'A' },
    });
  });

  it('reports every field at once, one code each: absent is required, zod’s own words are invalid', () => {
    const result = parseForm(new URLSearchParams({ name: 'far too long', kind: 'C', extra: 'x' }), Schema);
    expect(result).toEqual({
      ok: false,
      errors: { name: 'tooLong', count: 'invalid', kind: 'invalid' },
      formError: null,
      values: { name: 'far too long', kind: 'C' },
    });
    expect(parseForm(new URLSearchParams(), Schema)).toMatchObject({ ok: false, errors: { name: 'required', kind: 'required' } });
  });

  it('takes control characters out of typed text, and keeps tabs and line breaks', () => {
    const form = new FormData();
    form.set('text', 'a\u0000b\u0007c\td\ne\u007f');
    expect(rawForm(form)).toEqual({ text: 'abc\td\ne' });
  });

  it('makes every line break LF, as a textarea posted without JavaScript sends CRLF', () => {
    const form = new URLSearchParams({ text: 'one\r\n\r\ntwo\rthree\nfour' });
    expect(rawForm(form)).toEqual({ text: 'one\n\ntwo\nthree\nfour' });
  });

  it('gives a list for a name posted several times, and ignores files', () => {
    const form = new FormData();
    form.append('id', '1');
    form.append('id', '2');
    form.append('file', new Blob(['x']), 'x.txt');
    expect(rawForm(form)).toEqual({ id: ['1', '2'] });
  });

  it('turns a problem that names no field into the form’s', () => {
    const Pair = z.object({ a: z.string(), b: z.string() }).refine((v) => v.a !== v.b, { message: 'same' });
    expect(parseForm(new URLSearchParams({ a: 'x', b: 'x' }), Pair)).toMatchObject({ ok: false, errors: {}, formError: 'same' });
  });
});
