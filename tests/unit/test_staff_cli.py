"""``kiosk staff …``: the installer's accounts on this kiosk."""

from __future__ import annotations

import io
import sys

import keyring.errors

from kiosk.staff import cli as staff_cli
from kiosk.staff.desk import StaffDesk
from kiosk.sync.enrolment import CredentialStore, MemoryKeyring


class BrokenKeyring(MemoryKeyring):
    priority = 1

    def get_password(self, service, username):
        raise keyring.errors.KeyringLocked("the keyring is locked")


def run(tmp_path, monkeypatch, capsys, keys, *args, stdin=""):
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = staff_cli.main(["--data", str(tmp_path), *args], keys)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_add_list_sign_in_remove(tmp_path, monkeypatch, capsys):
    keys = CredentialStore(MemoryKeyring())
    code, out, _ = run(tmp_path, monkeypatch, capsys, keys, "add", "--number", "0371", "--name", "王芳",
                       "--role", "assistant", "--pin-stdin", stdin="246810\n")
    assert code == 0 and "added 0371 王芳 (assistant)" in out
    code, out, _ = run(tmp_path, monkeypatch, capsys, keys, "list")
    assert code == 0 and out.splitlines() == ["0371\t王芳\tassistant\tlocal"]
    desk = StaffDesk.open(tmp_path / "kiosk.db", keys)
    assert desk.sign_in("0371", "246810").result == "signed_in"
    # the addition itself is audited
    events = [i.body["payload"]["event"] for i in desk.outbox.items("pending") if i.kind == "audit"]
    assert events[0] == "staff_account_added"
    desk.store.close()
    code, out, _ = run(tmp_path, monkeypatch, capsys, keys, "remove", "--number", "0371")
    assert code == 0
    code, out, err = run(tmp_path, monkeypatch, capsys, keys, "remove", "--number", "0371")
    assert code == 1 and "no account 0371" in err
    code, out, _ = run(tmp_path, monkeypatch, capsys, keys, "list")
    assert "no staff accounts yet" in out


def test_refusals_say_why(tmp_path, monkeypatch, capsys):
    keys = CredentialStore(MemoryKeyring())
    base = ("add", "--number", "0371", "--name", "王芳", "--role", "assistant", "--pin-stdin")
    code, _, err = run(tmp_path, monkeypatch, capsys, keys, *base, stdin="12ab56\n")
    assert code == 2 and "a PIN is 6 to 8 digits" in err
    assert run(tmp_path, monkeypatch, capsys, keys, *base, stdin="246810\n")[0] == 0
    code, _, err = run(tmp_path, monkeypatch, capsys, keys, *base, stdin="246810\n")
    assert code == 2 and "already on this kiosk" in err
    code, _, err = run(tmp_path, monkeypatch, capsys, keys, "add", "--number", "03 71", "--name", "x",
                       "--role", "assistant", "--pin-stdin", stdin="246810\n")
    assert code == 2 and "letters or digits" in err


def test_without_a_secure_store_nothing_is_added(tmp_path, monkeypatch, capsys):
    keys = CredentialStore(BrokenKeyring())
    code, _, err = run(tmp_path, monkeypatch, capsys, keys, "add", "--number", "0371", "--name", "王芳",
                       "--role", "assistant", "--pin-stdin", stdin="246810\n")
    assert code == 3 and "secure credential store" in err
    code, out, _ = run(tmp_path, monkeypatch, capsys, CredentialStore(MemoryKeyring()), "list")
    assert "no staff accounts yet" in out


def test_the_two_typed_pins_must_match(tmp_path, monkeypatch, capsys):
    answers = iter(["246810", "246811"])
    monkeypatch.setattr(staff_cli.getpass, "getpass", lambda prompt: next(answers))
    code = staff_cli.main(["--data", str(tmp_path), "add", "--number", "0371", "--name", "王芳",
                           "--role", "assistant"], CredentialStore(MemoryKeyring()))
    assert code == 2 and "the two PINs differ" in capsys.readouterr().err
