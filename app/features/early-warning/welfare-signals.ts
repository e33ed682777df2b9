// Signs that someone's life may be in danger: self-harm, or a threat to someone's life. When a
// letter shows them, the citizen is shown where to get help at once and the case goes red, so a
// person answers it the same day. The lists are per language; every letter is checked against all
// three, since people write in whichever they like.
//
// Two simple guards against false alarms:
// - quoted speech («他说"不想活了"», 'the sign said "suicide prevention"') is left out;
// - a negation just before a phrase (我不会自杀, "I would never kill myself") cancels it.
// Phrases that contain their own negation (不想活了, "don't want to live") are listed whole.
import type { Locale } from '#app/i18n/config.ts';

export interface WelfarePhrases {
  /** Lower-case phrases; a match anywhere outside quotes counts. */
  phrases: readonly string[];
  /** Words that, right before a phrase, turn it into its opposite. */
  negations: readonly string[];
}

export const WELFARE_PHRASES: Record<Locale, WelfarePhrases> = {
  'zh-Hans': {
    phrases: [
      '自杀',
      '轻生',
      '寻死',
      '不想活',
      '活不下去',
      '活着没意思',
      '结束生命',
      '结束自己的生命',
      '了结自己',
      '一死了之',
      '以死明志',
      '以死相逼',
      '跳楼',
      '跳河',
      '卧轨',
      '喝农药',
      '服毒',
      '割腕',
      '上吊',
      '自焚',
      '自残',
      '伤害自己',
      '同归于尽',
      '杀了他',
      '杀了她',
      '杀了他们',
      '要他的命',
    ],
    negations: ['不会', '不要', '没有', '没', '并不', '并没有', '绝不', '决不', '从没', '从来没有', '不是', '防止', '预防', '反对'],
  },
  'zh-Hant': {
    phrases: [
      '自殺',
      '輕生',
      '尋死',
      '不想活',
      '活不下去',
      '活著沒意思',
      '結束生命',
      '結束自己的生命',
      '了結自己',
      '一死了之',
      '以死明志',
      '以死相逼',
      '跳樓',
      '跳河',
      '臥軌',
      '喝農藥',
      '服毒',
      '割腕',
      '上吊',
      '自焚',
      '自殘',
      '傷害自己',
      '同歸於盡',
      '殺了他',
      '殺了她',
      '殺了他們',
      '要他的命',
    ],
    negations: ['不會', '不要', '沒有', '沒', '並不', '並沒有', '絕不', '決不', '從沒', '從來沒有', '不是', '防止', '預防', '反對'],
  },
  en: {
    phrases: [
      'kill myself',
      'killing myself',
      'suicide',
      'suicidal',
      'end my life',
      'ending my life',
      'take my own life',
      'taking my own life',
      "don't want to live",
      'do not want to live',
      'no reason to live',
      'better off dead',
      'hurt myself',
      'harm myself',
      'self-harm',
      'self harm',
      'jump off',
      'set myself on fire',
      'kill him',
      'kill her',
      'kill them',
      'going to die together',
    ],
    negations: ['not', 'never', 'no', "don't", "won't", "wouldn't", 'prevent', 'prevention', 'against'],
  },
};

// Paired quotation marks of both scripts. Straight quotes pair with themselves.
const QUOTED = /“[^”]*”|「[^」]*」|『[^』]*』|"[^"]*"|‘[^’]*’/g;

// A negation cancels a phrase only when it stands right before it, with at most a few words such
// as 想过 or 打算 between them, and no punctuation: 没钱，活不下去 is not a negation.
const CJK_FILLERS = ['想过', '想', '要', '会', '打算', '考虑过', '考虑', '去', '再', '過', '考慮過', '考慮', '會'];
const EN_NEGATION_WINDOW_WORDS = 3;

function isLatin(phrase: string): boolean {
  return /^[\x20-\x7e]+$/.test(phrase);
}

function negatedCjk(before: string, negations: readonly string[]): boolean {
  for (const negation of negations) {
    const at = before.lastIndexOf(negation);
    if (at < 0) continue;
    let rest = before.slice(at + negation.length);
    for (let guard = 0; rest && guard < 3; guard++) {
      const filler = CJK_FILLERS.find((f) => rest.startsWith(f));
      if (!filler) break;
      rest = rest.slice(filler.length);
    }
    if (rest === '') return true;
  }
  return false;
}

function negatedLatin(before: string, negations: readonly string[]): boolean {
  const clause = before.split(/[.,;:!?]/).at(-1) ?? '';
  const words = clause
    .split(/[^a-z']+/)
    .filter(Boolean)
    .slice(-EN_NEGATION_WINDOW_WORDS);
  return words.some((word) => negations.includes(word));
}

export interface WelfareFinding {
  concern: boolean;
  /** The phrases found, for staff to see why the case went red. */
  matches: string[];
}

export function findWelfareSignals(text: string): WelfareFinding {
  // NFKC folds full-width Latin; quoted passages become a space so words on each side stay apart.
  const prepared = text.normalize('NFKC').replace(QUOTED, ' ').toLowerCase();
  const matches = new Set<string>();
  for (const list of Object.values(WELFARE_PHRASES)) {
    for (const phrase of list.phrases) {
      const latin = isLatin(phrase);
      let from = 0;
      for (;;) {
        const at = prepared.indexOf(phrase, from);
        if (at < 0) break;
        from = at + phrase.length;
        if (latin && !onWordBoundaries(prepared, at, phrase.length)) continue;
        const before = prepared.slice(Math.max(0, at - 40), at);
        const negated = latin ? negatedLatin(before, list.negations) : negatedCjk(before, list.negations);
        if (!negated) {
          matches.add(phrase);
          break;
        }
      }
    }
  }
  return { concern: matches.size > 0, matches: [...matches] };
}

function onWordBoundaries(text: string, at: number, length: number): boolean {
  const letter = /[a-z0-9]/;
  return !letter.test(text[at - 1] ?? ' ') && !letter.test(text[at + length] ?? ' ');
}
