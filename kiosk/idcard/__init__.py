"""The resident's ID card on the reader (二代身份证阅读器): what a card holds and how it is read.

``card`` (the value a card gives: name, sex, nation, birth date, address, ID number,
issuing authority, validity; masked in ``repr``), ``nations`` (GB 3304's codes and
names), ``text_block`` (the card's 256-byte text block, decoded and checked),
``reader`` (the ``IdCardReader`` interface a screen and the staff panel use, its
results, failures and health, ``open_reader`` from the settings), ``sam_protocol``
(frames of the SAM protocol of GA 467, with its sources), ``serial_reader`` (the
driver for SAM readers on a serial port, pyserial), ``simulator`` (a SAM reader on a
pseudo-terminal, for the tests and the demo), ``samples`` (invented cards).

A card's photo is never decoded or kept. Name and address are held only for the
session that read them, as a typed ID number is.

May import: the standard library, ``kiosk.rules`` and pyserial. Never Qt or the UI.
"""
