/** Name tables for demo customers and team members: English, German and Chinese (with pinyin for e-mail handles). */

export type Gender = 'female' | 'male';

export interface GivenName {
  name: string;
  /** ASCII spelling for e-mail handles (pinyin for Chinese, umlauts spelled out for German). */
  ascii: string;
  gender: Gender;
}

export interface FamilyName {
  name: string;
  ascii: string;
}

const given = (gender: Gender, names: readonly string[]): GivenName[] =>
  names.map((name) => ({ name, ascii: asciiHandle(name), gender }));

/** Lower-case letters and digits only: `O'Brien` → `obrien`, `Müller` → `mueller`. */
export function asciiHandle(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[^a-z0-9]/g, '');
}

export const ENGLISH_GIVEN: readonly GivenName[] = [
  ...given('female', [
    'Emma', 'Olivia', 'Ava', 'Sophia', 'Isabella', 'Mia', 'Charlotte', 'Amelia', 'Harper', 'Evelyn', 'Abigail',
    'Emily', 'Elizabeth', 'Madison', 'Avery', 'Ella', 'Scarlett', 'Grace', 'Chloe', 'Victoria', 'Riley', 'Lily',
    'Zoe', 'Hannah', 'Lucy', 'Sarah', 'Jessica', 'Laura', 'Rachel', 'Megan', 'Rebecca', 'Jennifer', 'Linda',
    'Karen', 'Susan', 'Michelle', 'Amanda', 'Claire', 'Alice', 'Eleanor', 'Ruby', 'Isla', 'Freya', 'Imogen', 'Holly',
    'Priya', 'Maria', 'Natalie', 'Samantha', 'Katherine',
  ]),
  ...given('male', [
    'Liam', 'Noah', 'Oliver', 'Elijah', 'James', 'William', 'Benjamin', 'Lucas', 'Henry', 'Alexander', 'Mason',
    'Michael', 'Ethan', 'Daniel', 'Jacob', 'Logan', 'Jackson', 'Sebastian', 'Jack', 'Owen', 'Samuel', 'Matthew',
    'Joseph', 'David', 'Carter', 'Ryan', 'Nathan', 'Andrew', 'Thomas', 'Christopher', 'Joshua', 'Robert', 'John',
    'Mark', 'Paul', 'Steven', 'Kevin', 'Brian', 'George', 'Harry', 'Charlie', 'Oscar', 'Archie', 'Alfie', 'Callum',
    'Rhys', 'Connor', 'Adam', 'Raj', 'Carlos',
  ]),
];

export const ENGLISH_FAMILY: readonly FamilyName[] = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Hernandez', 'Lopez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Thompson',
  'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Hill',
  'Green', 'Adams', 'Baker', 'Nelson', 'Carter', 'Mitchell', 'Roberts', 'Turner', 'Phillips', 'Campbell', 'Parker',
  'Evans', 'Edwards', 'Collins', 'Stewart', 'Morris', 'Murphy', 'Cook', 'Rogers', 'Morgan', 'Cooper', 'Peterson',
  'Reed', 'Bailey', 'Bell', 'Kelly', 'Howard', 'Ward', 'Cox', 'Richardson', 'Wood', 'Watson', 'Brooks', 'Bennett',
  'Gray', 'Hughes', 'Price', 'Patel', 'Nguyen', 'Kim', "O'Brien", 'Singh', 'Okafor', 'Rossi', 'Fraser',
].map((name) => ({ name, ascii: asciiHandle(name) }));

export const GERMAN_GIVEN: readonly GivenName[] = [
  ...given('female', [
    'Anna', 'Lena', 'Laura', 'Julia', 'Lea', 'Katharina', 'Sophie', 'Marie', 'Johanna', 'Hannah', 'Lisa', 'Jana',
    'Sabine', 'Petra', 'Claudia', 'Monika', 'Ursula', 'Birgit', 'Franziska', 'Jülide',
  ]),
  ...given('male', [
    'Lukas', 'Jonas', 'Leon', 'Felix', 'Maximilian', 'Paul', 'Tobias', 'Florian', 'Stefan', 'Michael', 'Thomas',
    'Andreas', 'Jürgen', 'Klaus', 'Matthias', 'Sebastian', 'Jan', 'Niklas', 'Uwe', 'Dieter',
  ]),
];

export const GERMAN_FAMILY: readonly FamilyName[] = [
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann',
  'Schäfer', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun',
  'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Schmitt', 'Werner', 'Krause', 'Meier', 'Lehmann', 'Weiß', 'Yilmaz',
].map((name) => ({ name, ascii: asciiHandle(name) }));

/** Chinese surnames with their rough share of the population (percent), so 王, 李 and 张 come up most. */
export const CHINESE_FAMILY: readonly (readonly [FamilyName, number])[] = (
  [
    ['王', 'wang', 7.1], ['李', 'li', 7.0], ['张', 'zhang', 6.7], ['刘', 'liu', 5.4], ['陈', 'chen', 4.5],
    ['杨', 'yang', 3.1], ['黄', 'huang', 2.2], ['赵', 'zhao', 2.1], ['吴', 'wu', 2.0], ['周', 'zhou', 1.9],
    ['徐', 'xu', 1.3], ['孙', 'sun', 1.2], ['马', 'ma', 1.1], ['朱', 'zhu', 1.1], ['胡', 'hu', 1.0],
    ['郭', 'guo', 1.0], ['何', 'he', 0.9], ['高', 'gao', 0.9], ['林', 'lin', 0.9], ['罗', 'luo', 0.9],
    ['郑', 'zheng', 0.8], ['梁', 'liang', 0.8], ['谢', 'xie', 0.6], ['宋', 'song', 0.5], ['唐', 'tang', 0.5],
    ['许', 'xu', 0.5], ['韩', 'han', 0.5], ['冯', 'feng', 0.4], ['邓', 'deng', 0.4], ['曹', 'cao', 0.4],
    ['彭', 'peng', 0.4], ['曾', 'zeng', 0.4], ['肖', 'xiao', 0.4], ['田', 'tian', 0.3], ['董', 'dong', 0.3],
    ['潘', 'pan', 0.3], ['袁', 'yuan', 0.3], ['蔡', 'cai', 0.3], ['蒋', 'jiang', 0.3], ['余', 'yu', 0.3],
    ['杜', 'du', 0.3], ['叶', 'ye', 0.3], ['程', 'cheng', 0.3], ['魏', 'wei', 0.3], ['苏', 'su', 0.3],
    ['吕', 'lyu', 0.2], ['丁', 'ding', 0.2], ['任', 'ren', 0.2], ['沈', 'shen', 0.2], ['欧阳', 'ouyang', 0.05],
  ] as const
).map(([name, ascii, share]) => [{ name, ascii }, share] as const);

const pinyinGiven = (gender: Gender, names: readonly (readonly [string, string])[]): GivenName[] =>
  names.map(([name, ascii]) => ({ name, ascii, gender }));

export const CHINESE_GIVEN: readonly GivenName[] = [
  ...pinyinGiven('female', [
    ['芳', 'fang'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['娟', 'juan'], ['艳', 'yan'], ['娜', 'na'],
    ['秀英', 'xiuying'], ['霞', 'xia'], ['婷', 'ting'], ['雪', 'xue'], ['慧', 'hui'], ['颖', 'ying'], ['琳', 'lin'],
    ['晓燕', 'xiaoyan'], ['欣怡', 'xinyi'], ['梓涵', 'zihan'], ['雨桐', 'yutong'], ['佳怡', 'jiayi'],
    ['诗涵', 'shihan'], ['思琪', 'siqi'], ['文静', 'wenjing'], ['美玲', 'meiling'], ['海燕', 'haiyan'],
    ['丹', 'dan'], ['玉兰', 'yulan'], ['春梅', 'chunmei'], ['晶晶', 'jingjing'], ['佳', 'jia'], ['悦', 'yue'],
  ]),
  ...pinyinGiven('male', [
    ['伟', 'wei'], ['强', 'qiang'], ['磊', 'lei'], ['军', 'jun'], ['洋', 'yang'], ['勇', 'yong'], ['杰', 'jie'],
    ['涛', 'tao'], ['明', 'ming'], ['超', 'chao'], ['鹏', 'peng'], ['浩', 'hao'], ['斌', 'bin'], ['辉', 'hui'],
    ['刚', 'gang'], ['建华', 'jianhua'], ['志强', 'zhiqiang'], ['晓东', 'xiaodong'], ['子轩', 'zixuan'],
    ['浩然', 'haoran'], ['宇航', 'yuhang'], ['俊杰', 'junjie'], ['博文', 'bowen'], ['天佑', 'tianyou'],
    ['文博', 'wenbo'], ['家豪', 'jiahao'], ['国栋', 'guodong'], ['海涛', 'haitao'], ['建国', 'jianguo'], ['鑫', 'xin'],
  ]),
];

/** English names some Chinese customers go by at work ("Kevin Zhang"). */
export const ENGLISH_NAMES_IN_CHINA: readonly GivenName[] = given('female', [
  'Amy', 'Cindy', 'Grace', 'Helen', 'Iris', 'Joyce', 'Linda', 'Vivian', 'Wendy', 'Yvonne',
]).concat(given('male', ['Allen', 'Eric', 'Frank', 'Jason', 'Kevin', 'Leo', 'Peter', 'Tony', 'Vincent', 'Steven']));

export const TITLES_EN: readonly string[] = [
  'Purchasing Manager', 'Office Manager', 'Head of Operations', 'CEO', 'Founder', 'Procurement Lead',
  'Facilities Manager', 'Buyer', 'IT Director', 'Store Manager', 'Operations Director', 'Managing Director',
  'Workplace Coordinator', 'Finance Manager', 'Interior Designer', 'Project Manager', 'HR Manager', 'COO',
];

export const TITLES_ZH: readonly string[] = [
  '采购经理', '行政主管', '总经理', '运营总监', '创始人', '店长', '行政经理', '采购专员', 'IT 主管', '财务经理',
  '项目经理', '设计总监', '办公室主任', '副总经理',
];

export const TITLES_DE: readonly string[] = [
  'Einkaufsleiter', 'Geschäftsführer', 'Büroleitung', 'Leiter Facility Management', 'Inhaber', 'Projektleiter',
  'Office Manager', 'Head of Operations', 'Einkauf',
];
