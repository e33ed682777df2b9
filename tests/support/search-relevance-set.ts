// A relevance test set for staff search: realistic letters (Simplified, Traditional, English and
// mixed) and the queries staff type, each with the letters a person reading them would expect to
// find. Written before the search was measured on it; an expectation is changed only when it was
// wrong about the letters, never to fit what the search returns.

export interface RelevanceLetter {
  id: string;
  subject: string;
  body: string;
}

export interface RelevanceQuery {
  query: string;
  /** What kind of query it is, for the failure report. */
  kind: 'exact' | 'reordered' | 'wordLeftOut' | 'traditional' | 'mixed' | 'english' | 'name' | 'phrase';
  expected: string[];
}

export const LETTERS: RelevanceLetter[] = [
  { id: 'L01', subject: '楼道天花板漏水', body: '我家住在和平小区3号楼，楼道天花板一直漏水，物业多次维修未果，墙皮脱落，存在安全隐患。' },
  { id: 'L02', subject: '拖欠工资三个月', body: '我在建筑工地打工，包工头拖欠工资三个月，共计两万元，多次讨要无果，请劳动监察部门帮忙。' },
  { id: 'L03', subject: '小区噪音扰民', body: '小区旁边的工地每天夜里施工到凌晨两点，噪音严重扰民，老人孩子无法休息。' },
  { id: 'L04', subject: '违章停车堵塞消防通道', body: '小区消防通道经常被私家车占用，发生火灾时消防车无法进入，希望城管部门加强管理。' },
  { id: 'L05', subject: '幼儿园收费过高', body: '孩子就读的民办幼儿园今年收费上涨了百分之四十，没有任何公示，家长意见很大。' },
  { id: 'L06', subject: '医保报销遇到困难', body: '我母亲住院花了五万元，异地就医医保报销手续繁琐，跑了三趟还没有办好。' },
  { id: 'L07', subject: '路灯坏了三个星期', body: '我们村口的路灯坏了三个星期，晚上出行很不安全，请尽快维修。' },
  { id: 'L08', subject: '养老金发放延迟', body: '我父亲的养老金本月没有按时发放，社保窗口说系统升级，请问什么时候能到账。' },
  { id: 'L09', subject: '房屋拆迁补偿不合理', body: '旧城改造征收我家房屋，补偿标准远低于市场价格，评估过程不公开，请求复核。' },
  { id: 'L10', subject: '物业费纠纷', body: '物业公司服务很差，电梯经常停运，却要求业主补交两年物业费，还威胁停水停电。' },
  { id: 'L11', subject: '餐馆油烟污染', body: '楼下餐馆的油烟直接排到居民楼，窗户都不敢开，环保部门来过一次后没有下文。' },
  { id: 'L12', subject: '樓道漏水嚴重', body: '我們大樓的樓道天花板漏水已經一個月，管理處一直推託，請相關部門協助處理。' },
  { id: 'L13', subject: '公司拖欠薪資', body: '工廠拖欠員工薪資兩個月，老闆避而不見，工人生活困難。' },
  {
    id: 'L14',
    subject: 'Street lights broken on Elm Road',
    body: 'The street lights on Elm Road have been broken for weeks. It is dangerous for children walking home from school.',
  },
  {
    id: 'L15',
    subject: 'Unpaid wages at the construction site',
    body: 'My employer has not paid our wages for two months. Twenty workers are affected.',
  },
  { id: 'L16', subject: '外卖骑手被平台罚款', body: '我是美团外卖骑手，平台因为超时罚款，申诉渠道无人回复，App里的客服也联系不上。' },
  { id: 'L17', subject: '共享单车乱停放', body: '地铁站口的共享单车乱停放，占满人行道，盲道都被堵住了，请城管处理。' },
  { id: 'L18', subject: '学校周边交通安全', body: '实验小学门口上下学时段交通拥堵，没有交警疏导，学生过马路很危险。' },
  { id: 'L19', subject: '自来水水质发黄', body: '最近一周家里自来水发黄有异味，烧开后有沉淀，担心影响健康，请水务部门检测。' },
  { id: 'L20', subject: '电梯故障困人', body: '小区5号楼电梯上个月两次故障困人，物业只是简单维修，业主要求更换电梯。' },
  { id: 'L21', subject: '征地补偿款被截留', body: '村里征地补偿款被村委会截留，村民至今没有拿到，账目也不公开。' },
  { id: 'L22', subject: '退役军人安置问题', body: '我是退役军人，退役两年仍未安排工作，按照政策应当妥善安置。' },
  { id: 'L23', subject: '食品安全问题', body: '在超市买到过期食品，找超市理论被拒绝退换，希望市场监管部门查处。' },
  { id: 'L24', subject: '医院乱收费', body: '在市人民医院做检查，被重复收费，收费清单上有没做过的项目。' },
  { id: 'L25', subject: '广场舞噪声', body: '小区广场舞音响声音太大，每天晚上八点到十点，影响学生学习和老人休息。' },
  { id: 'L26', subject: '违法建设', body: '邻居在楼顶私自搭建彩钢房，存在安全隐患，多次反映无人处理。' },
  { id: 'L27', subject: '垃圾清运不及时', body: '小区垃圾站已经一周没有清运，垃圾堆积发臭，蚊蝇滋生。' },
  { id: 'L28', subject: '出租车拒载', body: '在火车站打车，出租车司机拒载短途乘客，还要求不打表一口价。' },
  { id: 'L29', subject: 'WeChat群诈骗', body: '我在微信群里被人以投资理财为名诈骗三万元，已向派出所报案，但至今没有进展。' },
  { id: 'L30', subject: '子女入学难', body: '我们是外来务工人员，孩子到了上小学的年龄，因为没有本地户口无法入学。' },
  { id: 'L31', subject: '燃气管道老化', body: '老旧小区燃气管道严重老化，经常闻到燃气味，担心发生爆炸事故。' },
  { id: 'L32', subject: '公交线路调整', body: '16路公交车线路调整后，我们小区附近没有站点，老人出行非常不便。' },
  { id: 'L33', subject: '农民工欠薪', body: '农民工李师傅在工地干了半年，老板欠薪跑路，请求政府帮助追讨。' },
  { id: 'L34', subject: '噪音擾民', body: '附近酒吧每晚營業到凌晨，音樂聲很大，嚴重影響居民休息。' },
  {
    id: 'L35',
    subject: 'Noise from the bar next door',
    body: 'The bar next door plays loud music until 3 a.m. every night. We cannot sleep.',
  },
  { id: 'L36', subject: '停车位被占用', body: '我买的产权车位经常被别人占用，物业不管，报警后也没有解决。' },
  { id: 'L37', subject: '网络诈骗', body: '接到冒充公安的电话，骗走我八万元积蓄，希望警方尽快破案追回损失。' },
  { id: 'L38', subject: '楼上邻居家漏水', body: '楼上邻居家卫生间漏水，导致我家天花板发霉，协商多次对方不予维修。' },
  { id: 'L39', subject: '社保断缴', body: '公司没有给员工缴纳社保，我离职后才发现断缴了一年，影响孩子入学。' },
  { id: 'L40', subject: '道路积水', body: '每逢下雨，人民路和解放路交叉口就严重积水，车辆无法通行，行人只能蹚水。' },
  {
    id: 'L41',
    subject: 'Pension payment late',
    body: 'My pension payment for November has not arrived. The social security office says the system is being upgraded.',
  },
  { id: 'L42', subject: '暖气不热', body: '业主张建国反映，今年冬天暖气一直不热，室内温度只有十二度。' },
];

export const QUERIES: RelevanceQuery[] = [
  { query: '楼道漏水', kind: 'wordLeftOut', expected: ['L01', 'L12'] },
  { query: '工资拖欠', kind: 'reordered', expected: ['L02'] },
  { query: '拖欠工资', kind: 'exact', expected: ['L02'] },
  { query: '漏水', kind: 'exact', expected: ['L01', 'L12', 'L38'] },
  { query: '樓道漏水', kind: 'traditional', expected: ['L01', 'L12'] },
  { query: '拖欠薪资', kind: 'traditional', expected: ['L13'] },
  { query: '噪音扰民', kind: 'traditional', expected: ['L03', 'L34'] },
  { query: '物业 维修', kind: 'wordLeftOut', expected: ['L01', 'L20'] },
  { query: '电梯故障', kind: 'exact', expected: ['L20'] },
  { query: '消防通道', kind: 'exact', expected: ['L04'] },
  { query: '幼儿园收费', kind: 'exact', expected: ['L05'] },
  { query: '报销医保', kind: 'reordered', expected: ['L06'] },
  { query: '路灯', kind: 'exact', expected: ['L07'] },
  { query: 'street lights', kind: 'english', expected: ['L14'] },
  { query: 'wage', kind: 'english', expected: ['L15'] },
  { query: '养老金', kind: 'exact', expected: ['L08'] },
  { query: 'pensions', kind: 'english', expected: ['L41'] },
  { query: '拆迁补偿', kind: 'exact', expected: ['L09'] },
  { query: '补偿 征地', kind: 'reordered', expected: ['L21'] },
  { query: '美团 骑手', kind: 'wordLeftOut', expected: ['L16'] },
  { query: 'App 客服', kind: 'mixed', expected: ['L16'] },
  { query: 'wechat 诈骗', kind: 'mixed', expected: ['L29'] },
  { query: '诈骗', kind: 'exact', expected: ['L29', 'L37'] },
  { query: '共享单车', kind: 'exact', expected: ['L17'] },
  { query: '自来水 发黄', kind: 'exact', expected: ['L19'] },
  { query: '欠薪', kind: 'exact', expected: ['L33'] },
  { query: '欠薪农民工', kind: 'reordered', expected: ['L33'] },
  { query: '入学', kind: 'exact', expected: ['L30', 'L39'] },
  { query: '社保', kind: 'exact', expected: ['L08', 'L39'] },
  { query: '燃氣管道', kind: 'traditional', expected: ['L31'] },
  { query: '张建国', kind: 'name', expected: ['L42'] },
  { query: '暖气不热', kind: 'exact', expected: ['L42'] },
  { query: '人民路积水', kind: 'wordLeftOut', expected: ['L40'] },
  { query: '拒载出租车', kind: 'reordered', expected: ['L28'] },
  { query: '油烟', kind: 'exact', expected: ['L11'] },
  { query: '"天花板一直漏水"', kind: 'phrase', expected: ['L01'] },
  { query: '天花板 漏水', kind: 'wordLeftOut', expected: ['L01', 'L12', 'L38'] },
  { query: 'bar noise', kind: 'english', expected: ['L35'] },
  { query: '噪音', kind: 'exact', expected: ['L03', 'L34'] },
  { query: '停车', kind: 'exact', expected: ['L04', 'L36'] },
];
