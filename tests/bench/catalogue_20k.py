"""A provincial-size catalogue for benchmarks: ``make_matters(n=20000, seed=0)``.

Matters are put together from real government-service vocabulary: a subject
(居民 / 机动车 / 个体工商户 …), an object (身份证, 营业执照, 公积金 …), an action
(换领, 补办, 变更 …), sometimes a qualifier (个人 / 单位 / 港澳台居民 …) and, as in a
provincial catalogue where every county lists the same matter, a county. Each gets
colloquial Chinese aliases, an English name and aliases, a unique code and a
skewed popularity. The bundled demo catalogue's matters come first when it is
there, so the benchmark also searches real entries. Same ``n`` and ``seed``, same
matters.
"""

from __future__ import annotations

import random

from kiosk.rules.catalogue import DEMO_CATALOGUE, CatalogueError, Fee, Matter, Text, load_catalogue

# (name, short name residents say, English, short English, department)
OBJECTS = [
    ("身份证", "身份证", "resident ID card", "ID card", "GA"),
    ("临时身份证", "临时身份证", "temporary ID card", "temporary ID", "GA"),
    ("户口簿", "户口本", "household register", "hukou book", "GA"),
    ("居住证", "居住证", "residence permit", "residence permit", "GA"),
    ("护照", "护照", "passport", "passport", "CRJ"),
    ("往来港澳通行证", "港澳通行证", "Hong Kong and Macao travel permit", "HK permit", "CRJ"),
    ("往来台湾通行证", "台湾通行证", "Taiwan travel permit", "Taiwan pass", "CRJ"),
    ("驾驶证", "驾照", "driving licence", "driving licence", "JG"),
    ("行驶证", "行驶证", "vehicle licence", "vehicle licence", "JG"),
    ("号牌", "车牌", "number plates", "plates", "JG"),
    ("检验合格标志", "年检标", "inspection sticker", "inspection", "JG"),
    ("社会保障卡", "社保卡", "social security card", "SSC", "RS"),
    ("养老保险", "养老保险", "pension insurance", "pension", "RS"),
    ("失业保险金", "失业金", "unemployment benefit", "unemployment", "RS"),
    ("工伤保险待遇", "工伤待遇", "work injury benefits", "work injury", "RS"),
    ("职业资格证书", "资格证", "vocational qualification certificate", "qualification", "RS"),
    ("就业创业证", "就业证", "employment certificate", "employment card", "RS"),
    ("医保", "医保", "medical insurance", "medical insurance", "YB"),
    ("医保电子凭证", "医保码", "electronic medical insurance card", "medical QR", "YB"),
    ("生育津贴", "生育金", "maternity allowance", "maternity pay", "YB"),
    ("住房公积金", "公积金", "housing provident fund", "provident fund", "GJJ"),
    ("公积金贷款", "公积金贷款", "provident fund loan", "housing loan", "GJJ"),
    ("不动产权证书", "房产证", "property title certificate", "title deed", "BDC"),
    ("不动产抵押", "房屋抵押", "property mortgage", "mortgage", "BDC"),
    ("营业执照", "营业执照", "business licence", "business licence", "SJ"),
    ("食品经营许可证", "食品许可证", "food business licence", "food licence", "SJ"),
    ("药品经营许可证", "药店许可证", "pharmacy licence", "pharmacy licence", "SJ"),
    ("税务登记", "税务登记", "tax registration", "tax registration", "SW"),
    ("发票", "发票", "invoice", "invoice", "SW"),
    ("个人所得税", "个税", "individual income tax", "income tax", "SW"),
    ("契税", "契税", "deed tax", "deed tax", "SW"),
    ("结婚证", "结婚证", "marriage certificate", "marriage", "MZ"),
    ("离婚证", "离婚证", "divorce certificate", "divorce", "MZ"),
    ("低保", "低保", "minimum living allowance", "dibao", "MZ"),
    ("高龄津贴", "高龄补贴", "old-age allowance", "old age allowance", "MZ"),
    ("残疾人证", "残疾证", "disability certificate", "disability card", "CL"),
    ("出生医学证明", "出生证", "medical birth certificate", "birth certificate", "WJ"),
    ("老年人优待证", "老年证", "senior citizen card", "senior card", "WJ"),
    ("卫生许可证", "卫生许可", "hygiene permit", "hygiene permit", "WJ"),
    ("教师资格", "教资", "teacher qualification", "teaching certificate", "JY"),
    ("学籍", "学籍", "student record", "school record", "JY"),
    ("退役军人优待证", "优待证", "veterans card", "veteran card", "TY"),
    ("建筑施工许可证", "施工许可证", "construction permit", "building permit", "ZJ"),
    ("道路运输经营许可证", "运输许可证", "road transport licence", "transport licence", "JT"),
    ("船舶登记", "船舶登记", "vessel registration", "boat registration", "JT"),
    ("无犯罪记录证明", "无犯罪证明", "certificate of no criminal record", "police clearance", "GA"),
    ("户籍证明", "户口证明", "household registration certificate", "hukou certificate", "GA"),
    ("慢特病待遇", "慢性病", "chronic disease cover", "chronic illness", "YB"),
]

# (name, what residents say instead, English verb, a situation residents describe)
ACTIONS = [
    ("换领", "换", "Renew", ("到期", "expired")),
    ("补领", "补办", "Replace", ("丢了", "lost")),
    ("申领", "办", "Apply for", ("怎么办", "how to get")),
    ("首次申领", "第一次办", "First application for", ("第一次办", "first")),
    ("变更", "改", "Change", ("信息错了", "wrong details")),
    ("注销", "销", "Cancel", ("不用了", "no longer needed")),
    ("提取", "取", "Withdraw", ("取出来", "take out")),
    ("登记", "登记", "Register", ("登记", "registration")),
    ("备案", "备案", "File a record of", ("备案", "filing")),
    ("认证", "认证", "Verify", ("年审", "annual check")),
    ("查询", "查", "Look up", ("查一下", "check")),
    ("证明开具", "开证明", "Certificate of", ("开证明", "proof")),
    ("转移接续", "转", "Transfer", ("转到外地", "move to another city")),
    ("打印", "打", "Print", ("打印", "printout")),
    ("延续", "续期", "Extend", ("快到期了", "about to expire")),
    ("核发", "发", "Issue", ("发证", "issue")),
    ("挂失", "挂失", "Report lost", ("被偷了", "stolen")),
    ("年度报告", "年报", "Annual report on", ("年报", "annual report")),
    ("信息修改", "改信息", "Correct details of", ("写错了", "typo")),
    ("待遇申领", "领待遇", "Claim", ("领钱", "claim money")),
]

SUBJECTS = [
    ("", ""), ("居民", "resident"), ("机动车", "motor vehicle"), ("个体工商户", "sole trader"),
    ("城乡居民", "urban and rural residents'"), ("企业", "company"), ("职工", "employees'"),
    ("农村", "rural"), ("灵活就业人员", "self-employed"), ("外籍人员", "foreign nationals'"),
    ("退休人员", "retirees'"), ("港澳台居民", "Hong Kong, Macao and Taiwan residents'"),
    ("残疾人", "disabled people's"), ("老年人", "elderly people's"), ("新生儿", "newborn's"),
    ("农民专业合作社", "farmers' cooperative"), ("事业单位", "public institution"),
]

QUALIFIERS = [
    ("个人", "individual"), ("单位", "employer"), ("网上办理", "online"), ("容缺受理", "fast track"),
    ("跨省通办", "any province"), ("帮办代办", "assisted"), ("邮寄送达", "by post"),
    ("即办件", "same day"),
]

COUNTIES = [
    ("西湖区", "Xihu"), ("上城区", "Shangcheng"), ("拱墅区", "Gongshu"), ("滨江区", "Binjiang"),
    ("萧山区", "Xiaoshan"), ("余杭区", "Yuhang"), ("临平区", "Linping"), ("钱塘区", "Qiantang"),
    ("富阳区", "Fuyang"), ("临安区", "Lin'an"), ("桐庐县", "Tonglu"), ("淳安县", "Chun'an"),
    ("建德市", "Jiande"), ("海曙区", "Haishu"), ("鄞州区", "Yinzhou"), ("慈溪市", "Cixi"),
    ("余姚市", "Yuyao"), ("鹿城区", "Lucheng"), ("瑞安市", "Rui'an"), ("乐清市", "Yueqing"),
    ("越城区", "Yuecheng"), ("诸暨市", "Zhuji"), ("婺城区", "Wucheng"), ("义乌市", "Yiwu"),
    ("东阳市", "Dongyang"), ("椒江区", "Jiaojiang"), ("温岭市", "Wenling"), ("莲都区", "Liandu"),
    ("定海区", "Dinghai"), ("柯城区", "Kecheng"), ("南湖区", "Nanhu"), ("吴兴区", "Wuxing"),
]


def _demo_matters() -> list[Matter]:
    try:
        return list(load_catalogue(DEMO_CATALOGUE).matters)
    except CatalogueError:
        return []


def make_matters(n: int = 20000, seed: int = 0, include_demo: bool = True) -> list[Matter]:
    """``n`` matters (the demo catalogue's first, when present), deterministic by seed."""
    rng = random.Random(seed)
    matters = _demo_matters()[:n] if include_demo else []
    names: set[str] = {m.name.zh for m in matters}
    serial = 0
    while len(matters) < n:
        serial += 1
        obj, obj_short, obj_en, obj_en_short, dept = rng.choice(OBJECTS)
        action, said, verb, (situation, situation_en) = rng.choice(ACTIONS)
        subject, subject_en = rng.choice(SUBJECTS) if rng.random() < 0.6 else ("", "")
        name = f"{subject}{obj}{action}"
        en = f"{verb} {subject_en + ' ' if subject_en else ''}{obj_en}"
        if rng.random() < 0.35:
            qualifier, qualifier_en = rng.choice(QUALIFIERS)
            name += f"（{qualifier}）"
            en += f" ({qualifier_en})"
        if name in names:  # the same matter as listed by another county
            county, county_en = rng.choice(COUNTIES)
            name = f"{county}{name}"
            en += f", {county_en}"
            if name in names:
                name += f"（{serial}）"
        names.add(name)
        aliases = dict.fromkeys([
            f"{said}{obj_short}", f"{obj_short}{situation}", f"{obj_short}{action}",
            f"{obj_short}{said}", f"办{obj_short}",
        ])
        aliases_zh = tuple(rng.sample(list(aliases), k=min(len(aliases), rng.randint(2, 4))))
        aliases_en = (f"{obj_en_short} {situation_en}", f"{verb.lower()} {obj_en_short}")
        matters.append(Matter(
            code=f"SYN-{dept}-{serial:06d}",
            name=Text(name, en),
            aliases_zh=aliases_zh,
            aliases_en=aliases_en[: rng.randint(1, 2)],
            department=dept,
            themes=(),
            materials=(),
            fee=Fee(0.0),
            legal_limit_days=rng.choice((0, 5, 10, 20)),
            promised_limit_days=rng.choice((0, 1, 3, 5)),
            visits=rng.choice((0, 1, 1, 2)),
            window=Text("综合受理窗口", "General service window"),
            online=rng.random() < 0.5,
            bookable=rng.random() < 0.5,
            proxy_allowed=rng.random() < 0.5,
            halls=(),
            popularity=int(100 * rng.random() ** 3),
        ))
    return matters
