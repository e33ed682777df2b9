import type { PrismaClient } from '#app/generated/prisma/client.ts';

type LocalisedNames = {
  nameZhHans: string;
  nameZhHant: string;
  nameEn: string;
};

type UnitSeed = LocalisedNames & {
  code: string;
  parentCode: string | null;
};

type CategorySeed = LocalisedNames & {
  code: string;
  sortOrder: number;
  defaultUnitCode: UnitCode;
};

// Every department hangs under the bureau because the bureau assigns cases (交办) to them.
// Parents come before their children so each parent already has an id when a child is upserted.
const UNITS = [
  { code: 'bureau', parentCode: null, nameZhHans: '市信访局', nameZhHant: '市信訪局', nameEn: 'Municipal Letters and Visits Bureau' },
  {
    code: 'natural-resources',
    parentCode: 'bureau',
    nameZhHans: '市自然资源和规划局',
    nameZhHant: '市自然資源和規劃局',
    nameEn: 'Municipal Bureau of Natural Resources and Planning',
  },
  {
    code: 'human-resources',
    parentCode: 'bureau',
    nameZhHans: '市人力资源和社会保障局',
    nameZhHant: '市人力資源和社會保障局',
    nameEn: 'Municipal Human Resources and Social Security Bureau',
  },
  {
    code: 'housing',
    parentCode: 'bureau',
    nameZhHans: '市住房和城乡建设局',
    nameZhHant: '市住房和城鄉建設局',
    nameEn: 'Municipal Housing and Urban-Rural Development Bureau',
  },
  { code: 'education', parentCode: 'bureau', nameZhHans: '市教育局', nameZhHant: '市教育局', nameEn: 'Municipal Education Bureau' },
  {
    code: 'health',
    parentCode: 'bureau',
    nameZhHans: '市卫生健康委员会',
    nameZhHant: '市衛生健康委員會',
    nameEn: 'Municipal Health Commission',
  },
  {
    code: 'healthcare-security',
    parentCode: 'bureau',
    nameZhHans: '市医疗保障局',
    nameZhHant: '市醫療保障局',
    nameEn: 'Municipal Healthcare Security Bureau',
  },
  {
    code: 'ecology-environment',
    parentCode: 'bureau',
    nameZhHans: '市生态环境局',
    nameZhHant: '市生態環境局',
    nameEn: 'Municipal Ecology and Environment Bureau',
  },
  {
    code: 'veterans-affairs',
    parentCode: 'bureau',
    nameZhHans: '市退役军人事务局',
    nameZhHant: '市退役軍人事務局',
    nameEn: 'Municipal Veterans Affairs Bureau',
  },
  {
    code: 'public-security',
    parentCode: 'bureau',
    nameZhHans: '市公安局',
    nameZhHant: '市公安局',
    nameEn: 'Municipal Public Security Bureau',
  },
  {
    code: 'public-security-dongcheng',
    parentCode: 'public-security',
    nameZhHans: '市公安局东城分局',
    nameZhHant: '市公安局東城分局',
    nameEn: 'Dongcheng Branch, Municipal Public Security Bureau',
  },
  { code: 'justice', parentCode: 'bureau', nameZhHans: '市司法局', nameZhHant: '市司法局', nameEn: 'Municipal Justice Bureau' },
  {
    code: 'market-regulation',
    parentCode: 'bureau',
    nameZhHans: '市市场监督管理局',
    nameZhHant: '市市場監督管理局',
    nameEn: 'Municipal Administration for Market Regulation',
  },
  { code: 'transport', parentCode: 'bureau', nameZhHans: '市交通运输局', nameZhHant: '市交通運輸局', nameEn: 'Municipal Transport Bureau' },
  { code: 'civil-affairs', parentCode: 'bureau', nameZhHans: '市民政局', nameZhHant: '市民政局', nameEn: 'Municipal Civil Affairs Bureau' },
  {
    code: 'urban-management',
    parentCode: 'bureau',
    nameZhHans: '市城市管理综合执法局',
    nameZhHant: '市城市管理綜合執法局',
    nameEn: 'Municipal Urban Management and Law Enforcement Bureau',
  },
  {
    code: 'dongcheng-district',
    parentCode: 'bureau',
    nameZhHans: '东城区人民政府',
    nameZhHant: '東城區人民政府',
    nameEn: "Dongcheng District People's Government",
  },
  {
    code: 'xicheng-district',
    parentCode: 'bureau',
    nameZhHans: '西城区人民政府',
    nameZhHant: '西城區人民政府',
    nameEn: "Xicheng District People's Government",
  },
  // The bodies the statute itself routes to sit outside the bureau's tree, so that a report about
  // the bureau (or any unit under it) never lands in the subtree it accuses: the discipline and
  // supervision commission takes reports of misconduct (arts. 22, 30), the political and legal
  // affairs commission takes matters for the courts (arts. 22, 28), and the review office takes the
  // reviews and re-reviews that have no unit above the one that decided (arts. 35, 36).
  {
    code: 'discipline-inspection',
    parentCode: null,
    nameZhHans: '市纪委监委',
    nameZhHant: '市紀委監委',
    nameEn: 'Municipal Commission for Discipline Inspection and Supervision',
  },
  {
    code: 'political-legal',
    parentCode: null,
    nameZhHans: '市委政法委',
    nameZhHant: '市委政法委',
    nameEn: 'Municipal Political and Legal Affairs Commission',
  },
  {
    code: 'review-office',
    parentCode: null,
    nameZhHans: '市信访事项复查复核办公室',
    nameZhHant: '市信訪事項復查復核辦公室',
    nameEn: 'Municipal Office for Reviews and Re-reviews of Petitions',
  },
] as const satisfies readonly UnitSeed[];

type UnitCode = (typeof UNITS)[number]['code'];

// Sort orders step by 10 so a category can later be slotted between two others without renumbering.
const CATEGORIES = [
  {
    code: 'land-acquisition',
    sortOrder: 10,
    defaultUnitCode: 'natural-resources',
    nameZhHans: '征地拆迁',
    nameZhHant: '徵地拆遷',
    nameEn: 'Land acquisition and demolition',
  },
  {
    code: 'wage-arrears',
    sortOrder: 20,
    defaultUnitCode: 'human-resources',
    nameZhHans: '劳动工资与欠薪',
    nameZhHant: '勞動工資與欠薪',
    nameEn: 'Wages and unpaid wages',
  },
  {
    code: 'housing',
    sortOrder: 30,
    defaultUnitCode: 'housing',
    nameZhHans: '住房与城乡建设',
    nameZhHant: '住房與城鄉建設',
    nameEn: 'Housing and urban construction',
  },
  { code: 'education', sortOrder: 40, defaultUnitCode: 'education', nameZhHans: '教育', nameZhHant: '教育', nameEn: 'Education' },
  { code: 'health-care', sortOrder: 50, defaultUnitCode: 'health', nameZhHans: '医疗卫生', nameZhHant: '醫療衛生', nameEn: 'Health care' },
  {
    code: 'medical-insurance',
    sortOrder: 60,
    defaultUnitCode: 'healthcare-security',
    nameZhHans: '医疗保障',
    nameZhHant: '醫療保障',
    nameEn: 'Medical insurance',
  },
  {
    code: 'social-security',
    sortOrder: 70,
    defaultUnitCode: 'human-resources',
    nameZhHans: '社会保障',
    nameZhHant: '社會保障',
    nameEn: 'Social security and pensions',
  },
  {
    code: 'environment',
    sortOrder: 80,
    defaultUnitCode: 'ecology-environment',
    nameZhHans: '生态环境',
    nameZhHant: '生態環境',
    nameEn: 'Environment and pollution',
  },
  {
    code: 'veterans-affairs',
    sortOrder: 90,
    defaultUnitCode: 'veterans-affairs',
    nameZhHans: '退役军人事务',
    nameZhHant: '退役軍人事務',
    nameEn: "Veterans' affairs",
  },
  // Most letters about law enforcement concern the police, so they go there first.
  {
    code: 'law-and-justice',
    sortOrder: 100,
    defaultUnitCode: 'public-security',
    nameZhHans: '政法与执法司法',
    nameZhHant: '政法與執法司法',
    nameEn: 'Law enforcement and justice',
  },
  // Matters for the courts and other legal bodies (涉法涉诉) go to the political and legal affairs
  // commission, whatever the settings say about other categories (arts. 22, 28).
  {
    code: 'litigation',
    sortOrder: 105,
    defaultUnitCode: 'political-legal',
    nameZhHans: '涉法涉诉',
    nameZhHant: '涉法涉訴',
    nameEn: 'Court and legal proceedings',
  },
  {
    code: 'market-regulation',
    sortOrder: 110,
    defaultUnitCode: 'market-regulation',
    nameZhHans: '市场监管与消费维权',
    nameZhHant: '市場監管與消費維權',
    nameEn: 'Market regulation and consumer rights',
  },
  { code: 'transport', sortOrder: 120, defaultUnitCode: 'transport', nameZhHans: '交通运输', nameZhHant: '交通運輸', nameEn: 'Transport' },
  {
    code: 'civil-affairs',
    sortOrder: 130,
    defaultUnitCode: 'civil-affairs',
    nameZhHans: '民政与社会救助',
    nameZhHant: '民政與社會救助',
    nameEn: 'Civil affairs and social assistance',
  },
  {
    code: 'urban-management',
    sortOrder: 140,
    defaultUnitCode: 'urban-management',
    nameZhHans: '城市管理',
    nameZhHant: '城市管理',
    nameEn: 'Urban management',
  },
  // Letters that fit nowhere else stay with the bureau, which decides where they go.
  { code: 'other', sortOrder: 990, defaultUnitCode: 'bureau', nameZhHans: '其他', nameZhHant: '其他', nameEn: 'Other' },
] as const satisfies readonly CategorySeed[];

/**
 * Upserts the reference units and categories by code, so it can run on every deploy.
 * `active` is left alone on update so a re-run does not revive what staff have retired.
 */
export async function seedReferenceData(prisma: PrismaClient): Promise<{ units: number; categories: number }> {
  const unitIdByCode = new Map<string, string>();

  for (const { code, parentCode, nameZhHans, nameZhHant, nameEn } of UNITS) {
    const parentId = parentCode === null ? null : requireUnitId(unitIdByCode, parentCode);
    const names = { nameZhHans, nameZhHant, nameEn };
    const unit = await prisma.unit.upsert({
      where: { code },
      create: { code, parentId, ...names },
      update: { parentId, ...names },
    });
    unitIdByCode.set(code, unit.id);
  }

  for (const { code, sortOrder, defaultUnitCode, nameZhHans, nameZhHant, nameEn } of CATEGORIES) {
    const defaultUnitId = requireUnitId(unitIdByCode, defaultUnitCode);
    const names = { nameZhHans, nameZhHant, nameEn };
    await prisma.category.upsert({
      where: { code },
      create: { code, sortOrder, defaultUnitId, ...names },
      update: { sortOrder, defaultUnitId, ...names },
    });
  }

  return { units: UNITS.length, categories: CATEGORIES.length };
}

function requireUnitId(unitIdByCode: ReadonlyMap<string, string>, code: string): string {
  const id = unitIdByCode.get(code);
  // Only reachable if UNITS lists a child before its parent.
  if (id === undefined) throw new Error(`Unit "${code}" must be seeded before the records that refer to it`);
  return id;
}
