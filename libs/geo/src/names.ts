import { type Prng } from './prng';

// Character pools that combine into names typical of north-east Sichuan place names
// (a landform or water word after a colour, plant, animal or auspicious word).
const FIRST = [...'清白青金石龙凤玉高长大双三新兴永平红黄云桃杨柳梨沙明光德安义鹿马铁观元文茶松柏竹槐花'];
const SECOND = [...'江河溪坝口山岭坪场庙寺桥湾滩垭梁池塘岩台门阳城关林源丰乐宁和店铺'];
const STREET_NAMES = [
  ...['东城', '西城', '江北', '回风', '宕梁', '兴文', '时新', '云台', '登科', '文治', '北城', '城南'],
  ...['滨江', '玉堂', '诺江', '壁州', '集州', '江口', '同州', '金宝', '南龛', '望京', '朝阳', '鹤鸣'],
];
const COMMUNITY_WORDS = [
  ...['东门', '南门', '北门', '西门', '滨河', '新华', '人民', '文化', '光明', '和平', '幸福', '春晖'],
  ...['阳光', '兴隆', '建设', '友谊', '金鹿', '红星', '府前', '九龙', '将军', '望江', '翠屏', '书院'],
];
const ROAD_SUFFIX = ['路', '街', '大道', '巷'];
const SQUARE_WORDS = ['人民', '文化', '市民', '红军', '滨江', '体育', '时代', '中心'];
const SPOTS = ['东入口', '西入口', '南入口', '北入口', '中心', '停车场', '主通道', '出口'];

export const SITE_PLACE_WORDS = {
  'key-industry': ['加油站', '变电站', '水电站', '化工园区', '银行网点', '医院', '煤矿', '物流园'],
  square: ['广场'],
  station: ['汽车客运站', '火车站', '公交枢纽', '高铁站'],
  school: ['中心小学', '中学', '幼儿园', '实验学校', '职业中学'],
  'smart-community': ['小区', '安置小区', '花园', '家园', '苑'],
  road: ['交叉口', '路段', '桥头', '隧道口', '收费站'],
} as const;

/** Hands out names from combinations of two pools, never the same name twice per scope. */
export class NamePool {
  private readonly used = new Set<string>();

  constructor(private readonly rng: Prng) {}

  /** A two-character name not yet used in this pool, plus the suffix. */
  place(suffix: string): string {
    for (let attempt = 0; attempt < 200; attempt++) {
      const name = `${this.rng.pick(FIRST)}${this.rng.pick(SECOND)}${suffix}`;
      if (this.take(name)) return name;
    }
    return this.numbered(suffix);
  }

  /** A name from a fixed list (falls back to a generated one once the list is used up). */
  fromList(list: readonly string[], suffix: string): string {
    for (const word of this.rng.shuffle(list)) if (this.take(`${word}${suffix}`)) return `${word}${suffix}`;
    return this.place(suffix);
  }

  street(): string {
    return this.fromList(STREET_NAMES, '街道');
  }

  community(): string {
    return this.fromList(COMMUNITY_WORDS, '社区');
  }

  private take(name: string): boolean {
    if (this.used.has(name)) return false;
    this.used.add(name);
    return true;
  }

  private numbered(suffix: string): string {
    let n = this.used.size + 1;
    while (!this.take(`第${n}${suffix}`)) n++;
    return `第${n}${suffix}`;
  }
}

/** A road name such as 回风路 or 清江大道. */
export function roadName(rng: Prng): string {
  return `${rng.pick(FIRST)}${rng.pick(SECOND)}${rng.pick(ROAD_SUFFIX)}`;
}

export function squareName(rng: Prng): string {
  return `${rng.pick(SQUARE_WORDS)}广场${rng.pick(SPOTS)}`;
}

export function spot(rng: Prng): string {
  return rng.pick(SPOTS);
}
