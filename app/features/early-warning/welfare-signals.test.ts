import { describe, expect, it } from 'vitest';
import { findWelfareSignals, WELFARE_PHRASES } from './welfare-signals.ts';

describe('signs of self-harm or a threat to life', () => {
  it.each([
    ['zh-Hans', '工资拖欠半年，我实在活不下去了。'],
    ['zh-Hans', '再不解决我就去跳楼'],
    ['zh-Hans', '我想自杀'],
    ['zh-Hans', '没钱看病，活着没意思'],
    ['zh-Hans', '没钱，不想活了'],
    ['zh-Hans', '逼急了我就和他同归于尽'],
    ['zh-Hant', '我真的不想活了'],
    ['zh-Hant', '他們再拖下去我只能輕生'],
    ['zh-Hant', '我要去跳樓'],
    ['en', 'I cannot go on, I want to kill myself.'],
    ['en', 'Sometimes I think about suicide.'],
    ['en', "I don't want to live like this any more"],
    ['en', 'I WILL END MY LIFE if nothing changes'],
    ['en', 'They pay nothing; I am going to hurt myself.'],
  ])('%s: %s', (_locale, text) => {
    expect(findWelfareSignals(text).concern).toBe(true);
  });

  it.each([
    // Negations right before the phrase.
    ['zh-Hans', '我不会自杀，只希望尽快解决'],
    ['zh-Hans', '我从来没有想过轻生'],
    ['zh-Hans', '我们绝不会自残，只是讨个说法'],
    ['zh-Hant', '我不會自殺，請放心'],
    ['en', 'I would never kill myself, I just want my wages.'],
    ['en', 'I am not suicidal, but I am very worried.'],
    // Quoted speech.
    ['zh-Hans', '楼道里贴着“预防自杀”的海报，但没人管漏水'],
    ['zh-Hant', '社區掛了「防止輕生」的橫幅'],
    ['en', 'The leaflet was titled "suicide prevention", but the office is closed.'],
    // Words that merely contain a phrase.
    ['en', 'The skill myself course was cancelled'],
    // Everyday complaints.
    ['zh-Hans', '小区路灯坏了三个月，晚上出行不安全'],
    ['en', 'The bus to the hospital has been cancelled again.'],
  ])('no false alarm for %s: %s', (_locale, text) => {
    expect(findWelfareSignals(text)).toEqual({ concern: false, matches: [] });
  });

  it('a negation further back does not cancel a later phrase', () => {
    expect(findWelfareSignals('工厂没发工资，我活不下去').concern).toBe(true);
    expect(findWelfareSignals('I do not know what to do. I want to kill myself.').concern).toBe(true);
  });

  it('a negated mention does not hide a real one later in the text', () => {
    expect(findWelfareSignals('我以前不会自杀，现在我想自杀').matches).toEqual(['自杀']);
  });

  it('reports what it found, for staff to see why', () => {
    expect(findWelfareSignals('我要跳楼，不想活了').matches.sort()).toEqual(['不想活', '跳楼'].sort());
  });

  it('has phrases and negations in every language', () => {
    for (const list of Object.values(WELFARE_PHRASES)) {
      expect(list.phrases.length).toBeGreaterThan(10);
      expect(list.negations.length).toBeGreaterThan(3);
      for (const phrase of list.phrases) expect(phrase).toBe(phrase.toLowerCase());
    }
  });
});
