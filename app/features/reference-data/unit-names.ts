// A unit's name as a dense table shows it: the words every unit shares (市, Municipal, Bureau)
// taken off, so what tells units apart comes first. The full name stays in the page for hover,
// focus and screen readers (the queue's unit cell).

const ZH_PREFIX = /^(市|区|县|省)(?=.{3,})/u;
const ZH_SUFFIX = /(局|委员会|委員會|办公室|辦公室)$/u;
const EN_PREFIX = /^(Municipal|District|County|Provincial)\s+/i;
const EN_WORDS = /^(Bureau|Administration|Office|Commission|Department)\s+(of|for)\s+/i;
const EN_SUFFIX = /\s+(Bureau|Commission|Office|Department)$/i;

export function shortUnitName(name: string): string {
  const zh = name.replace(ZH_PREFIX, '');
  if (zh !== name || ZH_SUFFIX.test(name)) {
    const short = zh.replace(ZH_SUFFIX, '');
    return short.length >= 2 ? short : name;
  }
  const en = name.replace(EN_PREFIX, '').replace(EN_WORDS, '').replace(EN_SUFFIX, '');
  return en.trim().length >= 3 ? en.trim() : name;
}
