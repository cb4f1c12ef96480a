"""Sample ID cards for the simulator, the demo and the tests. Invented people: the names,
addresses and numbers belong to no one (the numbers have right check digits and
birth dates, as a real card's do).
"""

from __future__ import annotations

from datetime import date

from kiosk.idcard.card import IdCard, Sex

#: valid until 2039
VALID = IdCard(
    name="王秀英", sex=Sex.FEMALE, nation_code="01", birth_date=date(1988, 3, 16),
    address="河南省郑州市金水区花园路56号院3号楼2单元501号", id_number="410105198803160041",
    issuing_authority="郑州市公安局金水分局", valid_from=date(2019, 5, 20),
    valid_to=date(2039, 5, 20),
)

#: ran out in 2016
EXPIRED = IdCard(
    name="马建国", sex=Sex.MALE, nation_code="03", birth_date=date(1975, 11, 2),
    address="河南省郑州市管城回族区紫荆山南路12号院7号楼1单元302号",
    id_number="410104197511020038", issuing_authority="郑州市公安局管城分局",
    valid_from=date(2006, 1, 10), valid_to=date(2016, 1, 10),
)

#: 长期: no end date (issued to people over 46), an address that fills most of its field
LONG_TERM = IdCard(
    name="赵淑华", sex=Sex.FEMALE, nation_code="01", birth_date=date(1949, 10, 1),
    address="河南省郑州市中原区建设西路187号院11号楼东单元4层西户附2号",
    id_number="410102194910010025", issuing_authority="郑州市公安局中原分局",
    valid_from=date(2012, 8, 15), valid_to=None,
)

SAMPLES = {"valid": VALID, "expired": EXPIRED, "long_term": LONG_TERM}
