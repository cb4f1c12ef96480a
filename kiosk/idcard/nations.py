"""The nationalities (民族) of GB 3304-1991, by the two-digit code an ID card carries.

The names are as the card prints them (汉, not 汉族), with the romanisation GB 3304
gives. 01..56 are the 56 nationalities; 97 (其他, other) and 98 (外国血统中国籍人士,
Chinese citizens of foreign origin) are the standard's two further codes.
"""

from __future__ import annotations

from typing import NamedTuple


class Nation(NamedTuple):
    code: str
    zh: str
    en: str


_TABLE = (
    ("01", "汉", "Han"), ("02", "蒙古", "Mongol"), ("03", "回", "Hui"), ("04", "藏", "Tibetan"),
    ("05", "维吾尔", "Uygur"), ("06", "苗", "Miao"), ("07", "彝", "Yi"), ("08", "壮", "Zhuang"),
    ("09", "布依", "Bouyei"), ("10", "朝鲜", "Korean"), ("11", "满", "Manchu"), ("12", "侗", "Dong"),
    ("13", "瑶", "Yao"), ("14", "白", "Bai"), ("15", "土家", "Tujia"), ("16", "哈尼", "Hani"),
    ("17", "哈萨克", "Kazak"), ("18", "傣", "Dai"), ("19", "黎", "Li"), ("20", "傈僳", "Lisu"),
    ("21", "佤", "Va"), ("22", "畲", "She"), ("23", "高山", "Gaoshan"), ("24", "拉祜", "Lahu"),
    ("25", "水", "Sui"), ("26", "东乡", "Dongxiang"), ("27", "纳西", "Naxi"),
    ("28", "景颇", "Jingpo"), ("29", "柯尔克孜", "Kirgiz"), ("30", "土", "Tu"),
    ("31", "达斡尔", "Daur"), ("32", "仫佬", "Mulao"), ("33", "羌", "Qiang"), ("34", "布朗", "Blang"),
    ("35", "撒拉", "Salar"), ("36", "毛南", "Maonan"), ("37", "仡佬", "Gelao"), ("38", "锡伯", "Xibe"),
    ("39", "阿昌", "Achang"), ("40", "普米", "Pumi"), ("41", "塔吉克", "Tajik"), ("42", "怒", "Nu"),
    ("43", "乌孜别克", "Uzbek"), ("44", "俄罗斯", "Russian"), ("45", "鄂温克", "Ewenki"),
    ("46", "德昂", "Deang"), ("47", "保安", "Bonan"), ("48", "裕固", "Yugur"), ("49", "京", "Gin"),
    ("50", "塔塔尔", "Tatar"), ("51", "独龙", "Derung"), ("52", "鄂伦春", "Oroqen"),
    ("53", "赫哲", "Hezhen"), ("54", "门巴", "Monba"), ("55", "珞巴", "Lhoba"), ("56", "基诺", "Jino"),
)

#: the 56 nationalities, 01..56
NATIONALITIES: dict[str, Nation] = {code: Nation(code, zh, en) for code, zh, en in _TABLE}

#: GB 3304's codes beyond the 56
OTHER_CODES: dict[str, Nation] = {
    "97": Nation("97", "其他", "Other"),
    "98": Nation("98", "外国血统中国籍人士", "Chinese citizen of foreign origin"),
}


def nation(code: str) -> Nation | None:
    """The nationality of a card's code, or None for a code GB 3304 does not have."""
    return NATIONALITIES.get(code) or OTHER_CODES.get(code)
