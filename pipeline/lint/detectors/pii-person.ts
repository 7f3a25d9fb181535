// pii-person: a client's full name. Found next to a client context — 王建华客户, 客户王建华, a full
// name with any honorific (王建华女士, 刘德明老师, 陈志强总), after a label (客户姓名：王建华,
// 持卡人：…), in a list of winners (中奖名单：王建国、李秀英…), or in pinyin (Zhang Wei).
// Surname + honorific (张阿姨, 李先生, 王总) and masked forms (张*, 张某) are how a client is named
// in public, and pass; so do the personas' own names and historical and public figures
// (鲁迅先生, 袁隆平院士, 著名作家…). Foreign clients' names too: in Latin letters where a client is
// named around them (感谢客户志愿者 Aisha Rahman; Kim Ji-soo; 客户姓名：Nguyễn Văn An), or a Japanese
// name in characters with さん (山田花子さん); a lone given name (Emma) or a masked one (John S***) passes.
import { z } from 'zod';
import { pinyinOf, pinyinSyllableCount } from '../evasion.ts';
import { CJK, CLAUSE, DIGIT, MASK, WEAK, simpleSource, toSimplified, type Normalized } from '../normalize.ts';
import { ruleData } from '../schema.ts';
import { cannotMatch } from '../prefilter.ts';
import { lowerBound, taggedWords } from '../claims/analyze.ts';
import { quotedOnLine } from '../claims/product.ts';
import { inSafe, orig, type Detector, type DetectorHit, type LintContext, type SpanView } from './types.ts';
import { ocrDigits } from './numbers.ts';

/** a word list written as one space-separated string (fast to load) or as a YAML list */
const words = z.union([z.string().transform((s) => s.split(/\s+/).filter(Boolean)), z.array(z.string())]).default([]);

const dataSchema = z.strictObject({
  surnames: z.string().min(1),
  ambiguous: z.string().default(''),
  compound: z.array(z.string().length(2)).default([]),
  after: z.array(z.string().min(1)).min(1),
  /** one-character forms of address that follow a bare surname only (Cantonese 陳生, 黃太): the public form, never the end of a name */
  publicForms: z.array(z.string().min(1)).default([]),
  before: z.array(z.string().min(1)).default([]),
  /** field labels: the name after them is a client's whatever its surname (客户姓名：高明) */
  labels: z.array(z.string().min(1)).default([]),
  /** list openers: every name in the list after them (中奖名单：王建国、李秀英) */
  lists: z.array(z.string().min(1)).default([]),
  stop: z.string().default(''),
  /** given names that open with a stop character (林月娥, 王月华: 月 alone stays a stop — 上月, 月初) */
  givenPairs: words,
  /** common words whose last character is also a surname (存单, 黄金, 扮成; 会员费): that character ends the word, it starts no name */
  wordEnds: words,
  notNames: words,
  /** words that end in a one-character honorific but are not one (汇总, 空姐, 帅哥, 表叔) */
  notHonorific: words,
  /** historical and public figures: never a client */
  publicFigures: words,
  /** words right before a name that make it a public figure's (著名作家, 院士) */
  publicTitles: z.array(z.string().min(1)).default([]),
  /** pinyin surnames for names written in pinyin (Zhang Wei) */
  pinyinSurnames: z.array(z.string().min(1)).default([]),
  /** pinyin pairs that are brands or public figures (Li Ning, Yao Ming) */
  pinyinNotNames: z.array(z.string().min(1)).default([]),
  /** given names in Latin letters, lower case, accents dropped (john, maria, rahul) */
  foreignGiven: words,
  /** surnames in Latin letters that a given name goes before (smith, garcia, mehta) */
  foreignSurnames: words,
  /** Korean surnames, written before a hyphened given name (kim: Kim Ji-soo) */
  koreanSurnames: words,
  /** Japanese surnames in Latin letters, before or after the given name (tanaka: Tanaka Yuki, Yuki Tanaka) */
  japaneseSurnames: words,
  /** Vietnamese surnames, written first (nguyen: Nguyễn Văn An) */
  vietnameseSurnames: words,
  /** Vietnamese middle names, between the surname and the given name (văn, thị) */
  vietnameseMiddle: words,
  /** Japanese surnames in characters, before a given name and さん or 様 (山田花子さん) */
  japaneseKanjiSurnames: words,
  /** capitalised words that are no part of a person's name (Welcome, English, Tianhe) */
  foreignNotNames: words,
  /** words that make the capitalised words beside them a place's or an organisation's (University, Road, Tower) */
  foreignPlaces: words,
  /** public figures in Latin letters, lower case (marco polo, shakespeare): never a client */
  foreignFigures: z.array(z.string().min(1)).default([]),
});

/** verbs and prepositions that take a title as their object (听老师讲, 问老师, 给阿姨) */
const TITLE_OBJECT_OF = new Set([...'听问找跟给让请被叫陪帮谢向对替喊送教']);
const CONJUNCTIONS = new Set([...'和与及或跟同']);
/** a career told as a prospectus or an announcement tells it: the person is named for their role */
const BIO = /(证券|基金|投资|金融)(从业|研究)(经历|年限)|历任[^，。]{0,12}(研究员|基金经理|投资经理|分析师)|(现任|拟任|曾任)[^，。]{0,12}(基金经理|投资经理|投资总监|首席经济学家|首席分析师)/;

/** an English given name and a Chinese surname standing alone beside it (not 王者, not Happy王国) */
const EN_GIVEN_SURNAME = /(?<![A-Za-z])([A-Z][a-z]{2,9}) ?([\u4e00-\u9fa5])/g;
const SURNAME_EN_GIVEN = /([\u4e00-\u9fa5]) ?([A-Z][a-z]{2,9})(?![A-Za-z])/g;
/** English words that stand where a given name would and are titles or words (Miss 王 is the masked form) */
const EN_TITLES = new Set(['miss', 'mrs', 'madam', 'sir', 'teacher', 'boss', 'uncle', 'auntie', 'aunt', 'manager', 'the', 'and', 'dear', 'hello', 'happy', 'new', 'year', 'team', 'vip', 'king', 'queen']);

/** the kind of a place, right after its name (石桥村, 新塘镇, 杨家屯) */
const PLACE_KIND = /[村镇鎮乡鄉屯寨]/;
/** what reaches a person, after their name (QQ, 微信, 电话, 邮箱) */
/**
 * an online identity after its label: a WeChat ID (微信：afen0719hz; 微信号 wangayi_1960; wxid_8k2m9q4p7r12), a QQ
 * number, a Douyin, Kuaishou, Xiaohongshu, Weibo or video-channel account (抖音号 hexiaojie.naicha; 小红书号 2763019485;
 * 微博 @锦江卢嬢嬢学手机), full-width or not (微信：ｌｕｏｊｉｅ＿８８１２). Group 2: an ID of letters (a letter, then 5–29
 * letters, digits, -, _ or .), group 3: of digits (QQ and platform numbers, 5–12), group 4: a handle after @.
 */
const ONLINE_ID =
  /(微信号|微信|[Vv]信|薇信|威信|QQ号|qq号|抖音号|抖音|快手号|快手|小红书号|小红书|视频号|微博号|微博|B站|(?<![A-Za-z])(?:wxid|wx|vx|WX|VX|WeChat|wechat|QQ|qq|Instagram|instagram|IG|LINE ID|Line ID|line id|LINE)(?![A-Za-z]))\s*[号號]?\s*(?:[\u4e00-\u9fa5]{1,6}[:：]\s*)?(?:[:：，,]|是|系|係|叫|上叫|名叫|搵|找|加)?\s*(?:([A-Za-zＡ-Ｚａ-ｚ](?:[-_.A-Za-z0-9Ａ-Ｚａ-ｚ０-９＿－．\u200B-\u200D\u2060](?![.．](?:[^A-Za-z0-9Ａ-Ｚａ-ｚ０-９]|$))){5,29})|((?<![\d０-９])[1-9１-９][\d０-９]{4,11}|(?<![〇零一二三四五六七八九幺两])[一二三四五六七八九幺][〇零一二三四五六七八九幺两]{4,11}(?![〇零一二三四五六七八九幺两]))|[@＠]([^\s@＠，。！？、,.!?；;：:（）()“”「」\n]{2,20}))(?![-_A-Za-z0-9Ａ-Ｚａ-ｚ０-９＿@＠*＊])/g;
/** a handle after @: up to a space or a mark (@阿May_杭州) */
const MENTIONED_HANDLE = /^[^\s@＠，。！？、,.!?；;：:（）()“”「」\n]{2,20}/;
/** the bank's own accounts, named before an ID or in a handle (官方抖音号, 同心银行的视频号, @同心银行官方) */
const OWN_ACCOUNT = /官方|官微|公众号|服务号|企业微信|银行|支行|分行|网点|網點|小[Uu]/;
/** a person right after an ID, whose it is (kevin_lau1988 嘅朋友; wangayi_1960 的阿姨) */
const OWNER_AFTER = /^\s*(?:的|嘅|嘅呢位|的这位|这位|呢位)\s*(?:朋友|街坊|客户|客戶|[\u4e00-\u9fa5]?(?:阿姨|叔叔|先生|女士|小姐|老师|老師)|车主|車主|家长|家長|用户|用戶|网友|網友)/;
/** the last character of many a product's name (安盈, 月月享, 天天利, 现金宝, 季季鑫) */
const PRODUCT_END = /[盈享利宝鑫丰益赢添]/;
/** a business named in quotes after what it is (花店「…」; 工作室“…”) */
const BUSINESS_QUOTED = /(?:店|馆|館|铺|鋪|坊|厂|廠|公司|工作室|品牌|牌子|餐厅|餐廳|酒楼|酒樓|农场|農場|合作社|招牌|店名|商号|字号)\s*[「『“"《]$/;
/** a surname's kin word (蔡妈妈, 朵朵爸爸): a parent called after the family or the child, no given name */
const PARENT_AFTER = /^(?:妈妈|爸爸|媽媽)/;
/** a list's mark at a line's start: a number, a circled number, an emoji or a time booked (1. ; ③ ; 🐻 ; 9:30 ) */
const LIST_MARK = String.raw`(?:\d{1,3}[.、．)）]|[①-⑳]|\p{Extended_Pictographic}\uFE0F?|\d{1,2}[:：]\d{2}(?:\s*[-–~至]\s*\d{1,2}[:：]\d{2})?(?=[ \t\u3000]))`;
/** the opening of a numbered or bulleted line, up to its item */
// (a group-buy's line may give the building first: 2. 7栋 周建平 1箱)
const NUMBERED_ITEM = new RegExp(String.raw`(?<=^|\n)(?<![ \t\u3000])[ \t\u3000]*${LIST_MARK}[ \t\u3000]*(?:[0-9]{1,3}(?:栋|幢|号楼|单元|楼)[ \t\u3000]+)?`, 'gu');
/** a line break before such a mark (what lies between two lines of a list) */
const MARKED_LINE = new RegExp(String.raw`\n[ \t]*${LIST_MARK}`, 'u');
/** a list people put themselves on (接龙, 报名, 签到) */
const SIGN_UP = /接龙|接龍|报名|報名|签到|簽到|登记|登記|预约名单|名单/;
/** a form a client fills in, shown filled (开户申请书; 报名回执; 登记表) */
const FILLED_FORM = /申请书|申请表|登记表|报名表|回执|登记簿|表单|填写/;

/** the platform an online identity's label names, in the Chinese of the finding's message (微信 → 微信号; 抖音 → 抖音号; QQ, IG → 网络账号) */
function platformOf(label: string): string {
  if (/^(微信|v信|薇信|威信|wx|vx|wechat)/i.test(label)) return '微信号';
  if (/^(抖音|快手|小红书|微博)$/.test(label)) return `${label}号`;
  return /[A-Za-z]{2,}/.test(label) ? '网络账号' : label;
}
/** the ID's owner named just before its label: a third person or a client (加她, 王阿姨的, 客户; a group's owner: 加群主微信; her WeChat) */
// (an English name may stand between: 客户 Anna 的微信; so may a few words of the line: 他妈妈的抖音号; 现在他在微博上叫)
// (or earlier in its sentence, past a comma: 由客户谭叔统一收款，微信号 wxid_…; 佢系我哋嘅老客户，上礼拜用自己抖音号…)
const CLIENT_OWNER = /(对方|那位朋友|中奖|获奖|得奖|中獎|獲獎|[一二三四五六七八九十特头頭]等[奖獎]|头奖|頭獎|幸运奖|幸運獎|参与奖|參與獎|鼓励奖|鼓勵獎|纪念奖|紀念獎|锦鲤|得主|幸运儿|家属|继承人|房东|租客|孙子|孙女|外孙|儿子|女儿|报名人|申请人|户主|持卡人|联系人|留言人|寄件人|收件人|委托人|借款人|投保人|她|他|佢|客户|客戶|阿姨|先生|女士|小姐|姐|叔|伯|哥|爷|奶|婆|太|妈|爸|家长|師傅|师傅|老板|街坊|群主|车主|車主|业主|業主|住户|租户|自己|[\u4e00-\u9fa5][*＊]{1,3}|(?<![A-Za-z])(?:her|his|Her|His|[Cc]lients?|[Cc]ustomers?)(?![A-Za-z]))(?:(?: ?[A-Z][A-Za-z'-]{1,14} ?)?[^，。！？\n]{0,8}|[^。！？\n]{0,24})$/;
/** the asset says its group's owner is a client (群主：客户 Sofia; 群主是我们的老客户) */
const GROUP_OWNER_CLIENT = /群主[^。！？\n]{0,3}?(?:是|为|係|系|[：:])?\s*(?:我们的|我们|咱们的|我哋嘅)?\s*(?:老|新)?(?:客户|客戶|储户|街坊|会员|志愿者)/;
/** …or a member of staff (群主是我们的理财经理; 群主：小U) */
const GROUP_OWNER_STAFF = /群主[^。！？\n]{0,3}?(?:是|为|係|系|[：:])?[^。！？\n]{0,8}?(?:经理|經理|行长|行長|柜员|櫃員|同事|员工|員工|小U|本行|我行|网点|網點|支行|我)/;
/** …and not the writer's, the bank's or a staff member's own (加我微信; 客户经理的微信; 网点微信) */
const OWN_OWNER = /(我|我们|我哋|本行|我行|网点|網點|支行|小U|客服|经理|經理|官方|公众号)(?: ?[A-Z][A-Za-z'-]{1,14} ?)?[^，。！？\n]{0,4}$/;
/** a text of two or more short CJK items and nothing else (刘桂芳 · 何志明 · 邓小燕; 王建华、刘晓梅) */
const NAMES_ALONE = /^[\s\p{Extended_Pictographic}\u{FE0F}]*[\u4e00-\u9fa5]{2,4}(?:[ \t]*[·•、，,/|\n][ \t]*[\u4e00-\u9fa5]{2,4}|[ \t\u3000]+[\u4e00-\u9fa5]{2,4}){1,12}[\s\p{Extended_Pictographic}\u{FE0F}！!。]*$/u;
/** a text of two or more lines, each a number or a ranking and a short CJK item alone (1. 王建华⏎2. 李秀英; 1st 刘美玲) */
/** a name read at `q` that is two or three characters long (a surname and one or two given characters) */
const twoOrThree = (hit: [number, number], q: number) => hit[1] - q >= 2 && hit[1] - q <= 3;
/** a roll's line: a short label and its colon (一年级：), then names alone, 、-separated (黄子轩、许安然) */
const ROLL_LABEL = String.raw`[ \t\u3000]*[\u4e00-\u9fa5\d]{1,5}[:：][ \t\u3000]*`;
const ROLL_NAMES = String.raw`[\u4e00-\u9fa5]{2,3}(?:[、，,][ \t\u3000]*[\u4e00-\u9fa5]{2,3}){0,8}`;
/** two or more such lines (一年级：黄子轩、许安然⏎二年级：郑雨桐), a closing line of a note allowed */
const LABELLED_NAMES = new RegExp(String.raw`^(?:${ROLL_LABEL}${ROLL_NAMES}[ \t\u3000]*\n){1,12}${ROLL_LABEL}${ROLL_NAMES}[ \t\u3000]*(?:\n[^\n]{0,40})?$`);
/** one of them: the label with its colon (group 1), the names (group 2) */
const LABELLED_LINE = new RegExp(String.raw`^(${ROLL_LABEL})(${ROLL_NAMES})[ \t\u3000]*$`, 'gm');
const NUMBERED_NAMES = /^(?:[ \t\u3000]*(?:\d{1,2}[ \t]?[.、．)）]|[①-⑳]|\d{1,2}(?:st|nd|rd|th))[ \t\u3000]*[\u4e00-\u9fa5]{2,4}[ \t\u3000]*(?:\r?\n|$)){2,30}$/;
/** a nickname quoted after its label (群昵称「黄美玲（天河）」; 用户「杭州彭丽娟」) */
const NICKNAME = /(昵称|暱稱|群昵称|群暱稱|群名片|网名|網名|用户|用戶|视频号|視頻號|用户名|用戶名|账号名)\s*(?:就叫|叫做|叫|是|为|係|：|:)?\s*[「“『"]([^」”』"\n]{2,24})[」”』"]/g;
/** a register's line that ends with a dash and a name (借出1把 —— 谢国平) */
/** a signature: a name at the end of a line or a quotation, then 留/敬上 or a date (after who signs, spaced: 新郎 郑子豪 敬上), or after a dash with a title (吴佩琳 2024.3.8; 陈美玲 留; ——钱国栋总经理”) */
const SIGNATURE = /(?:^|[\n。！!～~，,])[ \t\u3000]*(?:[—–]{1,2}[ \t]*)?(?:(?:新郎|新娘|新人|家长|学生|客户|老客户|学员)[ \t\u3000]+)?([\u4e00-\u9fa5]{2,3})[ \t\u3000]*(?:留言?|敬上|谨上|拜上|[ \t]\d{4}[.\-/年]\d{1,2})[ \t\u3000]*(?=[\n”"」]|$|[.\-/月]|\d)|[—–]{1,2}[ \t]*([\u4e00-\u9fa5]{2,3})(?:总经理|總經理|经理|董事长|老板)[ \t]*(?=[”"」\n]|$)/gm;
/** a word that may be one capitalised pinyin syllable (Lín read as Lin) */
const SYLLABLE = /^[A-Z][a-z]{0,5}$/;
/**
 * How many capitalised pinyin syllables stand in a row, set apart by spaces, around [from, to) of `t`: four or more
 * spell a phrase, not a name (Shuāng Xǐ Lín Mén over 双喜临门 holds no Lin Men).
 */
function syllableRun(t: string, from: number, to: number): number {
  // (the words set apart by spaces right before and right after, read a bounded way each side)
  const back = t.slice(Math.max(0, from - 40), from);
  const ahead = t.slice(to, to + 40);
  const before = /\s$/.test(back) ? back.split(/\s+/).slice(0, -1) : [];
  const after = /^\s/.test(ahead) ? ahead.split(/\s+/).slice(1) : [];
  const run = t.slice(from, to).split(/\s+/);
  for (let i = before.length - 1; i >= 0 && SYLLABLE.test(before[i]!); i--) run.unshift(before[i]!);
  for (let i = 0; i < after.length && SYLLABLE.test(after[i]!); i++) run.push(after[i]!);
  return run.every((w) => pinyinSyllableCount(w.toLowerCase()) === 1) ? run.length : 0;
}
/** the words that make the full name glued right after them a client's, whatever word its first two characters make */
/** what glosses a name as a client's inside brackets after it (（客户志愿者）, （老客户）) */
const CLIENT_GLOSS = /客户|客戶|储户|儲戶|会员|會員|街坊/g;

/** a shop's or a trade's last character, which no given name ends in (文具店, 桌游店, 车商) */
const SHOP_END = /[店铺鋪馆館厂廠摊攤档檔商]/;

const WHOSE_GLUED = new Set(['客户', '储户', '患者', '新郎', '新娘', '家长', '持卡人', '户主']);
/** a verb that takes a person, read before a surname and its title (祝张哥; 帮李姐) */
const VERB_BEFORE_TITLE = new Set([...'祝给帮陪请送替谢向为跟与和同让叫找问带']);
/** a word a person's name follows, glued to it at a headline's end (感谢王建华; 恭喜李秀英; 致陈美玲) */
const TAKES_A_PERSON = /(感谢|谢谢|多谢|致|恭喜|祝贺|欢迎|给|向|和|与|跟|陪|帮|为|替|送|请|祝)[\u4e00-\u9fa5]{2,3}$/;
/** a table's row with a full name as a column of its own, after a time or a number or opening the line (09:30  刘卫东  对公开户咨询; 张建国 2000元) */
const COLUMN_LINE = /^[ \t\u3000]*(?:[\d０-９:：.\-]{1,8}[ \t\u3000]+)?([\u4e00-\u9fa5]{2,3})[ \t\u3000]+(?=[^\s])/gm;
const REGISTER_LINE = /[—–]{1,2}[ \t\u3000]*([\u4e00-\u9fa5]{2,3})[ \t\u3000]*(?=\r?\n|$)/g;
/** an English given name and a surname after it (Kelvin Fung) */
const EN_FULL = /(?<![A-Za-z])([A-Z][a-z]{2,9}) ([A-Z][a-z]{1,7})(?![A-Za-z])/g;
/** a sentence that thanks or names a neighbour or a client */
const EN_CLIENT_CONTEXT = /街坊|客户|客戶|多谢|多謝|谢谢|謝謝|感谢|感謝|thanks|thank you|neighbou?r|customer|client|阿姨|叔叔|先生|女士/i;
/** surnames as romanised in Hong Kong, Macau and Southeast Asia (pinyin ones are in the rule's data) */
const ROMAN_SURNAMES = new Set('wong chan cheung lau leung ng ho lam tang tsang yeung chow lo kwok tse mak yip fung chu choi hui siu kwan poon tam lai cheng tong au law chiu yau yuen kong ko sze szeto lim tan goh ong teo koh tay chua low lui mok chung chong pang shum wu lee'.split(' '));
/** a lower-case run of letters right before an honorific: a name in pinyin written as one word */
const PINYIN_RUN = /(?<![A-Za-z])([a-z]{4,14})(?=\s?(阿姨|叔叔|先生|女士|小姐|大爷|奶奶|爷爷|伯伯|婆婆|姐|哥))/g;
/** a surname and two short syllables in romanisation (Chan Tai Man; ho wing sze) */
const ROMAN_HYPHEN = /(?<![A-Za-z])([A-Z]{2,6}) ([A-Z][a-z]{1,5})[ -]([a-z]{1,5})(?![A-Za-z])/g;
const ROMAN_FULL = /(?<![A-Za-z])([A-Za-z][a-z]{1,5}|[A-Z]{2,6}) ([A-Za-z][a-z]{1,4}|[A-Z]{2,5}) ([A-Za-z][a-z]{1,4}|[A-Z]{2,5})(?![A-Za-z])/g;
/** words before a list that make its people the staff (值班同事：; 本月寿星：; 新同事) */
/** what a list word goes on with when the list is told of, not given (名单只显示…, 名单不公开, 名单用完即销毁) */
const LIST_TOLD_OF = /^(只|不|会|将|要|已|都|显示|公布|用完|由|需|应|请|按|的)/;
/** a village group opening a roll's line before its name (3组 张德福; 二社 何永福), or nothing */
const VILLAGE_GROUP = String.raw`(?:[一二三四五六七八九十\d]{1,2}(?:组|社|队)[ \t\u3000]+)?`;
/** the titles that make a list's item polite (刘女士, 马大爷); POLITE takes these and more */
const ITEM_TITLES = '女士|先生|小姐|阿姨|叔叔|大爷|大妈|奶奶|爷爷|伯伯|婆婆|师傅';
/** a list's line: after its number, a name masked (王** / 陈* / 李某) or polite (刘女士) or what may be one in full, then a space and a figure or a mask,
 * or nothing but a note in brackets or after a dot (1. 钱**⏎3. 周桂英; 李*（文三路一室户）⏎孙晓燕（保俶路单身公寓）; 张*涵 · 经济学院⏎何嘉怡 · 护理学院),
 * its village group before it (3组 张德福 510121********7712) */
const LIST_LINE = new RegExp(String.raw`^([ \t]*(?:\d{1,3}[.、．)）]?[ \t]*)?${VILLAGE_GROUP})(?:([\u4e00-\u9fff][*＊×]{1,3}[\u4e00-\u9fff]?|[\u4e00-\u9fff]某{1,2}|[\u4e00-\u9fff](?:${ITEM_TITLES}))|[\u4e00-\u9fff]{2,3})(?:[ \t　]+[^\n]*[0-9*＊]|[ \t　]*(?:[（(][^\n（）()]{1,20}[）)]|[·•・][ \t　]*[^\n·•・]{1,20})?[ \t　]*$)`, 'gm');
/** a list's item in its polite form, a surname and a title (刘女士, 马大爷) */
const POLITE_ITEM = new RegExp(`[\\u4e00-\\u9fff](?:${ITEM_TITLES})`);
/** the whole of an item in its polite form (何先生) */
const POLITE_WHOLE = new RegExp(`^${POLITE_ITEM.source}$`);
const STAFF_LIST = /同事|员工|伙伴|值班|团队|寿星|新人|柜员|讲师|行员|大堂经理|理财经理|客户经理/;
/** a text that lists winners (一等獎：; 得獎者; winners) */
const PRIZE_CONTEXT = /[一二三特]等[奖獎]|得[奖獎]|获奖|獲獎|中奖|中獎|名单|名單|winner/i;
/** English words that a romanised name never is (thank you so much; see you all) */
const EN_WORDS = new Set('you all the and for our with from this that your see thank thanks so much very good love fans day new year happy big best wish wishes team home tea time shop'.split(' '));
/** two or more lines, each a short name (masked or not: 赵**　✔ 满意), a space and a short figure or note (赵雅琴 年交20万) and nothing (a closing line of instructions may follow: 请带本人有效身份证件到柜台领取) else */
const NAME_LINES = new RegExp(String.raw`^(?:[ \t\u3000]*(?:\d{1,2}\s*[.、．)）]|[①-⑳])?[ \t\u3000]*${VILLAGE_GROUP}(?:[\u4e00-\u9fa5]{2,4}|[\u4e00-\u9fa5]{1,2}[*＊]{1,3})[ \t\u3000]+[^\n]{1,48}\n){1,30}[ \t\u3000]*(?:\d{1,2}\s*[.、．)）]|[①-⑳])?[ \t\u3000]*${VILLAGE_GROUP}(?:[\u4e00-\u9fa5]{2,4}|[\u4e00-\u9fa5]{1,2}[*＊]{1,3})[ \t\u3000]+[^\n]{1,48}\s*(?:\n[^\n]{0,40})?$`);
/** what says an asset is about the bank's own people (新同事, 团队合影, 全体伙伴, 柜台生涯, 送别会, 团建) */
const STAFF_ASSET = /新同事|欢迎新同事|团队合影|团队照|全体伙伴|每一位伙伴|新员工入职|柜台生涯|在柜台坐了|送别会|欢送会|荣休|(?<!公司|企业|单位|厂里|工厂|客户|他们|店里)团建/;
/** words right around a name that make it a colleague's (在柜台坐了三十一年的…; 新同事…) */
const STAFF_NEAR = /在柜台(坐|干|工作)了|柜台生涯|新同事/;
/** …and what names a client in it all the same (客户, 街坊, 储户, 顾客, 上门) */
const CLIENT_IN_ASSET = /客户|客戶|街坊|储户|儲戶|顾客|顧客|上门|上門|阿姨家|叔叔家|奶奶家|爷爷家|大爷家|业主|居民|村民|会员|會員/;
/** a markdown table's header cell over a column of people (姓名, 预约人, 客户) */
const TABLE_PEOPLE_CELL = /^\s*(姓名|客户姓名|客户|客戶|预约人|預約人|联系人|報名人|报名人|签到人|获奖人|中奖人|户名|持卡人|街坊|参加人|参会人|领取人|收件人)\s*$/;
/** a text with such a header (a cheap test before the rows are read) */
const TABLE_PEOPLE_HEAD = /[|｜]\s*(姓名|客户姓名|客户|客戶|预约人|預約人|联系人|報名人|报名人|签到人|获奖人|中奖人|户名|持卡人|街坊|参加人|参会人|领取人|收件人)\s*[|｜]/;
/** the number or mark before a line's name (1. 陈美玲 12860分; ② 何志军) */
const LINE_NUMBER = new RegExp(String.raw`^[ \t\u3000]*(?:\d{1,2}\s*[.、．)）]|[①-⑳])?[ \t\u3000]*${VILLAGE_GROUP}`);
const CONTACT_AT = /(?:qq|QQ|微信号|微信|wx|vx|WX|VX|电话|手机号|手机|邮箱|tel|Tel|TEL)/g;

/** a line that opens with a speaker's label of two to four characters and a colon (徐桂英：收到) */
const SPEAKER = /(^|\n)[ \t\u3000]*(?:[-*•·>]\s*)?(([\u4e00-\u9fa5]{2,4})[ \t\u3000]*[：:])/g;
const SPEAKER_HINT = /\n[ \t\u3000]*[\u4e00-\u9fa5]{2,4}[ \t\u3000]*[：:]/;

/** what a 接龙 of people is about: signing up, attending, a headcount, or names already masked */
const JIELONG_PEOPLE = /报名|签到|参加|参会|出席|到场|活动|课|游|讲座|沙龙|聚会|座位|[0-9一二两三四五六七八九十]\s*人|[*＊]|先生|女士|阿姨|叔|姐|老师/;

/** the normalised sentence around normalised offset `at` (at most 120 characters each side) */
function sentenceAt(n: Normalized, at: number): string {
  let a = at;
  let b = at;
  while (a > 0 && at - a < 120 && n.sentence[a - 1] === n.sentence[at]) a--;
  while (b < n.text.length && b - at < 120 && n.sentence[b] === n.sentence[at]) b++;
  return n.text.slice(a, b);
}

/** what after a list of names says they are the bank's clients (，三位都是我们的老客户) */
const CLIENTS_AFTER = /^[\s，,]*([这那]?[两三四五六七八九十几\d]+位)?[^，。！？\n]{0,3}(都|均|全|全部)(是|系|係|为|為)[^，。！？\n]{0,6}(客户|客戶|储户|儲戶|街坊|会员|會員)/;
/** what calls the name before it a client's (是我们网点二十年的老客户; 今年六十八岁，是…客户; 在我们支行开收款码、办会员已经五年了), over the normalised text */
const CLIENT_AFTER_NAME = /(?:今年[\u4e00-\u9fa5\d]{1,6}岁)?(?:是|系|係|为|為)(?:我们|我們|咱们|咱們|本行|我行|网点|網點|支行|我)?[^是系係为為客]{0,10}?(?:客户|客戶|储户|儲戶|会员|會員)(?!经理|經理|服务|服務|专员|專員|中心|部|经|經)|在(?:我们|我們|咱们|咱們|本行|我行)?(?:支行|网点|網點)(?:开|開|办|辦|存|买|買)(?!会|會|展|讲|講)/g;
/** a surname and a polite form, the public way to name a client (梁女士, 陈伯, 王总) */
/** a person's sex and age right after their name (寻人启事：陈桂兰，女，79岁) */
const SEX_AGE = /^[，,、]? ?[男女] ?[，,、]? ?[0-9一二三四五六七八九十]{1,3} ?(岁|周岁)/;
const POLITE = new RegExp(`^[\\u4e00-\\u9fa5]{1,2}(${ITEM_TITLES}|爹爹|嗲嗲|娭毑|老师|总|伯|姨|叔|哥|姐|嫂|婶|孃孃|嬢嬢|妈妈|爸爸|外婆|外公)$`);

export const piiPerson: Detector = {
  id: 'pii-person',
  pii: true,
  create(rule) {
    const d = ruleData(rule, dataSchema);
    const surnames = new Set([...d.surnames]);
    const ambiguous = new Set([...d.ambiguous]);
    const compound = new Set(d.compound);
    const stop = new Set([...d.stop]);
    const notNames = new Set(d.notNames);
    const labelWords = new Set(d.labels);
    const givenPairs = new Set(d.givenPairs);
    const wordEnds = new Set(d.wordEnds);
    const notHonorific = new Set(d.notHonorific);
    const figures = new Set(d.publicFigures);
    // (their names in pinyin too, worked out on first need: Lín Huīyīn 林徽因女士)
    let figuresPinyin: Set<string> | undefined;
    const figurePinyin = (joined: string) => (figuresPinyin ??= new Set(d.publicFigures.map((x) => pinyinOf(x).join('')))).has(joined);
    const alt = (words: string[]) => [...words].sort((a, b) => b.length - a.length).join('|');
    const afterRe = new RegExp(alt(d.after), 'g');
    // (an English name may stand between: 老客户 Vivian 郑雅婷)
    const beforeRe = new RegExp(`(?:${alt(d.before)})(?:是|叫|名叫)?(?: ?[A-Za-z]{2,12} ?(?=[\u4e00-\u9fa5]))?`, 'g');
    // (a label may be followed by what it says: 户名写的沈秀英; 签名处写着…)
    const labelRe = d.labels.length ? new RegExp(`(?:${alt(d.labels)})(?:是|为|叫|写的是|写的|写着|填的是|填的|签的是|签的)?`, 'g') : undefined;
    const listRe = d.lists.length ? new RegExp(alt(d.lists), 'g') : undefined;
    // a cheap test before the list openers: the last characters of the openers
    const listHint = d.lists.length ? new RegExp(`[${[...new Set(d.lists.map((w) => w.slice(-1)))].join('')}]`) : undefined;
    const honorific = new RegExp(`^(?:${alt([...d.after, ...d.publicForms])})`);
    /** a text that ends with a client word or a field label (客户, 客户姓名：) */
    const contextEnd = new RegExp(`(${alt(d.before)}|${alt(d.labels)})(?:是|为|叫)?[:：]?$`);
    // (and a document whose holder is named in brackets after it: 身份证（赵德明）)
    const parenRe = new RegExp(`(?:${alt([...d.after, ...HELD_DOCUMENTS])})`, 'g');
    const titleRe = d.publicTitles.length ? new RegExp(`(?:${alt(d.publicTitles)})$`) : undefined;
    /** a public title right after a surname: 李行长 is how the president is addressed, no name (@汪老板：李行长，…) */
    const titleAfterRe = d.publicTitles.length ? new RegExp(`^(?:${alt(d.publicTitles)})`) : undefined;
    const foreign: ForeignNames = {
      given: new Set(d.foreignGiven),
      surnames: new Set(d.foreignSurnames),
      korean: new Set(d.koreanSurnames),
      japanese: new Set(d.japaneseSurnames),
      vietnamese: new Set(d.vietnameseSurnames),
      vnMiddle: new Set(d.vietnameseMiddle),
      notNames: new Set(d.foreignNotNames),
      places: new Set(d.foreignPlaces),
      figures: new Set(d.foreignFigures.map(foldName)),
    };
    // (a Japanese surname in characters, one to four characters or kana of a given name, then さん or 様: 山田花子さん;
    // not 样 ending a word of its own: 像金子一样 is like gold)
    const japaneseRe = d.japaneseKanjiSurnames.length ? new RegExp(`(${alt(d.japaneseKanjiSurnames)})([\u4e00-\u9fff\u3040-\u30ff々]{1,4}?)(?=さん|様|(?<![一这那怎同多两模花变走像])样|さま|ちゃん|くん|氏|殿)`, 'g') : undefined;
    const pinyinSurnames = new Set(d.pinyinSurnames.map((s) => s.toLowerCase()));
    const pinyinNot = new Set(d.pinyinNotNames.map((s) => s.toLowerCase()));
    const PINYIN_NAME = /(?<![A-Za-z])([A-Z][a-z]{0,5}|[A-Z]{2,6})(?:\s+|(?<=[A-Z]{2})\s*\/\s*(?=[A-Z]{2}))([A-Z][a-z]{1,11}|[A-Z]{2,12})(?![A-Za-z])/g;
    // (group 1: a client label before; 2: surname; 3: given name, one or two syllables, spaced or not; 4: an honorific after)
    const PINYIN_LOOSE = /((?:客户姓名|客户名|姓名|获奖客户|中奖客户|客户|恭喜|持卡人|户名)\s*[:：]?\s*)?(?<![A-Za-z])([A-Za-z]{1,6})\s+([A-Za-z]{1,6}(?:\s+[A-Za-z]{1,6})?|[a-z]{4,12})(?![A-Za-z])(\s*(?:先生|女士|小姐|老师|阿姨|叔叔|大爷|大妈|奶奶|爷爷|同学|经理))?/g;

    /** a character that can be part of a given name at normalised index i */
    const givenChar = (n: Normalized, i: number) => n.cls[i] === CJK && !stop.has(n.text[i]!) && n.gap[i]! < CLAUSE;
    /** every character of normalised [from, to) can be part of a given name */
    // (a stop character that opens a common given name is part of it: 林月娥, 王月华 — 月 alone stays a stop)
    const givenRun = (n: Normalized, from: number, to: number) => {
      // (or closes one: 王建荣, 李志荣 — 荣 alone stays a stop, 荣获)
      for (let i = from; i < to; i++) if (!givenChar(n, i) && !(i + 1 < to && n.cls[i] === CJK && n.gap[i]! < CLAUSE && givenPairs.has(n.text.slice(i, i + 2))) && !(i > from && n.cls[i] === CJK && n.gap[i]! === 0 && givenPairs.has(n.text.slice(i - 1, i + 1)))) return false;
      return true;
    };

    return (views, ctx) => {
      const { personas, personaPinyin, personaSurnames } = personasOf(ctx);
      const isPersona = (name: string) => personas.some((p) => p === name || p.includes(name) || name.includes(p));
      const hits: DetectorHit[] = [];
      /** the online identities among the hits (a staff asset's filters keep them: an account is no colleague's name) */
      const online = new Set<DetectorHit>();
      /** an online identity of a client's (a WeChat ID, a QQ number, an @handle) at original [from, from + id.length) of view `v`, shown masked */
      const addOnline = (v: number, from: number, id: string, context: string) => {
        const masked = `${id.slice(0, 2)}****`;
        const hit: DetectorHit = { view: v, from, to: from + id.length, excerpt: masked, fix: masked, data: { masked, context } };
        online.add(hit);
        hits.push(hit);
      };
      // (whether the asset speaks of a letter: read once per asset, not once per text)
      const aboutLetter = views.some((v) => LETTER.test(v.span.text));
      /** whether any text of the asset calls its people clients (read once, when a handle is mentioned) */
      let clientsNamed: boolean | undefined;
      // (whether a text of the asset welcomes, thanks or names a client: read once per asset, when a name in Latin letters stands alone on its line)
      let cue: boolean | undefined;
      const assetCue = () => (cue ??= views.some((v) => FOREIGN_CUE.test(toSimplified(v.span.text))));
      // (whether the asset names a member of staff, and no client, as its group's owner: read once per asset)
      let staffOwner: boolean | undefined;
      const staffOwnsGroup = () => (staffOwner ??= !views.some((v) => GROUP_OWNER_CLIENT.test(v.span.text)) && views.some((v) => GROUP_OWNER_STAFF.test(v.span.text)));
      // (whether a text of the asset heads a list of people: a badge of names alone is that list's)
      const listHeaded = !!listRe && views.length > 1 && views.some((v) => listHint!.test(v.norm.text) && ((listRe.lastIndex = 0), listRe.test(v.norm.text)));
      for (const [vi, view] of views.entries()) {
        const n = view.norm;
        const t = n.text;
        const taken = new Set<number>();
        const isPublic = (from: number, name: string) => {
          for (let l = 2; l <= name.length; l++) if (figures.has(name.slice(0, l))) return true;
          // a professional introduced by a career, as a prospectus does (刘思远先生，经济学硕士，15年证券从业经历)
          if (BIO.test(sentenceAt(n, from))) return true;
          if (!titleRe) return false;
          let s = from;
          while (s > 0 && from - s < 8 && n.gap[s]! < CLAUSE && n.cls[s - 1] === CJK) s--;
          return titleRe.test(t.slice(s, from));
        };
        // 文中人物均为化名 / 李秀英（化名）: a pseudonym is nobody's detail
        const pseudonyms = t.includes('化名') || t.includes('假名');
        const allPseudonyms = pseudonyms && /(均|皆|都|全|人物|姓名)[^。!?！？]{0,3}(化名|假名)|(化名|假名)处理/.test(t);
        // (a given name read one character too long takes 化 of 化名 with it: 张伟化|名)
        const pseudonym = (to: number) => allPseudonyms || (pseudonyms && (/^[^。!?！？]{0,6}(化名|假名)/.test(t.slice(to, to + 10)) || /^(化名|假名)/.test(t.slice(to - 1, to + 1))));
        // the dictionary does not read normalised [from, to) as a word of its own: it sets the surname (of
        // `sl` characters) apart from what follows, or reads all three characters as a name (陈述, 林业, 何时,
        // 申购费 are words; 徐/桂/英, 刘建华/nr are names)
        // (`given`: and what follows the surname is no word of the dictionary's own either: 温/德贵, not 包/红包)
        const readsAsName = (from: number, sl: number, to: number, given = false): boolean => {
          const words = taggedWords(t.slice(from, to));
          if (words.length === 1) return words[0]!.word.length >= 3 && words[0]!.tag.startsWith('nr');
          return words[0]!.word.length === sl && (!given || words.slice(1).every((w) => w.word.length === 1 || w.tag.startsWith('nr')));
        };
        const accept = (from: number, surnameLen: number, to: number, context: string) => {
          const name = t.slice(from, to);
          if (taken.has(from) || isPersona(name) || inSafe(view, from, to) || isPublic(from, name) || pseudonym(to)) return;
          // (after a field's label, a full name of three may open with such a word: 收件人：刘海燕, not 刘海)
          // (and so may one glued to a word that names whose it is: 客户刘海涛, 患者王国华; 客户韩国庆先生, its honorific after it)
          const labelled = surnameLen === 1 && to - from === 3 && from > 0 && ((labelWords.has(context) && /[:：]/.test(view.span.text.slice(n.end[from - 1]!, n.start[from]!))) || (WHOSE_GLUED.has(context) && t.slice(from - context.length, from) === context && n.gap[from] === 0 && (readsAsName(from, 1, to) || /^(先生|女士|小姐)/.test(t.slice(to, to + 2)))));
          // (a family's word of surname and 家 opens no name whose given pair is a name's: 邱家 in 邱家明)
          const pairGiven = surnameLen === 1 && givenPairs.has(t.slice(from + 1, to));
          for (let i = labelled || pairGiven ? from + 1 : from; i + 2 <= to; i++) if (notNames.has(t.slice(i, i + 2))) return;
          // (nor one that ends in a shop or a trade, the owner's word after it: 文具店老板, 桌游店老板, 车商客户)
          if (to - from >= 2 && SHOP_END.test(t[to - 1]!)) return;
          // (no name runs through a quotation mark or a dash: …俱欢颜”——杜甫先生 holds no 颜杜甫)
          for (let i = from + 1; i < to; i++) if (n.gap[i]! > 0 && /[“”‘’「」『』"'—–―《》=＝]/.test(view.span.text.slice(n.end[i - 1]!, n.start[i]!))) return;
          // (nor when the surname ends a word with the character before it, or the two before it: 一边稳住阿姨, 这周好多叔叔;
          // 把会员费转到个人账户)
          if (from > 0 && n.gap[from] === 0 && (notNames.has(t.slice(from - 1, from + 1)) || (from > 1 && n.gap[from - 1] === 0 && wordEnds.has(t.slice(from - 2, from + 1))))) return;
          if (n.cls[to] === MASK || t[from + surnameLen] === '某') return;
          // (nor a surname masked with crosses, which the normaliser drops: 落款：李×× 敬上)
          if (from + surnameLen < n.start.length && /^[\s]*[×✕╳]/.test(view.span.text.slice(n.end[from + surnameLen - 1]!, n.start[from + surnameLen]!))) return;
          // (nor a place's name, its county or district glued after it: 户名 蒲江县明月村茶叶专业合作社)
          if (to < t.length && n.gap[to] === 0 && /[县縣区區镇鎮乡鄉省州]/.test(t[to]!)) return;
          // (nor what a product is named: 产品名字叫“安盈”; 这款理财名叫稳盈)
          if (PRODUCT_NAMED.test(view.span.text.slice(Math.max(0, n.start[from]! - 12), n.start[from]!))) return;
          // (nor a work's title in its brackets: 三等奖《苏堤春晓》)
          {
            // (read a bounded way back: a text of many names and no bracket stays linear)
            const at = n.start[from]!;
            const back = view.span.text.slice(Math.max(0, at - 12), at);
            const open = back.lastIndexOf('《');
            if (open >= 0 && !back.slice(open).includes('》') && /^[^《\n]{0,16}》/.test(view.span.text.slice(at, at + 17))) return;
            // (or a name of a contest, a show or a shop in 「」 that the name would start inside, glued to the word before it:
            // 「锦江光影」客户摄影大赛; not a name set off in a nickname: 「鸿达五金-邓国平」)
            const corner = back.lastIndexOf('「');
            if (corner >= 0 && corner < back.length - 1 && from > 0 && n.gap[from] === 0 && n.cls[from - 1] === CJK && !back.slice(corner).includes('」') && /^[^「\n]{0,16}」/.test(view.span.text.slice(at, at + 17))) return;
          }
          // (nor a surname and 生 or 太, the Cantonese Mr. and Mrs., read on into what follows: 祝高生生日快乐)
          if (surnameLen === 1 && (t[from + 1] === '生' || t[from + 1] === '太') && (to - from === 2 || t.slice(from + 2, from + 4) === '生日' || t[from + 2] === t[from + 1])) return;
          // (nor a place's name, its kind at its end or glued after it: 一等奖：石桥村 李**; 新塘镇)
          if (to - from === surnameLen + 2 && PLACE_KIND.test(t[to - 1]!)) return;
          if (to < t.length && n.gap[to] === 0 && PLACE_KIND.test(t[to]!)) return;
          // (nor a unit after a number: 借50万开两家分店 holds no 万开两)
          if (from > 0 && n.gap[from] === 0 && n.cls[from - 1] === DIGIT) return;
          // (a verb, then a surname and 生 — the Cantonese Mr.: 祝陳生一家, 多谢黄生 — holds no name)
          if (to - from === 3 && surnameLen === 1 && t[to - 1] === '生' && VERBISH.has(t[from]!) && surnames.has(t[from + 1]!)) return;
          // (a surname said twice is a word, no name: 同街坊齐齐向前, 常常, 明明)
          if (surnameLen === 1 && t[from + 1] === t[from]) return;
          // (nor the end of a product's name glued to the word before it: 金钥匙安盈 客户交流会 holds no 安盈)
          // (glued to the word before and set apart from the word after: the tail of a longer word)
          if (to - from === 2 && from > 1 && to < t.length && n.gap[from] === 0 && n.gap[to]! > 0 && n.cls[from - 1] === CJK && n.cls[from - 2] === CJK && PRODUCT_END.test(t[to - 1]!)) return;
          taken.add(from);
          const masked = `${t.slice(from, from + surnameLen)}*`;
          const [a, b] = orig(view, from, to);
          hits.push({ view: view.index, from: a, to: b, excerpt: masked, fix: masked, data: { masked, context } });
        };
        const surnameAt = (p: number, loose: boolean): number => {
          if (compound.has(t.slice(p, p + 2)) && n.cls[p + 1] === CJK) return 2;
          if (n.cls[p] === CJK && (surnames.has(t[p]!) || (loose && ambiguous.has(t[p]!)))) return 1;
          return 0;
        };
        /** an opening bracket was dropped right before normalised i (客户刘德明（尾号0016）) */
        const bracketBefore = (i: number) => n.gap[i]! > 0 && /[(（［【[]/.test(view.span.text.slice(n.end[i - 1]!, n.start[i]!));
        /** a name starting at p (surname + one or two given characters), ending at a boundary */
        /** in a list, a space between two names separates them (王建国 李秀英) */
        const nameAt = (p: number, loose: boolean, sepGap = CLAUSE): [number, number] | undefined => {
          const sl = surnameAt(p, loose);
          if (!sl || honorific.test(t.slice(p + sl, p + sl + 4)) || PARENT_AFTER.test(t.slice(p + sl, p + sl + 2)) || CANTONESE_TITLE.test(t.slice(p + sl, p + sl + 2)) || titleAfterRe?.test(t.slice(p + sl, p + sl + 8))) return undefined;
          // (a word asked yes or no is no name: 先想街坊冷不冷、急不急)
          if (sl === 1 && (t[p + 1] === '不' || t[p + 1] === '没' || t[p + 1] === '唔') && t[p + 2] === t[p]) return undefined;
          const boundary = (i: number) => i >= t.length || n.cls[i] !== CJK || n.gap[i]! >= sepGap || stop.has(t[i]!) || honorific.test(t.slice(i, i + 4)) || bracketBefore(i);
          for (const given of [2, 1]) {
            const end = p + sl + given;
            if (end > t.length) continue;
            if (givenRun(n, p + sl, end) && boundary(end)) return [sl, end];
          }
          // no mark ends it (客户孙建国光荣退休): a full name when the segmenter reads the surname and
          // two given characters as one person's name
          const end = p + sl + 2;
          if (end < t.length && givenChar(n, p + sl) && givenChar(n, p + sl + 1) && n.cls[end] === CJK) {
            // (the whole clause around it is segmented: the words before decide where the name starts)
            let a = p;
            while (a > 0 && p - a < 24 && n.clause[a - 1] === n.clause[p]) a--;
            let c = p;
            while (c < t.length && c - p < 24 && n.clause[c] === n.clause[p]) c++;
            // (the dictionary's names first; then a word of three characters the dictionary does not
            // know, read as one by the segmenter's model: 客户刘桂芬推介…, not 客户张开心地笑了)
            // (or reads the surname and the given name as two names of its own: 客户陈/nr 美玲/nr 合影)
            for (const hmm of [false, true]) {
              let at = a;
              const words = taggedWords(t.slice(a, c), hmm);
              for (let k = 0; k < words.length; k++) {
                const w = words[k]!;
                if (at === p) {
                  if (w.word.length === end - p && (w.tag === 'nr' || (hmm && w.tag === 'x'))) return [sl, end];
                  const next = words[k + 1];
                  if (w.word.length === sl && w.tag === 'nr' && next && next.word.length === end - p - sl && next.tag === 'nr') return [sl, end];
                  break;
                }
                // (or glues the surname to the word before: 客户王/n 秀英/nr 合影留念)
                const next = words[k + 1];
                if (at < p && at + w.word.length === p + sl && next && next.word.length === end - p - sl && next.tag === 'nr') return [sl, end];
                if ((at += w.word.length) > p) break;
              }
            }
          }
          return undefined;
        };

        // 王建华客户 / 王建华女士: look back from the honorific at `h` (t.length: it opens the next text)
        const lookBack = (h: number, word: string, fullOnly = false) => {
          // a name and its honorific are one phrase: nothing but a space between them (纸巾，叔叔 is not one)
          // (a mask a space before it is the same: 张*、李** 两位客户)
          let k = h - 1;
          while (k > 0 && t[k] === ' ') k--;
          // (but a name's sex and age, as a notice gives them, follow it past a comma: 陈桂兰，女，79岁)
          if (h === 0 || n.cls[k] === MASK || ((n.gap[h] ?? 0) >= CLAUSE && !SEX_AGE.test(word))) return;
          // (a hashtag starts a new phrase: #锦江支行 #客户故事 holds no 江支行客户; so does a heading's closing bracket:
          // 【语音转文字】阿姨您好 holds no 文字阿姨)
          if (h < t.length && (n.gap[h] ?? 0) > 0) {
            const between = view.span.text.slice(n.end[h - 1]!, n.start[h]!);
            if (between.includes('#') || between.includes('＃')) return;
            // (a heading longer than a name: 【王建华】先生 is still a name with its honorific)
            if (between.includes('】')) {
              // (read back a few characters only: a text of many headings stays linear)
              const end = n.end[h - 1]!;
              if (view.span.text.slice(Math.max(0, end - 5), end).lastIndexOf('【') < 0) return;
            }
          }
          // a surname set off by a separator before the honorific is its public form (感谢信💌 周姐: 周姐, not 谢信周)
          // (a compound surname right before the honorific is the public form: 祝欧阳先生一家, not 祝 + 欧阳)
          if (h >= 2 && compound.has(t.slice(h - 2, h))) return;
          // (a surname that is also a word counts here too: 贺 温先生、何女士 金婚之喜 — 温先生, not 贺温)
          // (unless the name before it is spelt out a character at a time: 汤⏎雪⏎梅⏎奶奶, 汤 雪 梅 奶奶)
          const spelledOut = h >= 3 && n.gap[h - 1]! < CLAUSE && n.gap[h - 2]! > 0 && n.gap[h - 2]! < CLAUSE && n.cls[h - 2] === CJK && n.cls[h - 3] === CJK;
          if (h >= 2 && (surnames.has(t[h - 1]!) || ambiguous.has(t[h - 1]!)) && (n.gap[h - 1] ?? 0) > 0 && !spelledOut) return;
          if (word.length === 1 && notHonorific.has(t.slice(h - 1, h + 1))) return;
          // a full name, then its surname with the honorific (开餐厅嘅吴海涛吴总; 王建华王老师): the name is given whole
          if (h >= 3 && surnames.has(t[h - 1]!) && n.gap[h - 1] === 0) {
            for (const len of [3, 2]) {
              const from = h - 1 - len;
              if (from >= 0 && t[from] === t[h - 1] && n.cls[from] === CJK && n.gap[from + 1]! < CLAUSE && givenRun(n, from + 1, h - 1)) {
                accept(from, 1, h - 1, word);
                break;
              }
            }
          }
          // (a verb or preposition right before the title takes it as its object: 年轻时听老师讲, 去问老师 — no name)
          if (TITLE_OBJECT_OF.has(t[h - 1]!) && n.gap[h - 1] === 0) return;
          // the honorific straight after a surname is the masked form (张阿姨)
          const candidates: [number, number][] = [];
          // compound surname (欧阳) + one or two given characters
          for (const len of [4, 3]) {
            const from = h - len;
            if (from >= 0 && compound.has(t.slice(from, from + 2)) && givenRun(n, from + 2, h)) candidates.push([from, 2]);
          }
          for (const len of [3, 2]) {
            const from = h - len;
            if (from < 0) continue;
            const s = t[from]!;
            if (!(surnames.has(s) || ambiguous.has(s)) || n.cls[from] !== CJK) continue;
            // (a compound surname is read whole, above: 欧阳阿姨 is its public form, not 欧 + 阳)
            if (compound.has(t.slice(from, from + 2))) continue;
            // 和张阿姨, 感谢张阿姨: a surname right before the honorific is the public form
            if (len === 2 && surnames.has(t[h - 1]!)) continue;
            // (a conjunction before a child's form of address is the word, not a surname: 和逗小朋友一起剪窗花)
            if (CONJUNCTIONS.has(s) && /^(小朋友|同学|宝宝|小宝贝)/.test(word)) continue;
            // (a familiar form with a verb after it is the writer's or a colleague's name: 老李陪叔叔阿姨一个个设置)
            if (len === 2 && from > 0 && /[老小阿]/.test(t[from - 1]!) && n.gap[from]! === 0) continue;
            // (a branch is no one's name: 锦江支行 客户)
            if (ORGANISATION_END.test(t.slice(from, h))) continue;
            // (a conjunction after a role joins two roles: 保安大哥和保洁阿姨; after any word, two of a kind: 给工厂和门店老板)
            if (CONJUNCTIONS.has(s) && from > 0 && n.gap[from] === 0 && n.cls[from - 1] === CJK) continue;
            // (a surname and its Cantonese title are the public form, whatever follows: 陈生一家三代)
            if (len === 2 && CANTONESE_TITLE.test(t.slice(from + 1, from + 3))) continue;
            // (nor the end of a word before it: 大额存单放一家银行 — 存单, not a 单 family)
            if (from > 0 && n.gap[from] === 0 && wordEnds.has(t.slice(from - 1, from + 1))) continue;
            if (n.gap[from + 1]! < CLAUSE && givenRun(n, from + 1, h)) candidates.push([from, 1]);
          }
          // the longest reading, unless its first character is more likely a verb (感谢王华先生); across
          // two texts only a surname with two given characters (暖心周刊 ‖ 客户信息… is no name)
          const pick = candidates.find(([from, sl]) => (!fullOnly || h - from - sl === 2) && (sl === 2 || from !== h - 3 || !VERBISH.has(t[from]!) || candidates.length === 1));
          if (pick) {
            accept(pick[0], pick[1], h, word);
            // names joined to it by 、 or 和 share its honorific (刘德明、黄淑芬夫妇)
            let end = pick[0];
            for (let k = 0; k < 8 && end > 1; k++) {
              const joiner = view.span.text.slice(n.end[end - 1]!, n.start[end]!);
              const joined = /^\s*[、，,/]\s*$/.test(joiner) ? end : /[和与及]/.test(t[end - 1]!) && n.gap[end]! < CLAUSE ? end - 1 : -1;
              if (joined < 0) break;
              let found = -1;
              for (const len of [3, 2, 4]) {
                const from = joined - len;
                if (from < 0) continue;
                const hit = nameAt(from, true, WEAK);
                if (hit && hit[1] === joined) {
                  accept(from, hit[0], joined, word);
                  found = from;
                  break;
                }
              }
              if (found < 0) break;
              end = found;
            }
          }
        };
        afterRe.lastIndex = 0;
        // (not across an opening bracket: 全价（总值） is no 全价 总)
        if (!cannotMatch(afterRe, t)) for (let m = afterRe.exec(t); m; m = afterRe.exec(t)) if (!bracketBefore(m.index)) lookBack(m.index, m[0]);
        // a headline that ends with a name over a line that starts with its honorific (王建华 ‖ 客户今天…)
        const next = views[vi + 1]?.norm.text;
        // (a name set apart at the headline's end, the whole of it, or after a word that takes a person: 感谢王建华 ‖ 先生的锦旗;
        // not the end of another word: 存单上门交付记录 ‖ 客户姓名… ends in no 付记录)
        const L = t.length;
        if (next && n.cls[L - 1] === CJK && (L <= 4 || n.gap[L - 3]! > 0 || n.gap[L - 2]! > 0 || n.cls[L - 4] !== CJK || TAKES_A_PERSON.test(t.slice(-8)))) {
          const opens = honorific.exec(next);
          if (opens) lookBack(t.length, opens[0], true);
        }
        // …and a label that ends one text over the name that opens the next (客户： ‖ 王建华)
        // (only the previous text's end is read: the label is a few characters long)
        const label = vi > 0 && n.cls[0] === CJK ? contextEnd.exec(views[vi - 1]!.norm.text.slice(-16)) : null;
        if (label) {
          const hit = nameAt(0, true);
          if (hit) accept(0, hit[0], hit[1], label[1]!);
        }

        // a full name that the words after it call a client (陈美玲是我们网点二十年的老客户; 北山街上住了四十年的
        // 陈美玲，今年六十八岁，是我们网点的老客户)
        if (!cannotMatch(CLIENT_AFTER_NAME, t)) {
          CLIENT_AFTER_NAME.lastIndex = 0;
          for (let m = CLIENT_AFTER_NAME.exec(t); m; m = CLIENT_AFTER_NAME.exec(t)) {
            const k = m.index;
            for (const len of [3, 2, 4]) {
              const from = k - len;
              if (from < 0 || n.sentence[from] !== n.sentence[k + m[0].length - 1]) continue;
              const hit = nameAt(from, false);
              if (hit && hit[1] === k) {
                accept(from, hit[0], k, '客户');
                break;
              }
            }
          }
        }

        // a list whose other items are masked or polite (感谢来参加的街坊：何*、梁女士、陈伯、邓美玲、罗**):
        // its people are clients, so an unmasked full name among them is a client's. One pass over
        // the items, each a run between enumeration commas.
        if (view.span.text.includes('、')) {
          const src = view.span.text;
          let items: [number, number][] = [];
          const flush = () => {
            // (or that the words after it call clients: 刘美华、何志明、孙丽萍，三位都是我们的老客户)
            const last = items[items.length - 1];
            const calledClients = !!last && last[1] > 0 && CLIENTS_AFTER.test(src.slice(n.end[last[1] - 1]!, n.end[last[1] - 1]! + 24));
            if (items.length >= 3 && (calledClients || items.some(([a, b]) => POLITE.test(t.slice(a, b)) || t.slice(a, b).includes('某') || n.cls[b - 1] === MASK))) {
              for (const [a, b] of items) {
                const len = b - a;
                if (len < 2 || len > 4) continue;
                const sl = compound.has(t.slice(a, a + 2)) ? 2 : surnames.has(t[a]!) ? 1 : 0;
                if (!sl || len - sl < 1 || len - sl > 2) continue;
                let ok = true;
                for (let i = a; i < b; i++) if (n.cls[i] !== CJK) ok = false;
                if (ok && givenRun(n, a + sl, b) && !POLITE.test(t.slice(a, b)) && !honorific.test(t.slice(a + sl, b))) accept(a, sl, b, '名单');
              }
            }
            items = [];
          };
          let a = 0;
          for (let i = 1; i <= t.length; i++) {
            // (an enumeration comma kept beside a mask is an item's end too: 张*、王**、何美玲)
            if (i < t.length && t[i] === '、' && i > a) {
              items.push([a, i]);
              a = i + 1;
              continue;
            }
            if (i < t.length && n.gap[i]! < CLAUSE) continue;
            // an item ends at a clause mark: the list goes on only across an enumeration comma
            items.push([a, i]);
            if (i >= t.length || !src.slice(n.end[i - 1]!, n.start[i]!).includes('、')) flush();
            a = i;
          }
        }

        // @王建华: a name mentioned (the personas' own names pass)
        if (view.span.text.includes('@') || view.span.text.includes('＠')) {
          const src = view.span.text;
          let p = 0;
          for (let i = 0; i < src.length; i++) {
            if (src[i] !== '@' && src[i] !== '＠') continue;
            // (p only moves forward: one pass over the text for all the mentions)
            while (p < t.length && n.start[p]! <= i) p++;
            if (p >= t.length || !/^\s*$/.test(src.slice(i + 1, n.start[p]!))) continue;
            // (a mention ends at the space after it: @王建华 谢谢)
            const hit = nameAt(p, true, WEAK);
            if (hit) accept(p, hit[0], hit[1], '@');
            // (or a client's handle, with letters, digits or _ in it, where the asset calls its people clients: 谢谢
            // @阿May_杭州 的好图 ‖ 照片都是客户自己投稿的)
            else {
              const handle = MENTIONED_HANDLE.exec(src.slice(i + 1, i + 22))?.[0];
              // (not an address's @: service@tongxin-bank.example; nor a handle masked already: @K**; nor a mail
              // domain named on its own: 只会来自 @txbank.com.cn 域名)
              if (handle && !/^\.(com|cn|net|org|gov|edu)(?![A-Za-z])/.test(src.slice(i + 1 + handle.length)) && !/[A-Za-z0-9._%+*＊-]/.test(src[i - 1] ?? '') && /[A-Za-z0-9_]/.test(handle) && /[^\x00-\x7f]|[A-Za-z]/.test(handle) && !/[*＊]/.test(handle) && (clientsNamed ??= views.some((v) => FOREIGN_CLIENT.test(v.span.text))) && !OWN_ACCOUNT.test(handle)) addOnline(view.index, i + 1, handle, '网络账号');
            }
          }
        }

        /**
         * A label ending at normalised `to` that ends its line with a colon (客户姓名：⏎王建华): the
         * first CJK character of the next line (after a list number: 1. 林雪梅), else -1.
         */
        // (a heading that names a list may end its line with no colon: 银发健步走 · 完赛名单⏎陈美玲、吴国栋)
        // (a list's opener may say a few words before its colon: 签到表上头两个名：⏎关永强)
        // (or a note in brackets after its heading: 新钞预约登记（第3批）⏎1. 罗德明 尾号2231)
        const nextLine = (to: number, heading = false, filler = false): number => {
          const src = view.span.text;
          const m = (heading ? /^[ \t\u3000]*[】」』）)\]]?[ \t\u3000]*(?:[（(][^）)\n]{1,10}[）)])?[ \t\u3000]*[:：]?[ \t\u3000]*(\p{Extended_Pictographic}\uFE0F?[ \t\u3000]*)*\r?\n/u : filler ? /^[^\n。！？!?:：]{0,8}[:：][ \t\u3000]*\r?\n/ : /^[ \t\u3000]*[:：][ \t\u3000]*\r?\n/).exec(src.slice(n.end[to - 1]!, n.end[to - 1]! + 20));
          if (!m) return -1;
          const line = n.end[to - 1]! + m[0].length;
          let q = to;
          while (q < t.length && n.start[q]! < line) q++;
          // (past a list number at most: 1. 林雪梅)
          const first = q;
          while (q < t.length && q - first < 8 && n.sentence[q] === n.sentence[first] && n.cls[q] !== CJK && !src.slice(n.start[first]!, n.start[q]!).includes('\n')) q++;
          return q < t.length && n.cls[q] === CJK ? q : -1;
        };
        // 客户王建华: look ahead from the client word; 客户姓名：高明: from a field label
        const ahead = (re: RegExp, loose: boolean) => {
          re.lastIndex = 0;
          if (cannotMatch(re, t)) return;
          for (let m = re.exec(t); m; m = re.exec(t)) {
            let p = m.index + m[0].length;
            if (p >= t.length) continue;
            if (n.gap[p]! > CLAUSE || n.cls[p] !== CJK) {
              const q = nextLine(p);
              if (q >= 0) p = q;
              else if (n.gap[p]! > CLAUSE) continue;
            }
            // (a conjunction right after a label joins another noun: 报出了他的姓名和尾号; so does a plus
            // or a slash: 邮件标题写「姓名+应聘岗位」)
            if (n.gap[p] === 0 && CONJUNCTIONS.has(t[p]!)) continue;
            if (p > 0 && n.gap[p]! > 0 && /[+＋/／&＆|｜]/.test(view.span.text.slice(n.end[p - 1]!, n.start[p]!))) continue;
            // (the client word itself, not an English name after it)
            const context = m[0].replace(/ ?(?<![A-Za-z])[A-Za-z]+ ?$/, '').replace(/(是|为|叫|名叫|写的是|写的|写着|填的是|填的|签的是|签的)$/, '');
            // (after a field label a space ends the name: 客户姓名：陈美华　实发工资)
            let hit = nameAt(p, loose, loose ? WEAK : CLAUSE);
            // (a surname that is also a word, 温 or 常, read as one where the dictionary reads a name: 客户温德贵)
            if (!hit && !loose) {
              const wide = nameAt(p, true);
              if (wide && wide[1] - p === 3 && readsAsName(p, wide[0], wide[1], true)) hit = wide;
            }
            if (hit) accept(p, hit[0], hit[1], context);
            // …or typed one character per line (客户姓名：何⏎晓⏎东): the lines are read together
            // (a few characters of the source are read, not the rest of the text)
            else if (surnameAt(p, true) === 1) {
              const down = /^([\u4e00-\u9fa5])[ \t\u3000]*\r?\n[ \t\u3000]*([\u4e00-\u9fa5])(?:[ \t\u3000]*\r?\n[ \t\u3000]*([\u4e00-\u9fa5]))?(?=[ \t\u3000]*(\r?\n|$))/.exec(view.span.text.slice(n.start[p]!, n.start[p]! + 24));
              const len = down ? (down[3] ? 3 : 2) : 0;
              if (len && t.slice(p, p + len) === down!.slice(1, len + 1).join('') && !honorific.test(t.slice(p + 1, p + len))) accept(p, 1, p + len, context);
            }
          }
        };
        ahead(beforeRe, false);
        if (labelRe) ahead(labelRe, true);
        // 张先生（张建国）, 客户（王秀兰）: the full name in brackets right after the public form
        // (the bracket itself was dropped between two CJK characters: look at the original)
        const src = view.span.text;
        if (src.includes('(') || src.includes('（')) {
          parenRe.lastIndex = 0;
          for (let m = parenRe.exec(t); m; m = parenRe.exec(t)) {
            const p = m.index + m[0].length;
            if (p >= t.length || n.gap[p] === 0) continue;
            const between = src.slice(n.end[p - 1]!, n.start[p]!);
            if (!/[(（]/.test(between)) continue;
            const hit = nameAt(p, true);
            if (hit) accept(p, hit[0], hit[1], m[0]);
          }
          // …and a name glossed as a client's in the brackets after it (🏅 邱家明（客户志愿者）累计服务128小时)
          CLIENT_GLOSS.lastIndex = 0;
          for (let m = CLIENT_GLOSS.exec(t); m; m = CLIENT_GLOSS.exec(t)) {
            // (the bracket opens on the word, or on a word that says what kind of client: （老客户）, not （某客户6月部分流水）)
            let j = m.index;
            while (j > 0 && m.index - j < 2 && n.gap[j] === 0) j--;
            if (j <= 0 || !/^(|老|新|贵宾|我行|本行)$/.test(t.slice(j, m.index)) || !/[(（]/.test(src.slice(n.end[j - 1]!, n.start[j]!))) continue;
            for (const len of [3, 2, 4]) {
              const hit = j - len >= 0 ? nameAt(j - len, false) : undefined;
              if (hit && hit[1] === j) {
                accept(j - len, hit[0], j, m[0]);
                break;
              }
            }
          }
        }

        // a list's line about a person whose name is already masked or in its public form goes on with
        // the list (1. 王** 1人⏎2. 孙阿姨 1人⏎3. 刘建华 2人: the third line's name is read)
        const personItemAt = (q: number): boolean => {
          if (n.cls[q + 1] === MASK) return true;
          const sl = surnameAt(q, false);
          return sl > 0 && (honorific.test(t.slice(q + sl, q + sl + 4)) || CANTONESE_TITLE.test(t.slice(q + sl, q + sl + 2)));
        };
        // 中奖名单：王建国、李秀英、张伟: every name of the list, to the end of the sentence
        // (a list whose opener ends its line with a colon goes on over the lines that start with a name:
        // 名单：⏎林雪梅⏎何志强⏎…)
        if (listRe && listHint!.test(t)) {
          listRe.lastIndex = 0;
          for (let m = listRe.exec(t); m; m = listRe.exec(t)) {
            const end = m.index + m[0].length;
            // (名单和风险等级: the list and something else, no names after it)
            if (end < t.length && n.gap[end] === 0 && CONJUNCTIONS.has(t[end]!)) continue;
            // (a list told of, not given: 回访名单只显示“姓氏+**”和手机前三后四位; 名单不对外公布)
            if (end < t.length && n.gap[end] === 0 && LIST_TOLD_OF.test(t.slice(end, end + 3))) continue;
            let sentence = n.sentence[m.index]!;
            let p = end;
            // (a 接龙 lists people only when it signs them up for something: 水果团购接龙：1. 金桔 3斤 lists fruit)
            if (m[0].includes('接龙') && !JIELONG_PEOPLE.test(t)) continue;
            // (a place in a ranking alone on its line heads the name on the next: 第一名⏎柏文涛⏎第二名⏎伍春燕)
            const heading = /名单|喜报|如下|得主|获奖者|中奖者|观众|嘉宾|接龙|登记|^第.名$|冠军|亚军|季军|等奖/.test(m[0]);
            let first = end < t.length ? nextLine(end, heading, !heading) : -1;
            // (a prize heads its line and may name itself before the colon: 一等奖（电饭煲一台）：⏎王建国)
            if (first < 0 && end < t.length && /^第.名$|冠军|亚军|季军|等奖/.test(m[0])) first = nextLine(end, false, true);
            const overLines = first >= 0;
            // (a 喜报 lists people only as its heading, over the lines below: 放款喜报：本周为23户小微企业发放… is news)
            if (!overLines && m[0].endsWith('喜报')) continue;
            if (overLines) sentence = n.sentence[(p = first)]!;
            let items = 0;
            list: for (;;) {
              while (p < t.length && n.sentence[p] === sentence) {
                // the start of each item: a CJK character after a list mark or a non-CJK character
                const hit = nameAt(p, true, WEAK);
                // (a list a word opens inside a sentence, not a heading, ends at its first item that names no one:
                // 恭喜陈先生和林女士喜结良缘，祝新婚快乐，白头偕老 — the wishes are no names)
                if (!heading && items > 0 && !hit && !personItemAt(p)) break list;
                items++;
                // (a verb before a surname and its title is no name: 祝张哥出入平安; 帮李姐办好了)
                if (hit && hit[1] - p <= 3 && VERB_BEFORE_TITLE.has(t[p]!) && personItemAt(p + 1)) {
                  p++;
                  continue;
                }
                // (a business's name quoted after what it is is no person: 恭喜客户小梅的花店「梅好时光」开张)
                if (hit && !BUSINESS_QUOTED.test(view.span.text.slice(Math.max(0, n.start[p]! - 6), n.start[p]!))) accept(p, hit[0], hit[1], m[0]);
                // to the next item (a masked name is one item: 张*华)
                p++;
                for (;;) {
                  while (p < t.length && n.sentence[p] === sentence && n.cls[p] === CJK && n.gap[p]! < WEAK) p++;
                  if (p < t.length && n.cls[p] === MASK) {
                    while (p < t.length && n.cls[p] === MASK) p++;
                    if (p < t.length && n.cls[p] === CJK && n.gap[p] === 0) continue;
                  }
                  break;
                }
                while (p < t.length && n.sentence[p] === sentence && n.cls[p] !== CJK) p++;
              }
              // the next line goes on with the list when it starts with a name (after its number: 1. 林雪梅)
              if (!overLines || p >= t.length) break;
              let q = p;
              while (q < t.length && n.cls[q] !== CJK && q - p < 8) q++;
              let r = p - 1;
              while (r > end && n.cls[r] !== CJK) r--;
              const between = view.span.text.slice(n.end[r]!, n.start[q]!);
              // (a numbered or bulleted line goes on with it whatever its item: 1. 向日葵🌻 大1小1⏎2. 陈美玲 大1小2)
              const numbered = MARKED_LINE.test(between);
              if (q >= t.length || n.cls[q] !== CJK || !between.includes('\n') || !(numbered || nameAt(q, true, WEAK) || personItemAt(q))) break;
              sentence = n.sentence[q]!;
              p = q;
            }
          }
        }

        // a sign-up list's numbered or bulleted lines (接龙 ‖ 1. 向日葵🌻 大1小1⏎2. 陈美玲 大1小2; 签到：⏎…⏎4. 钱文斌): each line
        // whose item is a whole full name, set apart from what follows it, names someone — whatever the other lines hold
        const simple = simpleSource(view.norm);
        if (SIGN_UP.test(simple) && JIELONG_PEOPLE.test(simple) && !STAFF_LIST.test(simple.replace(/小伙伴/g, ''))) {
          const src = view.span.text;
          for (const line of src.matchAll(NUMBERED_ITEM)) {
            const at = line.index! + line[0].length;
            const q = lowerBound(n.start, at);
            if (q >= t.length || n.start[q] !== at || n.cls[q] !== CJK) continue;
            const hit = nameAt(q, false, WEAK);
            if (!hit) continue;
            const [sl, to] = hit;
            // (the item ends at the name: a space, a mark, a count or the line's end after it — not 糖糖妈, 向日葵)
            if (to < t.length && n.gap[to] === 0 && n.cls[to] === CJK) continue;
            if (!readsAsName(q, sl, to)) continue;
            accept(q, sl, to, '名单');
          }
        }

        /**
         * The names of a list of people (each [from, surname length, to]) found by its form, not by a heading, reported
         * with `context`: three or more, not one surname over and over (莫听、莫转、莫信 is a row of words), and not the
         * staff's own (`heading`, the words before the list: 本月寿星：…; 值班同事⏎…).
         */
        const acceptPeople = (run: [number, number, number][], heading: string, context: string) => {
          const surnames = new Set(run.map(([a, sl]) => t.slice(a, a + sl)));
          if (run.length >= 3 && surnames.size * 2 > run.length && !STAFF_LIST.test(heading)) for (const [a, sl, b] of run) accept(a, sl, b, context);
        };
        // a run of three or more full names set apart by 、, whatever heads it (给我们写卡片的客户：温雅琪、杜永康、钟小燕、石磊):
        // people listed (each read strictly, no surname that is also a word: 高收益、低风险、零门槛 holds none)
        if (t.length > 8 && view.span.text.includes('、')) {
          const src = view.span.text;
          for (let p = 0; p < t.length; ) {
            if (p > 0 && n.gap[p] === 0) {
              p++;
              continue;
            }
            const run: [number, number, number][] = [];
            let q = p;
            for (;;) {
              // (a surname that is also a word counts when the dictionary reads a name there: 温雅琪)
              const strict = nameAt(q, false, WEAK);
              const loose = strict ? undefined : nameAt(q, true, WEAK);
              const hit = strict ?? (loose && readsAsName(q, loose[0], loose[1]) ? loose : undefined);
              if (!hit || hit[1] - q < 2 || hit[1] - q > 3) break;
              run.push([q, hit[0], hit[1]]);
              q = hit[1];
              if (q >= t.length || src.slice(n.end[q - 1]!, n.start[q]!).trim() !== '、') break;
            }
            // (named by the words that head the list, when a colon sets it apart: 客户：)
            const head = p > 0 && /^[\s]*[:：]/.test(src.slice(n.end[p - 1]!, n.start[p]!)) ? t.slice(Math.max(0, p - 4), p).replace(/^[^\u4e00-\u9fa5]+/, '') : '';
            let h = p;
            while (h > 0 && p - h < 12 && n.sentence[h - 1] === n.sentence[p]) h--;
            acceptPeople(run, t.slice(h, p), head || '并列的姓名');
            p = Math.max(p + 1, run.length ? run[run.length - 1]![2] : p + 1);
          }
        }

        // three or more lines that each hold a full name and a figure alone (a results list: 张建华 1:38:22⏎刘梦婷 1:52:10⏎…):
        // people listed with their times, scores or distances
        if (t.length > 8 && view.span.text.includes('\n')) {
          const src = view.span.text;
          let run: [number, number, number][] = [];
          const flush = () => {
            // (its heading: the line or two above it)
            const headAt = run.length ? n.start[run[0]![0]]! : 0;
            acceptPeople(run, src.slice(Math.max(0, headAt - 30), headAt), '成绩名单');
            run = [];
          };
          for (let q = 0; q < t.length; q++) {
            const at = n.start[q]!;
            // (only where a line starts: a line break between the character before and this one)
            // (a list mark or a medal may stand before it: 🥇 张建华; read at most 8 characters back, so a long line stays linear)
            if (at > 0) {
              const back = src.slice(Math.max(0, at - 8), at);
              const nl = back.lastIndexOf('\n');
              if (nl < 0 || /[\u4e00-\u9fff0-9A-Za-z]/.test(back.slice(nl + 1))) continue;
            }
            const strict = nameAt(q, false, WEAK);
            const e = strict ? n.end[strict[1] - 1]! : -1;
            const eol = e < 0 ? -1 : src.indexOf('\n', e);
            const rest = e < 0 ? '' : src.slice(e, eol < 0 ? src.length : eol);
            if (strict && strict[1] - q >= 2 && strict[1] - q <= 3 && /^[\s:：·|｜\-—]*[0-9][0-9:：.'"′″hmsHMS分秒公里kmKM次个分 \t]*$/.test(rest)) run.push([q, strict[0], strict[1]]);
            else flush();
          }
          flush();
        }

        // the names that open at these places of the source (each line's speaker, each register entry's
        // signer, each line of a list), where `fits` says the name read there is one; by default a surname
        // that is also a word (常 or 温) counts, and the dictionary decides (readsAsName)
        const namesAt = (offsets: number[], context: string, fits: (hit: [number, number], q: number) => boolean, read = (q: number) => nameAt(q, false) ?? nameAt(q, true)) => {
          let q = 0;
          for (const at of offsets) {
            while (q < t.length && n.start[q]! < at) q++;
            if (q >= t.length || n.start[q] !== at) continue;
            const hit = read(q);
            if (hit && fits(hit, q) && readsAsName(q, hit[0], hit[1])) accept(q, hit[0], hit[1], context);
          }
        };

        // a list whose lines open with masked names (王** 138****2231⏎陈* 159****0876⏎赵德明 186****3392): a line
        // of the same form opening with a name in full is one more client, the one left unmasked
        // (its items may stand on one line between bars, and be masked by a polite form: 陈建平 拦截5万元｜刘女士 拦截2万元｜马大爷 拦截12万元)
        if (/[\n｜|]/.test(view.span.text) && (view.span.text.includes('*') || POLITE_ITEM.test(view.span.text))) {
          const src = view.span.text.replace(/[｜|]/g, '\n');
          let masked = 0;
          const opens: number[] = [];
          for (const m of src.matchAll(LIST_LINE)) {
            if (m[2]) masked++;
            else opens.push(m.index! + m[1]!.length);
          }
          if (masked >= 2 && opens.length) namesAt(opens, '名单', (hit, q) => twoOrThree(hit, q) && (n.end[hit[1] - 1]! >= src.length || /[\s　（(]/.test(src[n.end[hit[1] - 1]!]!)), (q) => nameAt(q, false));
        }

        // a text of names alone (a badge: 刘桂芳 · 何志明 · 邓小燕; numbered lines: 1. 王建华⏎2. 李秀英) where another
        // text of the asset heads the list (剪纸比赛获奖名单; 冠军榜): every name of it, as a list's items are read
        if (listHeaded && (NAMES_ALONE.test(view.span.text) || NUMBERED_NAMES.test(view.span.text)) && !(listRe!.lastIndex = 0, listRe!.test(t))) {
          for (let p = 0; p < t.length; ) {
            const hit = nameAt(p, true, WEAK);
            if (hit && readsAsName(p, hit[0], hit[1])) accept(p, hit[0], hit[1], '名单');
            while (p < t.length && n.cls[p] === CJK && n.gap[p + 1] === 0) p++;
            p++;
            while (p < t.length && n.cls[p] !== CJK) p++;
          }
        }
        // …or lines that each give a short label and then names (暑期托管班 点名表 ‖ 一年级：黄子轩、许安然⏎二年级：郑雨桐;
        // 本周上门认证安排 ‖ 周二：吴桂兰、钱德福⏎周三：郑秀珍): the names after each label, never the label (周二)
        else if (listHeaded && LABELLED_NAMES.test(view.span.text) && !(listRe!.lastIndex = 0, listRe!.test(t))) {
          const src = view.span.text;
          const starts: number[] = [];
          for (const line of src.matchAll(LABELLED_LINE)) {
            let at = line.index! + line[1]!.length;
            for (const name of line[2]!.split(/[、，,]/)) {
              starts.push(at + (name.length - name.trimStart().length));
              at += name.length + 1;
            }
          }
          namesAt(starts, '名单', twoOrThree, (q) => nameAt(q, true, WEAK));
        }
        // …or lines that each open with a name (after a number or not) and go on with a figure (开门红签单光荣榜 ‖ 赵雅琴 年交20万⏎孙国栋 年交15万;
        // 低碳达人榜 ‖ 1. 陈美玲 12860分):
        // the name that opens each line
        else if (listHeaded && NAME_LINES.test(view.span.text) && !(listRe!.lastIndex = 0, listRe!.test(t))) {
          const src = view.span.text;
          const opens: number[] = [];
          for (let at = 0; at < src.length; ) {
            const m = LINE_NUMBER.exec(src.slice(at, at + 8))!;
            opens.push(at + m[0].length);
            const nl = src.indexOf('\n', at);
            if (nl < 0) break;
            at = nl + 1;
          }
          namesAt(opens, '名单', () => true, (q) => nameAt(q, true, WEAK));
        }

        // a table whose header names a column of people (| 序号 | 姓名 | 签到 |; | 车位 | 预约人 | 车牌 |): the cell of
        // that column in every row below (| 2 | 刘桂芳 | ✓ |)
        if (/[|｜]/.test(view.span.text) && TABLE_PEOPLE_HEAD.test(view.span.text)) {
          const src = view.span.text;
          const starts: number[] = [];
          let column = -1;
          for (let at = 0; at < src.length; ) {
            let nl = src.indexOf('\n', at);
            if (nl < 0) nl = src.length;
            const line = src.slice(at, nl);
            if (/^\s*[|｜]/.test(line)) {
              const cells = line.split(/[|｜]/);
              if (column < 0) column = cells.findIndex((c) => TABLE_PEOPLE_CELL.test(c));
              else if (column > 0 && column < cells.length && !/^[\s:：\-—]*$/.test(cells[column]!)) {
                // (the cell's first character: the columns before it and their bars)
                let off = at;
                for (let k = 0; k < column; k++) off += cells[k]!.length + 1;
                off += cells[column]!.length - cells[column]!.trimStart().length;
                starts.push(off);
              }
            } else column = -1;
            at = nl + 1;
          }
          if (starts.length) namesAt(starts, '表格', () => true, (q) => nameAt(q, true, WEAK));
        }

        // a full name right before a way to reach them (谢文静 QQ 2873641950; 王建华电话：139…): whose contact it is
        {
          const src = view.span.text;
          CONTACT_AT.lastIndex = 0;
          for (let m = CONTACT_AT.exec(t); m; m = CONTACT_AT.exec(t)) {
            const h = m.index;
            // (the label is followed by its value: digits or an account name)
            if (!/^\s*[:：]?\s*[0-9A-Za-z０-９]/.test(src.slice(n.end[h + m[0].length - 1]!))) continue;
            let end = h;
            while (end > 0 && t[end - 1] === ' ') end--;
            for (const len of [3, 2, 4]) {
              const from = end - len;
              // (the name starts a phrase: nothing of its word before it)
              if (from < 0 || n.cls[from] !== CJK || (from > 0 && n.gap[from] === 0 && n.cls[from - 1] === CJK)) continue;
              const sl = surnameAt(from, false);
              if (!sl || len - sl < 1 || len - sl > 2 || !givenRun(n, from + sl, end) || honorific.test(t.slice(from + sl, end))) continue;
              // (not 网点电话, 家里电话)
              if (!readsAsName(from, sl, end)) continue;
              accept(from, sl, end, '联系方式');
              break;
            }
          }
        }

        let filledForm: boolean | undefined;
        // a client's WeChat ID (想跟阿芬姐学拍照，加她微信：afen0719hz): whose it is says the words just
        // before it — a third person or a client word, never the writer's, the bank's or a staff member's own
        {
          // (an ID read from a scan, letters for digits, is the same ID: QQ：8B3O5l267)
          const src = ocrDigits(view.span.text);
          if (/微信|v信|薇信|威信|wx|vx|wechat|qq|抖音|快手|小红书|视频号|微博|b站|instagram|IG|LINE/i.test(src)) {
            // (IDs that open two lines or more are a list of people: 微信 lily_tianhe：5次⏎微信 ahuang1988：4次)
            const opensLine = (at: number) => /(?:^|\n)[ \t]*(?:\d{1,2}[.、．]\s*)?$/.test(src.slice(Math.max(0, at - 6), at));
            const ids = [...src.matchAll(ONLINE_ID)];
            const lineOpeners = ids.filter((m) => opensLine(m.index)).length;
            for (const m of ids) {
              const before = src.slice(Math.max(0, m.index - 32), m.index);
              // (or a name opening the line, its ID in brackets after it: 钱德福（wx：qiandefu66）; 刘**（抖音号：…）;
              // or a name the reader is told to add: 报名请加吴建国微信)
              // (or one written on a form a client filled in — 开户申请书 ‖ QQ：2865310947 — or in a note or a message a
              // client wrote, quoted: 小纸条：“…QQ 2847561930 有空加我…”)
              const quoted = quotedOnLine(src, m.index);
              const listed =
                (opensLine(m.index) && (filledForm ??= views.some((v) => FILLED_FORM.test(v.span.text)))) ||
                quoted ||
                /(?:^|\n)[ \t]*[\u4e00-\u9fa5]{1,3}[*＊]{0,3}[ \t]*[（(]$/.test(src.slice(Math.max(0, m.index - 12), m.index)) ||
                /加[\u4e00-\u9fa5]{2,3}的?\s*$/.test(before) ||
                (lineOpeners >= 2 && opensLine(m.index)) ||
                // (or on a numbered line of a sign-up list, after whoever signed: 接龙 ‖ 4. Lily 微信号：lily_hz0921)
                (/(?:^|\n)[ \t]*\d{1,3}[.、．)）][^\n]{0,16}$/.test(before) && SIGN_UP.test(src));
              // (or a person the ID is said of, right after it: 微信號 kevin_lau1988 嘅朋友)
              const ownerAfter = OWNER_AFTER.test(src.slice(m.index + m[0].length, m.index + m[0].length + 8));
              // (the writer's own, unless a third person stands between: 让我们加他QQ 834527716)
              const own = OWN_OWNER.exec(before);
              // (inside a client's quoted words, 我 is the client: 「你加我QQ，四七二八…」)
              const ownId = !!own && !quoted && !/(他|她|佢|对方|客户|客戶)/.test(before.slice(own.index + own[1]!.length));
              if ((!listed && !ownerAfter && !CLIENT_OWNER.test(before)) || ownId) continue;
              // (the bank's own account: 官方抖音号, 同心银行的视频号)
              if (OWN_ACCOUNT.test(src.slice(Math.max(0, m.index - 8), m.index))) continue;
              // (a group's owner is a client's unless the asset names a member of staff as its owner)
              if (/群主[^，。！？\n]{0,4}$/.test(before) && staffOwnsGroup()) continue;
              const id = (m[2] ?? m[3] ?? m[4])!;
              addOnline(view.index, m.index + m[0].length - id.length, id, platformOf(m[1]!));
            }
          }
        }

        // a client picked out by a named workplace and the one post in it (上周来的那位——杭州市求是路实验小学的现任校长;
        // 上星期嚟咗位廣州市天河區華瑞實驗小學嘅教導主任): who it is, as surely as a name
        // (a word for the workplace first: the full pattern is read only where one stands)
        if (WORKPLACES.test(view.span.text)) {
          const src = view.span.text;
          POST_HELD.lastIndex = 0;
          for (let m = POST_HELD.exec(src); m; m = POST_HELD.exec(src)) {
            // (the cue may stand inside what the place's words took in: 嚟咗位廣州市…)
            if (!POST_CLIENT.test(src.slice(Math.max(0, m.index - 12), m.index + m[1]!.length))) continue;
            const masked = `某${m[2]!}${m[4]!}`;
            hits.push({ view: view.index, from: m.index, to: m.index + m[0].length, excerpt: masked, fix: masked, data: { masked, context: '单位与职务' } });
          }
        }

        // a nickname quoted after its label, with a full name as one of its parts (群昵称「黄美玲（天河）」; 昵称叫「华峰建材-冯志刚」;
        // 「锦江区人民医院-护士长-唐雪梅」): the name is a part of two or three characters set apart by a dash, a bracket
        // or a space — not a surname with an honorific (「6栋-刘阿姨」)
        if (/昵称|暱稱|群名片|网名|網名|用户|用戶|视频号|視頻號/.test(view.span.text)) {
          const src = view.span.text;
          const parts: number[] = [];
          for (const m of src.matchAll(NICKNAME)) {
            const inner = m[2]!;
            const base = m.index! + m[0].length - inner.length - 1;
            for (const seg of inner.matchAll(/[^-－—–·•()（）\s|_/、]+/g)) {
              const w = seg[0];
              if (/^[\u4e00-\u9fa5]{2,3}$/.test(w) && !POLITE.test(w)) parts.push(base + seg.index!);
            }
          }
          if (parts.length) namesAt(parts, '昵称', twoOrThree);
        }

        // a note or a message signed with a full name — 吴佩琳 2024.3.8; 陈美玲 留; ——钱国栋总经理” — whoever wrote it
        if (/留|敬上|谨上|[—–]|\d{4}[.\-/年]/.test(view.span.text)) {
          const src = view.span.text;
          const signed: number[] = [];
          // (a name closed by a word of respect is a name whatever the dictionary knows of it: 郑子豪 敬上)
          const respectful: number[] = [];
          for (const m of src.matchAll(SIGNATURE)) (/敬上|谨上|拜上/.test(m[0]) ? respectful : signed).push(m.index! + m[0].lastIndexOf((m[1] ?? m[2])!));
          if (signed.length) namesAt(signed, '署名', twoOrThree, (q) => nameAt(q, false));
          if (respectful.length) namesAt(respectful, '署名', twoOrThree, (q) => nameAt(q, true, WEAK));
        }

        // a register kept line by line, each entry signed with a dash and a full name (11月20日 借出1把 —— 谢国平⏎
        // 11月21日 借出2把 —— 骆春梅): at least two lines end so, and each such name is named
        if (/[—–]/.test(view.span.text)) {
          const src = view.span.text;
          const signed: number[] = [];
          REGISTER_LINE.lastIndex = 0;
          for (let m = REGISTER_LINE.exec(src); m; m = REGISTER_LINE.exec(src)) signed.push(m.index + m[0].length - m[1]!.length);
          if (signed.length >= 2) namesAt(signed, '登记', (hit, q) => hit[1] - q >= 2);
        }

        // a table kept row by row, a full name as one of its columns (09:30  刘卫东  对公开户咨询⏎10:15  孙美华  养老金账户;
        // 张建国 2000元⏎刘美华 1000元): three rows or more so, each read strictly as a name
        if (/[ \t\u3000]/.test(view.span.text) && view.span.text.includes('\n')) {
          const src = view.span.text;
          const rows: number[] = [];
          COLUMN_LINE.lastIndex = 0;
          for (let m = COLUMN_LINE.exec(src); m; m = COLUMN_LINE.exec(src)) rows.push(m.index + m[0].indexOf(m[1]!));
          if (rows.length >= 3) namesAt(rows, '名单', twoOrThree, (q) => nameAt(q, false));
        }

        /**
         * An item of a list of names (its original offset and length) as a whole name: [normalised start, surname
         * length, end], or undefined. `spaced`: items set apart by spaces, bullets or lines, read as loosely as a list's
         * items are; else joined by 、, where a name may carry whose kin it is (刘德明夫人, 唐志军女儿).
         */
        const itemName = ({ at, length }: { at: number; length: number }, spaced: boolean): [number, number, number] | undefined => {
          const q = lowerBound(n.start, at);
          const hit = q < t.length && n.start[q] === at ? (spaced ? nameAt(q, true, WEAK) : nameAt(q, false)) : undefined;
          if (!hit || (hit[1] - q !== length && (spaced || !KIN_AFTER.test(view.span.text.slice(n.end[hit[1] - 1]!, at + length)))) || !readsAsName(q, hit[0], hit[1])) return undefined;
          return [q, hit[0], hit[1]];
        };
        /** Every item of a list named, when each is a whole name — or none, when one is not (the list is of something else: 高收益、低门槛、秒到账). */
        const acceptSeries = (items: { at: number; length: number }[], spaced: boolean) => {
          const whole: [number, number, number][] = [];
          for (const item of items) {
            // (a masked name among them is a name already shown as it may be: 赵婉清、钱立军、孙**三位客户; and so is a polite
            // one: 刘*　陈**　张雅婷　何先生　吴女士)
            const shown = view.span.text.slice(item.at, item.at + item.length);
            if (MASKED_ITEM.test(shown) || POLITE_WHOLE.test(shown)) continue;
            const w = itemName(item, spaced);
            if (!w) return;
            whole.push(w);
          }
          for (const [q, sl, to] of whole) accept(q, sl, to, '名单');
        };

        // three or more full names joined by 、 on a line that speaks of people (孙丽萍、何建军、邓小燕，恭喜三位！): each
        // item that is a whole name is named
        if (view.span.text.includes('、')) {
          const src = view.span.text;
          NAME_SERIES.lastIndex = 0;
          for (let m = NAME_SERIES.exec(src); m; m = NAME_SERIES.exec(src)) {
            // (its line read a bounded way around it: a text of one endless line stays linear)
            const end = m.index + m[0].length;
            const before = src.slice(Math.max(0, m.index - 24), m.index);
            const after = src.slice(end, end + 24);
            // (a list on a line of its own is read with the lines around it: 名单出炉啦👏⏎陈建国、刘秀英、黄子轩⏎请以上客户…)
            const lineBefore = before.slice(before.lastIndexOf('\n') + 1);
            const lineAfter = after.split('\n', 1)[0]!;
            if (!PEOPLE_CUE.test((HAS_CJK.test(lineBefore) ? lineBefore : before) + m[0] + (HAS_CJK.test(lineAfter) ? lineAfter : after))) continue;
            const items: number[] = [];
            for (let at = m.index, k = 0; k < 12; k++) {
              items.push(at);
              const next = src.indexOf('、', at);
              if (next < 0 || next >= m.index + m[0].length) break;
              at = next + 1;
            }
            // (every item a whole name, or the list is of something else: 高收益、低门槛、秒到账; 早安、收到、谢谢、莫慌)
            acceptSeries(items.map((at, k) => ({ at, length: (k + 1 < items.length ? items[k + 1]! - 1 : end) - at })), false);
          }
          // …or two or more people each told by what they do (商户朋友：卖烤冷面的赵春梅、做糖画的孙德旺、开咖啡车的吴嘉豪): the
          // name after each item's 的, every one a whole name
          DESCRIBED_SERIES.lastIndex = 0;
          for (let m = DESCRIBED_SERIES.exec(src); m; m = DESCRIBED_SERIES.exec(src)) {
            const before = src.slice(Math.max(0, m.index - 24), m.index);
            if (!PEOPLE_CUE.test(before) && !FRIENDS_CUE.test(before)) continue;
            const items: { at: number; length: number }[] = [];
            let at = m.index;
            for (const part of m[0].split('、')) {
              const of = part.lastIndexOf('的') + 1;
              items.push({ at: at + of, length: part.length - of });
              at += part.length + 1;
            }
            acceptSeries(items, false);
          }
        }

        // …or three or more set apart by spaces on a line (恭喜以下邻居…：⏎李淑珍　陈建国　吴美兰　郑海涛), or each alone on a
        // bulleted line (抽中的三位观众👏⏎🎉 陈建华⏎🎉 刘美玲⏎🎉 赵子轩): where the words around speak of people, and
        // every item is a whole name
        if (/[\s\u3000]/.test(view.span.text)) {
          const src = view.span.text;
          for (const re of [SPACED_SERIES, BULLETED_NAMES, ANNOUNCED_NAMES]) {
            re.lastIndex = 0;
            for (let m = re.exec(src); m; m = re.exec(src)) {
              const body = m[1] ?? m[0];
              const from = m.index + m[0].length - body.length;
              const to = from + body.length;
              const before = src.slice(Math.max(0, from - 40), from);
              if (!PEOPLE_CUE.test(before.slice(Math.max(0, before.lastIndexOf('\n', before.length - 2))) + src.slice(to, to + 24).split('\n', 2).join(''))) continue;
              const items: { at: number; length: number }[] = [];
              ITEM.lastIndex = 0;
              for (let k = ITEM.exec(body); k; k = ITEM.exec(body)) items.push({ at: from + k.index, length: k[0].length });
              // (names announced line by line end at the first line that is not one: 范志鹏！！⏎恭喜恭喜)
              const end = re === ANNOUNCED_NAMES ? items.findIndex((x, k) => k > 0 && !itemName(x, true)) : -1;
              acceptSeries(end < 0 ? items : items.slice(0, end), true);
            }
          }
        }

        // a dialogue written out (群聊截图转文字：⏎徐桂英：收到，谢谢小杨！⏎小杨：好的阿姨…): at least two lines
        // open with a speaker and a colon, and a speaker given by full name is named
        if (SPEAKER_HINT.test(view.span.text)) {
          const src = view.span.text;
          const speakers: number[] = [];
          SPEAKER.lastIndex = 0;
          for (let m = SPEAKER.exec(src); m; m = SPEAKER.exec(src)) speakers.push(m.index + m[0].length - m[2]!.length);
          // (the name is the whole label: 徐桂英：, not 徐经理说：; and no word: 林业：, 何时：, 申购费： are labels)
          // (nor a president called by surname and 行, as staff call their 行长: 黄行：客户问…)
          if (speakers.length >= 2) namesAt(speakers, '对话', (hit, q) => /^\s*[：:]/.test(src.slice(n.end[hit[1] - 1]!)) && !(hit[1] - q === 2 && t[hit[1] - 1] === '行'));
        }

        // a letter's signature: a dash and a full name closing a quotation or a line, where the texts speak
        // of a letter or a note (「…让我的养老钱没被骗走。——万淑芬」); a famous saying's author is a public figure
        // (the writer may first say who they are, and close with a word of respect: ——你们的老客户 何秀兰 敬上)
        // (or after the word for it: 落款工工整整：何桂兰)
        // (or on its own line under the letter's 此致⏎敬礼)
        if (aboutLetter && /[—–―]|落款|署名|敬礼/.test(view.span.text)) {
          for (let i = 1; i < t.length; i++) {
            if (!n.gap[i] || n.cls[i] !== CJK) continue;
            const signed = SIGNED.test(view.span.text.slice(Math.max(0, n.start[i]! - 12), n.start[i]!));
            if (!signed && !/[—–―]\s*$/.test(view.span.text.slice(n.end[i - 1]!, n.start[i]!))) continue;
            const j = i + (SIGNER.exec(t.slice(i, i + 12))?.[0].length ?? 0);
            // (a signature is a name whatever its surname: 万, 高, 金 too; the name ends its line or the
            // quotation, after a word of respect if there is one; after 落款：, a comma and the date may follow)
            const closes = (e: number) => {
              const end = e + (CLOSING.exec(t.slice(e, e + 3))?.[0].length ?? 0);
              return end === t.length || (signed ? /^\s*([」”』"'）)，,。.；;]|\r?\n|$)/ : /^\s*([」”』"'）)]|\r?\n|$)/).test(view.span.text.slice(n.end[end - 1]!, n.end[end - 1]! + 2));
            };
            const sl = surnameAt(j, true);
            const given = !sl || honorific.test(t.slice(j + sl, j + sl + 4)) ? 0 : [2, 1].find((g) => j + sl + g <= t.length && givenRun(n, j + sl, j + sl + g) && closes(j + sl + g));
            if (sl && given) accept(j, sl, j + sl + given, '署名');
          }
        }

        // a name's pinyin right after the name in characters, in brackets or not (林逋（Lin Bu）; 断桥 Duan Qiao
        // on a bilingual map): a gloss, judged where the characters stand
        const glossed = (at: number, joined: string): boolean => {
          const [a] = orig(view, at, at + 1);
          const g = /(?<![\u4e00-\u9fa5])([\u4e00-\u9fa5]{2,})\s*[（(]?\s*$/.exec(view.span.text.slice(Math.max(0, a - 8), a))?.[1];
          return !!g && [2, 3, 4].some((k) => k <= g.length && pinyinOf(g.slice(-k)).join('') === joined);
        };
        // (or a persona's name in characters right after it, whatever the romanisation: Lin Ka-yan 林嘉欣)
        const personaAfter = (end: number): boolean => glossedByPersona(view.span.text, orig(view, end - 1, end)[1], personas);
        // Zhang Wei / ZHANG Wei / Wang Jianguo: a pinyin surname, then a given name of one or two syllables
        if (pinyinSurnames.size && /[A-Z]/.test(t)) {
          PINYIN_NAME.lastIndex = 0;
          for (let m = PINYIN_NAME.exec(t); m; m = PINYIN_NAME.exec(t)) {
            const sur = m[1]!.toLowerCase();
            const given = m[2]!.toLowerCase();
            if (!pinyinSurnames.has(sur) || pinyinNot.has(`${sur} ${given}`) || personaPinyin.has(sur + given) || figurePinyin(sur + given) || glossed(m.index, sur + given) || personaAfter(m.index + m[0].length)) {
              PINYIN_NAME.lastIndex = m.index + m[1]!.length;
              continue;
            }
            const syllables = pinyinSyllableCount(given);
            if (syllables < 1 || syllables > 2 || syllableRun(t, m.index, m.index + m[0].length) >= 4) {
              PINYIN_NAME.lastIndex = m.index + m[1]!.length;
              continue;
            }
            const masked = `${m[1]} *`;
            const [a, b] = orig(view, m.index, m.index + m[0].length);
            hits.push({ view: view.index, from: a, to: b, excerpt: masked, fix: masked, data: { masked, context: '拼音姓名' } });
          }
        }
        // an English given name with a Chinese surname, either way round (Amy 王 今天来开户; 王 Amy 的通行证)
        if (/[A-Z][a-z]{2}/.test(t)) {
          for (const re of [EN_GIVEN_SURNAME, SURNAME_EN_GIVEN]) {
            re.lastIndex = 0;
            for (let m = re.exec(t); m; m = re.exec(t)) {
              const last = re === EN_GIVEN_SURNAME;
              const given = last ? m[1]! : m[2]!;
              const sur = last ? m[2]! : m[1]!;
              if (!surnames.has(sur) || EN_TITLES.has(given.toLowerCase()) || isPersona(given)) continue;
              // (the surname stands alone: a mark or a dropped space, not a word, on its other side)
              const beside = last ? m.index + m[0].length : m.index - 1;
              const edge = last ? m.index + m[0].length : m.index;
              if (beside >= 0 && beside < t.length && n.cls[beside] === CJK && !(n.gap[edge]! > 0)) continue;
              const masked = last ? `* ${sur}` : `${sur} *`;
              const [a, b] = orig(view, m.index, m.index + m[0].length);
              hits.push({ view: view.index, from: a, to: b, excerpt: masked, fix: masked, data: { masked, context: '英文名' } });
            }
          }
        }
        // an English given name with a romanised surname (多謝街坊 Kelvin Fung; thanks to our neighbour Jenny
        // Tan), where the sentence thanks or names a neighbour or a client
        if (/[A-Z][a-z]{2,9} [A-Z][a-z]/.test(t) && EN_CLIENT_CONTEXT.test(view.span.text)) {
          EN_FULL.lastIndex = 0;
          for (let m = EN_FULL.exec(t); m; m = EN_FULL.exec(t)) {
            const given = m[1]!;
            const sur = m[2]!.toLowerCase();
            if (!(ROMAN_SURNAMES.has(sur) || pinyinSurnames.has(sur)) || EN_TITLES.has(given.toLowerCase()) || isPersona(given) || personaPinyin.has(given.toLowerCase() + sur)) continue;
            // (a public figure known by an English name: Jackie Chan, Bruce Lee; a place: Hong Kong; a member of staff: Kevin Chan（大堂经理）)
            if (foreign.figures.has(`${given.toLowerCase()} ${sur}`) || pinyinNot.has(`${given.toLowerCase()} ${sur}`)) continue;
            if (FOREIGN_STAFF_AFTER.test(toSimplified(view.span.text.slice(n.end[m.index + m[0].length - 1]!, n.end[m.index + m[0].length - 1]! + 20)))) continue;
            if (FOREIGN_STAFF_BEFORE.test(toSimplified(view.span.text.slice(Math.max(0, n.start[m.index]! - 16), n.start[m.index]!)))) continue;
            if (!EN_CLIENT_CONTEXT.test(sentenceAt(n, m.index))) continue;
            const masked = `${given} *`;
            const [a, b] = orig(view, m.index, m.index + m[0].length);
            hits.push({ view: view.index, from: a, to: b, excerpt: masked, fix: masked, data: { masked, context: '英文名' } });
          }
        }
        // a name in Cantonese romanisation, surname first (一等獎：Chan Tai Man; thank you, ho wing sze), where the
        // text lists winners or thanks a neighbour or a client
        // (not where the text names a persona, or a persona by given name: their own name romanised, 黄志强 ‖ Wong
        // Chi Keung; 同事叫我嘉欣 ‖ Lam Ka Yan)
        // (a Cantonese surname, its three syllables no persona's: the name masked after its surname)
        const cantoneseNames = (re: RegExp, keep: (m: RegExpExecArray) => boolean) => {
          re.lastIndex = 0;
          for (let m = re.exec(t); m; m = re.exec(t)) {
            const sur = m[1]!.toLowerCase();
            if (!ROMAN_SURNAMES.has(sur) || personaPinyin.has(`${sur}${m[2]!.toLowerCase()}${m[3]!.toLowerCase()}`) || isPersona(m[0]) || !keep(m)) continue;
            const masked = `${m[1]} *`;
            const [a, b] = orig(view, m.index, m.index + m[0].length);
            hits.push({ view: view.index, from: a, to: b, excerpt: masked, fix: masked, data: { masked, context: '粤拼姓名' } });
          }
        };
        if (/(?<![A-Za-z])[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}/.test(t) && (EN_CLIENT_CONTEXT.test(view.span.text) || PRIZE_CONTEXT.test(view.span.text)) && !personas.some((p) => p.length >= 2 && (t.includes(p) || (p.length >= 3 && t.includes(p.slice(-2))))))
          cantoneseNames(ROMAN_FULL, (m) => {
            // (same case throughout: Chan Tai Man, ho wing sze — not a sentence's words)
            const words = [m[1]!, m[2]!, m[3]!];
            if (!(words.every((w) => /^[A-Z][a-z]+$/.test(w)) || words.every((w) => /^[a-z]+$/.test(w)) || words.every((w) => /^[A-Z]+$/.test(w)))) return false;
            return !words.some((w) => EN_TITLES.has(w.toLowerCase()) || EN_WORDS.has(w.toLowerCase()));
          });
        // (or the surname in capitals and the given name's syllables joined by a hyphen, as a Hong Kong card writes it: WONG Siu-ming)
        if (/(?<![A-Z])[A-Z]{2,} [A-Z][a-z]{1,5}[ -][a-z]/.test(t) && (EN_CLIENT_CONTEXT.test(view.span.text) || PRIZE_CONTEXT.test(view.span.text) || FOREIGN_CUE.test(view.span.text))) cantoneseNames(ROMAN_HYPHEN, () => true);
        // a name in pinyin written as one word before an honorific (#谢谢wuyuefen阿姨#): a surname's syllable,
        // then one or two more
        if (pinyinSurnames.size && /[a-z]{4}/.test(t)) {
          PINYIN_RUN.lastIndex = 0;
          for (let m = PINYIN_RUN.exec(t); m; m = PINYIN_RUN.exec(t)) {
            const run = m[1]!;
            let ok = false;
            for (let k = 1; k <= 5 && k < run.length && !ok; k++) {
              if (!pinyinSurnames.has(run.slice(0, k))) continue;
              const rest = pinyinSyllableCount(run.slice(k));
              ok = rest >= 1 && rest <= 2 && !personaPinyin.has(run);
            }
            if (!ok) continue;
            const masked = `${run.slice(0, 2)}***`;
            const [a, b] = orig(view, m.index, m.index + run.length);
            hits.push({ view: view.index, from: a, to: b, excerpt: masked, fix: masked, data: { masked, context: '拼音姓名' } });
          }
        }
        // zhang xiao ming 先生 / 客户姓名：li hua — in any case, a syllable at a time, where an honorific
        // follows or a client label stands before (what the capitalised form above does not need)
        if (pinyinSurnames.size && /[a-z]\s+[a-z]/i.test(t)) {
          PINYIN_LOOSE.lastIndex = 0;
          for (let m = PINYIN_LOOSE.exec(t); m; m = PINYIN_LOOSE.exec(t)) {
            const sur = m[2]!.toLowerCase();
            const given = m[3]!.toLowerCase().replace(/\s+/g, '');
            // (syllable by syllable, or a two-syllable given name written as one word in lower case: li meiling 老师)
            const syllables = m[3]!.split(/\s+/).every((x) => pinyinSyllableCount(x) === 1) || /^[a-z]{4,12}$/.test(m[3]!) ? pinyinSyllableCount(given) : 0;
            const labelled = !!m[1] || !!m[4];
            if (!labelled || !pinyinSurnames.has(sur) || pinyinNot.has(`${sur} ${given}`) || personaPinyin.has(sur + given) || figurePinyin(sur + given) || syllables < 1 || syllables > 2) {
              PINYIN_LOOSE.lastIndex = m.index + Math.max(1, m[0].length - m[3]!.length);
              continue;
            }
            const at = m.index + (m[1]?.length ?? 0);
            const end = m.index + m[0].length - (m[4]?.length ?? 0);
            const masked = `${m[2]} *`;
            const [a, b] = orig(view, at, end);
            if (hits.some((h) => h.view === view.index && h.from < b && h.to > a)) continue;
            hits.push({ view: view.index, from: a, to: b, excerpt: masked, fix: masked, data: { masked, context: m[4] ? m[4].trim() : '拼音姓名' } });
          }
        }
        // a foreign client's full name in Latin letters (John Smith; Kim Ji-soo; 客户姓名：Nguyễn Văn An), where the words
        // around it name a client, and not where another finding of this rule already covers it
        if (/\p{Lu}(\p{Ll}+|\p{Lu}+)[ \u00a0]{1,2}\p{Lu}/u.test(view.span.text)) {
          for (const h of latinNames(view, foreign, assetCue, personaPinyin, personaSurnames, titleRe, personas)) if (!hits.some((x) => x.view === h.view && x.from < h.to && h.from < x.to)) hits.push(h);
        }
        // a Japanese client's full name in characters with さん or 様 after it (山田花子さん; 山田さん alone is the public form)
        if (japaneseRe && /[\u3040-\u30ff様样氏殿]/.test(t)) {
          japaneseRe.lastIndex = 0;
          for (let m = japaneseRe.exec(t); m; m = japaneseRe.exec(t)) accept(m.index, m[1]!.length, m.index + m[0].length, 'さん');
        }
      }
      // an asset about the bank's own people (a farewell, a team photo, new colleagues) that names no client anywhere:
      // its names are staff's, and staff are no clients (送别会｜在柜台坐了三十一年的刘淑芬大姐; 年终团队合影 前排左起：…)
      if (hits.length && views.some((v) => STAFF_ASSET.test(v.span.text)) && !views.some((v) => CLIENT_IN_ASSET.test(v.span.text))) return hits.filter((h) => online.has(h));
      // (and a name told as a colleague's where it stands: 在柜台坐了三十一年的刘淑芬大姐，今天正式退休了)
      return hits.filter((h) => {
        const src = views[h.view]!.span.text;
        // (a name read from the middle of a persona's own: 陈晓文答客户问 is no 文答)
        if (overlapsPersona(src, h.from, h.to, personas)) return false;
        if (online.has(h)) return true;
        const around = src.slice(Math.max(0, h.from - 24), Math.min(src.length, h.to + 12));
        return !(STAFF_NEAR.test(around) && !CLIENT_IN_ASSET.test(around));
      });
    };
  },
};

/** whether [from, to) of `src` overlaps a persona's name written there (the personas' own names pass) */
function overlapsPersona(src: string, from: number, to: number, personas: string[]): boolean {
  // (looked for in the window where an overlapping occurrence can only stand: a search to the text's end for each
  // hit would read a long list of names once per name)
  for (const p of personas) if (p.length >= 2 && src.slice(Math.max(0, from - p.length + 1), Math.min(src.length, to + p.length - 1)).includes(p)) return true;
  return false;
}

/** texts that speak of a letter or a note, whose signature is its writer's name */
const LETTER = /信|留言|来信|写道|写着|卡片|便条|纸条|锦旗|贺卡|感谢卡|落款|署名/;
/** Cantonese 生 and 太 after a surname are Mr. and Mrs. (老街坊邓生, 陈太话…; 陈生一家): the public form, when the sentence goes on in Cantonese, counts the family or ends */
const CANTONESE_TITLE = /^(生|太)($|[话讲嘅系同佢啊呀哋咁都又就敬送赠嚟来到等]|[一两二三全夫母父])/;

/** the end of an organisation's name, never a given name (…支行, …分行) */
const ORGANISATION_END = /(支行|分行|银行|网点|营业部|总行)$/;

/** who the writer of a letter says they are before their name (你们的老客户, 一位老街坊) */
const SIGNER = /^(你们的|您们的|您的|你的|贵行的)?(一位|一个)?(老|忠实的?)?(客户|储户|街坊|邻居|朋友|读者|粉丝|学员|会员)(?=[\u4e00-\u9fa5]{2,3})/;
/** the word for a signature and a colon, right before the name (落款工工整整：) */
const SIGNED = /(落款|署名)[^，。！？,.!?\n]{0,6}[：:]\s*$|(此致\s*)?敬礼[！!。]?\s*\n\s*$/;
/** a word of respect after a letter's signature (敬上, 谨上, 拜上) */
const CLOSING = /^(敬上|谨上|拜上|敬呈|敬书|谨启|致谢|叩谢|手书|上|书)/;

/** the personas' names and their pinyin, once per context */
const personaCache = new WeakMap<LintContext, { personas: string[]; personaPinyin: Set<string>; personaSurnames: Set<string> }>();
function personasOf(ctx: LintContext) {
  let p = personaCache.get(ctx);
  if (!p) {
    const personas = ctx.personaNames.map((x) => x.trim()).filter(Boolean);
    // (and their surnames in pinyin: Grace Lin is 林嘉欣's English name where no client is named)
    const personaSurnames = new Set(personas.filter((x) => /^[\u4e00-\u9fa5]{2,4}$/.test(x)).map((x) => pinyinOf(x[0]!).join('')).filter(Boolean));
    personaCache.set(ctx, (p = { personas, personaPinyin: new Set(personas.map((x) => pinyinOf(x).join(''))), personaSurnames }));
  }
  return p;
}

/** the foreign-name word lists of the rule's data, as sets of folded words */
interface ForeignNames {
  given: Set<string>;
  surnames: Set<string>;
  korean: Set<string>;
  japanese: Set<string>;
  vietnamese: Set<string>;
  vnMiddle: Set<string>;
  notNames: Set<string>;
  places: Set<string>;
  figures: Set<string>;
}
/** a word of a name as the lists hold it: lower case, accents and curly apostrophes dropped, no full stop (García → garcia) */
const foldName = (w: string) => w.normalize('NFD').replace(/\p{M}/gu, '').replace(/’/g, "'").replace(/\./g, '').toLowerCase();
/** a capitalised word of a name in Latin letters, accented or with a hyphened or apostrophed part (García, Ji-soo, Al-Farsi, O'Brien), or in capitals as a form or a passport writes it (PARK JIHOON) */
const NAME_WORD = String.raw`\p{Lu}(?:\p{Ll}{1,14}(?:[-'’]\p{L}\p{Ll}{1,14})?|['’]\p{Lu}\p{Ll}{1,14}|\p{Lu}{1,13}(?:-\p{Lu}{1,8})?(?!\p{Ll}))`;
/** two to four such words a space apart (John Smith; Kim Ji-soo; Nguyễn Văn An) */
// (Chinese may stand right against it: 感谢John Smith今天…)
// (a middle initial may stand between: John F. Kennedy)
const LATIN_NAME_RUN = new RegExp(`(?<![\\p{Lu}\\p{Ll}\\p{N}'’*＊.-])${NAME_WORD}(?:[ \\u00a0]{1,2}(?:\\p{Lu}\\.[ \\u00a0]?)?${NAME_WORD}){1,3}(?![\\p{Lu}\\p{Ll}\\p{N}*＊'’-])`, 'gu');
/** what names a client around a foreign name: a client word, thanks, a welcome, a prize, a card opened (over simplified text) */
const FOREIGN_CUE = /新朋友|认识了|客户|储户|志愿者|街坊|会员|学员|感谢|谢谢|多谢|欢迎|恭喜|祝贺|开户|办卡|开卡|借记卡|银行卡|信用卡|储蓄卡|工资卡|代发|存折|汇款|换汇|结汇|购汇|办理|办了|办好|开好|来网点|到网点|获奖|中奖|得奖|冠军|亚军|季军|名单|榜|(?<![A-Za-z])(?:thanks?|welcome|congrat[a-z]*|clients?|customers?|winners?|volunteers?)(?![A-Za-z])/i;
/** a sentence about staff: a colleague, a role, joining the team (新同事; 加入我们的团队; 理财经理) */
const FOREIGN_STAFF_SENTENCE = /同事|团队|入职|实习生|理财经理|大堂经理|客户经理|柜员|行长|主管|(?<![A-Za-z])(?:colleagues?|team|staff|intern)(?![A-Za-z])/i;
/** a client named in so many words (客户, 街坊, client) */
const FOREIGN_CLIENT = /客户|储户|街坊|会员|(?<![A-Za-z])(?:clients?|customers?)(?![A-Za-z])/i;
/** documents a person holds, named with the holder in brackets after them (身份证（赵德明）; 钱包（内有王建华的名片）is not one) */
const HELD_DOCUMENTS = ['身份证', '身份證', '证件', '證件', '银行卡', '社保卡', '医保卡', '护照', '護照', '户口本', '驾驶证', '驾照', '存折', '港澳通行证', '工作证', '学生证', '老年卡'];
/** three to twelve items of two to five Chinese characters joined by 、 (孙丽萍、何建军、邓小燕; a name with its kin: 刘德明夫人) */
// (the count of them may follow at once: 梁嘉豪、麥芷晴、陳卓林三位小朋友)
/** an item of such a list that is a masked name (孙**) */
const MASKED = '[\\u4e00-\\u9fa5][*＊]{1,3}';
const MASKED_ITEM = new RegExp(`^${MASKED}$`);
// (a masked name may be one of them: 赵婉清、钱立军、孙**三位客户)
const SERIES_ITEM = `(?:[\\u4e00-\\u9fa5]{2,5}|${MASKED})`;
const NAME_SERIES = new RegExp(`(?<![\\u4e00-\\u9fa5、])${SERIES_ITEM}(?:、${SERIES_ITEM}){2,11}(?=[两三四五六七八九十几]位|[^\\u4e00-\\u9fa5*＊]|$)`, 'g');
/** words around such a list that say its items are people */
/** three to twelve items of two to four characters on a line, set apart by spaces (李淑珍　陈建国　吴美兰) */
/** people each told by what they do, in a series (卖烤冷面的赵春梅、做糖画的孙德旺) */
const DESCRIBED_SERIES = /(?<![\u4e00-\u9fa5])[\u4e00-\u9fa5]{1,8}的[\u4e00-\u9fa5]{2,3}(?:、[\u4e00-\u9fa5]{1,8}的[\u4e00-\u9fa5]{2,3}){1,11}(?![\u4e00-\u9fa5])/g;
/** a series' heading that speaks of the people it lists as friends or trades (商户朋友：; 感谢…摊主们) */
const FRIENDS_CUE = /朋友|商户|摊主|店主|老板|街坊|邻居|感谢|谢谢|多谢/;

const SPACED_SERIES = /(?<![\u4e00-\u9fa5])[\u4e00-\u9fa5]{2,4}(?:[ \t\u3000]+[\u4e00-\u9fa5]{2,4}){2,11}(?![\u4e00-\u9fa5])/g;
/** three or more lines, each a bullet or an emoji and two to four characters alone (🎉 陈建华⏎🎉 刘美玲⏎🎉 赵子轩) */
const BULLETED_NAMES = /(?:^|\n)((?:[ \t\u3000]*(?:\p{Extended_Pictographic}\uFE0F?|[·•●▪\-—*])[ \t\u3000]*[\u4e00-\u9fa5]{2,4}[ \t\u3000]*(?:\n|$)){3,30})/gu;
/** one or more lines, each a name alone, right under a line that announces a prize's winners (最佳故事分享奖：⏎张丽华⏎刘建国; 锦鲤是……⏎范志鹏！！) */
const ANNOUNCED_NAMES = /(?:奖|锦鲤|名单|得主|幸运儿|获奖者|中奖者)[^\n]{0,12}?(?:[：:]|是[ \t\u3000]*(?:…+|\.{3,})?|…+)[ \t\u3000]*\n((?:[ \t\u3000]*[\u4e00-\u9fa5]{2,4}[ \t\u3000]*[！!~～。]*[ \t\u3000]*(?:\p{Extended_Pictographic}\uFE0F?)*[ \t\u3000]*(?:\n|$)){1,30})/gu;
/** the kinds of workplace with one post a person holds (实验小学, 医院, 派出所…); looked for in a text before POST_HELD is run */
const WORKPLACES = /实验小学|實驗小學|小学|小學|中学|中學|初中|高中|幼儿园|幼兒園|医院|醫院|卫生院|派出所|法院|检察院|街道办|居委会|村委会|研究所|研究院/;
/** a named workplace (a school, a hospital, an office, a firm — its place and name before it) and the one post held in it: group 2 the kind of place, 4 the post */
const POST_HELD = new RegExp(String.raw`((?:[\u4e00-\u9fa5]{2,4}[市區区县縣镇鎮])?(?:[\u4e00-\u9fa5]{2,4}[区區县縣])?[\u4e00-\u9fa5]{2,10}?)(${WORKPLACES.source})(的|嘅|之)?(?:现任|現任|前任|新任|原)?(校长|校長|副校长|副校長|教导主任|教導主任|园长|園長|院长|院長|副院长|副院長|所长|所長|主任|书记|書記|主任医师|主任醫師|科主任)`, 'g');
/** who it is said of, right before: a client who came (上周来的那位——; 嚟咗位; 一位客户是) */
const POST_CLIENT = /(客户|客戶|客人|那位|那一位|一位|嚟咗位|來咗位|来了位|來了位|接待了?|接待咗)[^。！？\n]{0,4}(?=[^。！？\n]{0,12}$)/;
/** an item of such a series */
const ITEM = /[\u4e00-\u9fa5]{2,4}/g;
const PEOPLE_CUE = /恭喜|祝贺|中奖|获奖|得主|幸运|锦鲤|观众|街坊|客户|嘉宾|名单|小朋友|同学|学员|家长|爸爸妈妈/;
/** what may follow a name in such a list: whose kin the item is (刘德明夫人) */
const KIN_AFTER = /^(夫人|太太|女儿|儿子|爱人|老伴|先生|女士|一家|全家|孙子|孙女|外孙|外孙女)$/;
/** a line that holds a Chinese character (a list's line with nothing else on it reads the line beside it) */
const HAS_CJK = /[\u4e00-\u9fa5]/;
/** a client label or word right before the name (客户姓名：; 客户志愿者; Name:) */
/** a product's name announced just before a word (产品名字叫“; 这款基金名叫) */
const PRODUCT_NAMED = /(产品|理财|基金|保险|存款|存单|这款|这只|系列|账户|小区|活动|店)的?(名字|名称|名)?(就)?(叫做?|名叫|取名|起名叫?|是)\s*[「“『"]?$/;
const FOREIGN_LABEL = /(?:客户姓名|客户名称|客户名|姓名|户名|持卡人|收款人|汇款人|申请人|联系人|获奖者|冠军|亚军|季军|老客户|新客户|客户|储户|志愿者|街坊|会员|学员|(?<![A-Za-z])(?:name|client|customer))\s*(?:[:：]|是|为|叫|名叫)?\s*[（(「“"]?\s*$/i;
/** thanks, a welcome or congratulations right before the name (感谢; 欢迎; Welcome; Congratulations to) */
const FOREIGN_GREETING = /(?:感谢|谢谢|多谢|欢迎|恭喜|祝贺|(?<![A-Za-z])(?:thanks to|thank you|welcome|congratulations to|dear))\s*[,，:：]?\s*$/i;
/** a title before the name (Mr. John Smith: the full name, where Mr. Smith is the public form) */
const FOREIGN_TITLE = /(?<![A-Za-z])(?:mr|mrs|ms|miss|mx|dr|madam)\.?\s*$/i;
/** an honorific after the name (Carlos Mendoza 先生; Anna Kowalski さん) */
const FOREIGN_HONORIFIC = /^\s*[)）」”"]?\s*(?:先生|女士|小姐|同学|同學|阿姨|叔叔|太太|夫人|一家|夫妇|夫婦|全家|さん|様|さま)/;
/** a member of staff named by a role right before the name (理财经理 Grace Lin; our colleague Tom Baker) */
const FOREIGN_STAFF_BEFORE = /(?:经理|經理|柜员|櫃員|行长|行長|主管|同事|员工|員工|顾问|顧問|(?<![A-Za-z])(?:manager|president|colleague|staff|advisor|adviser|teller))\s*[:：]?\s*$/i;
/** …or by a role in brackets right after it (Kevin Wong（大堂经理）) */
const FOREIGN_STAFF_AFTER = /^\s*[（(][^）)]{0,16}(?:经理|經理|柜员|櫃員|行长|行長|主管|同事|员工|員工|大堂|客服|顾问|顧問)/;
/** what makes a name a public figure's in its sentence: a year long past, a book or a film, a famous person's calling (over simplified text) */
const FOREIGN_HISTORY = /(?<![0-9])(?:1[0-8][0-9]{2}|19[0-4][0-9])\s*年|世纪|[百千]多?年前|传教士|探险家|作家|诗人|画家|哲学家|科学家|音乐家|作曲家|文学家|思想家|经济学家|总统|首相|国王|女王|王子|公主|皇帝|游记|笔下|著作|名著|小说|剧中|电影|主演|球星|球衣|歌手|明星|偶像|故居|纪念馆|书目|读书会|《|(?<![A-Za-z])(?:fans?|author|novel|wrote|written|book|film|movie|song|album)(?![A-Za-z])/i;

/** the sentence of source offset `at` (。！？!? or a line break ends it), at most 160 characters each way */
function sourceSentence(text: string, at: number): string {
  let a = at;
  while (a > 0 && at - a < 160 && !/[。！？!?\n]/.test(text[a - 1]!)) a--;
  let b = at;
  while (b < text.length && b - at < 160 && !/[。！？!?\n]/.test(text[b]!)) b++;
  return text.slice(a, b);
}

/** a persona's name in characters right after original offset `at` — past the rest of a romanised word, a space or a bracket (Lin Ka-yan 林嘉欣) */
function glossedByPersona(src: string, at: number, personas: string[]): boolean {
  const g = /^[A-Za-z'’-]*[\s（(]*([\u4e00-\u9fa5]{2,4})/.exec(src.slice(at, at + 14))?.[1];
  return !!g && personas.some((p) => g.startsWith(p));
}

/** the syllables of Korean given names as romanised (Ji-hoon, Seo-yeon, Min-jun) */
const KOREAN_SYLLABLES = new Set('a ah bin bo bom byung byeong chan chang cheol chul dae do dong du eun eui gi gun geon gyu gyeong ha hae hak han ho hong hoon hun hwa hwan hye hyo hyun hyeon hyuk il in ja jae jeong jin ji jong joo joon ju jun jung kang ki kwang kyo kyu kyung kyeong man mi min moon mun myung myeong na nam ok ra ri rin sam sang se seo seok seong seul sik so soo sook suk sun sung su tae u wan won woo ye yeon yeong yong yoo yoon young yu yul yun'.split(' '));
/** a Korean given name: hyphened (Ji-soo) or its two syllables written as one word (Jihoon, JIHOON, Seoyeon) */
function koreanGiven(w: string): boolean {
  if (w.includes('-')) return true;
  const k = w.toLowerCase();
  if (k.length < 4 || !/^[a-z]+$/.test(k)) return false;
  for (let i = 1; i < k.length; i++) if (KOREAN_SYLLABLES.has(k.slice(0, i)) && KOREAN_SYLLABLES.has(k.slice(i))) return true;
  return false;
}

/**
 * Foreign clients' full names in Latin letters in a text: a listed given name and a name-like word after it (John
 * Smith, Anna Kowalski), a name-like word and a listed surname (Aisha Rahman), or a surname written first (Kim
 * Ji-soo, Tanaka Yuki, Nguyễn Văn An) — or any two or three name-like words right after a client label (客户姓名：).
 * A client is named around it: a label or a title before it, an honorific after it, a cue in its sentence, or the
 * name alone on its line (a list, a badge) in an asset with a cue. Public figures (listed, titled, or in a sentence
 * of history or books), staff and pseudonyms pass; a lone given name (Emma) or a masked one (John S***, Ms. G.) is no
 * full name. The mask keeps the given name and the surname's initial (John S***; K*** Ji-soo).
 */
function latinNames(view: SpanView, f: ForeignNames, assetCue: () => boolean, personaPinyin: Set<string>, personaSurnames: Set<string>, titleRe: RegExp | undefined, personas: string[] = []): DetectorHit[] {
  const src = view.span.text;
  const hits: DetectorHit[] = [];
  const nameLike = (k: string) => k.length >= 2 && !f.notNames.has(k) && !f.places.has(k);
  // (a text of pseudonyms names nobody)
  if (/化名|假名/.test(src)) return hits;
  LATIN_NAME_RUN.lastIndex = 0;
  for (let m = LATIN_NAME_RUN.exec(src); m; m = LATIN_NAME_RUN.exec(src)) {
    const words: { w: string; k: string; from: number; to: number }[] = [];
    // (the words of the name, a middle initial left out)
    for (const x of m[0].matchAll(/\S+/g)) if (!/^\p{Lu}\.$/u.test(x[0])) words.push({ w: x[0], k: foldName(x[0]), from: m.index + x.index!, to: m.index + x.index! + x[0].length });
    // (a surname in capitals before a longer name is read as before, the name after it: WONG Ka Yan Kelly)
    while (words.length > 3 && words[0]!.w.length > 1 && words[0]!.w === words[0]!.w.toUpperCase()) words.shift();
    // (a place's or an organisation's name: Sun Yat-sen University, Canton Tower; not a Korean surname before its
    // hyphened given name: Park Min-jun)
    const korean = (i: number) => f.korean.has(words[i]!.k) && !!words[i + 1] && koreanGiven(words[i + 1]!.w);
    // (a persona's own name in another romanisation, glossed by the name itself: Handled by: Lin Ka-yan 林嘉欣)
    if (glossedByPersona(src, m.index + m[0].length, personas)) continue;
    if (words.some((x, i) => f.places.has(x.k) && !korean(i))) continue;
    let a = 0;
    let b = words.length;
    while (a < b && f.notNames.has(words[a]!.k)) a++;
    while (b > a && f.notNames.has(words[b - 1]!.k)) b--;
    const core = words.slice(a, b);
    if (core.length < 2 || core.length > 3 || !core.every((x, i) => nameLike(x.k) || korean(a + i))) continue;
    const g = core[0]!;
    const s = core[core.length - 1]!;
    const keys = core.map((x) => x.k);
    // public figures, whole or by a part of two words or one (John Leighton Stuart; Messi)
    if (f.figures.has(keys.join(' ')) || keys.some((k) => f.figures.has(k)) || (keys.length === 3 && (f.figures.has(`${keys[0]} ${keys[1]}`) || f.figures.has(`${keys[1]} ${keys[2]}`)))) continue;
    if (personaPinyin.has(keys.join('').replace(/[-']/g, '')) || personaPinyin.has([...keys].reverse().join('').replace(/[-']/g, ''))) continue;
    const before = toSimplified(src.slice(Math.max(0, g.from - 16), g.from));
    const after = toSimplified(src.slice(s.to, s.to + 20));
    if (FOREIGN_STAFF_BEFORE.test(before) || FOREIGN_STAFF_AFTER.test(after)) continue;
    // (a public figure's title right before the name: 诺贝尔奖得主 Claudia Goldin; 著名作家 Haruki Murakami)
    if (titleRe?.test(before.trimEnd())) continue;
    // (a label or an honorific says the name is a client's; thanks or a title says it is somebody's)
    const labelled = FOREIGN_LABEL.test(before) || FOREIGN_HONORIFIC.test(after);
    const lead = labelled || FOREIGN_GREETING.test(before) || FOREIGN_TITLE.test(before);
    // surname first: Korean with its hyphened given name, Japanese, Vietnamese with a middle name or a third word
    const east =
      (f.korean.has(g.k) && core.length === 2 && koreanGiven(s.w)) ||
      (f.japanese.has(g.k) && core.length === 2 && !f.surnames.has(s.k) && !f.japanese.has(s.k)) ||
      (f.vietnamese.has(g.k) && (core.length === 3 || f.vnMiddle.has(s.k) || g.k.length >= 4));
    // given name first (a given name not followed by another given name only: Emma Lucas is no one's full name)
    const western =
      (f.given.has(g.k) && (!f.given.has(s.k) || f.surnames.has(s.k) || f.japanese.has(s.k))) ||
      ((f.surnames.has(s.k) || f.japanese.has(s.k)) && !f.surnames.has(g.k)) ||
      (f.korean.has(s.k) && g.w.includes('-'));
    // (words in capitals are a name only by the lists: 客户 VIP ROOM is a sign, PARK JIHOON a name)
    const capitals = core.some((x) => x.w.length > 1 && x.w === x.w.toUpperCase());
    if (!east && !western && (!lead || capitals)) continue;
    const sentence = toSimplified(sourceSentence(src, m.index));
    if (FOREIGN_HISTORY.test(sentence)) continue;
    // (where no client is named: an English given name and a persona's surname in pinyin, a persona's English name — Grace
    // Lin; or a member of staff the sentence introduces — 欢迎 Kevin Wang 加入我们的团队)
    if (!labelled && !FOREIGN_CLIENT.test(sentence) && ((core.length === 2 && personaSurnames.has(s.k)) || FOREIGN_STAFF_SENTENCE.test(sentence))) continue;
    if (!lead && !FOREIGN_CUE.test(sentence)) {
      // the name alone on its line (1st  Anna Kowalski; 李舒妍 · Lee Seo-yeon), where the asset has a cue
      let ls = g.from;
      while (ls > 0 && g.from - ls < 40 && src[ls - 1] !== '\n') ls--;
      let le = s.to;
      while (le < src.length && le - s.to < 40 && src[le] !== '\n') le++;
      const rest = (src.slice(ls, g.from) + src.slice(s.to, le)).replace(/[\s\p{P}\p{S}]/gu, '');
      if (rest.length > 6 || !assetCue()) continue;
    }
    const surnameFirst = east || (!western && (f.korean.has(g.k) || f.japanese.has(g.k) || f.vietnamese.has(g.k)));
    const masked = surnameFirst ? `${g.w[0]}*** ${core.slice(1).map((x) => x.w).join(' ')}` : `${g.w} ${s.w[0]}***`;
    hits.push({ view: view.index, from: g.from, to: s.to, excerpt: masked, fix: masked, data: { masked, context: '外文姓名' } });
  }
  return hits;
}

/** surname characters that are more often a verb or preposition right before a name */
const VERBISH = new Set([...'谢和与给跟陪向请让叫为帮祝等见问找送']);
