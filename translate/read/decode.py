"""Bytes of a report → text, with the encoding said honestly.

Reports come as UTF-8 (with or without a byte-order mark), GB18030/GBK from
mainland systems, Big5 from Taiwan and Hong Kong, and UTF-16 from Windows
tools, not always with a byte-order mark.  A byte-order mark or valid UTF-8
settles it.  Otherwise every candidate that decodes without error is scored by
how plausible its text is (the share of its Chinese characters among the
1,500 most common, in either script), and the best wins; when the runner-up
comes close, the result says the encoding was a guess.  GB18030 accepts almost
any bytes, so Big5 text "decodes" as GB18030 without error: only the score
tells them apart.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from foundation.errors import UserError
from foundation.script import is_cjk, to_traditional

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Tried in this order when there is no byte-order mark and the bytes are not UTF-8.
# big5hkscs is Big5 with Hong Kong's supplement; cp950 is Microsoft's Big5 of Taiwan.
_CANDIDATES = ("gb18030", "big5hkscs", "cp950", "utf-16-le", "utf-16-be")
NAMES = {
    "utf-8": "UTF-8",
    "utf-16-le": "UTF-16 LE",
    "utf-16-be": "UTF-16 BE",
    "utf-32-le": "UTF-32 LE",
    "utf-32-be": "UTF-32 BE",
    "gb18030": "GB18030",
    "big5hkscs": "Big5-HKSCS",
    "cp950": "Big5 (cp950)",
}
# A decoding whose text scores below this is not text in that encoding.
MIN_PLAUSIBLE = 0.5
# The winner must lead the runner-up by this much for the choice to be certain.
CERTAIN_MARGIN = 0.3
# Control characters never found in text files (tab, newlines, form feed are).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")

# The 1,500 most frequent Chinese characters of the national work reports
# 1954-2024 (99.1% of their characters), in order.
_COMMON_SIMPLIFIED = (
    "的和国业一发大要民工展人加经进中建在政年有产会是作制力生主地改设我不济实全社化增行重农了强资各高革新方对保们合持能以为动"
    "定家面体理义分基务度提成现法同上企平个用本出开五推长好这到等步部多关利学区技坚结于十性机续事量决入市施系就公育来点教品计"
    "完支代善调过治外文三策积管共科水时收规应划取极自得活稳金必府放项快种术投继万造场内比百总立下城级整构九更费正创安村二深服"
    "目期领导些亿质所效之财解前任四可题权群促也问元向际通众都当特使益第统护须争商把战位扩后严程营础今防标族党口明优件与价源其"
    "两消心需而职广着员他形信原格求切将运条从还由做表努物反八相域世意环并门别界健去小转办路少军式融交及税节障变认适准控流干落"
    "六央间备已供较起批确命型境根情研减团监七达精集低范电势险劳依联数子斗预思想风局组贸千逐难速困议措真协乡处阶食医然略道助观"
    "果充挥先很因率况责粮线执者指居针维但镇料证引值断院贯彻采神究抓紧互模专则降织升固具算最接律才排复海识配按单易卫视次试养约"
    "美住励够态西國据类老验校综台受均打突队额近显又房负给华只鼓该贫存论且许破东说培兴无日注康核超督手土补非包案色常除搞港样层"
    "举货照审贷围林如参素里历查占帮巩普知段几失灾再气吨疗足序良清周移习传宏富它或志胜史没置止购象带克币奋此越每業筹边材竞铁伟"
    "债病例走布污扶网仍击幅承始友销列让款尽压退祖派澳轻直私苏盾户限油委纪矛害省望繁己身银报届张煤犯衡影南担药染胞密司息县违首"
    "著字远右看顺厂装天荣绩那头靠巨汇独毛至示初愿既见状键修满何容输草顿拓湾考免岸艰钢席攻属侵亚车北左回脱底武香零败罪缺乱矿惠"
    "告官纲秩棉予响腐江洲宗爱月感涨征守泛帝危括花河援累浪践耕训勤坏付恢侨扬器激庭候扎伐青艺功田們售献遇苦顾救德绝拉讲械丰妥错"
    "差振石探留随未沿短师念往套便倍涉判廉纠余覆宽库迅空斤耗某令半双贡致误热渠尊连股疫缩符缓盖损杂握儿贴急播希仅山评享筑待终這"
    "谐即储跃伍简署弱女岗订迫旧选經纳游福潜疾副泽察洋离球记士书觉遍奖陆马挑赤谈智图藏请跨残换诚産倡倾迈召谋检招光吸般停牢個遵"
    "微树束虑拥霸趋兼索肃厉盲發壮警旗份临惩懈洁爲亩被肥追拟偿站轨刻植久朝绿薄妇络馆僚盟牧瓦烈航抗旅休會端避禁松么早骤冲毕券炭"
    "客義碍循對汽甚否启途听渡帜太京话英邓亏於宣黄關威版宪废访谢潮恶兵印殊宜設聚故假削拖迎殖患述闻绕映計轮畜欧敌号夺宁偏尚汰現"
    "洪裕允编曾齐履勇裁農介封纺延秀测裂辖名托景档扫胀买來章板扣铺灵赢童归另虽邻勃择演凡米片斯抚细遗俭季忽获淘資進润园阻劲欠毫"
    "動燃灌荒剩签勘津末什灭异邮撑湖奉挚鲜讨链掌径抵散阿機摆租貌劣贵眼辟役宅糖纯距宝碳奥登過火硬估博劃須骨疆菜拨炼並折峰练亲倒"
    "睦寨弘敢舞濟剧龄班剥胁萬乏斜摇旱慢译饮却声言乐泥點醒遏森缴峡肯震峻骗伤混巴若悟载迁递翻吃欢课膨還應亞渔哲谊永蓄虚熟盈內蓬"
    "隐红钱扭呢時遭赛幸尤辅黑送沙暴冶侧揭撤阵温麻當毒扰慎返舆刑議實波透幼氧辉闭柬阴衔猪露脑肉抑牌垄拿替夫埔竭挖庆纸種學甘伙朋"
    "雄歧背棚颁溉滥級運營費務辛妨古借冒阳赶烟伯後伴盘赋割酬杠杆忧框尼谓驱漠抢沉拔罚冬浮卖称疑爭術室曲蓝析畅垦掘堂凝穷赞彪團衷"
    "恐阔胡贪問題領州寄籍御孩毁恰約長數李附涝宿刚纷辆弹释架伪操典横鉴兰將財東纵挂录虫壤穿票稻岛春坦崇暂粉從聯饭云荡川怀硫旺盛"
    "蒙尔陷弟锦贿鸣愈涌账净诊读射番偷逃舍锐喜欺奠锁碎許慧焦诺疏血语盗弊船死床淮欣叛係開總楼揽惯店誉井邪涛哪纱組體勞飞摊弃桥忘"
    "乎诉屋痛滋锅贩兄沒統幾戰诈找薪钩崛柱触苗煌赁丝掉敬奢脚罗耐餘灣軍彰兜堵渝慈眷白诸粗垃圾纽迷亡拒木竟結員華達條區據衆狠麦搬"
    "赖星呼戒旨叶授辽缔侈間協廣積導羣衞圆丽匹厚颠尖渐瞩册龙软梦申惕块纤挡忠仰滞弄圣衣勒項視規門兩坛祉跟尺角颗闲拼漏洞胆丁炉邦"
)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # a Python codec name
    certain: bool  # False when another encoding scored close: the caller should say which was assumed

    @property
    def name(self) -> str:
        return NAMES.get(self.encoding, self.encoding)


@cache
def _common() -> frozenset[str]:
    return frozenset(_COMMON_SIMPLIFIED) | frozenset(to_traditional(_COMMON_SIMPLIFIED))


def plausibility(text: str) -> float:
    """How much ``text`` looks like Chinese prose: 0 (noise) to 1.

    Chinese characters count when they are common ones; text with none is
    judged by its share of printable ASCII.
    """
    chinese = [c for c in text if is_cjk(c)]
    if chinese:
        common = _common()
        return sum(1 for c in chinese if c in common) / len(chinese)
    if not text:
        return 0.0
    return sum(1 for c in text if c.isascii() and (c.isprintable() or c in "\t\r\n")) / len(text)


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def detect(data: bytes) -> Decoded | None:
    """The text of ``data`` and its encoding, or None if no encoding fits."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom) :], encoding)
            return Decoded(text, encoding, True) if text is not None else None
    text = _strict(data, "utf-8")
    if text is not None and "\x00" not in text:
        return Decoded(text, "utf-8", True)
    scored = []
    for encoding in _CANDIDATES:
        text = _strict(data, encoding)
        if text is not None and not _CONTROL.search(text):
            scored.append((plausibility(text), encoding, text))
    scored.sort(key=lambda item: -item[0])
    if not scored or scored[0][0] < MIN_PLAUSIBLE:
        return None
    best, encoding, text = scored[0]
    runner_up = scored[1][0] if len(scored) > 1 else 0.0
    if encoding == "big5hkscs" and len(scored) > 1 and scored[1][1] == "cp950" and scored[1][2] == text:
        runner_up = scored[2][0] if len(scored) > 2 else 0.0  # the two Big5s agree: not a rival
    return Decoded(text, encoding, best - runner_up >= CERTAIN_MARGIN)


def decode_text(data: bytes, path: Path | str) -> Decoded:
    """Decode the bytes of a text file, or say in one line why they are not text."""
    if not data.strip():
        raise UserError("empty file: nothing to translate", path)
    decoded = detect(data)
    if decoded is None:
        if b"\x00" in data:
            raise UserError("binary file, not text (nor UTF-16)", path)
        raise UserError("cannot tell the encoding: not UTF-8, GB18030, Big5 or UTF-16", path)
    if _CONTROL.search(decoded.text):
        raise UserError("binary file, not text (control characters found)", path)
    if not decoded.text.strip():
        raise UserError("empty file: nothing to translate", path)
    return decoded
